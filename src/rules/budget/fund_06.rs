//! FUND-06 · 重点任务资金明显少于项目支出与事业发展性支出之和 (Key-task funds well below project plus development spending).

use crate::amount::{format_wan, percent_of};
use crate::i18n::flags::{money, pct};
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund06,
    "FUND-06",
    &[Info],
    "重点任务资金明显少于项目支出与事业发展性支出之和",
    "Key-task funds well below project plus development spending",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "重点任务只列重点，资金略少于项目支出与事业发展性支出之和属正常；差得太多，可能漏列了任务。",
            "Key tasks list only the main ones, so a small shortfall is normal; a large one may mean tasks were left out.",
        )),
    },
    &[MinShare],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund06,
    location: "`key_tasks`",
    fires_when: "Σ funds < 90% of (project + development)",
    inputs: Some("project, the tasks"),
    basis: "J: key tasks are only the 重点 ones, a small gap is normal",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, tasks: Decimal, base: Decimal, min_share: Decimal) -> String {
    // The share as every share shows (one decimal); the floor as configured.
    let share = percent_of(tasks, base).map_or_else(|| "—".to_string(), |p| p.to_string());
    let min = min_share
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or_else(|| "—".to_string(), pct);
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元只占项目支出与事业发展性支出之和 {} 万元的 {share}%，低于 {min}%",
            money(tasks),
            money(base)
        ),
        format!(
            "key-task funds {} are {share}% of project plus development spending {} (万元), below {min}%",
            money(tasks),
            money(base)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, tasks: Decimal, base: Decimal, share: &str) -> String {
    let (t, b) = (format_wan(tasks), format_wan(base));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，占项目支出与事业发展性支出之和{b}万元的{share}。建议补充未列入的重点工作任务或其资金"
        ),
        format!(
            "The key tasks' funds ({t} 万元) are {share} of project and development spending ({b} 万元). We suggest adding the key tasks or funds left out"
        ),
    )
}

/// FUND-06: key tasks cover less than the configured share of project +
/// development spending.
pub(super) fn check(t: &Totals, s: &RuleSettings, flags: &mut Flags) {
    let (Some(tasks), Some(pd)) = (t.key_tasks, t.project_and_development) else {
        return;
    };
    // Beyond any real budget the product may not be held: then the share
    // is not judged.
    if pd
        .checked_mul(s.budget.fund06_min_share)
        .is_some_and(|floor| tasks < floor)
    {
        let found = Finding::Fund06 {
            tasks,
            base: pd,
            min_share: s.budget.fund06_min_share,
        };
        flags.push(Severity::Info, Location::KeyTasks, found);
    }
}
