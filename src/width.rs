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

/// The longest prefix of `s` within `cells` cells, uncut by any mark.
pub fn truncate_exact(s: &str, cells: usize) -> String {
    let mut used = 0;
    s.chars()
        .take_while(|&c| {
            used += char_width(c);
            used <= cells
        })
        .collect()
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

/// One column of a table, for [`share`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Cells its widest content needs.
    pub natural: usize,
    /// May be narrower than its content (text), or never (numbers, keys).
    pub shrinks: bool,
}

/// Narrowest a shrinking column gets.
const NARROWEST: usize = 4;

/// Shares `room` cells among columns, each followed by one space: every
/// column its natural width when they all fit, the spare going to column
/// `spare` (if any); otherwise the shrinking ones give up cells, the widest
/// first, so none is cut while another has cells to spare.
pub fn share(columns: &[Column], spare: Option<usize>, room: usize) -> Vec<usize> {
    let room = room.saturating_sub(columns.len());
    let mut widths: Vec<usize> = columns.iter().map(|c| c.natural).collect();
    let fixed: usize = columns
        .iter()
        .filter(|c| !c.shrinks)
        .map(|c| c.natural)
        .sum();
    let wanted: usize = columns
        .iter()
        .filter(|c| c.shrinks)
        .map(|c| c.natural)
        .sum();
    if fixed + wanted <= room {
        if let Some(w) = spare.and_then(|i| widths.get_mut(i)) {
            *w += room - fixed - wanted;
        }
        return widths;
    }
    // The largest cap on the shrinking columns that fits (water filling).
    let budget = room.saturating_sub(fixed);
    let capped = |cap: usize| -> usize {
        columns
            .iter()
            .filter(|c| c.shrinks)
            .map(|c| c.natural.min(cap.max(NARROWEST)))
            .sum()
    };
    let (mut lo, mut hi) = (0, columns.iter().map(|c| c.natural).max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if capped(mid) <= budget {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut left = budget.saturating_sub(capped(lo));
    for (w, c) in widths.iter_mut().zip(columns) {
        if c.shrinks {
            *w = c.natural.min(lo.max(NARROWEST));
            // Cells the cap left over go one each to columns still cut.
            if left > 0 && *w < c.natural {
                *w += 1;
                left -= 1;
            }
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_take_their_words_then_share_what_is_short() {
        let text = |natural| Column {
            natural,
            shrinks: true,
        };
        let number = |natural| Column {
            natural,
            shrinks: false,
        };
        // Room for all: natural widths, the spare to the name.
        assert_eq!(
            share(&[number(3), text(10), text(6)], Some(1), 30),
            [3, 18, 6]
        );
        // Short: the widest text gives up cells first; numbers never.
        assert_eq!(
            share(&[number(3), text(20), text(6)], Some(1), 24),
            [3, 12, 6]
        );
        assert_eq!(share(&[number(3), text(20), text(20)], None, 24), [3, 9, 9]);
        // Narrower than anything can fit: every text column at its least.
        assert_eq!(share(&[number(10), text(20)], None, 5), [10, 4]);
        for room in 0..80 {
            let w = share(&[number(4), text(30), text(12), text(12)], Some(1), room);
            let used: usize = w.iter().sum::<usize>() + 4;
            assert!(used <= room.max(4 + 4 * 3 + 4), "{room}: {w:?}");
        }
    }

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
