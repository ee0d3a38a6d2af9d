//! XDUP-01 and XDUP-02: rules that look across the whole folder.

pub(crate) mod xdup_01;
pub(crate) mod xdup_02;

use super::RuleSettings;
use super::similar;
use super::{Flag, Rule, Severity, sort_flags};
use crate::i18n::Lang;
use crate::model::{DepartmentField, Location};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What the folder rules may be told.
#[derive(Debug, Clone)]
pub struct Settings {
    /// XDUP-02: how alike two goals must be.
    pub xdup02_min_similarity: Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            xdup02_min_similarity: Decimal::new(9, 1),
        }
    }
}

/// What a folder rule found: the others, the first few by name, and how
/// many more there are (a folder of 10,000 copies must not give each file
/// a list of 9,999).
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The other files of a double submission, by file name.
    Xdup01 { shown: Vec<String>, more: usize },
    /// The other departments whose goal is alike, by department name (or
    /// file, where the name is blank).
    Xdup02 { shown: Vec<String>, more: usize },
}

impl Finding {
    pub fn rule(&self) -> Rule {
        match self {
            Finding::Xdup01 { .. } => Rule::Xdup01,
            Finding::Xdup02 { .. } => Rule::Xdup02,
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        match self {
            Finding::Xdup01 { shown, more } => xdup_01::message(lang, shown, *more),
            Finding::Xdup02 { shown, more } => xdup_02::message(lang, shown, *more),
        }
    }
}

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
    for m in &mut members {
        m.flags
            .retain(|f| !matches!(f.rule(), Rule::Xdup01 | Rule::Xdup02));
    }
    if settings.enabled(Rule::Xdup01) {
        double_submissions(&mut members);
    }
    if settings.enabled(Rule::Xdup02) {
        copied_goals(&mut members, settings.folder.xdup02_min_similarity);
    }
    for m in members {
        sort_flags(m.flags);
    }
}

/// XDUP-01: the same department (trimmed name, characters that show
/// nothing left out) and the same fiscal year
/// (two blanks are the same) in more than one file: a double submission.
/// Every such file gets the flag, naming up to [`NAMED_OTHERS`] others by
/// file name and counting the rest. One grouping pass, and a constant
/// amount of work per file: linear in the folder.
fn double_submissions(members: &mut [Member]) {
    let mut groups: HashMap<(std::borrow::Cow<str>, Option<i32>), Vec<usize>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        // Compared as a reader sees them: an invisible character added to
        // a name does not make it another department's.
        let name = m.name.map(crate::sanitize::visible);
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            groups.entry((name, m.year)).or_default().push(i);
        }
    }
    for mut group in groups.into_values().filter(|g| g.len() > 1) {
        group.sort_by(|a, b| members[*a].file.cmp(members[*b].file));
        // Any member's others are among the first NAMED_OTHERS + 1.
        let first: Vec<(usize, String)> = group
            .iter()
            .take(NAMED_OTHERS + 1)
            .map(|&i| (i, members[i].file.to_string()))
            .collect();
        for &i in &group {
            let shown = others(&first, |&(j, _)| j != i);
            let more = group.len() - 1 - shown.len();
            let found = Finding::Xdup01 { shown, more };
            push(&mut members[i], Severity::Warning, found);
        }
    }
}

/// The first [`NAMED_OTHERS`] of `sorted` that `keep` keeps. `sorted` is
/// short for every caller (a group's first few), so this is constant work
/// per file.
fn others(sorted: &[(usize, String)], keep: impl Fn(&(usize, String)) -> bool) -> Vec<String> {
    sorted
        .iter()
        .filter(|m| keep(m))
        .take(NAMED_OTHERS)
        .map(|(_, n)| n.clone())
        .collect()
}

fn push(m: &mut Member, severity: Severity, found: Finding) {
    let at = match found {
        Finding::Xdup01 { .. } => Location::Department(DepartmentField::Name),
        Finding::Xdup02 { .. } => Location::OverallGoal,
    };
    m.flags.push(Flag {
        severity,
        location: at,
        finding: found.into(),
    });
}

