//! XDUP-01: rules that look across the whole folder.

use super::RuleSettings;
use super::{Flag, Rule, Severity, sort_flags};
use crate::i18n::{Lang, flags as words};
use crate::model::{DepartmentField, Location};
use std::collections::HashMap;

/// What XDUP-01 found: the other files of a double submission, the first
/// few by name, and how many more there are (a folder of 10,000 copies
/// must not give each file a list of 9,999).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub shown: Vec<String>,
    pub more: usize,
}

impl Finding {
    pub fn rule(&self) -> Rule {
        Rule::Xdup01
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        words::xdup01(lang, &self.shown, self.more)
    }
}

/// How many of the other files an XDUP-01 flag names.
pub const NAMED_OTHERS: usize = 5;

/// XDUP-01: the same department (trimmed name) and the same fiscal year
/// (two blanks are the same) in more than one file: a double submission.
/// Every such file gets the flag, naming up to [`NAMED_OTHERS`] others by
/// file name and counting the rest. One grouping pass, and a constant
/// amount of work per file: linear in the folder. `items` are the loaded
/// declarations: file name, department name, year, flags.
pub fn mark_double_submissions<'a>(
    items: impl IntoIterator<Item = (&'a str, Option<&'a str>, Option<i32>, &'a mut Vec<Flag>)>,
    settings: &RuleSettings,
) {
    type Group<'g> = Vec<(&'g str, &'g mut Vec<Flag>)>;
    let mut groups: HashMap<(&str, Option<i32>), Group> = HashMap::new();
    for (file, name, year, flags) in items {
        // Run again (a file changed, the folder was re-read), the rule
        // replaces what it said before.
        flags.retain(|f| f.rule() != Rule::Xdup01);
        if !settings.enabled(Rule::Xdup01) {
            continue;
        }
        if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
            groups.entry((name, year)).or_default().push((file, flags));
        }
    }
    for mut members in groups.into_values().filter(|m| m.len() > 1) {
        members.sort_by(|a, b| a.0.cmp(b.0));
        // The first files by name: any member's others are among the first
        // NAMED_OTHERS + 1 of them.
        let first: Vec<&str> = members
            .iter()
            .take(NAMED_OTHERS + 1)
            .map(|(f, _)| *f)
            .collect();
        let more = members.len() - 1 - NAMED_OTHERS.min(members.len() - 1);
        for (file, flags) in members {
            let shown = first
                .iter()
                .filter(|f| **f != file)
                .take(NAMED_OTHERS)
                .map(|f| f.to_string())
                .collect();
            flags.push(Flag {
                severity: Severity::Warning,
                location: Location::Department(DepartmentField::Name),
                finding: Finding { shown, more }.into(),
            });
            sort_flags(flags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::Declaration;

    fn run_over(decls: &mut [(&str, Declaration, Vec<Flag>)]) {
        mark_double_submissions(
            decls
                .iter_mut()
                .map(|(f, d, fl)| (*f, d.department.name.as_deref(), d.fiscal_year, fl)),
            &RuleSettings::default(),
        );
    }

    #[test]
    fn same_name_and_year_in_two_files_flags_both() {
        let a = clean();
        let mut b = clean();
        b.department.name = Some(format!("  {} ", b.department.name.unwrap()));
        let mut c = clean();
        c.fiscal_year = Some(2024);
        let mut set = [
            ("a.json", a, vec![]),
            ("b.json", b, vec![]),
            ("c.json", c, vec![]),
        ];
        run_over(&mut set);
        assert_eq!(set[0].2.len(), 1);
        assert_eq!(
            set[0].2[0].finding(),
            &crate::rules::Finding::from(Finding {
                shown: vec!["b.json".into()],
                more: 0
            })
        );
        assert_eq!(
            set[1].2[0].finding(),
            &crate::rules::Finding::from(Finding {
                shown: vec!["a.json".into()],
                more: 0
            })
        );
        assert!(set[2].2.is_empty(), "another year is another declaration");
    }

    #[test]
    fn ten_thousand_copies_name_five_others_and_count_the_rest() {
        // Issue 8: each of n copies listed the n−1 others (37 s and 7.9 GB
        // for 10,000). Now five names and a count, whichever file it is.
        let names: Vec<String> = (0..10_000).map(|i| format!("copy-{i:05}.json")).collect();
        let decl = clean();
        let mut flags: Vec<Vec<Flag>> = vec![Vec::new(); names.len()];
        mark_double_submissions(
            names.iter().zip(flags.iter_mut()).map(|(f, fl)| {
                (
                    f.as_str(),
                    decl.department.name.as_deref(),
                    decl.fiscal_year,
                    fl,
                )
            }),
            &RuleSettings::default(),
        );
        let detail = |i: usize| flags[i][0].finding().clone();
        let names_of = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            detail(0),
            crate::rules::Finding::from(Finding {
                shown: names_of(&[
                    "copy-00001.json",
                    "copy-00002.json",
                    "copy-00003.json",
                    "copy-00004.json",
                    "copy-00005.json"
                ]),
                more: 9_994
            })
        );
        assert_eq!(
            detail(9_999),
            crate::rules::Finding::from(Finding {
                shown: names_of(&[
                    "copy-00000.json",
                    "copy-00001.json",
                    "copy-00002.json",
                    "copy-00003.json",
                    "copy-00004.json"
                ]),
                more: 9_994
            })
        );
        let msg = flags[3][0].message(crate::i18n::Lang::Zh);
        assert!(msg.ends_with("copy-00005.json 等 9999 个文件"), "{msg}");
        assert!(!msg.contains("copy-00003.json"), "not itself: {msg}");
    }

    #[test]
    fn running_again_replaces_the_earlier_flags() {
        let mut set = [("a.json", clean(), vec![]), ("b.json", clean(), vec![])];
        run_over(&mut set);
        run_over(&mut set);
        assert_eq!((set[0].2.len(), set[1].2.len()), (1, 1));
        set[1].1.fiscal_year = Some(2030);
        run_over(&mut set);
        assert!(set[0].2.is_empty() && set[1].2.is_empty());
    }

    #[test]
    fn two_blank_years_are_the_same_year_but_blank_names_never_match() {
        let mut a = clean();
        a.fiscal_year = None;
        let mut b = clean();
        b.fiscal_year = None;
        let mut c = clean();
        c.department.name = None;
        let mut d = clean();
        d.department.name = Some(" ".into());
        let mut set = [
            ("a", a, vec![]),
            ("b", b, vec![]),
            ("c", c, vec![]),
            ("d", d, vec![]),
        ];
        run_over(&mut set);
        assert_eq!(
            (
                set[0].2.len(),
                set[1].2.len(),
                set[2].2.len(),
                set[3].2.len()
            ),
            (1, 1, 0, 0)
        );
    }
}
