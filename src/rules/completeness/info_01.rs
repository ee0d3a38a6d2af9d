//! INFO-01 · 财政供养人员数未填写 (Staff count blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Info01,
    "INFO-01",
    &[Warning],
    "财政供养人员数未填写",
    "Staff count blank",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "财政供养人员数是核定部门预算规模的基本信息。",
            "The staff count is basic to judging the size of the budget.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Info01,
    location: "`department.staff_count`",
    fires_when: "财政供养人员数 blank",
    inputs: None,
    basis: "J (the seed leaves it blank)",
};
