//! FUND-01 · 支出合计与收入合计不符 (Spending total differs from income total).

use crate::amount::format_wan;
use crate::i18n::flags::{gap, money};
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund01,
    "FUND-01",
    &[Error],
    "支出合计与收入合计不符",
    "Spending total differs from income total",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "申报表的支出合计与收入来源合计是同一笔钱的两种分法，应当相等。",
            "The form's spending total and income total are the same money counted two ways, so they must be equal.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund01,
    location: "`budget`",
    fires_when: "\\|T − (fiscal_appropriation + income.other)\\| > 0.01",
    inputs: Some("basic, project, fiscal_appropriation"),
    basis: "J: spending and income are the same money",
    asks: "check each amount so spending and income are equal",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, spending: Decimal, income: Decimal) -> String {
    pick(
        lang,
        format!(
            "支出合计 {} 万元与收入来源合计 {} 万元不一致，相差 {} 万元",
            money(spending),
            money(income),
            gap(spending, income)
        ),
        format!(
            "spending total {} differs from income total {} by {} (万元)",
            money(spending),
            money(income),
            gap(spending, income)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, spending: Decimal, income: Decimal, gap: &str) -> String {
    let (s, i) = (format_wan(spending), format_wan(income));
    pick(
        lang,
        format!(
            "支出合计{s}万元与收入来源合计{i}万元不一致，相差{gap}万元。建议逐项核对支出和收入来源的金额，使两者相等"
        ),
        format!(
            "The spending total ({s} 万元) and the income total ({i} 万元) differ by {gap} 万元. We suggest checking each amount so that they are equal"
        ),
    )
}

/// What it found: the two totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub spending: Decimal,
    pub income: Decimal,
}

/// Its setting: the tolerance.
pub type Settings = super::Tolerance;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.spending, self.income)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        let gap = difference(self.spending, self.income);
        request(lang, self.spending, self.income, &gap)
    }
}

/// FUND-01: the spending total equals the income total.
fn check(form: &Form, flags: &mut Flags) {
    let t = &form.totals;
    if let (Some(spending), Some(income)) = (t.spending, t.income)
        && runs(form, Rule::Fund01)
        && differs(spending, income, form.settings.rules.fund_01.tolerance)
    {
        flags.push(
            Severity::Error,
            Location::Budget,
            Finding { spending, income },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn its_message_shows_the_exact_difference() {
        assert_eq!(
            message(
                Lang::Zh,
                "6772.35".parse().unwrap(),
                "6771.25".parse().unwrap()
            ),
            "支出合计 6,772.35 万元与收入来源合计 6,771.25 万元不一致，相差 1.10 万元"
        );
    }

    #[test]
    fn fund01_fires_above_one_cent_and_not_at_exactly_one_cent() {
        let mut decl = clean();
        decl.budget.income.other = Some(d("0.01"));
        assert!(
            fired(&decl, Rule::Fund01).is_empty(),
            "a difference of exactly 0.01 must not fire"
        );
        decl.budget.income.other = Some(d("0.011"));
        let f = fired(&decl, Rule::Fund01);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].finding(),
            &Finding {
                spending: d("546.10"),
                income: d("546.111")
            }
            .into()
        );
        decl.budget.income.other = Some(d("-0.01"));
        assert!(fired(&decl, Rule::Fund01).is_empty());
    }
}
