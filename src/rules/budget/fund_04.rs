//! FUND-04 · 重点任务资金超过部门预算总额 (Key-task funds exceed the department's total).

use crate::amount::format_wan;
use crate::i18n::flags::money;
use crate::i18n::{Lang, Phrase, pick};
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
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund04,
    location: "`key_tasks`",
    fires_when: "Σ key-task funds > T + 0.01",
    inputs: Some("basic, project, the tasks"),
    basis: "J: tasks cannot spend more than the department has",
    asks: "check each task's funds so they fit the budget",
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

/// What it found: the tasks' funds and the spending total.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub tasks: Decimal,
    pub spending: Decimal,
}

/// Its setting: the tolerance.
pub type Settings = super::Tolerance;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.tasks, self.spending)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang, self.tasks, self.spending)
    }
}

/// FUND-04: tasks cannot spend more than T.
fn check(form: &Form, flags: &mut Flags) {
    if let Some(found) = exceeded(form) {
        flags.push(Severity::Error, Location::KeyTasks, found);
    }
}

/// Whether it fires, and on what: FUND-05 does not where it does.
pub(super) fn exceeded(form: &Form) -> Option<Finding> {
    let t = &form.totals;
    let (tasks, spending) = (t.key_tasks?, t.spending?);
    let tolerance = form.settings.rules.fund_04.tolerance;
    (runs(form, Rule::Fund04) && exceeds(tasks, spending, tolerance))
        .then_some(Finding { tasks, spending })
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use crate::rules::test_support::*;

    #[test]
    fn fund04_fires_above_the_total_and_then_fund05_does_not() {
        let mut decl = clean();
        // T = 546.10; tasks 516.10 + 30.00.
        decl.key_tasks[0].funds = Some(d("516.11"));
        assert!(fired(&decl, Rule::Fund04).is_empty(), "exactly T + 0.01");
        assert_eq!(fired(&decl, Rule::Fund05).len(), 1);
        decl.key_tasks[0].funds = Some(d("516.12"));
        assert_eq!(fired(&decl, Rule::Fund04).len(), 1);
        assert!(fired(&decl, Rule::Fund05).is_empty());
    }
}