/// XDUP-02: a goal alike another department's. Equal goals are merged
/// first; the distinct ones are paired by [`similar::alike_pairs`], which
/// does not compare every pair. Every file whose goal is alike a goal of
/// another department (normalised names differ) gets the flag, naming up
/// to [`NAMED_OTHERS`] of those departments and counting the rest.
fn copied_goals(members: &mut [Member], min_similarity: Decimal) {
    // Distinct goals, each with the members that wrote it.
    let mut distinct: HashMap<&GoalKey, usize> = HashMap::new();
    let mut writers: Vec<Vec<usize>> = Vec::new();
    for (i, m) in members.iter().enumerate() {
        if let Some(goal) = m.goal {
            let n = *distinct.entry(goal).or_insert_with(|| {
                writers.push(Vec::new());
                writers.len() - 1
            });
            writers[n].push(i);
        }
    }
    let mut texts: Vec<(usize, &str)> = distinct.iter().map(|(g, &n)| (n, g.0.as_str())).collect();
    texts.sort_by_key(|(n, _)| *n);
    let texts: Vec<&str> = texts.into_iter().map(|(_, t)| t).collect();
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for (a, b) in similar::alike_pairs(&texts, min_similarity) {
        near[a].push(b);
        near[b].push(a);
    }
    let key = |i: usize| crate::text::normalise(members[i].name.unwrap_or("")).into_owned();
    let keys: Vec<String> = (0..members.len()).map(key).collect();
    let mut found: Vec<(usize, Finding)> = Vec::new();
    for (n, own) in writers.iter().enumerate() {
        // Everybody whose goal is alike this one (this one's writers too).
        let mut alike: Vec<usize> = own.clone();
        for &m in &near[n] {
            alike.extend(&writers[m]);
        }
        if alike.len() < 2 {
            continue;
        }
        alike.sort_by(|a, b| members[*a].file.cmp(members[*b].file));
        let mut per_name: HashMap<&str, usize> = HashMap::new();
        for &i in &alike {
            *per_name.entry(keys[i].as_str()).or_default() += 1;
        }
        // The first few of each department, then the first of those: a
        // file's first others are among them whichever department it is.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let first: Vec<(usize, String)> = alike
            .iter()
            .filter(|&&i| {
                let c = seen.entry(keys[i].as_str()).or_default();
                *c += 1;
                *c <= NAMED_OTHERS
            })
            .take(2 * NAMED_OTHERS)
            .map(|&i| (i, shown_name(&members[i])))
            .collect();
        for &i in own {
            let same = per_name.get(keys[i].as_str()).copied().unwrap_or(0);
            let total = alike.len() - same;
            if total == 0 {
                continue;
            }
            let shown = others(&first, |(j, _)| keys[*j] != keys[i]);
            let more = total - shown.len();
            found.push((i, Finding::Xdup02 { shown, more }));
        }
    }
    for (i, f) in found {
        push(&mut members[i], Severity::Info, f);
    }
}

