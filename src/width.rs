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

/// Punctuation a Chinese line must not start with (避头): it closes what
/// comes before it.
fn closes(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '…'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

/// Splits `s` into lines of at most `cells` cells, breaking anywhere in
/// Chinese (it has no spaces to break at) but before closing punctuation,
/// which takes the character it follows down with it, as Chinese
/// typesetting does; between words in English, a word longer than a line
/// broken only where it must be. Existing line breaks are kept.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = char_width(c);
            if used + w > cells {
                // A space where the line ends is the break itself.
                if c == ' ' {
                    lines.push(line.trim_end().to_string());
                    line.clear();
                    used = 0;
                    continue;
                }
                let carried = if in_word(c) && line.chars().last().is_some_and(in_word) {
                    // Back to the space before the word, the space dropped.
                    carry_back(&mut line, |_, before| before.is_none_or(|b| !in_word(b)))
                } else if closes(c) {
                    carry_back(&mut line, |last, _| !closes(last))
                } else {
                    String::new()
                };
                lines.push(line.trim_end().to_string());
                used = width(&carried);
                line = carried;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// A character of an English word (or number): narrow and not a space.
fn in_word(c: char) -> bool {
    c != ' ' && char_width(c) == 1
}

/// Takes characters off the end of `line`, back to the first one for which
/// `stop(it, the one before it)` holds, and returns them to start the next
/// line; takes nothing when that would leave `line` empty.
fn carry_back(line: &mut String, stop: impl Fn(char, Option<char>) -> bool) -> String {
    let mut keep = line.clone();
    let mut carried = String::new();
    while let Some(last) = keep.pop() {
        carried.insert(0, last);
        if stop(last, keep.chars().last()) {
            break;
        }
    }
    if keep.trim().is_empty() {
        return String::new();
    }
    *line = keep;
    carried
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_between_words() {
        assert_eq!(
            wrap("approve (then the grade)", 12),
            ["approve", "(then the", "grade)"]
        );
        assert_eq!(
            wrap("no flags; a budget sum that agrees", 26),
            ["no flags; a budget sum", "that agrees"]
        );
        // A word longer than the line is broken where it must be.
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // Chinese still breaks anywhere, and a number stays whole.
        assert_eq!(wrap("相差 1,665.78 万元", 10), ["相差", "1,665.78", "万元"]);
    }

    #[test]
    fn a_line_never_starts_with_closing_punctuation() {
        // 12 cells: six characters, then `：` would open the next line.
        assert_eq!(wrap("具体意见如下：请改", 12), ["具体意见如", "下：请改"]);
        // Two closing marks together go down with the character before them.
        let cells = width("结果为“中”");
        assert_eq!(wrap("结果为“中”，现", cells), ["结果为“", "中”，现"]);
        for cells in 2..30 {
            let text = "你单位报送的《申报表》已收悉。经审核，审核结果为“中”，现退回修改。";
            let lines = wrap(text, cells);
            assert_eq!(lines.concat(), text, "nothing lost at {cells}");
            for l in &lines {
                assert!(width(l) <= cells.max(2), "{l} over {cells}");
            }
            if cells >= 8 {
                for l in &lines[1..] {
                    assert!(!l.starts_with(closes), "{l:?} at {cells}");
                }
            }
        }
    }

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
