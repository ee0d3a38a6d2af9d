//! XDUP-02 · 总体绩效目标与其他部门雷同 (Overall goal copied from another department).

use crate::i18n::flags::and_more;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

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
    &[MinSimilarity],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Xdup02,
    location: "`overall_goal`",
    fires_when: "another file of a **different** department (normalised names differ) has a goal alike this one: both goals normalised, every run of digits removed, hold ≥ 20 characters, and 1 − edit distance ÷ the longer length ≥ 0.9. Every such file is flagged, naming five departments and counting the rest",
    inputs: None,
    basis: "S: 赤峰市审计局 2023 (targets set without regard to the department's work); the threshold J",
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
