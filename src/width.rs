//! The one place that measures how wide text is on a terminal.
//!
//! Chinese characters take two cells, most others one. Padding, cutting and
//! placing a cursor by `chars().count()` misaligns every CJK row (gitui's
//! issues #194, #158), so everything that lays text out asks here. Text
//! given here must already be in its sanitised display form.

use unicode_width::UnicodeWidthChar;

/// Cells one character takes (control characters: none; they never get
/// here, the sanitiser made them visible).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cells a text takes.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The longest prefix of `s` that fits in `max` cells, ending with `…` when
/// something was cut (a wide character never straddles the edge).
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut to `cells` and padded with spaces to exactly that width.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` padded on the left to `cells` (for numbers), cut if too long.
pub fn fit_right(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let pad = cells.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

/// Splits `s` into lines of at most `cells` cells, breaking anywhere
/// (Chinese has no spaces to break at); existing line breaks are kept.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = char_width(c);
            if used + w > cells {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_takes_two_cells() {
        assert_eq!(width("司法局"), 6);
        assert_eq!(width("ab司"), 4);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("广州市天河区司法局", 7), "广州市…");
        assert_eq!(truncate("广州市天河区司法局", 8), "广州市…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 1), "…");
        assert_eq!(truncate("abcd", 0), "");
        for max in 0..20 {
            assert!(
                width(&truncate("广州a市天河区b司法局", max)) <= max,
                "{max}"
            );
        }
    }

    #[test]
    fn fit_pads_to_exact_cells() {
        assert_eq!(fit("司法", 6), "司法  ");
        assert_eq!(width(&fit("广州市天河区司法局", 9)), 9);
        assert_eq!(fit_right("1.00", 6), "  1.00");
    }

    #[test]
    fn wrap_breaks_by_cells_and_keeps_line_breaks() {
        assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
        assert_eq!(wrap("ab\n一", 10), ["ab", "一"]);
        for line in wrap("总体绩效目标abc总体绩效目标", 5) {
            assert!(width(&line) <= 5);
        }
    }
}
