//! The text definitions the rule catalogue is written in: blank, normalised
//! text, numbers of a text, graded values, level names. Each is used by
//! several rules, so each is defined once, here.

/// *blank*: absent, or only white space.
pub fn is_blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(all_white)
}

/// The text when it is not blank.
pub fn non_blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|t| !all_white(t))
}

/// Only white space (or nothing)? Asked of every box by many rules, so it
/// stops at the first other character, where `trim().is_empty()` trimmed
/// both ends through a function pointer (7% of `check`'s time).
fn all_white(t: &str) -> bool {
    t.chars().all(char::is_whitespace)
}

/// The catalogue's punctuation: `，。、；：！？,.;:!?（）()【】[]“”"'`.
fn is_listed_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '（'
            | '）'
            | '('
            | ')'
            | '【'
            | '】'
            | '['
            | ']'
            | '“'
            | '”'
            | '"'
            | '\''
    )
}

/// Does normalising drop `c`?
fn drops(c: char) -> bool {
    c.is_whitespace() || is_listed_punctuation(c)
}

/// Where the characters normalising drops are in `s`, as byte ranges. Only
/// ASCII and characters whose UTF-8 begins C2, E1, E2, E3 or EF (U+0085 …
/// U+FF1F: the wide punctuation and the Unicode spaces) can be dropped, so
/// every other character — the ideographs, most of a form's text — is
/// passed over by its first byte, not decoded.
fn dropped(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            let start = at;
            at += match b {
                0x00..=0x7F => 1,
                0x80..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let gone = match b {
                0x00..=0x7F => drops(char::from(b)),
                0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => s
                    .get(start..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(drops),
                _ => false,
            };
            if gone {
                return Some(start..at);
            }
        }
        None
    })
}

/// *normalised text*: white space and the catalogue's punctuation removed.
/// For comparing words, never for reading numbers. Borrowed when there is
/// nothing to remove.
pub fn normalise(s: &str) -> std::borrow::Cow<'_, str> {
    let mut dropped = dropped(s).peekable();
    if dropped.peek().is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut kept = 0;
    for gone in dropped {
        out.push_str(s.get(kept..gone.start).unwrap_or_default());
        kept = gone.end;
    }
    out.push_str(s.get(kept..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// Appends `s` normalised (as [`normalise`]) to `out`: the text of a key
/// built in a buffer kept from call to call, with no string a call.
pub fn push_normalised(out: &mut Vec<u8>, s: &str) {
    let mut kept = 0;
    for gone in dropped(s) {
        out.extend_from_slice(s.as_bytes().get(kept..gone.start).unwrap_or_default());
        kept = gone.end;
    }
    out.extend_from_slice(s.as_bytes().get(kept..).unwrap_or_default());
}

/// Does `text` contain `word`? A one-character word is looked for as a
/// character (a memchr), which skips the substring searcher's setup: most
/// of the catalogue's time words (日 天 周 月 年 前 内) are one character.
pub fn contains_word(text: &str, word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => text.contains(c),
        _ => text.contains(word),
    }
}

/// *has a number*: an ASCII or full-width digit anywhere.
pub fn has_number(s: &str) -> bool {
    // On bytes: ０-９ are U+FF10–U+FF19, EF BC 90–99 in UTF-8.
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || (x == 0xef
                && b.get(i + 1) == Some(&0xbc)
                && matches!(b.get(i + 2), Some(0x90..=0x99)))
    })
}

/// One number read from a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number<'a> {
    /// The digits as written (folded to ASCII), e.g. `21` or `0.5`.
    pub text: std::borrow::Cow<'a, str>,
    /// Followed (after spaces) by `%` or `％`.
    pub percentage: bool,
    /// Preceded (after spaces) by `≤ ≦ < ＜`.
    pub upper_bound: bool,
    /// The characters right after it, up to a digit, white space or
    /// punctuation: `场次` in `≥21场次`.
    pub unit: &'a str,
}

impl Number<'_> {
    /// Exact value for comparisons; the text is digits with at most one dot.
    pub fn value(&self) -> Option<rust_decimal::Decimal> {
        self.text.parse().ok()
    }
}

fn fold_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        c => c,
    }
}

