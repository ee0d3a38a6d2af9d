//! YOY-01 · 指标值比上年降低 (Target made easier than last year's).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Yoy01,
    "YOY-01",
    &[Warning],
    "指标值比上年降低",
    "Target made easier than last year's",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）适当性审核（绩效目标与资金量是否匹配）；赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（目标设定“无压力”）",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), review of appropriateness (is the target in keeping with the money); the common defects published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets set without pressure)",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Yoy01,
    location: "`indicators[i]`",
    fires_when: "a matched row whose target and last year's both have a number, in the same unit, both percentages or neither, and this year's is easier: lower where neither is a ceiling, higher where both are (a ceiling against a floor: no flag). The message names last year's target, and last year's name where it differs",
    inputs: None,
    basis: "S: 财预〔2015〕88号 适当性审核; 赤峰市审计局 2023 (targets \"无压力\")",
};
