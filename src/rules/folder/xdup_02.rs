//! XDUP-02 · 总体绩效目标与其他部门雷同 (Overall goal copied from another department).

use crate::i18n::flags::and_more;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Xdup02,
    "XDUP-02",
    &[Info],
    "总体绩效目标与其他部门雷同",
    "Overall goal copied from another department",
    Basis {
        cite: Some(Phrase::new(
            "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（绩效目标设定未结合部门自身职能）",
            "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets set without regard to the department's own work)",
        )),
        reason: Some(Phrase::new(
            "两个部门的总体目标去掉数字后九成以上相同，多为照抄；相似度的界限是本工具的做法。",
            "Two departments' goals that are nine-tenths the same once numbers are removed are usually a copy; the similarity required is this tool's practice.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Xdup02,
    location: "`overall_goal`",
    fires_when: "another file of a **different** department (normalised names differ) has a goal alike this one: both goals normalised, every run of digits removed, hold ≥ 20 characters, and 1 − edit distance ÷ the longer length ≥ 0.9. Every such file is flagged, naming five departments and counting the rest",
    inputs: None,
    basis: "S: 赤峰市审计局 2023 (targets set without regard to the department's work); the threshold J",
    asks: "state the goal from the department's own work",
};

/// XDUP-02: the other departments whose goal is alike, by name.
/// Its flag's words.
pub(crate) fn message(lang: Lang, shown: &[String], more: usize) -> String {
    let names: Vec<String> = shown.iter().map(|f| format!("“{}”", quote(f))).collect();
    let (zh_more, en_more) = and_more(shown.len(), more, "等 {} 个部门", " and {} more");
    pick(
        lang,
        format!(
            "总体绩效目标与{}{zh_more}的总体绩效目标雷同（去掉数字后几乎相同），请结合本部门职能填写",
            names.join("")
        ),
        format!(
            "the overall goal is nearly the same as that of {}{en_more} (numbers aside); it should be the department's own",
            names.join(", ")
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标与本批次其他部门的基本相同。建议结合本部门职能和年度工作重新表述".into(),
        "The overall goal is nearly the same as another department's. We suggest stating it from the department's own work".into(),
    )
}

/// What it found: the other departments whose goal is alike, the first
/// few by name (or file, where the name is blank), and how many more.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub shown: Vec<String>,
    pub more: usize,
}

/// Its setting: how alike two departments' goals must be.
pub type Settings = crate::rules::similar::Similarity;

pub(crate) const CHECK: Check = Check::Folder(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.shown, self.more)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang)
    }
}

/// XDUP-02: a goal alike another department's. Equal goals are merged
/// first; the distinct ones are paired by [`similar::alike_pairs`], which
/// does not compare every pair. Every file whose goal is alike a goal of
/// another department (normalised names differ) gets the flag, naming up
/// to [`NAMED_OTHERS`] of those departments and counting the rest.
fn check(members: &mut [Member], settings: &RuleSettings) {
    let min_similarity = settings.rules.xdup_02.min_similarity;
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
            found.push((i, Finding { shown, more }));
        }
    }
    for (i, f) in found {
        push(&mut members[i], Severity::Info, Location::OverallGoal, f);
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
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

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
            &crate::rules::Finding::from(Finding {
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
            Some(crate::rules::Finding::from(Finding {
                shown: names(&["第1局", "第2局", "第3局", "第4局", "第5局"]),
                more: 3
            }))
        );
        assert_eq!(
            xdup02(1),
            Some(crate::rules::Finding::from(Finding {
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
}
