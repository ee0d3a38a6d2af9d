//! FUND-02 · 支出合计与按预算级次划分合计不符 (Spending total differs from the total by budget level).

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
    Rule::Fund02,
    "FUND-02",
    &[Error],
    "支出合计与按预算级次划分合计不符",
    "Spending total differs from the total by budget level",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "按预算级次划分的合计是同一笔支出按级次的分法，应当等于支出合计。",
            "The total by budget level is the same spending counted by level, so it must equal the spending total.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund02,
    location: "`budget`",
    fires_when: "\\|T − (own_use + transfer_to_lower)\\| > 0.01",
    inputs: Some("basic, project, own_use"),
    basis: "J: the same total cut by budget level",
    asks: "check own use and transfers so the totals by level equal spending",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, spending: Decimal, by_level: Decimal) -> String {
    pick(
        lang,
        format!(
            "支出合计 {} 万元与按预算级次划分合计 {} 万元不一致，相差 {} 万元",
            money(spending),
            money(by_level),
            gap(spending, by_level)
        ),
        format!(
            "spending total {} differs from the total by budget level {} by {} (万元)",
            money(spending),
            money(by_level),
            gap(spending, by_level)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, spending: Decimal, by_level: Decimal, gap: &str) -> String {
    let (s, b) = (format_wan(spending), format_wan(by_level));
    pick(
        lang,
        format!(
            "支出合计{s}万元与按预算级次划分的合计{b}万元不一致，相差{gap}万元。建议逐项核对本级使用资金和对下转移支付资金，使两者相等"
        ),
        format!(
            "The spending total ({s} 万元) and the total by budget level ({b} 万元) differ by {gap} 万元. We suggest checking own use and transfers so that they are equal"
        ),
    )
}

/// What it found: the two totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub spending: Decimal,
    pub by_level: Decimal,
}

/// Its setting: the tolerance.
pub type Settings = super::Tolerance;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.spending, self.by_level)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        let gap = difference(self.spending, self.by_level);
        request(lang, self.spending, self.by_level, &gap)
    }
}

/// FUND-02: the spending total equals the total by budget level.
fn check(form: &Form, flags: &mut Flags) {
    let t = &form.totals;
    if let (Some(spending), Some(by_level)) = (t.spending, t.by_level)
        && runs(form, Rule::Fund02)
        && differs(spending, by_level, form.settings.rules.fund_02.tolerance)
    {
        let found = Finding { spending, by_level };
        flags.push(Severity::Error, Location::Budget, found);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use crate::rules::test_support::*;

    #[test]
    fn fund02_compares_the_budget_level_split() {
        let mut decl = clean();
        decl.budget.by_level.transfer_to_lower = Some(d("0.01"));
        assert!(fired(&decl, Rule::Fund02).is_empty());
        decl.budget.by_level.own_use = Some(d("500"));
        assert_eq!(fired(&decl, Rule::Fund02).len(), 1);
        assert!(fired(&decl, Rule::Fund01).is_empty());
    }
}
