//! INFO-03 · 部门名称未填写 (Department name blank).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Info03,
    "INFO-03",
    &[Error],
    "部门名称未填写",
    "Department name blank",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on reviewing targets for completeness",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Info03,
    location: "`department.name`",
    fires_when: "部门名称 blank",
    inputs: None,
    basis: "S: 完整性",
};

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang) -> String {
    pick(
        lang,
        "部门名称未填写。请填写部门全称".into(),
        "The department's name is blank. Please give its full name".into(),
    )
}
