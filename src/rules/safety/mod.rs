//! SAFE-01: a field holds characters that must not reach a terminal as
//! themselves. Switching this flag off never switches off the safe display:
//! that is [`crate::sanitize`]'s job, always.

pub(crate) mod safe_01;

use super::docs::Section;
use super::violation::{Check, Form, Found, Violation};
use super::{Flags, Severity};
use crate::model::{Declaration, Location};
use crate::sanitize::{display_line, is_unsafe_at, needs_escaping};

pub(crate) const SECTION: Section = Section::Safety;

/// At most this many distinct characters are named in one message.
const NAMED: usize = 4;

/// The offending characters as the reviewer will see them (`^[`, `<U+202E>`).
pub(super) fn offending(text: &str) -> Vec<String> {
    let mut shown: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut before = None;
    while let Some(c) = chars.next() {
        let bad = match c {
            '\r' => chars.peek() != Some(&'\n'),
            c => is_unsafe_at(before, c, chars.peek().copied()),
        };
        before = Some(c);
        if bad {
            let s = display_line(&c.to_string()).into_owned();
            if !shown.contains(&s) {
                shown.push(s);
                if shown.len() == NAMED {
                    break;
                }
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn one_flag_per_field_naming_what_was_there() {
        let mut decl = clean();
        decl.region = Some("广州\u{1b}[2J市".into());
        decl.indicators[2].annual_target = Some("≤3个\u{202e}工作日\u{202e}".into());
        decl.key_tasks[0].content = Some("第一行\r\n第二行\t完".into());
        let f = fired(&decl, Rule::Safe01);
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.location.to_string(), f.finding().clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "region".to_string(),
                    safe_01::Finding {
                        shown: vec!["^[".into()]
                    }
                    .into()
                ),
                (
                    "indicators[2].annual_target".to_string(),
                    safe_01::Finding {
                        shown: vec!["<U+202E>".into()]
                    }
                    .into()
                ),
            ]
        );
    }

    #[test]
    fn every_kind_of_text_field_is_checked() {
        let mut decl = clean();
        let z = Some("x\u{200b}".to_string());
        decl.department.name = z.clone();
        decl.department.code = z.clone();
        decl.overall_goal = Some("目标1\u{85}".into());
        decl.key_tasks[1].name = z.clone();
        decl.key_tasks[1].expected_outcome = z.clone();
        decl.indicators[0].level1 = Some("产出指标\u{feff}".into());
        decl.indicators[0].level2 = z.clone();
        decl.indicators[0].name = z.clone();
        decl.indicators[0].period_target = Some("1\r2".into());
        let locs: Vec<String> = fired(&decl, Rule::Safe01)
            .iter()
            .map(|f| f.location.to_string())
            .collect();
        assert_eq!(
            locs,
            [
                "department.name",
                "department.code",
                "overall_goal",
                "key_tasks[1].name",
                "key_tasks[1].expected_outcome",
                "indicators[0].level1",
                "indicators[0].level2",
                "indicators[0].name",
                "indicators[0].period_target",
            ]
        );
    }

    /// Issue 19, item 12: every format and default-ignorable character the
    /// attack used raises SAFE-01 and is shown by its code, and a name of
    /// two Hangul fillers, which looks blank, is flagged.
    #[test]
    fn invisible_characters_beyond_the_minimum_are_flagged() {
        for c in [
            '\u{e0020}',
            '\u{e007f}',
            '\u{e0001}',
            '\u{2061}',
            '\u{2064}',
            '\u{180e}',
            '\u{34f}',
            '\u{fff9}',
            '\u{fffa}',
            '\u{fffb}',
            '\u{3164}',
            '\u{ffff}',
            '\u{fffe}',
        ] {
            let mut decl = clean();
            decl.department.name = Some(format!("卫生健康局{c}"));
            let f = fired(&decl, Rule::Safe01);
            let shown = format!("<U+{:04X}>", c as u32);
            assert_eq!(
                f.iter().map(|f| f.finding().clone()).collect::<Vec<_>>(),
                [safe_01::Finding {
                    shown: vec![shown.clone()]
                }
                .into()],
                "{shown}"
            );
        }
        let mut decl = clean();
        decl.department.name = Some("\u{3164}\u{3164}".into());
        assert_eq!(fired(&decl, Rule::Safe01).len(), 1);
        // An emoji keeps its presentation selector.
        decl.department.name = Some("卫生健康局❤\u{fe0f}".into());
        assert!(fired(&decl, Rule::Safe01).is_empty());
    }
}
