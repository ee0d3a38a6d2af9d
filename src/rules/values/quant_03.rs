//! QUANT-03 · 指标值为空话或占位符 (Target is a placeholder).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

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
    asks: "give the target",
};

/// What it found: the target, as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub target: String,
}

/// In [`super::quantified`], first of its chain.
pub(crate) const CHECK: Check = Check::Pass;

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_285);

    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        let target = &self.target;
        pick(
            lang,
            format!("指标值“{}”是占位内容，不是目标", quote(target)),
            format!("target “{}” is a placeholder, not a target", quote(target)),
        )
    }

    /// Its point's words in the 审核意见.
    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let targets = quoted_targets(lang, group, |f| &f.target);
        pick(
            lang,
            format!("{places}的指标值填为{targets}，没有填写目标。请填写具体的目标值"),
            format!("{places}: the target is {targets}, not a target. Please give the target"),
        )
    }
}

/// What is no target: none has a digit, so a target with one is never it.
const PLACEHOLDERS: [&str; 11] = [
    "无",
    "暂无",
    "不涉及",
    "略",
    "/",
    "／",
    "-",
    "－",
    "—",
    "——",
    "n/a",
];

/// QUANT-03, first of [`super::quantified`]'s chain: a placeholder such
/// as 无 or 不涉及, or nothing but punctuation.
pub(super) fn is_placeholder(cell: &Cell) -> bool {
    let n = &cell.normalised;
    n.is_empty() || PLACEHOLDERS.iter().any(|p| n.eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;

    #[test]
    fn quant03_placeholders_in_any_case_and_punctuation_only() {
        for p in ["无", "不涉及", " N/a ", "——", "／", "。", "暂无。"] {
            assert_eq!(
                rules_on_new_row(&with_row("宣传覆盖面", p, "≥10场")),
                ["QUANT-03"],
                "{p}"
            );
        }
        assert_eq!(
            rules_on_new_row(&with_row("宣传覆盖面", "无差错", "≥10场")),
            ["QUANT-01"]
        );
    }
}
