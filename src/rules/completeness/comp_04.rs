//! COMP-04 · 预算金额未填写 (Budget amount blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, COMPLETENESS_88, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*, Totals};
use rust_decimal::Decimal;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp04,
    "COMP-04",
    &[Error, Warning, Info],
    "预算金额未填写",
    "Budget amount blank",
    Basis {
        cite: Some(COMPLETENESS_88),
        reason: Some(Phrase::new(
            "按栏目分轻重是本工具的做法：基本支出、项目支出、财政拨款未填为错误；本级使用资金未填则整笔预算没有分到级次，为警告；省模板常不填没有此项资金的栏目（财政专项资金、其他事业发展性支出、其他资金、拟用于对下转移支付资金），未填按0计，只作提示。",
            "Grading by box is this tool's practice: a blank basic spending, project spending or fiscal appropriation is an error; a blank own-use box leaves the budget unassigned to a level, a warning; the province's template is routinely sent without the boxes for money the department does not have (special fund, other development spending, other income, transfers to lower levels), so those read as 0 and are only noted.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp04,
    location: "the amount's path",
    fires_when: "a budget amount blank: error for a required box, warning for 本级使用资金, info for an optional box (its message says it is read as 0: `…未填写，按0计`)",
    inputs: None,
    basis: "S: 完整性; the severities J, after real forms",
    asks: "fill in the box — with the amount that reconciles the form where the rest says it (own use: spending less transfers, when income equals spending; 财政拨款: spending less other income, when the totals by level equal spending); an optional box: write 0 if there is no such money",
};

/// What it found: whether the blank box is one the sums read as 0, and
/// the form's own label for own use (`市本级使用资金`), so the message
/// names the box as the form prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub read_as_zero: bool,
    pub own_use_label: Option<String>,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_88);

    fn message(&self, lang: Lang, at: Location) -> String {
        let place = match at {
            Location::BudgetBox(b) => {
                crate::i18n::budget_box_labelled(lang, b, self.own_use_label.as_deref())
            }
            other => crate::i18n::location(lang, other),
        };
        match self.read_as_zero {
            true => words::blank_read_as_zero(lang, &place),
            false => words::blank(lang, &place),
        }
    }

    fn kind(&self, severity: Severity) -> String {
        format!("{}{}", self.read_as_zero, severity.as_str())
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        decl: &Declaration,
    ) -> String {
        if self.read_as_zero {
            return requests::blank_read_as_zero(lang, places);
        }
        let should_be = match group {
            [only] => reconciling(decl, only.location),
            _ => None,
        };
        requests::blank_box(lang, places, should_be)
    }
}

/// COMP-04: a budget amount blank: an error for a required box, a
/// warning for own use, information for an optional box (read as 0).
fn check(form: &Form, flags: &mut Flags) {
    let decl = form.decl;
    for b in BudgetBox::ALL {
        if b.get(&decl.budget).is_none() {
            let (severity, read_as_zero) = match BoxKind::of(b) {
                BoxKind::Required => (Severity::Error, false),
                BoxKind::OwnUse => (Severity::Warning, false),
                BoxKind::Optional => (Severity::Info, true),
            };
            let own_use_label = (b == BudgetBox::OwnUse)
                .then(|| decl.budget.by_level.own_use_label.clone())
                .flatten();
            let found = Finding {
                read_as_zero,
                own_use_label,
            };
            flags.push(severity, Location::BudgetBox(b), found);
        }
    }
}

/// What a blank box must hold for the form to reconcile, where the rest
/// of it says so: own use is the spending total less the transfers, when
/// income agrees with spending; 财政拨款 is spending less other income,
/// when the totals by level agree with spending.
fn reconciling(decl: &Declaration, at: Location) -> Option<Decimal> {
    let Location::BudgetBox(b) = at else {
        return None;
    };
    let totals = Totals::of(decl);
    let spending = totals.spending?;
    let read = |x: BudgetBox| match x.get(&decl.budget) {
        Some(v) => Some(v),
        None if BoxKind::of(x) == BoxKind::Optional => Some(Decimal::ZERO),
        None => None,
    };
    let v = match b {
        BudgetBox::OwnUse if totals.income == Some(spending) => {
            spending.checked_sub(read(BudgetBox::TransferToLower)?)?
        }
        BudgetBox::FiscalAppropriation if totals.by_level == Some(spending) => {
            spending.checked_sub(read(BudgetBox::OtherIncome)?)?
        }
        _ => return None,
    };
    (v >= Decimal::ZERO).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn comp04_each_blank_amount_at_the_severity_of_its_box() {
        use crate::i18n::Lang;
        // Catalogue v3: the three required boxes are errors, own use a
        // warning, the four optional boxes information read as 0.
        let cases = [
            (BudgetBox::Basic, Severity::Error),
            (BudgetBox::Project, Severity::Error),
            (BudgetBox::SpecialFund, Severity::Info),
            (BudgetBox::OtherDevelopment, Severity::Info),
            (BudgetBox::FiscalAppropriation, Severity::Error),
            (BudgetBox::OtherIncome, Severity::Info),
            (BudgetBox::OwnUse, Severity::Warning),
            (BudgetBox::TransferToLower, Severity::Info),
        ];
        for (b, severity) in cases {
            let mut decl = clean();
            *b.slot(&mut decl.budget) = None;
            let f = fired(&decl, Rule::Comp04);
            assert_eq!(f.len(), 1, "{b:?}");
            assert_eq!(f[0].location, Location::BudgetBox(b));
            assert_eq!(f[0].severity, severity, "{b:?}");
            let zh = f[0].message(Lang::Zh);
            assert_eq!(
                zh.contains("按0计"),
                severity == Severity::Info,
                "{b:?}: {zh}"
            );
        }
        let mut decl = clean();
        decl.budget.income.other = None;
        assert_eq!(
            fired(&decl, Rule::Comp04)[0].message(Lang::Zh),
            "收入来源·其他资金未填写，按0计"
        );
        assert_eq!(
            fired(&decl, Rule::Comp04)[0].message(Lang::En),
            "income: other is blank; read as 0"
        );
        // Own use by the name the form prints.
        let mut decl = clean();
        decl.budget.by_level.own_use = None;
        decl.budget.by_level.own_use_label = Some("市本级使用资金".into());
        assert_eq!(
            fired(&decl, Rule::Comp04)[0].message(Lang::Zh),
            "按预算级次划分·市本级使用资金未填写"
        );
    }
}
