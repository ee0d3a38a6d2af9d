//! FUND-01 · 支出合计与收入合计不符 (Spending total differs from income total).

use crate::amount::format_wan;
use crate::i18n::flags::{gap, money};
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
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
    &[Tolerance],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund01,
    location: "`budget`",
    fires_when: "\\|T − (fiscal_appropriation + income.other)\\| > 0.01",
    inputs: Some("basic, project, fiscal_appropriation"),
    basis: "J: spending and income are the same money",
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

/// FUND-01: the spending total equals the income total.
pub(super) fn check(t: &Totals, s: &RuleSettings, flags: &mut Flags) {
    if let (Some(spending), Some(income)) = (t.spending, t.income)
        && differs(spending, income, s, Rule::Fund01)
    {
        let found = Finding::Fund01 { spending, income };
        flags.push(Severity::Error, Location::Budget, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
