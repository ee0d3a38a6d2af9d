//! HIER-01 … HIER-04, DUP-01, COUNT-01: the three-level indicator tree.
//!
//! Level names are compared as the catalogue defines them: trimmed, one
//! trailing 指标 removed (see [`crate::text::level_name`]).

pub(crate) mod count_01;
pub(crate) mod dup_01;
pub(crate) mod hier_01;
pub(crate) mod hier_02;
pub(crate) mod hier_03;
pub(crate) mod hier_04;

use super::RuleSettings;
use super::{Flags, Rule, Severity};
use crate::i18n::Lang;
use crate::model::{Declaration, Location};
use crate::text::{level_name, non_blank, normalise};

/// What the tree's rules may be told.
#[derive(Debug, Clone)]
pub struct Settings {
    /// COUNT-01: more output rows than this is a lot.
    pub count01_max_rows: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            count01_max_rows: 20,
        }
    }
}

/// What a rule of the indicator tree found.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A 一级/二级 pair not in the table, as submitted.
    Hier01 { level1: String, level2: String },
    /// A 一级 with no row.
    Hier02 { level1: &'static str },
    /// A 二级 of 产出指标 with no row.
    Hier03 { level2: &'static str },
    /// No cost indicator.
    Hier04,
    /// The row repeats the name of an earlier row (counted from 0).
    Dup01 { first: usize },
    /// More output rows than the maximum.
    Count01 { rows: usize, max: usize },
}

impl Finding {
    pub fn rule(&self) -> Rule {
        match self {
            Finding::Hier01 { .. } => Rule::Hier01,
            Finding::Hier02 { .. } => Rule::Hier02,
            Finding::Hier03 { .. } => Rule::Hier03,
            Finding::Hier04 => Rule::Hier04,
            Finding::Dup01 { .. } => Rule::Dup01,
            Finding::Count01 { .. } => Rule::Count01,
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        match self {
            Finding::Hier01 { level1, level2 } => hier_01::message(lang, level1, level2),
            Finding::Hier02 { level1 } => hier_02::message(lang, level1),
            Finding::Hier03 { level2 } => hier_03::message(lang, level2),
            Finding::Hier04 => hier_04::MESSAGE.get(lang).into(),
            Finding::Dup01 { first } => dup_01::message(lang, *first),
            Finding::Count01 { rows, max } => count_01::message(lang, *rows, *max),
        }
    }
}

/// The valid 一级 → 二级 pairs, level names without 指标.
pub const TREE: [(&str, &[&str]); 4] = [
    ("产出", &["数量", "质量", "时效", "成本"]),
    ("效益", &["经济效益", "社会效益", "生态效益", "可持续影响"]),
    ("满意度", &["服务对象满意度"]),
    ("成本", &["经济成本", "社会成本", "生态环境成本"]),
];

/// Each row's level names (trimmed, one trailing 指标 removed), worked out
/// once per declaration: the tree and value rules all ask for them. A
/// template row belongs to no level: only HIER-01, SAFE-01 and COMP-05
/// see it.
pub struct Levels<'a> {
    rows: Vec<(Option<&'a str>, Option<&'a str>)>,
}

impl<'a> Levels<'a> {
    pub fn of(decl: &'a Declaration) -> Self {
        Levels {
            rows: decl
                .indicators
                .iter()
                .map(|r| match r.is_template_row() {
                    true => (None, None),
                    false => (level_name(&r.level1), level_name(&r.level2)),
                })
                .collect(),
        }
    }

    pub fn level1(&self, i: usize) -> Option<&'a str> {
        self.rows.get(i).and_then(|r| r.0)
    }

    pub fn level2(&self, i: usize) -> Option<&'a str> {
        self.rows.get(i).and_then(|r| r.1)
    }

    /// Is row `i` under this 一级 (name without 指标)?
    pub fn under(&self, i: usize, level1: &str) -> bool {
        self.level1(i) == Some(level1)
    }

    /// The rows under a 一级, as their level-2 names.
    fn level2s_under(&self, level1: &'a str) -> impl Iterator<Item = Option<&'a str>> + '_ {
        self.rows
            .iter()
            .filter(move |r| r.0 == Some(level1))
            .map(|r| r.1)
    }
}

