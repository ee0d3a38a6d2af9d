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
    asks: "check the amount and give the actual one",
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

/// What it found: the negative amount, at the flag's place.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub amount: Decimal,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, at: Location) -> String {
        message(lang, &crate::i18n::location(lang, at), self.amount)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], places: &str, _: &Declaration) -> String {
        request(lang, places)
    }
}

/// FUND-03: no amount, budget or key task, is negative.
fn check(form: &Form, flags: &mut Flags) {
    let decl = form.decl;
    for b in BudgetBox::ALL {
        if let Some(amount) = b.get(&decl.budget).filter(|v| *v < Decimal::ZERO) {
            let at = Location::BudgetBox(b);
            flags.push(Severity::Error, at, Finding { amount });
        }
    }
    for (i, task) in decl.key_tasks.iter().enumerate() {
        if let Some(amount) = task.funds.filter(|v| *v < Decimal::ZERO) {
            let at = Location::KeyTask(i, Some(TaskField::Funds));
            flags.push(Severity::Error, at, Finding { amount });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use crate::rules::test_support::*;

    #[test]
    fn fund03_points_at_each_negative_amount() {
        let mut decl = clean();
        decl.budget.development.other = Some(d("-30.00"));
        decl.key_tasks[1].funds = Some(d("-0.000001"));
        let locs: Vec<String> = fired(&decl, Rule::Fund03)
            .iter()
            .map(|f| f.location.to_string())
            .collect();
        assert_eq!(locs, ["budget.development.other", "key_tasks[1].funds"]);
        decl.key_tasks[1].funds = Some(d("-0"));
        assert_eq!(fired(&decl, Rule::Fund03).len(), 1, "-0 is not negative");
    }
}
