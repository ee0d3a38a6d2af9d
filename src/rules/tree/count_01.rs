//! COUNT-01 · 产出指标条数过多 (Too many output indicators).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Count01,
    "COUNT-01",
    &[Info],
    "产出指标条数过多",
    "Too many output indicators",
    Basis {
        cite: Some(Phrase::new(
            "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（“产出指标条数繁多”）",
            "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (\"too many output indicators\")",
        )),
        reason: Some(Phrase::new(
            "条数上限是本工具的做法。",
            "The number allowed is this tool's practice.",
        )),
    },
    &[MaxRows],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Count01,
    location: "`indicators`",
    fires_when: "more than 20 rows under 产出指标",
    inputs: None,
    basis: "S: 赤峰市审计局 2023 \"产出指标条数繁多\"; threshold J",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, rows: usize, max: usize) -> String {
    pick(
        lang,
        format!("产出指标共 {rows} 条，多于 {max} 条"),
        format!("{rows} output indicators, more than {max}"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, rows: usize, max: usize) -> String {
    pick(
        lang,
        format!("产出指标共{rows}条，数量较多。建议精简至{max}条以内，保留最能反映产出的核心指标"),
        format!(
            "There are {rows} output indicators. We suggest keeping the {max} or fewer that best show the output"
        ),
    )
}

/// COUNT-01: more output rows than the configured maximum.
pub(super) fn check(levels: &Levels, s: &RuleSettings, flags: &mut Flags) {
    let rows = levels.level2s_under("产出").count();
    if rows > s.tree.count01_max_rows {
        let found = Finding::Count01 {
            rows,
            max: s.tree.count01_max_rows,
        };
        flags.push(Severity::Info, Location::Indicators, found);
    }
}