pub(super) fn run(decl: &Declaration, levels: &Levels, s: &RuleSettings, flags: &mut Flags) {
    hier_01::check(decl, flags);
    hier_02::check(levels, flags);
    hier_03::check(levels, flags);
    hier_04::check(levels, flags);
    dup_01::check(decl, flags);
    count_01::check(levels, s, flags);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::Indicator;

    fn under(row: &Indicator, level1: &str) -> bool {
        level_name(&row.level1) == Some(level1)
    }

    #[test]
    fn hier01_accepts_names_with_or_without_the_indicator_suffix() {
        let mut decl = clean();
        decl.indicators
            .push(row("效益", "社会效益指标 ", "受益人次", "≥100人", "≥100人"));
        decl.indicators
            .push(row(" 成本指标", "经济成本", "单位成本", "≤5元", "≤5元"));
        assert!(fired(&decl, Rule::Hier01).is_empty());
    }

    #[test]
    fn hier01_flags_pairs_outside_the_table() {
        let mut decl = clean();
        decl.indicators
            .push(row("产出指标", "社会效益指标", "a", "1次", "1次"));
        decl.indicators
            .push(row("过程指标", "数量指标", "b", "1次", "1次"));
        decl.indicators.push(row("产出指标", "", "c", "1次", "1次"));
        let locs: Vec<String> = fired(&decl, Rule::Hier01)
            .iter()
            .map(|f| f.location.to_string())
            .collect();
        assert_eq!(
            locs,
            ["indicators[6]", "indicators[7]"],
            "a blank level2 is COMP-03's, not HIER-01's"
        );
    }

    #[test]
    fn hier02_one_flag_per_missing_first_level() {
        let mut decl = clean();
        decl.indicators
            .retain(|r| !under(r, "满意度") && !under(r, "效益"));
        let f = fired(&decl, Rule::Hier02);
        assert_eq!(
            f.iter().map(|f| f.finding().clone()).collect::<Vec<_>>(),
            [
                Finding::Hier02 {
                    level1: "效益指标"
                }
                .into(),
                Finding::Hier02 {
                    level1: "满意度指标"
                }
                .into()
            ]
        );
    }

    #[test]
    fn hier03_names_each_missing_second_level() {
        let mut decl = clean();
        decl.indicators.retain(|r| {
            level_name(&r.level2) != Some("时效") && level_name(&r.level2) != Some("质量")
        });
        let f = fired(&decl, Rule::Hier03);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].finding(),
            &Finding::Hier03 {
                level2: "质量指标"
            }
            .into()
        );
        // Without any output row, HIER-02 speaks and HIER-03 stays silent.
        decl.indicators.retain(|r| !under(r, "产出"));
        assert!(fired(&decl, Rule::Hier03).is_empty());
        assert_eq!(fired(&decl, Rule::Hier02).len(), 1);
    }

    #[test]
    fn hier04_either_kind_of_cost_indicator_counts() {
        let mut decl = clean();
        decl.indicators
            .retain(|r| level_name(&r.level2) != Some("成本"));
        assert_eq!(fired(&decl, Rule::Hier04).len(), 1);
        decl.indicators.push(row(
            "成本指标",
            "经济成本指标",
            "人均成本",
            "≤1万元",
            "≤1万元",
        ));
        assert!(fired(&decl, Rule::Hier04).is_empty());
    }

    #[test]
    fn dup01_flags_later_rows_with_the_same_normalised_name() {
        let mut decl = clean();
        decl.indicators.push(row(
            "产出指标",
            "数量指标",
            " 档案数字化页数。",
            "1页",
            "1页",
        ));
        decl.indicators
            .push(row("产出指标", "数量指标", "。", "1页", "1页"));
        decl.indicators
            .push(row("产出指标", "数量指标", "，", "1页", "1页"));
        let f = fired(&decl, Rule::Dup01);
        assert_eq!(f.len(), 1, "names that normalise to nothing never match");
        assert_eq!(f[0].location, Location::Indicator(6, None));
        assert_eq!(f[0].finding(), &Finding::Dup01 { first: 0 }.into());
    }

    #[test]
    fn count01_fires_above_twenty_output_rows_only() {
        let mut decl = clean();
        for i in 0..16 {
            decl.indicators.push(row(
                "产出指标",
                "数量指标",
                &format!("指标{i}"),
                "1次",
                "1次",
            ));
        }
        assert_eq!(
            decl.indicators.iter().filter(|r| under(r, "产出")).count(),
            20
        );
        assert!(fired(&decl, Rule::Count01).is_empty());
        decl.indicators
            .push(row("产出", "数量", "再一个", "1次", "1次"));
        assert_eq!(
            fired(&decl, Rule::Count01)[0].finding(),
            &Finding::Count01 { rows: 21, max: 20 }.into()
        );
    }
}