/// A department as XDUP-02 names it: its name, or its file where the
/// name is blank.
fn shown_name(m: &Member) -> String {
    m.name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map_or_else(|| m.file.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::Declaration;

    fn run_over(decls: &mut [(&str, Declaration, Vec<Flag>)]) {
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
    fn rules_of(set: &[(&str, Declaration, Vec<Flag>)]) -> Vec<Vec<&'static str>> {
        set.iter()
            .map(|(_, _, fl)| fl.iter().map(|f| f.rule().id()).collect())
            .collect()
    }

    fn department(name: &str, goal: &str) -> Declaration {
        let mut d = clean();
        d.department.name = Some(name.into());
        d.overall_goal = Some(goal.into());
        d
    }

    const GOAL: &str =
        "2025年完成馆藏档案数字化120万页，建成数字档案馆，全面提升档案利用服务水平和群众满意度。";

    #[test]
    fn xdup02_two_departments_with_one_goal_the_year_changed() {
        let copied = GOAL.replace("2025", "2026").replace("120", "80");
        let mut set = [
            ("a.json", department("广州市示例区档案馆", GOAL), vec![]),
            ("b.json", department("广州市示例区教育局", &copied), vec![]),
            (
                "c.json",
                department(
                    "广州市示例区卫生健康局",
                    "完成全区医疗卫生机构绩效考核，群众满意度达到90%以上，提升基层服务能力。",
                ),
                vec![],
            ),
        ];
        run_over(&mut set);
        assert_eq!(rules_of(&set), [vec!["XDUP-02"], vec!["XDUP-02"], vec![]]);
        let f = &set[0].2[0];
        assert_eq!(
            (f.severity, f.location),
            (Severity::Info, Location::OverallGoal)
        );
        assert_eq!(
            f.finding(),
            &crate::rules::Finding::from(Finding::Xdup02 {
                shown: vec!["广州市示例区教育局".into()],
                more: 0
            })
        );
        let zh = set[1].2[0].message(Lang::Zh);
        assert!(zh.contains("广州市示例区档案馆"), "{zh}");
    }

    #[test]
    fn xdup02_not_between_a_departments_own_two_files() {
        // The same department twice is XDUP-01's double submission.
        let mut set = [
            ("a.json", department("广州市示例区档案馆", GOAL), vec![]),
            ("b.json", department(" 广州市示例区档案馆", GOAL), vec![]),
        ];
        set[1].1.fiscal_year = Some(2024);
        run_over(&mut set);
        assert_eq!(rules_of(&set), [Vec::<&str>::new(), vec![]]);
    }

    #[test]
    fn xdup02_leaves_goals_under_twenty_characters_alone() {
        // 19 characters once punctuation and digits are gone.
        let short = "完成年度重点工作任务，确保群众满意度达标。";
        assert_eq!(GoalKey::of(Some(short)), None);
        let mut set = [
            ("a.json", department("甲局", short), vec![]),
            ("b.json", department("乙局", short), vec![]),
        ];
        run_over(&mut set);
        assert_eq!(rules_of(&set), [Vec::<&str>::new(), vec![]]);
        let twenty = "完成年度重点工作任务，确保群众满意度全面达标。";
        assert!(GoalKey::of(Some(twenty)).is_some());
    }

    #[test]
    fn xdup02_names_five_departments_then_counts_the_rest() {
        let mut set: Vec<(String, Declaration, Vec<Flag>)> = (0..9)
            .map(|i| {
                (
                    format!("d{i}.json"),
                    department(&format!("第{i}局"), GOAL),
                    vec![],
                )
            })
            .collect();
        // A second file of 第0局 with the same goal: XDUP-01 with d0, and
        // one more department-file for everybody else.
        set.push(("e0.json".into(), department("第0局", GOAL), vec![]));
        let mut refs: Vec<(&str, Declaration, Vec<Flag>)> = set
            .iter()
            .map(|(f, d, fl)| (f.as_str(), d.clone(), fl.clone()))
            .collect();
        run_over(&mut refs);
        let xdup02 = |i: usize| {
            refs[i]
                .2
                .iter()
                .find(|f| f.rule() == Rule::Xdup02)
                .map(|f| f.finding().clone())
        };
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            xdup02(0),
            Some(crate::rules::Finding::from(Finding::Xdup02 {
                shown: names(&["第1局", "第2局", "第3局", "第4局", "第5局"]),
                more: 3
            }))
        );
        assert_eq!(
            xdup02(1),
            Some(crate::rules::Finding::from(Finding::Xdup02 {
                shown: names(&["第0局", "第2局", "第3局", "第4局", "第5局"]),
                more: 4
            }))
        );
        let zh = refs[1]
            .2
            .iter()
            .find(|f| f.rule() == Rule::Xdup02)
            .unwrap()
            .message(Lang::Zh);
        assert!(zh.contains("等 9 个"), "{zh}");
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
            &crate::rules::Finding::from(Finding::Xdup01 {
                shown: vec!["b.json".into()],
                more: 0
            })
        );
        assert_eq!(
            set[1].2[0].finding(),
            &crate::rules::Finding::from(Finding::Xdup01 {
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
            crate::rules::Finding::from(Finding::Xdup01 {
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
            crate::rules::Finding::from(Finding::Xdup01 {
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
