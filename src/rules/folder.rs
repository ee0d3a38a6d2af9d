//! XDUP-01: rules that look across the whole folder.

use super::{Detail, Flag, Rule, Severity, sort_flags};
use crate::config::RuleSettings;
use crate::model::{DepartmentField, Location};
use std::collections::HashMap;

/// XDUP-01: the same department (trimmed name) and the same fiscal year
/// (two blanks are the same) in more than one file: a double submission.
/// Every such file gets the flag, naming the others. `items` are the
/// loaded declarations: file name, department name, year, flags.
pub fn mark_double_submissions<'a>(
    items: impl IntoIterator<Item = (&'a str, Option<&'a str>, Option<i32>, &'a mut Vec<Flag>)>,
    settings: &RuleSettings,
) {
    type Group<'g> = Vec<(&'g str, &'g mut Vec<Flag>)>;
    let mut groups: HashMap<(&str, Option<i32>), Group> = HashMap::new();
    for (file, name, year, flags) in items {
        // Run again (a file changed, the folder was re-read), the rule
        // replaces what it said before.
        flags.retain(|f| f.rule != Rule::Xdup01);
        if !settings.enabled(Rule::Xdup01) {
            continue;
        }
        if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
            groups.entry((name, year)).or_default().push((file, flags));
        }
    }
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let files: Vec<String> = members.iter().map(|(f, _)| f.to_string()).collect();
        for (file, flags) in members {
            let others = files
                .iter()
                .filter(|f| f.as_str() != file)
                .cloned()
                .collect();
            flags.push(Flag {
                rule: Rule::Xdup01,
                severity: Severity::Warning,
                location: Location::Department(DepartmentField::Name),
                detail: Detail::OtherFiles(others),
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
            set[0].2[0].detail,
            Detail::OtherFiles(vec!["b.json".into()])
        );
        assert_eq!(
            set[1].2[0].detail,
            Detail::OtherFiles(vec!["a.json".into()])
        );
        assert!(set[2].2.is_empty(), "another year is another declaration");
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
