//! QUANT-03 · 指标值为空话或占位符 (Target is a placeholder).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant03,
    "QUANT-03",
    &[Error],
    "指标值为空话或占位符",
    "Target is a placeholder",
    Basis {
        cite: Some(Phrase::new(
            "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（指标值填“不涉及”“无”）",
            "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets given as 不涉及 or 无)",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant03,
    location: "`indicators[i]`",
    fires_when: "a target normalises to nothing, or is a placeholder: 无 暂无 不涉及 略 / ／ - － — —— N/A (any case)",
    inputs: None,
    basis: "S: 赤峰市审计局 2023",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("指标值“{}”是占位内容，不是目标", quote(target)),
        format!("target “{}” is a placeholder, not a target", quote(target)),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值填为{targets}，没有填写目标。请填写具体的目标值"),
        format!("{places}: the target is {targets}, not a target. Please give the target"),
    )
}
