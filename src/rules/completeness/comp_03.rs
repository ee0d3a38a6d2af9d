//! COMP-03 · 绩效指标行内容不全 (Indicator row incomplete).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp03,
    "COMP-03",
    &[Error, Warning],
    "绩效指标行内容不全",
    "Indicator row incomplete",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求，以及绩效目标分为中长期目标和年度目标的规定",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on completeness, and on targets for the whole period and for the year",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp03,
    location: "`indicators[i]`",
    fires_when: "not a template row, and — error: a level or the name blank, or every target blank; else, with two target columns, warning: exactly one target blank. One flag per row",
    inputs: None,
    basis: "S: 88号 中长期/年度目标",
};
