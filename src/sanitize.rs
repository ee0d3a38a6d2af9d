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

/// Does this text hold anything [`display`] would have to make visible?
/// A `\r` is fine only as part of `\r\n`.
pub fn needs_escaping(s: &str) -> bool {
    let bytes = s.as_bytes();
    s.char_indices().any(|(i, c)| match c {
        '\r' => bytes.get(i + 1) != Some(&b'\n'),
        '\n' | '\t' => false,
        c => is_unsafe_char(c),
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
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => out.push_str(newline),
            // A tab would move the cursor by an amount we do not control.
            '\t' => out.push(' '),
            c if c == '\r' || is_unsafe_char(c) => push_visible(&mut out, c),
            c => out.push(c),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
