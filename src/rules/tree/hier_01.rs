//! HIER-01 · 一级/二级指标搭配不在规定范围内 (Level-1/level-2 pair not in the table).

use crate::i18n::requests::quoted;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Hier01,
    "HIER-01",
    &[Error],
    "一级/二级指标搭配不在规定范围内",
    "Level-1/level-2 pair not in the table",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88); Opinions of the CPC Central Committee and the State Council on Fully Implementing Budget Performance Management (Zhongfa [2018] No. 34)",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Hier01,
    location: "`indicators[i]`",
    fires_when: "both levels filled, and the pair is not in the table",
    inputs: None,
    basis: "S: 88号; 中发〔2018〕34号",
    asks: "the 二级 the department began or meant where one valid name begins with, holds or is held in what it typed (`服务对象` → 服务对象满意度指标); else the 二级 its 一级 takes, and, where the 二级 typed belongs to another 一级, that one as the way out; a 一级 not on the form: one of the form's",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, level1: &str, level2: &str) -> String {
    pick(
        lang,
        format!(
            "一级指标“{}”下不能设二级指标“{}”",
            quote(level1),
            quote(level2)
        ),
        format!(
            "level-2 “{}” is not allowed under level-1 “{}”",
            quote(level2),
            quote(level1)
        ),
    )
}

/// HIER-01 with the 二级 it should be, inferred from what was typed.
pub(crate) fn request_to(lang: Lang, places: &str, level1: &str, level2: &str, to: &str) -> String {
    let (l1, l2) = (quoted(lang, level1), quoted(lang, level2));
    pick(
        lang,
        format!("{places}的二级指标填为{l2}，一级指标{l1}下没有此二级指标。请改为“{to}”"),
        format!("{places}: level 2 {l2} is not a level 2 of {l1}. Please change it to \"{to}\""),
    )
}

/// HIER-01 under a valid 一级, with the 二级 it may take; where the 二级
/// typed belongs to `another` 一级, that one as the other way out.
pub(crate) fn request_one_of(
    lang: Lang,
    places: &str,
    (level1, level2): (&str, &str),
    (canonical, valid): (&str, &[&str]),
    another: Option<&str>,
) -> String {
    let (l1, l2) = (quoted(lang, level1), quoted(lang, level2));
    let choices = one_of(lang, valid);
    let or = another.map_or_else(String::new, |other| {
        pick(
            lang,
            format!("；如确属{other}指标，请将一级指标改为{other}指标"),
            format!("; or, if it is one of {other}'s, change level 1 to {other}"),
        )
    });
    pick(
        lang,
        format!(
            "{places}的二级指标填为{l2}，一级指标{l1}下没有此二级指标。请改为{canonical}指标下的{choices}指标{or}"
        ),
        format!(
            "{places}: level 2 {l2} is not a level 2 of {l1}. Please use one of {canonical}'s: {choices}{or}"
        ),
    )
}

/// HIER-01 where the 一级 itself is not one of the form's.
pub(crate) fn request_level1(lang: Lang, places: &str, level1: &str) -> String {
    let l1 = quoted(lang, level1);
    pick(
        lang,
        format!(
            "{places}的一级指标填为{l1}，不是申报表规定的一级指标。请改为产出指标、效益指标、满意度指标或成本指标"
        ),
        format!(
            "{places}: level 1 {l1} is not one of the form's. Please use output, benefit, satisfaction or cost indicators"
        ),
    )
}

/// `数量、质量、时效或成本`.
fn one_of(lang: Lang, choices: &[&str]) -> String {
    let (head, last) = choices.split_at(choices.len().saturating_sub(1));
    match head {
        [] => last.join(""),
        _ => pick(
            lang,
            format!("{}或{}", head.join("、"), last.join("")),
            format!("{} or {}", head.join(", "), last.join("")),
        ),
    }
}

/// What it found: the pair as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub level1: String,
    pub level2: String,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_88);

    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.level1, &self.level2)
    }

    /// One point for each pair.
    fn kind(&self, _: Severity) -> String {
        format!("{}\u{1f}{}", self.level1.trim(), self.level2.trim())
    }

    /// With what to change: the 二级 the department meant where one valid
    /// name holds, or is held in, what it typed (`服务对象` →
    /// 服务对象满意度指标); else the 二级 its 一级 takes; else the 一级s.
    fn request(&self, lang: Lang, _: &[Found<'_, Self>], places: &str, _: &Declaration) -> String {
        let (level1, level2) = (self.level1.as_str(), self.level2.as_str());
        let typed = (Some(level1.to_string()), Some(level2.to_string()));
        let (l1, l2) = (level_name(&typed.0), level_name(&typed.1));
        let Some(valid) = l1.and_then(|l1| TREE.iter().find(|(a, _)| *a == l1)) else {
            return request_level1(lang, places, level1);
        };
        // A 二级 of another 一级 (社会效益指标 under 产出指标): either may be wrong.
        let another = l2.and_then(|typed| {
            TREE.iter()
                .find(|(a, bs)| *a != valid.0 && bs.contains(&typed))
                .map(|(a, _)| *a)
        });
        let meant: Vec<&&str> = match l2 {
            Some(typed) => valid
                .1
                .iter()
                .filter(|v| v.contains(typed) || typed.contains(**v))
                .collect(),
            None => Vec::new(),
        };
        match meant.as_slice() {
            [one] => request_to(lang, places, level1, level2, &format!("{one}指标")),
            _ => request_one_of(lang, places, (level1, level2), *valid, another),
        }
    }
}

/// HIER-01: a pair not in the table.
fn check(form: &Form, flags: &mut Flags) {
    for (i, row) in form.decl.indicators.iter().enumerate() {
        // Template rows included: an empty line still names its category.
        let (Some(l1), Some(l2)) = (level_name(&row.level1), level_name(&row.level2)) else {
            continue;
        };
        let valid = TREE.iter().any(|(a, bs)| *a == l1 && bs.contains(&l2));
        if !valid {
            let found = Finding {
                level1: row.level1.clone().unwrap_or_default(),
                level2: row.level2.clone().unwrap_or_default(),
            };
            flags.push(Severity::Error, Location::Indicator(i, None), found);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

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
}
