//! FUND-05 · 重点任务资金超过项目支出与事业发展性支出之和 (Key-task funds exceed project plus development spending).

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
    Rule::Fund05,
    "FUND-05",
    &[Warning],
    "重点任务资金超过项目支出与事业发展性支出之和",
    "Key-task funds exceed project plus development spending",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "重点任务资金超过项目支出与事业发展性支出之和，意味着占用了基本支出。",
            "Key-task funds above project plus development spending would take basic-spending money.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund05,
    location: "`key_tasks`",
    fires_when: "Σ funds > project + development + 0.01, and FUND-04 did not fire",
    inputs: Some("project, the tasks"),
    basis: "J: the tasks would claim basic-spending money",
    asks: "check whether basic spending was counted in the tasks",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, tasks: Decimal, base: Decimal) -> String {
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元超过项目支出与事业发展性支出之和 {} 万元，可能挤占基本支出",
            money(tasks),
            money(base)
        ),
        format!(
            "key-task funds {} exceed project plus development spending {} (万元): basic spending may be claimed",
            money(tasks),
            money(base)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, tasks: Decimal, base: Decimal) -> String {
    let (t, b) = (format_wan(tasks), format_wan(base));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，超过项目支出与事业发展性支出之和{b}万元。建议核实任务资金中是否列入了基本支出"
        ),
        format!(
            "The key tasks' funds ({t} 万元) exceed project and development spending ({b} 万元). We suggest checking whether basic spending was counted in them"
        ),
    )
}

/// What it found: the tasks' funds and project + development spending.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub tasks: Decimal,
    pub base: Decimal,
}

/// Its setting: the tolerance.
pub type Settings = super::Tolerance;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.tasks, self.base)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang, self.tasks, self.base)
    }
}

/// FUND-05: nor, short of that (FUND-04), more than project +
/// development spending.
fn check(form: &Form, flags: &mut Flags) {
    let t = &form.totals;
    if let (Some(tasks), Some(base)) = (t.key_tasks, t.project_and_development)
        && runs(form, Rule::Fund05)
        && super::fund_04::exceeded(form).is_none()
        && exceeds(tasks, base, form.settings.rules.fund_05.tolerance)
    {
        flags.push(
            Severity::Warning,
            Location::KeyTasks,
            Finding { tasks, base },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn fund05_edge_is_project_plus_development_plus_one_cent() {
        let mut decl = clean();
        // project + development = 96 + 0 + 30 = 126.
        decl.key_tasks[0].funds = Some(d("96.01"));
        assert!(fired(&decl, Rule::Fund05).is_empty());
        decl.key_tasks[0].funds = Some(d("96.02"));
        assert_eq!(fired(&decl, Rule::Fund05)[0].location, Location::KeyTasks);
    }
}
