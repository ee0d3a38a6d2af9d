//! FUND-04 · 重点任务资金超过部门预算总额 (Key-task funds exceed the department's total).

use crate::i18n::Phrase;
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund04,
    "FUND-04",
    &[Error],
    "重点任务资金超过部门预算总额",
    "Key-task funds exceed the department's total",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "重点任务所需资金不能超过部门的支出合计。",
            "Key tasks cannot spend more than the department has.",
        )),
    },
    &[Tolerance],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund04,
    location: "`key_tasks`",
    fires_when: "Σ key-task funds > T + 0.01",
    inputs: Some("basic, project, the tasks"),
    basis: "J: tasks cannot spend more than the department has",
};
