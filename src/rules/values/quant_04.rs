//! QUANT-04 · 指标值只是复述指标名称 (Target restates the indicator).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant04,
    "QUANT-04",
    &[Warning],
    "指标值只是复述指标名称",
    "Target restates the indicator",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "指标值只是重复指标名称，等于没有给出目标。",
            "A target that only repeats the indicator's name sets no target.",
        )),
    },
    &[MinCommon],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant04,
    location: "`indicators[i]`",
    fires_when: "a target, neither quantified nor graded, restates the indicator: one normalised text contains the other, or their longest common run is ≥ 4 characters and ≥ half the shorter (the name's trailing parenthesis such as `（场次）` removed first)",
    inputs: None,
    basis: "J",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, target: &str, name: &str) -> String {
    pick(
        lang,
        format!(
            "指标值“{}”只是复述了指标名称“{}”",
            quote(target),
            quote(name)
        ),
        format!(
            "target “{}” only restates the indicator “{}”",
            quote(target),
            quote(name)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值{targets}只是复述了指标名称。建议填写可衡量的目标值"),
        format!(
            "{places}: the target {targets} restates the indicator's name. We suggest a measurable target"
        ),
    )
}