fn ends_unit(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || is_listed_punctuation(c)
        || matches!(
            c,
            '%' | '％' | '≥' | '≤' | '≦' | '≧' | '＜' | '＞' | '～' | '—' | '－'
        )
}

/// *numbers of a text*: each maximal run `[0-9]+(\.[0-9]+)?` of the raw
/// text with full-width digits and `．` folded to ASCII, read lazily: most
/// callers want only the first one or two.
pub fn numbers(s: &str) -> impl Iterator<Item = Number<'_>> {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let digit = |c: char| fold_char(c).is_ascii_digit();
        let start = loop {
            let (i, c) = chars.next()?;
            if digit(c) {
                break i;
            }
        };
        let mut seen_dot = false;
        while let Some(&(_, c)) = chars.peek() {
            if !digit(c) {
                // One dot, and only with a digit after it: `5.` ends at 5.
                let mut after_dot = chars.clone();
                after_dot.next();
                let dot = fold_char(c) == '.'
                    && !seen_dot
                    && after_dot.peek().is_some_and(|&(_, d)| digit(d));
                if !dot {
                    break;
                }
                seen_dot = true;
            }
            chars.next();
        }
        let end = chars.peek().map_or(s.len(), |&(i, _)| i);
        let raw = &s[start..end];
        // Borrowed unless full-width digits had to be folded.
        let text = if raw.is_ascii() {
            std::borrow::Cow::Borrowed(raw)
        } else {
            std::borrow::Cow::Owned(raw.chars().map(fold_char).collect())
        };
        let after = &s[end..];
        let unit_len = after
            .find(|c| ends_unit(fold_char(c)))
            .unwrap_or(after.len());
        let next = after.chars().find(|c| !c.is_whitespace());
        let prev = s[..start].chars().rev().find(|c| !c.is_whitespace());
        Some(Number {
            text,
            percentage: matches!(next, Some('%') | Some('％')),
            upper_bound: matches!(prev, Some('≤') | Some('≦') | Some('<') | Some('＜')),
            unit: &after[..unit_len],
        })
    })
}

/// The first number of a text that is a percentage.
pub fn first_percentage(s: &str) -> Option<rust_decimal::Decimal> {
    numbers(s)
        .into_iter()
        .find(|n| n.percentage)
        .and_then(|n| n.value())
}

/// One of 优秀 优良 良好 较好 合格 达标 通过 (all two characters long).
fn is_grade_word(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('优', '秀' | '良') | ('良' | '较', '好') | ('合', '格') | ('达', '标') | ('通', '过')
    )
}

/// *graded*: a graded qualitative value (分级分档) such as 良好以上 or 优.
pub fn is_graded(s: &str) -> bool {
    // One pass over neighbouring characters, not seven substring searches.
    if s.chars()
        .zip(s.chars().skip(1))
        .any(|(a, b)| is_grade_word(a, b))
    {
        return true;
    }
    if !s.contains(['优', '良', '中', '差']) {
        return false;
    }
    let n = normalise(s);
    let Some(rest) = ["优", "良", "中", "差"]
        .iter()
        .find_map(|g| n.strip_prefix(g))
    else {
        return false;
    };
    let rest = rest
        .strip_prefix('级')
        .or_else(|| rest.strip_prefix('等'))
        .unwrap_or(rest);
    matches!(rest, "" | "以上" | "及以上")
}

/// Each item once, in the order first met: the names a message lists.
/// (A list is at most a form's rows, 500 by the format's bounds, so a
/// scan is enough.)
pub fn once_each<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// *level names*: trimmed, one trailing 指标 removed; `None` when blank.
pub fn level_name(s: &Option<String>) -> Option<&str> {
    let t = non_blank(s)?.trim();
    Some(t.strip_suffix("指标").unwrap_or(t))
}

/// An indicator name without a trailing parenthesis such as `（场次）`.
pub fn strip_trailing_parenthesis(s: &str) -> &str {
    let t = s.trim_end();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if t.ends_with(close)
            && let Some(i) = t.rfind(open)
        {
            return &t[..i];
        }
    }
    t
}

