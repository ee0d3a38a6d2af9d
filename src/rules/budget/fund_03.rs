//! FUND-03 · 金额为负数 (Negative amount).

use crate::i18n::flags::money;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund03,
    "FUND-03",
    &[Error],
    "金额为负数",
    "Negative amount",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "预算金额不应为负数，负数多为填写错误。",
            "A budget amount cannot be negative; a negative one is almost always a slip.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund03,
    location: "the amount's path",
    fires_when: "an amount < 0, budget or key task",
    inputs: Some("—"),
    basis: "J",
};

/// `place`: the box, in the form's words.
/// Its flag's words.
pub(crate) fn message(lang: Lang, place: &str, amount: Decimal) -> String {
    pick(
        lang,
        format!("{place}为负数：{} 万元", money(amount)),
        format!("{place} is negative: {} 万元", money(amount)),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}填写的金额为负数。建议核实后填写实际金额"),
        format!(
            "{places}: the amount is negative. We suggest checking it and giving the actual amount"
        ),
    )
}

/// FUND-03: no amount, budget or key task, is negative.
pub(super) fn check(decl: &Declaration, flags: &mut Flags) {
    for b in BudgetBox::ALL {
        if let Some(v) = b.get(&decl.budget).filter(|v| *v < Decimal::ZERO) {
            let at = Location::BudgetBox(b);
            flags.push(Severity::Error, at, Finding::Fund03 { amount: v });
        }
    }
    for (i, task) in decl.key_tasks.iter().enumerate() {
        if let Some(v) = task.funds.filter(|v| *v < Decimal::ZERO) {
            let at = Location::KeyTask(i, Some(TaskField::Funds));
            flags.push(Severity::Error, at, Finding::Fund03 { amount: v });
        }
    }
}
