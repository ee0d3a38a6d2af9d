//! COST-01 · 成本指标写成了下限 (Cost target written as a floor).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Cost01,
    "COST-01",
    &[Warning],
    "成本指标写成了下限",
    "Cost target written as a floor",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "成本指标是花钱的上限（最多花多少），写成“≥”“不低于”等下限就失去了控制成本的意义；同类审核工具也把成本指标的“≥”列为问题。",
            "A cost target is a ceiling (what the work may at most cost); written as a floor (≥, 不低于) it controls nothing, and peer review tools flag ≥ on cost indicators.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Cost01,
    location: "`indicators[i]`",
    fires_when: "a cost row (产出指标 / 成本指标, or 一级 成本指标) whose name holds none of 节约 节省 降低 下降 压减 减少, with a target that is a floor: it holds ≥ ≧ ＞ > 不低于 不少于 大于 至少 以上 and no ceiling ≤ ≦ ＜ < 不高于 不超过 以内 以下 低于 少于 控制在 (see below)",
    inputs: None,
    basis: "J: a cost target says the most the work may cost",
};

/// COST-01: `target` as submitted.
/// Its flag's words.
pub(crate) fn message(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!(
            "成本指标的指标值“{}”是下限；成本指标应写最多花多少（上限，如“≤”）",
            quote(target)
        ),
        format!(
            "cost target “{}” is a floor; a cost target should say the most it may cost (a ceiling, e.g. ≤)",
            quote(target)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!(
            "{places}为成本指标，指标值{targets}写为下限。建议改为成本控制的上限（如“≤”“不超过”）"
        ),
        format!(
            "{places}: a cost target {targets} written as a floor. We suggest a ceiling (≤, at most)"
        ),
    )
}

/// COST-01: a cost target written as a floor (a cost row whose name does
/// not say the cost is to come down).
pub(super) fn check(row: &Indicator, at: Location, flags: &mut Flags) {
    if non_blank(&row.name).is_some_and(|n| SAVING_WORDS.iter().any(|w| n.contains(w))) {
        return;
    }
    let floor = |t: &&str| crate::text::is_floor(t) && !crate::text::is_ceiling(t);
    if let Some(t) = targets(row).find(floor) {
        let found = Finding::Cost01 {
            target: t.to_string(),
        };
        flags.push(Severity::Warning, at, found);
    }
}