/// Do `a` and `b` share a run of at least `len` characters?
///
/// The texts come from the file and may be megabytes long, so this is a
/// Rabin–Karp search (linear in both lengths), not the textbook table of
/// |a|·|b| cells. Windows of the shorter text are hashed modulo the
/// Mersenne prime 2⁶¹−1 with a base drawn per process, so nobody can
/// build texts that collide on purpose; every hash hit is confirmed by
/// comparing the characters, so the answer is exact.
pub fn shares_substring(a: &str, b: &str, len: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if len == 0 {
        return true;
    }
    if len > short.len() {
        return false;
    }
    // Names and targets are a few dozen characters: the table is quicker
    // there, and only long texts pay for hashing.
    if short.len().saturating_mul(long.len()) <= 4096 {
        return longest_common_run(short, long) >= len;
    }
    shares_by_hash(short, long, len)
}

/// [`shares_substring`] by Rabin–Karp; `short` is the shorter text and
/// `len` is at least 1 and at most its length.
fn shares_by_hash(short: &[char], long: &[char], len: usize) -> bool {
    let hash = RollingHash::new(len);
    let mut windows: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    hash.each_window(short, |start, h| windows.entry(h).or_default().push(start));
    let mut found = false;
    hash.each_window(long, |start, h| {
        if !found && let Some(starts) = windows.get(&h) {
            let piece = &long[start..start + len];
            found = starts.iter().any(|&s| &short[s..s + len] == piece);
        }
    });
    found
}

