//! HIER-04 · 未设成本指标 (No cost indicator).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Hier04,
    "HIER-04",
    &[Info],
    "未设成本指标",
    "No cost indicator",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）为项目支出设有成本指标；它对本表没有约束力，因此只作提示。",
            "Guidelines for Core Performance Targets and Indicators of Central Departments' Project Spending (Trial) (Caiyu [2021] No. 101) sets cost indicators for project spending; it does not bind this form, so this is only a note.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Hier04,
    location: "`indicators`",
    fires_when: "no cost indicator (neither 产出/成本 nor 一级 成本)",
    inputs: None,
    basis: "J: 财预〔2021〕101号 adds it for project spending; not binding here",
    asks: "set a cost indicator",
};

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        pick(
            lang,
            "未设成本指标（产出指标·成本指标，或一级指标“成本指标”）",
            "no cost indicator (产出指标/成本指标, or level-1 成本指标)",
        )
        .into()
    }

    /// Its point's words in the 审核意见.
    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        pick(
            lang,
            "绩效指标未设成本指标。建议按实际设置成本指标，反映履职成本的控制要求".into(),
            "No cost indicator is set. We suggest setting one for what the work may cost".into(),
        )
    }
}

/// HIER-04: no cost indicator, neither 产出/成本 nor 一级 成本.
fn check(form: &Form, flags: &mut Flags) {
    let levels = &form.levels;
    let has_cost = levels.level2s_under("成本").next().is_some()
        || levels.level2s_under("产出").any(|l2| l2 == Some("成本"));
    if !has_cost {
        flags.push(Severity::Info, Location::Indicators, Finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

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
}
