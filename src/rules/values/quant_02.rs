//! QUANT-02 · 指标值用语模糊 (Target uses a vague word).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant02,
    "QUANT-02",
    &[Warning],
    "指标值用语模糊",
    "Target uses a vague word",
    Basis {
        cite: Some(Phrase::new(
            "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（指标值用“改善”“提高”等模糊表述）",
            "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (vague targets such as 改善, 提高)",
        )),
        reason: Some(Phrase::new(
            "“改善”“提高”以外的词是本工具补充的。",
            "The words besides 改善 and 提高 are this tool's addition.",
        )),
    },
    &[Words],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant02,
    location: "`indicators[i]`",
    fires_when: "a target not quantified that contains a vague word: 提高 提升 改善 加强 增强 优化 进一步 有效 明显 显著 逐步 不断",
    inputs: None,
    basis: "S: 赤峰市审计局 2023 (改善、提高); the other words J",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, target: &str, word: &str) -> String {
    pick(
        lang,
        format!(
            "指标值“{}”用了模糊词“{}”，又没有数字",
            quote(target),
            quote(word)
        ),
        format!(
            "target “{}” uses the vague word “{}” and has no number",
            quote(target),
            quote(word)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, targets: &str, words: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值{targets}使用{words}等模糊表述，没有量化。请改为可衡量的具体数值"),
        format!(
            "{places}: the target {targets} uses vague words ({words}) and no number. Please give a measurable number"
        ),
    )
}
