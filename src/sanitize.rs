//! The one place untrusted text is made safe to show.
//!
//! Declarations come from outside the bureau. A string may carry terminal
//! escapes, bidi overrides (Trojan Source) or invisible characters. We keep
//! the raw text for validation and export, and everything that *shows* text
//! uses [`display`] or [`display_line`], where each such character becomes
//! visible (`^[`, `<U+202E>`) instead of acting. Rule SAFE-01 flags exactly
//! the fields in which this changed something.

use std::borrow::Cow;

/// A character that must never reach a terminal as itself. This is the
/// SAFE-01 set: C0/C1 controls and DEL (tab and newline are decided by the
/// caller), bidi controls, invisible format characters, line/paragraph
/// separators.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{ad}' | '\u{feff}'
        | '\u{2028}' | '\u{2029}')
}

/// Could `c` be part of an emoji picture: a pictograph, or the emoji
/// presentation selector that follows one?
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2300}'..='\u{23ff}'
        | '\u{2b00}'..='\u{2bff}' | '\u{fe0f}')
}

/// A zero-width joiner between two pictures (👨‍👩‍👧 is three joined) makes
/// them one and hides nothing: it is kept, so the sequence stays whole.
pub fn joins_emoji(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(is_emoji) && after.is_some_and(|c| is_emoji(c) && c != '\u{fe0f}')
}

/// Does `s` end in a picture a joiner could follow (typed a character at
/// a time, the joiner comes before what it joins)?
pub fn ends_in_emoji(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_emoji)
}

/// Must `c`, between these neighbours, be made visible? The unsafe set,
/// but for a joiner inside an emoji sequence.
pub fn is_unsafe_at(before: Option<char>, c: char, after: Option<char>) -> bool {
    is_unsafe_char(c) && !(c == '\u{200d}' && joins_emoji(before, after))
}

/// The characters either side of the one at bytes `i..i + len` of `s`.
fn neighbours(s: &str, i: usize, len: usize) -> (Option<char>, Option<char>) {
    (
        s.get(..i).and_then(|t| t.chars().next_back()),
        s.get(i + len..).and_then(|t| t.chars().next()),
    )
}

/// Bytes that can start a character of the unsafe set (or a control).
const LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xd8] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t
};

/// Is the character starting at byte `i` one [`display`] must make visible?
fn unsafe_at(b: &[u8], i: usize) -> bool {
    let at = |i: usize| b.get(i).copied();
    match b[i] {
        b'\n' | b'\t' => false,
        b'\r' => at(i + 1) != Some(b'\n'),
        0x00..=0x1f | 0x7f => true,
        // U+0080–U+009F (C1), U+00AD (soft hyphen)
        0xc2 => matches!(at(i + 1), Some(0x80..=0x9f | 0xad)),
        // U+061C (Arabic letter mark)
        0xd8 => at(i + 1) == Some(0x9c),
        // U+200B–U+200F, U+2028–U+202E, U+2060, U+2066–U+2069
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (Some(0x80), Some(0x8b..=0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa0 | 0xa6..=0xa9))
        ),
        // U+FEFF
        0xef => at(i + 1) == Some(0xbb) && at(i + 2) == Some(0xbf),
        _ => false,
    }
}

/// Does this text hold anything [`display`] would have to make visible?
/// A `\r` is fine only as part of `\r\n`.
///
/// Runs over every text of every declaration, so it looks at UTF-8 lead
/// bytes through a table, and decodes only where one could start an unsafe
/// character (tested against [`is_unsafe_char`] for every code point).
pub fn needs_escaping(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        LEAD[x as usize] && unsafe_at(b, i) && {
            // U+200D is fine inside an emoji sequence; only it needs its
            // neighbours (slicing at i is safe: a lead byte starts a char).
            let zwj = b.get(i..i + 3) == Some(&[0xe2, 0x80, 0x8d][..]);
            !(zwj && {
                let (before, after) = neighbours(s, i, 3);
                joins_emoji(before, after)
            })
        }
    })
}

fn push_visible(out: &mut String, c: char) {
    let code = c as u32;
    if code < 0x20 || code == 0x7f {
        // Caret notation, as terminals and `cat -v` show it.
        out.push('^');
        out.push(char::from_u32(code ^ 0x40).unwrap_or('?'));
    } else {
        out.push_str(&format!("<U+{code:04X}>"));
    }
}

