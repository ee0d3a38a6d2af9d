//! HIER-01 · 一级/二级指标搭配不在规定范围内 (Level-1/level-2 pair not in the table).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

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
