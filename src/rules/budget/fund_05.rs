//! FUND-05 · 重点任务资金超过项目支出与事业发展性支出之和 (Key-task funds exceed project plus development spending).

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
    &[Tolerance],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund05,
    location: "`key_tasks`",
    fires_when: "Σ funds > project + development + 0.01, and FUND-04 did not fire",
    inputs: Some("project, the tasks"),
    basis: "J: the tasks would claim basic-spending money",
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

/// FUND-05: nor, short of that, more than project + development spending.
pub(super) fn check(t: &Totals, s: &RuleSettings, flags: &mut Flags) {
    if let (Some(tasks), Some(pd)) = (t.key_tasks, t.project_and_development)
        && exceeds(tasks, pd, s.budget.tolerance(Rule::Fund05))
    {
        let found = Finding::Fund05 { tasks, base: pd };
        flags.push(Severity::Warning, Location::KeyTasks, found);
    }
}