fn render<'a>(s: &'a str, newline: &str) -> Cow<'a, str> {
    let plain = !s.contains('\t') && !s.contains('\n') && !needs_escaping(s);
    if plain {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    let mut before = None;
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => out.push_str(newline),
            // A tab would move the cursor by an amount we do not control.
            '\t' => out.push(' '),
            c if c == '\r' || is_unsafe_at(before, c, chars.peek().copied()) => {
                push_visible(&mut out, c)
            }
            c => out.push(c),
        }
        before = Some(c);
    }
    Cow::Owned(out)
}

/// Safe multi-line form: line breaks kept as `\n`, everything else visible.
pub fn display(s: &str) -> Cow<'_, str> {
    render(s, "\n")
}

/// Safe single-line form, for a list cell or a one-line message: line
/// breaks become a space.
pub fn display_line(s: &str) -> Cow<'_, str> {
    render(s, " ")
}

/// What typed or pasted text may keep: line breaks (`\r\n` and a lone
/// `\r` become `\n`), tabs as a space, and nothing else of the unsafe
/// set. A paste from a web page or a terminal can carry escapes; they are
/// dropped here rather than shown, because the reviewer did not mean them.
pub fn typed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{200d}' if joins_emoji(out.chars().next_back(), chars.peek().copied()) => {
                out.push(c)
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() || is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Is there nothing to see in `s`: only white space, controls, invisible
/// format characters and blank fillers (U+3164 and kin)? Such a text cannot
/// name anybody.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || is_unsafe_char(c)
            || matches!(
                c,
                '\u{115f}'
                    | '\u{1160}'
                    | '\u{180e}'
                    | '\u{2800}'
                    | '\u{3164}'
                    | '\u{ffa0}'
                    | '\u{fe00}'..='\u{fe0f}' | '\u{034f}'
            )
    })
}

/// The most characters of one field a screen cell shows: more than any
/// terminal is wide, and few enough that a hostile 2-million-character
/// name does not cost every frame a copy of it.
pub const CELL_CHARS: usize = 1000;

/// Untrusted text for one cell of a screen: its safe one-line form, at
/// most [`CELL_CHARS`] characters of it.
pub fn cell(s: &str) -> String {
    display_line(&shorten(s, CELL_CHARS)).into_owned()
}

/// How many characters of an untrusted value a message quotes.
pub const QUOTE_CHARS: usize = 40;

/// The first `max` characters of `s`, with `…` when there were more. For
/// keeping a hostile value short where it is stored; it is not made safe.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

/// Untrusted text quoted in a message: made safe, at most [`QUOTE_CHARS`]
/// characters of it, `…` when it was longer.
pub fn quote(s: &str) -> String {
    display_line(&shorten(s, QUOTE_CHARS)).into_owned()
}

