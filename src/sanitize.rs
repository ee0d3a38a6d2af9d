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
/// caller), line/paragraph separators, and every character Unicode calls
/// a format character (Cf) or default-ignorable: bidi controls, zero-width
/// characters, invisible operators (U+2061–2064), the Mongolian vowel
/// separator, the combining grapheme joiner, interlinear annotation marks
/// (U+FFF9–FFFB), Hangul fillers (U+3164, U+FFA0…), variation selectors and
/// tag characters (U+E0000–E0FFF). Each looks like nothing, or like a
/// space, or moves what follows; none belongs in a declaration. U+FFFE and
/// U+FFFF, which XML does not allow (a document holding one does not
/// open), are in the set too.
pub const fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{115f}'..='\u{1160}' | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{fffe}'..='\u{ffff}'
        | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
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
/// but for what an emoji is made of: a joiner between two pictures, and
/// the presentation selector after one (❤️ is U+2764 U+FE0F).
pub fn is_unsafe_at(before: Option<char>, c: char, after: Option<char>) -> bool {
    is_unsafe_char(c)
        && !(c == '\u{200d}' && joins_emoji(before, after))
        && !(matches!(c, '\u{fe0e}' | '\u{fe0f}') && before.is_some_and(is_emoji))
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
    let leads = [
        0xc2, 0xcd, 0xd8, 0xdb, 0xdc, 0xe0, 0xe1, 0xe2, 0xe3, 0xef, 0xf0, 0xf3,
    ];
    let mut i = 0;
    while i < leads.len() {
        t[leads[i]] = true;
        i += 1;
    }
    t
};

/// For a two- or three-byte character's lead byte and the low six bits of
/// its second byte: could the character be in the unsafe set? Chinese
/// text is full of characters whose lead byte is also an unsafe one's
/// (，（）：are EF BC …, “” E2 80 …, 。、 E3 80 …); the second byte tells
/// most of them apart without decoding (SAFE-01 took 7% of `check`).
const SECOND: [[bool; 64]; 256] = {
    let mut t = [[false; 64]; 256];
    let mut code: u32 = 0x80;
    while code < 0x1_0000 {
        if let Some(c) = char::from_u32(code)
            && is_unsafe_char(c)
        {
            let (lead, second) = match code < 0x800 {
                true => (0xc0 | (code >> 6), code & 0x3f),
                false => (0xe0 | (code >> 12), (code >> 6) & 0x3f),
            };
            t[lead as usize][second as usize] = true;
        }
        code += 1;
    }
    t
};

/// Could the character starting at byte `i` be unsafe, by its first two
/// bytes? (Four-byte characters are decoded: they are rare.)
fn may_be_unsafe(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(&x) if LEAD[x as usize] => match x {
            0xc0..=0xef => b
                .get(i + 1)
                .is_some_and(|&y| SECOND[x as usize][(y & 0x3f) as usize]),
            _ => true,
        },
        _ => false,
    }
}

/// Is the character starting at byte `i` (a lead byte) one [`display`]
/// must make visible?
fn unsafe_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    match b[i] {
        b'\n' | b'\t' => false,
        b'\r' => b.get(i + 1) != Some(&b'\n'),
        0x00..=0x7f => true,
        // A lead byte starts a character, so `i` is a boundary.
        _ => s.get(i..).and_then(|t| t.chars().next()).is_some_and(|c| {
            is_unsafe_char(c) && {
                let (before, after) = neighbours(s, i, c.len_utf8());
                is_unsafe_at(before, c, after)
            }
        }),
    }
}

/// Does this text hold anything [`display`] would have to make visible?
/// A `\r` is fine only as part of `\r\n`.
///
/// Runs over every text of every declaration, so it looks at UTF-8 lead
/// bytes and the byte after through tables, and decodes only where they
/// could start an unsafe character (tested against [`is_unsafe_char`] for
/// every code point).
pub fn needs_escaping(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| may_be_unsafe(b, i) && unsafe_at(s, i))
}

/// Is `c` a character XML 1.0 allows in a document? (Tab, line feed,
/// carriage return, U+0020–D7FF, U+E000–FFFD, and beyond U+FFFF.) Word,
/// LibreOffice and python-docx refuse a document holding any other.
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// `s` with each character XML does not allow replaced by U+FFFD: the
/// last step of every document writer. (What [`display`] gives never holds
/// one; words from elsewhere, a config file's say, might.)
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(xml_allows) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if xml_allows(c) { c } else { '\u{fffd}' })
                .collect(),
        )
    }
}

/// `s` without the characters that show nothing (the unsafe set, made
/// visible elsewhere), trimmed: what a reader sees of a name, for telling
/// two names apart. `法制局` and `法制局` + U+E0020 are the same name.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !needs_escaping(s) {
        return Cow::Borrowed(s.trim());
    }
    let kept: String = s.chars().filter(|&c| !is_unsafe_char(c)).collect();
    Cow::Owned(kept.trim().to_string())
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
            '\u{200d}' | '\u{fe0e}' | '\u{fe0f}'
                if !is_unsafe_at(out.chars().next_back(), c, chars.peek().copied()) =>
            {
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
    // No leading white space either: four spaces after a blank line are a
    // code block, and the text's structure is shenhe's alone.
    let shown = display_line(s);
    let shown = shown.trim_start_matches([' ', '\t']);
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

    /// Issue 19, item 7: what display gives is always a text XML allows,
    /// so no document made of it fails to open.
    #[test]
    fn displayed_text_is_always_text_xml_allows() {
        for code in 0u32..=0x10FFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let shown = display(&format!("a{c}b")).into_owned();
            assert!(shown.chars().all(xml_allows), "U+{code:04X}");
        }
        assert_eq!(xml_safe("a\u{ffff}b\u{1}"), "a\u{fffd}b\u{fffd}");
        assert!(matches!(xml_safe("审核\n意见"), Cow::Borrowed(_)));
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