/// The longest common run of two short texts, by the |a|·|b| table.
fn longest_common_run(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// Polynomial hashes of every window of a fixed length, modulo 2⁶¹−1.
struct RollingHash {
    base: u64,
    /// base^(len−1), to take the leaving character out.
    top: u64,
    len: usize,
}

impl RollingHash {
    const MODULUS: u64 = (1 << 61) - 1;

    fn new(len: usize) -> RollingHash {
        use std::hash::{BuildHasher, Hasher};
        // RandomState is seeded per process: a base nobody can predict.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_usize(len);
        let base = h.finish() % (Self::MODULUS - 256) + 256;
        let top = (1..len).fold(1, |acc, _| Self::mul(acc, base));
        RollingHash { base, top, len }
    }

    fn mul(a: u64, b: u64) -> u64 {
        let p = u128::from(a) * u128::from(b);
        let m = u128::from(Self::MODULUS);
        // Both factors are below the modulus, so the remainder fits.
        u64::try_from(p % m).unwrap_or(0)
    }

    fn add(a: u64, b: u64) -> u64 {
        (a + b) % Self::MODULUS
    }

    /// Calls `f(start, hash)` for each window of `text`, left to right.
    fn each_window(&self, text: &[char], mut f: impl FnMut(usize, u64)) {
        if text.len() < self.len {
            return;
        }
        let code = |c: char| u64::from(u32::from(c));
        let mut h = 0;
        for &c in &text[..self.len] {
            h = Self::add(Self::mul(h, self.base), code(c));
        }
        f(0, h);
        for start in 1..=text.len() - self.len {
            let leaving = Self::mul(code(text[start - 1]), self.top);
            h = Self::add(h, Self::MODULUS - leaving);
            h = Self::add(Self::mul(h, self.base), code(text[start + self.len - 1]));
            f(start, h);
        }
    }
}

/// The catalogue's floor marks (COST-01): a target holding one says "at
/// least".
const FLOOR_MARKS: [&str; 9] = [
    "≥",
    "≧",
    "＞",
    ">",
    "不低于",
    "不少于",
    "大于",
    "至少",
    "以上",
];
/// The catalogue's ceiling marks (COST-01, and YOY's *is a ceiling*), with
/// 不大于 and 不多于, which a reviewer reads as ceilings too.
const CEILING_MARKS: [&str; 13] = [
    "≤",
    "≦",
    "＜",
    "<",
    "不高于",
    "不超过",
    "以内",
    "以下",
    "低于",
    "少于",
    "控制在",
    "不大于",
    "不多于",
];

/// Does `text` hold a floor mark? A negated ceiling (不大于, 不多于) is not
/// one, though it holds 大于.
pub fn is_floor(text: &str) -> bool {
    FLOOR_MARKS
        .iter()
        .any(|m| holds_unnegated(text, m, &["不大于", "不多于"]))
}

/// Does `text` hold `mark` outside every one of `negated` (marks that
/// contain it but say the opposite: 低于 in 不低于)? Looked up in place:
/// the rules ask this of every target of every row.
fn holds_unnegated(text: &str, mark: &str, negated: &[&str]) -> bool {
    // Most targets hold no mark at all: a scan for its first character
    // rules a mark out without setting up a substring searcher for it.
    let Some(first) = mark.chars().next() else {
        return false;
    };
    if !text.chars().any(|c| c == first) {
        return false;
    }
    text.match_indices(mark).any(|(at, _)| {
        !negated.iter().any(|n| {
            n.find(mark).is_some_and(|offset| {
                at.checked_sub(offset)
                    .and_then(|start| text.get(start..))
                    .is_some_and(|rest| rest.starts_with(n))
            })
        })
    })
}

/// Does `text` hold a ceiling mark? A negated floor (不低于, 不少于) is not
/// one, though it holds 低于 and 少于 — taken literally, the catalogue's
/// lists would make every 不低于 a ceiling.
pub fn is_ceiling(text: &str) -> bool {
    CEILING_MARKS
        .iter()
        .any(|m| holds_unnegated(text, m, &["不低于", "不少于"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_absent_or_white_space() {
        assert!(is_blank(&None));
        assert!(is_blank(&Some(" \u{3000}\n".into())));
        assert!(!is_blank(&Some("0".into())));
    }

    #[test]
    fn normalise_removes_space_and_listed_punctuation_only() {
        assert_eq!(
            normalise("提升行政规范性文件影响力，优化区营商环境。"),
            "提升行政规范性文件影响力优化区营商环境"
        );
        assert_eq!(normalise(" N/A "), "N/A");
        assert_eq!(normalise("（场次）"), "场次");
    }

    /// Every character there is, one at a time: dropped exactly when it
    /// is white space or the catalogue's punctuation (the first-byte test
    /// of `dropped` misses none).
    #[test]
    fn normalising_drops_exactly_the_space_and_the_listed_punctuation() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let text = format!("甲{c}乙");
            let expected = match c.is_whitespace() || is_listed_punctuation(c) {
                true => "甲乙".to_string(),
                false => text.clone(),
            };
            assert_eq!(normalise(&text), expected, "U+{:04X}", u32::from(c));
        }
    }

    proptest::proptest! {
        #[test]
        fn pushed_normalised_is_the_normalised_text(
            s in "[ a-z，。、；：！？（）【】“”\u{3000}\u{a0}\u{85}\u{2009}\u{202f}\t培训≥%0-9.;:!?()\\[\\]\"'\u{10000}-\u{10010}é]{0,24}"
        ) {
            let mut out = b"kept".to_vec();
            push_normalised(&mut out, &s);
            let kept: String = s.chars().filter(|&c| !(c.is_whitespace() || is_listed_punctuation(c))).collect();
            proptest::prop_assert_eq!(&out, &format!("kept{kept}").into_bytes());
            proptest::prop_assert_eq!(normalise(&s).into_owned(), kept);
        }
    }

    #[test]
    fn numbers_fold_full_width_and_see_percentages() {
        let n: Vec<Number> = numbers("完成率１００％，≥21 场次").collect();
        assert_eq!(n.len(), 2);
        assert_eq!((n[0].text.as_ref(), n[0].percentage), ("100", true));
        assert_eq!((n[1].text.as_ref(), n[1].percentage), ("21", false));
        assert_eq!(n[1].unit, "");
        let first = |s| numbers(s).next().unwrap();
        assert_eq!(first("≥21场次").unit, "场次");
        assert!(first("≤3个工作日").upper_bound);
        assert_eq!(first("≤3个工作日").unit, "个工作日");
        assert_eq!(first("3.5万元").text, "3.5");
        assert_eq!(first("第5.").text, "5");
        assert_eq!(first("１．５％").text, "1.5");
        assert_eq!(
            numbers("1.2.3").map(|n| n.text).collect::<Vec<_>>(),
            ["1.2", "3"]
        );
        assert_eq!(numbers("无").count(), 0);
        assert_eq!(first_percentage("前3名，达到 85 %"), Some(85.into()));
    }

    #[test]
    fn has_number_sees_ascii_and_full_width_digits_only() {
        assert!(has_number("≥21场次") && has_number("第１项") && has_number("９"));
        assert!(!has_number("良好以上") && !has_number("二十") && !has_number("，：（）"));
        for c in '\u{FF00}'..='\u{FFEF}' {
            assert_eq!(
                has_number(&format!("中{c}")),
                ('０'..='９').contains(&c),
                "{c}"
            );
        }
    }

    #[test]
    fn words_of_one_or_more_characters() {
        assert!(contains_word("3个工作日内", "日") && contains_word("及时办结", "及时"));
        assert!(!contains_word("完成率100%", "日") && !contains_word("按期", "按时"));
    }

    #[test]
    fn graded_values() {
        for g in [
            "良好以上",
            "通过评核",
            "评估达标。",
            "优",
            "良等",
            "中级及以上",
            "优以上",
        ] {
            assert!(is_graded(g), "{g}");
        }
        for g in ["符合省市考核标准", "优化", "中间", "差距缩小"] {
            assert!(!is_graded(g), "{g}");
        }
    }

    #[test]
    fn level_names_drop_one_trailing_indicator_word() {
        assert_eq!(level_name(&Some(" 社会效益指标 ".into())), Some("社会效益"));
        assert_eq!(level_name(&Some("时效".into())), Some("时效"));
        assert_eq!(level_name(&Some("  ".into())), None);
    }

    #[test]
    fn trailing_parenthesis_and_common_substring() {
        assert_eq!(
            strip_trailing_parenthesis("开展各类普法宣传活动（场次）"),
            "开展各类普法宣传活动"
        );
        assert_eq!(strip_trailing_parenthesis("数量(个)"), "数量");
        let (name, target) = ("法律援助受益人数", "法律援助案件全年受援人数");
        assert!(shares_substring(name, target, 4));
        assert!(!shares_substring(name, target, 5));
        assert!(shares_substring("", "abc", 0));
        assert!(!shares_substring("", "abc", 1));
        assert!(shares_substring("xx受援人数", "受援人数", 4));
    }

    #[test]
    fn common_substrings_agree_with_the_table_on_small_texts() {
        fn by_table(a: &[char], b: &[char]) -> usize {
            let mut best = 0;
            for i in 0..a.len() {
                for j in 0..b.len() {
                    let n = a[i..]
                        .iter()
                        .zip(&b[j..])
                        .take_while(|(x, y)| x == y)
                        .count();
                    best = best.max(n);
                }
            }
            best
        }
        let texts = [
            "",
            "a",
            "ab",
            "abab",
            "ba",
            "aaaa",
            "法律援助",
            "援助法律",
            "abcab",
            "cabca",
        ];
        for a in texts {
            for b in texts {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let lcs = by_table(&ca, &cb);
                for len in 0..=6 {
                    assert_eq!(shares_substring(a, b, len), lcs >= len, "{a} {b} {len}");
                    let (short, long) = if ca.len() <= cb.len() {
                        (&ca, &cb)
                    } else {
                        (&cb, &ca)
                    };
                    if (1..=short.len()).contains(&len) {
                        assert_eq!(
                            shares_by_hash(short, long, len),
                            lcs >= len,
                            "hash {a} {b} {len}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_table_and_the_hash_agree_on_longer_texts() {
        // Over the table's size limit, so the hash answers.
        let a = format!("{}法律援助受益人数", "甲".repeat(80));
        let b = format!("{}法律援助案件全年受援人数", "乙".repeat(80));
        assert!(shares_substring(&a, &b, 4));
        assert!(!shares_substring(&a, &b, 5));
    }

    #[test]
    fn common_substrings_of_megabyte_texts_take_linear_time() {
        let a = "甲乙".repeat(500_000);
        let b = "丙丁".repeat(500_000) + "甲乙甲";
        assert!(shares_substring(&a, &b, 3));
        assert!(!shares_substring(&a, &b, 4));
    }

    #[test]
    fn floors_and_ceilings_read_their_negations() {
        for t in [
            "≥5元",
            "不低于5元",
            "不少于5人",
            "5元以上",
            "至少5次",
            "大于5",
        ] {
            assert!(is_floor(t) && !is_ceiling(t), "{t}");
        }
        for t in [
            "≤5元",
            "不超过5元",
            "5元以内",
            "低于5%",
            "控制在5元",
            "不大于5元",
            "不多于5次",
        ] {
            assert!(is_ceiling(t) && !is_floor(t), "{t}");
        }
        assert!(!is_floor("5元") && !is_ceiling("5元"));
    }
}