/// Untrusted text for a Markdown document: its safe one-line form
/// ([`display_line`]),
/// then every character Markdown or HTML could read as markup escaped —
/// `<`, `>` and `&` as entities, the other markers with a backslash — so
/// the document's structure is shenhe's alone: no heading, list, link,
/// image, comment or tag can come from a declaration or a journal.
pub fn markdown(s: &str) -> String {
    // One line: a line break could end the structure shenhe put it in.
    let shown = display_line(s);
    let chars: Vec<char> = shown.chars().collect();
    let mut out = String::with_capacity(shown.len() + 8);
    // A line-start marker (heading, list, quote, rule) counts only before
    // the first visible character; a leading run of digits may be a list.
    let first = chars.iter().position(|c| *c != ' ').unwrap_or(0);
    let digits_end = chars[first..]
        .iter()
        .position(|c| !c.is_ascii_digit())
        .map_or(chars.len(), |n| first + n);
    for (i, &c) in chars.iter().enumerate() {
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_ascii_alphanumeric())
        };
        let escaped = match c {
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '&' => Some("&amp;"),
            _ => None,
        };
        if let Some(entity) = escaped {
            out.push_str(entity);
            continue;
        }
        let marker = match c {
            // Emphasis, code, links, images, tables, strike-through.
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '|' | '~' => true,
            // The `https://` of an autolink.
            ':' => chars.get(i + 1) == Some(&'/'),
            // `www.example.cn` autolinks; `5,860.00` is left alone.
            '.' if word(i.checked_sub(1)) && word(Some(i + 1)) => {
                let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
                !(digit(i - 1) && digit(i + 1)) || (i == digits_end && first < digits_end)
            }
            '.' => i == digits_end && first < digits_end,
            '#' | '-' | '+' | '=' => i == first,
            _ => false,
        };
        if marker {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A name from the file system, made safe: bytes that are not UTF-8 are
/// shown as `\xFF`, so two names that differ only there still differ.
pub fn display_os(name: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(&display_line(chunk.valid()));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// A file or folder name for a one-line message. Paths come from the
/// command line and the folder listing, so they may hold anything a name
/// can.
pub fn display_path(p: &std::path::Path) -> String {
    display_line(&p.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_keeps_line_breaks_and_drops_escapes() {
        assert_eq!(typed("第一行\r\n第二行\r第三行"), "第一行\n第二行\n第三行");
        assert_eq!(typed("a\tb"), "a b");
        assert_eq!(
            typed("\u{1b}]52;c;ZXZpbA==\u{7}意见\u{202e}\u{200b}"),
            "]52;c;ZXZpbA==意见"
        );
    }

    #[test]
    fn markdown_and_html_in_untrusted_text_become_literal() {
        assert_eq!(markdown("</h1><!--"), "&lt;/h1&gt;&lt;\\!--");
        assert_eq!(
            markdown("[通知](https://x.cn) ![i](y)"),
            "\\[通知\\]\\(https\\://x\\.cn\\) \\!\\[i\\]\\(y\\)"
        );
        assert_eq!(
            markdown("# 一\n* 二 & `三`"),
            "\\# 一 \\* 二 &amp; \\`三\\`"
        );
        assert_eq!(markdown("- 列表"), "\\- 列表");
        assert_eq!(markdown("12. 列表"), "12\\. 列表");
        assert_eq!(markdown("www.evil.cn"), "www\\.evil\\.cn");
        assert_eq!(
            markdown("INFO-01 合计 5,860.00 万元 · a.json"),
            "INFO-01 合计 5,860.00 万元 · a\\.json"
        );
        assert_eq!(
            markdown("广州市天河区司法局（≥90%）"),
            "广州市天河区司法局（≥90%）"
        );
        assert_eq!(markdown("a\u{1b}]0;x\u{7}"), "a^\\[\\]0;x^G");
    }

    #[test]
    fn a_joiner_inside_an_emoji_sequence_stays_and_elsewhere_is_shown() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(typed(family), family);
        assert!(!needs_escaping(family));
        assert_eq!(display(family), family);
        let heart = "❤\u{fe0f}\u{200d}🔥";
        assert_eq!(typed(heart), heart);
        assert!(!needs_escaping(heart));
        assert_eq!(display("中\u{200d}文"), "中<U+200D>文");
        assert_eq!(display("👨\u{200d}"), "👨<U+200D>");
        assert_eq!(typed("a\u{200d}👩"), "a👩");
    }

    #[test]
    fn ordinary_chinese_text_is_untouched_and_not_copied() {
        let s = "广州市天河区司法局（≥90%）";
        assert!(matches!(display(s), Cow::Borrowed(_)));
        assert!(!needs_escaping(s));
    }

    #[test]
    fn terminal_escapes_become_caret_notation() {
        assert_eq!(display("a\u{1b}]0;pwned\u{7}b"), "a^[]0;pwned^Gb");
        assert_eq!(display("x\u{7f}"), "x^?");
        assert_eq!(display("\u{0}"), "^@");
    }

    #[test]
    fn bidi_c1_and_invisible_characters_become_code_points() {
        assert_eq!(display("a\u{202e}b"), "a<U+202E>b");
        assert_eq!(display("\u{9b}31m"), "<U+009B>31m");
        assert_eq!(display("零\u{200b}宽"), "零<U+200B>宽");
        assert_eq!(display("\u{feff}x"), "<U+FEFF>x");
        assert_eq!(display("a\u{2028}b"), "a<U+2028>b");
    }

    #[test]
    fn line_breaks_and_tabs_are_allowed_but_tamed() {
        assert!(!needs_escaping("第一行\r\n第二行\n\t第三行"));
        assert_eq!(display("一\r\n二\n三\t四"), "一\n二\n三 四");
        assert_eq!(display_line("一\r\n二"), "一 二");
    }

    #[test]
    fn a_lone_carriage_return_is_unsafe() {
        assert!(needs_escaping("abc\rdef"));
        assert_eq!(display("abc\rdef"), "abc^Mdef");
        assert!(needs_escaping("end\r"));
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_set_everywhere() {
        for code in 0u32..=0x10FFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let expected = match c {
                '\n' | '\t' | '\r' => c == '\r',
                c => is_unsafe_char(c),
            };
            let text = format!("中{c}文");
            assert_eq!(needs_escaping(&text), expected, "U+{code:04X}");
        }
    }

    #[test]
    fn every_unsafe_char_is_escaped_by_display() {
        for code in 0u32..0x3000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if is_unsafe_char(c) {
                let shown = display(&c.to_string()).into_owned();
                assert!(!shown.contains(c), "U+{code:04X} reached the output");
            }
        }
    }
}
