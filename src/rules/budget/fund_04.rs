//! FUND-04 · 重点任务资金超过部门预算总额 (Key-task funds exceed the department's total).

use crate::i18n::Phrase;
use crate::i18n::flags::money;
use crate::i18n::{Lang, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

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

/// Its flag's words.
pub(crate) fn message(lang: Lang, tasks: Decimal, spending: Decimal) -> String {
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元超过部门预算支出合计 {} 万元",
            money(tasks),
            money(spending)
        ),
        format!(
            "key-task funds {} exceed the spending total {} (万元)",
            money(tasks),
            money(spending)
        ),
    )
}
