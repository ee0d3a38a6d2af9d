//! FUND-04 · 重点任务资金超过部门预算总额 (Key-task funds exceed the department's total).

use crate::amount::format_wan;
use crate::i18n::flags::money;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

use super::*;
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

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, tasks: Decimal, spending: Decimal) -> String {
    let (t, s) = (format_wan(tasks), format_wan(spending));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，超过部门支出合计{s}万元。建议核实各项任务的资金，使合计不超过部门预算"
        ),
        format!(
            "The key tasks' funds ({t} 万元) exceed the department's spending total ({s} 万元). We suggest checking each task's funds so that they fit the budget"
        ),
    )
}

/// FUND-04: tasks cannot spend more than T. Says whether it fired (then
/// FUND-05 does not).
pub(super) fn check(t: &Totals, s: &RuleSettings, flags: &mut Flags) -> bool {
    if let (Some(tasks), Some(spending)) = (t.key_tasks, t.spending)
        && exceeds(tasks, spending, s.budget.tolerance(Rule::Fund04))
    {
        let found = Finding::Fund04 { tasks, spending };
        flags.push(Severity::Error, Location::KeyTasks, found);
        return true;
    }
    false
}
