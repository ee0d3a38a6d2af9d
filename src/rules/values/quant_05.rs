//! QUANT-05 · 比率类指标的指标值不是有效百分比 (Rate target is not a valid percentage).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant05,
    "QUANT-05",
    &[Warning],
    "比率类指标的指标值不是有效百分比",
    "Rate target is not a valid percentage",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "比率类指标的目标值应是不超过100%的百分比。",
            "A rate's target should be a percentage of at most 100%.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant05,
    location: "`indicators[i]`",
    fires_when: "the name contains 率, and a target has a number but no percentage, or a percentage above 100",
    inputs: None,
    basis: "J",
};

pub(crate) fn over_100(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("比率指标的指标值“{}”超过 100%", quote(target)),
        format!("rate target “{}” is above 100%", quote(target)),
    )
}

pub(crate) fn no_percent(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("比率指标的指标值“{}”有数字但不是百分比", quote(target)),
        format!(
            "rate target “{}” has a number but no percentage",
            quote(target)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request_over_100(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}为比率指标，指标值{targets}超过100%。建议核实后填写不超过100%的比率"),
        format!(
            "{places}: a rate whose target {targets} is above 100%. We suggest a rate of at most 100%"
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request_no_percent(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}为比率指标，指标值{targets}不是百分比。建议以百分比表示"),
        format!(
            "{places}: a rate whose target {targets} is not a percentage. We suggest a percentage"
        ),
    )
}

/// QUANT-05: a rate (名称含“率”) whose target has a number but no
/// percentage, or a percentage above 100.
pub(super) fn check(row: &Indicator, at: Location, flags: &mut Flags) {
    if !non_blank(&row.name).is_some_and(|n| n.contains('率')) {
        return;
    }
    for t in targets(row) {
        let nums: Vec<_> = numbers(t).collect();
        let over_100 = nums
            .iter()
            .any(|n| n.percentage && n.value().is_some_and(|v| v > Decimal::ONE_HUNDRED));
        let no_percentage = !nums.is_empty() && nums.iter().all(|n| !n.percentage);
        if over_100 || no_percentage {
            let found = Finding::Quant05 {
                target: t.to_string(),
                over_100,
            };
            flags.push(Severity::Warning, at, found);
            return;
        }
    }
}
