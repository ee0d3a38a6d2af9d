//! XDUP-01 and XDUP-02: rules that look across the whole folder.

pub(crate) mod xdup_01;
pub(crate) mod xdup_02;

use super::configured::Setting;
use super::docs::Section;
use super::similar;
use super::violation::{Check, FolderCheck, Found, Violation};
use super::{Finding, Flag, Rule, RuleSettings, Severity, sort_flags};
use crate::model::{Declaration, DepartmentField, Location};
use std::collections::HashMap;

pub(crate) const SECTION: Section = Section::Folder;

/// How many of the others a folder flag names.
pub const NAMED_OTHERS: usize = 5;

/// XDUP-02's shortest goal: shorter ones say too little to be a copy.
const MIN_GOAL_CHARS: usize = 20;

/// A goal as XDUP-02 compares it: normalised, every run of digits
/// removed (a year changed is still a copy); none for a goal under 20
/// characters. Made where the declaration is read, so that `check` can
/// drop the rest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoalKey(String);

impl GoalKey {
    pub fn of(goal: Option<&str>) -> Option<GoalKey> {
        let text: String = crate::text::normalise(goal?)
            .chars()
            .filter(|c| !c.is_ascii_digit() && !('０'..='９').contains(c))
            .collect();
        (text.chars().count() >= MIN_GOAL_CHARS).then_some(GoalKey(text))
    }
}

/// A loaded declaration as the folder rules see it.
pub struct Member<'a> {
    /// The file's name in the folder.
    pub file: &'a str,
    pub name: Option<&'a str>,
    pub year: Option<i32>,
    pub goal: Option<&'a GoalKey>,
    pub flags: &'a mut Vec<Flag>,
}

/// Runs XDUP-01 and XDUP-02 over the loaded declarations of a folder. Run
/// again (a file changed, the folder was re-read), they replace what they
/// said before.
pub fn mark_across_folder<'a>(
    members: impl IntoIterator<Item = Member<'a>>,
    settings: &RuleSettings,
) {
    let mut members: Vec<Member> = members.into_iter().collect();
    let folder_rules = folder_checks();
    for m in &mut members {
        m.flags
            .retain(|f| !folder_rules.iter().any(|(rule, _)| f.rule() == *rule));
    }
    for (rule, run) in folder_rules {
        if settings.enabled(rule) {
            run(&mut members, settings);
        }
    }
    for m in members {
        sort_flags(m.flags);
    }
}

/// The rules that check across the folder, with their checks.
fn folder_checks() -> Vec<(Rule, FolderCheck)> {
    super::registry::checks()
        .filter_map(|(rule, check)| match check {
            Check::Folder(run) => Some((rule, *run)),
            _ => None,
        })
        .collect()
}

/// The rules that check across the folder.
pub fn across_folder() -> Vec<Rule> {
    folder_checks().into_iter().map(|(rule, _)| rule).collect()
}

/// The first [`NAMED_OTHERS`] of `sorted` that `keep` keeps. `sorted` is
/// short for every caller (a group's first few), so this is constant work
/// per file.
pub(super) fn others(
    sorted: &[(usize, String)],
    keep: impl Fn(&(usize, String)) -> bool,
) -> Vec<String> {
    sorted
        .iter()
        .filter(|m| keep(m))
        .take(NAMED_OTHERS)
        .map(|(_, n)| n.clone())
        .collect()
}

/// Gives `m` a flag of a folder rule.
fn push(m: &mut Member, severity: Severity, location: Location, found: impl Into<Finding>) {
    m.flags.push(Flag {
        severity,
        location,
        finding: found.into(),
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::Declaration;

    pub(super) fn run_over(decls: &mut [(&str, Declaration, Vec<Flag>)]) {
        let goals: Vec<Option<GoalKey>> = decls
            .iter()
            .map(|(_, d, _)| GoalKey::of(d.overall_goal.as_deref()))
            .collect();
        mark_across_folder(
            decls
                .iter_mut()
                .zip(&goals)
                .map(|((f, d, fl), goal)| Member {
                    file: f,
                    name: d.department.name.as_deref(),
                    year: d.fiscal_year,
                    goal: goal.as_ref(),
                    flags: fl,
                }),
            &RuleSettings::default(),
        );
    }

    /// `(rule, severity)` of each file's flags, by file.
    pub(super) fn rules_of(set: &[(&str, Declaration, Vec<Flag>)]) -> Vec<Vec<&'static str>> {
        set.iter()
            .map(|(_, _, fl)| fl.iter().map(|f| f.rule().id()).collect())
            .collect()
    }

    pub(super) fn department(name: &str, goal: &str) -> Declaration {
        let mut d = clean();
        d.department.name = Some(name.into());
        d.overall_goal = Some(goal.into());
        d
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
            &crate::rules::Finding::from(xdup_01::Finding {
                shown: vec!["b.json".into()],
                more: 0
            })
        );
        assert_eq!(
            set[1].2[0].finding(),
            &crate::rules::Finding::from(xdup_01::Finding {
                shown: vec!["a.json".into()],
                more: 0
            })
        );
        assert!(set[2].2.is_empty(), "another year is another declaration");
    }

    /// Issue 19, item 12: a name with a tag character after it looks the
    /// same and is the same department.
    #[test]
    fn an_invisible_character_does_not_make_another_department() {
        let a = clean();
        let mut b = clean();
        b.department.name = Some(format!("{}\u{e0020}", b.department.name.unwrap()));
        let mut c = clean();
        c.department.name = Some(format!("\u{2063}{}\u{3164}", c.department.name.unwrap()));
        let mut set = [
            ("a.json", a, vec![]),
            ("b.json", b, vec![]),
            ("c.json", c, vec![]),
        ];
        run_over(&mut set);
        for (file, _, flags) in &set {
            assert!(
                flags.iter().any(|f| f.rule() == Rule::Xdup01),
                "{file}: {flags:?}"
            );
        }
    }

    #[test]
    fn ten_thousand_copies_name_five_others_and_count_the_rest() {
        // Issue 8: each of n copies listed the n−1 others (37 s and 7.9 GB
        // for 10,000). Now five names and a count, whichever file it is.
        let names: Vec<String> = (0..10_000).map(|i| format!("copy-{i:05}.json")).collect();
        let decl = clean();
        let goal = GoalKey::of(decl.overall_goal.as_deref());
        let mut flags: Vec<Vec<Flag>> = vec![Vec::new(); names.len()];
        mark_across_folder(
            names.iter().zip(flags.iter_mut()).map(|(f, fl)| Member {
                file: f.as_str(),
                name: decl.department.name.as_deref(),
                year: decl.fiscal_year,
                goal: goal.as_ref(),
                flags: fl,
            }),
            &RuleSettings::default(),
        );
        let detail = |i: usize| flags[i][0].finding().clone();
        let names_of = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            detail(0),
            crate::rules::Finding::from(xdup_01::Finding {
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
            crate::rules::Finding::from(xdup_01::Finding {
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
        let xdup01 = |i: usize| {
            let flags: &Vec<Flag> = &set[i].2;
            flags.iter().filter(|f| f.rule() == Rule::Xdup01).count()
        };
        assert_eq!((xdup01(0), xdup01(1), xdup01(2), xdup01(3)), (1, 1, 0, 0));
    }
}
