//! FUND-01 … FUND-07: the budget figures reconcile.
//!
//! T = basic + project + development.special_fund + development.other.
//! Catalogue v3: a blank *optional* box reads as 0 in every sum; a check
//! whose inputs include a blank *required* box or a blank 本级使用资金 does
//! not run, and says so ([`BudgetCheck`]) rather than passing. Blank
//! amounts themselves are COMP-04's business. All arithmetic is exact
//! decimal.

pub(crate) mod fund_01;
pub(crate) mod fund_02;
pub(crate) mod fund_03;
pub(crate) mod fund_04;
pub(crate) mod fund_05;
pub(crate) mod fund_06;
pub(crate) mod fund_07;

use super::configured::{Setting, SettingError, ValueRule, exact_decimal};
use super::docs::Section;
use super::violation::{Check, Form, Found, Violation};
use super::{Flags, Param, Rule, Severity};
use crate::amount::checked_sum;
use crate::model::{BudgetBox, Declaration, Location, TaskField};
use rust_decimal::Decimal;
use serde::Deserialize;

pub(crate) const SECTION: Section = Section::Budget;

/// How the catalogue treats a budget box left blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    /// 基本支出, 项目支出, 财政拨款: a blank one is an error, and the
    /// checks that need it do not run.
    Required,
    /// 本级使用资金: a blank one leaves the whole budget unassigned to a
    /// level, so it is never read as 0.
    OwnUse,
    /// The boxes the province's template is routinely sent without: a
    /// blank one reads as 0.
    Optional,
}

impl BoxKind {
    pub fn of(b: BudgetBox) -> BoxKind {
        match b {
            BudgetBox::Basic | BudgetBox::Project | BudgetBox::FiscalAppropriation => {
                BoxKind::Required
            }
            BudgetBox::OwnUse => BoxKind::OwnUse,
            BudgetBox::SpecialFund
            | BudgetBox::OtherDevelopment
            | BudgetBox::OtherIncome
            | BudgetBox::TransferToLower => BoxKind::Optional,
        }
    }
}

/// A box as the sums read it: its amount, 0 for a blank optional box,
/// `None` for a blank required box or own use.
fn read(decl: &Declaration, b: BudgetBox) -> Option<Decimal> {
    match b.get(&decl.budget) {
        Some(v) => Some(v),
        None if BoxKind::of(b) == BoxKind::Optional => Some(Decimal::ZERO),
        None => None,
    }
}

/// The setting FUND-01, 02, 04 and 05 share: a difference of at most
/// this much (万元) does not fire.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tolerance {
    #[serde(deserialize_with = "exact_decimal")]
    pub tolerance: Decimal,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            tolerance: Decimal::new(1, 2),
        }
    }
}

impl Setting for Tolerance {
    const PARAMS: &'static [Param] = &[Param::Tolerance];

    fn shown(&self, _: Param) -> Option<String> {
        Some(self.tolerance.to_string())
    }

    fn validate(&self) -> Result<(), SettingError> {
        match self.tolerance.is_sign_negative() {
            true => Err(SettingError::Bad {
                key: "tolerance",
                reason: ValueRule::NotNegative,
            }),
            false => Ok(()),
        }
    }
}

/// The sums a reviewer reconciles by hand, blank optional boxes read as
/// 0; `None` where a required box or own use is blank. The budget pane,
/// the list and the exports show these same figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    /// T, the spending total.
    pub spending: Option<Decimal>,
    /// 财政拨款 + 其他资金.
    pub income: Option<Decimal>,
    /// 本级使用 + 对下转移支付.
    pub by_level: Option<Decimal>,
    /// 项目支出 + 事业发展性支出 (both kinds).
    pub project_and_development: Option<Decimal>,
    /// Σ key_tasks[].funds; `None` when there is no task or a task's funds are blank.
    pub key_tasks: Option<Decimal>,
    /// The optional boxes left blank, read as 0 in the sums above.
    pub read_as_zero: Vec<BudgetBox>,
}

impl Totals {
    pub fn of(decl: &Declaration) -> Totals {
        let b = |x: BudgetBox| read(decl, x);
        use BudgetBox::*;
        Totals {
            spending: checked_sum([b(Basic), b(Project), b(SpecialFund), b(OtherDevelopment)]),
            income: checked_sum([b(FiscalAppropriation), b(OtherIncome)]),
            by_level: checked_sum([b(OwnUse), b(TransferToLower)]),
            project_and_development: checked_sum([b(Project), b(SpecialFund), b(OtherDevelopment)]),
            key_tasks: if decl.key_tasks.is_empty() {
                None
            } else {
                checked_sum(decl.key_tasks.iter().map(|t| t.funds))
            },
            read_as_zero: BudgetBox::ALL
                .into_iter()
                .filter(|&x| BoxKind::of(x) == BoxKind::Optional && x.get(&decl.budget).is_none())
                .collect(),
        }
    }
}

/// The budget checks, in catalogue order: the rules that compare sums.
pub const BUDGET_CHECKS: [Rule; 5] = [
    Rule::Fund01,
    Rule::Fund02,
    Rule::Fund04,
    Rule::Fund05,
    Rule::Fund06,
];

/// Whether a budget check ran on a declaration, and if not, what it lacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetCheck {
    pub rule: Rule,
    /// The blank boxes it needed (required boxes or own use), `key_tasks`
    /// when there is no task, `key_tasks[i].funds` for a task without
    /// funds; empty when it ran.
    pub missing: Vec<Location>,
}

impl BudgetCheck {
    pub fn ran(&self) -> bool {
        self.missing.is_empty()
    }

    /// Every budget check of a declaration, in catalogue order.
    pub fn all(decl: &Declaration) -> Vec<BudgetCheck> {
        BUDGET_CHECKS
            .into_iter()
            .map(|rule| BudgetCheck::of(decl, rule))
            .collect()
    }

    /// Whether `rule` (a budget check) can run on `decl`.
    pub fn of(decl: &Declaration, rule: Rule) -> BudgetCheck {
        use BudgetBox::*;
        let (boxes, tasks): (&[BudgetBox], bool) = match rule {
            Rule::Fund01 => (&[Basic, Project, FiscalAppropriation], false),
            Rule::Fund02 => (&[Basic, Project, OwnUse], false),
            Rule::Fund04 => (&[Basic, Project], true),
            Rule::Fund05 | Rule::Fund06 => (&[Project], true),
            _ => (&[], false),
        };
        let mut missing: Vec<Location> = boxes
            .iter()
            .filter(|b| read(decl, **b).is_none())
            .map(|b| Location::BudgetBox(*b))
            .collect();
        if tasks {
            if decl.key_tasks.is_empty() {
                missing.push(Location::KeyTasks);
            }
            missing.extend(
                decl.key_tasks
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.funds.is_none())
                    .map(|(i, _)| Location::KeyTask(i, Some(TaskField::Funds))),
            );
        }
        BudgetCheck { rule, missing }
    }
}

/// Does `spending` differ from `other` by more than `tolerance`?
fn differs(spending: Decimal, other: Decimal, tolerance: Decimal) -> bool {
    spending
        .checked_sub(other)
        .is_none_or(|d| d.abs() > tolerance)
}

/// `a − b` as a point quotes it (`—` beyond arithmetic).
fn difference(a: Decimal, b: Decimal) -> String {
    a.checked_sub(b)
        .map_or_else(|| "—".to_string(), crate::amount::format_difference)
}

/// Whether `rule` (a budget check) can run on the form: a check whose
/// inputs are blank does not, and says so in the budget pane instead.
fn runs(form: &Form, rule: Rule) -> bool {
    BudgetCheck::of(form.decl, rule).ran()
}

/// Is `value` above `limit` by more than `tolerance`? Compared as a
/// difference, which cannot overflow where `limit + tolerance` could.
fn exceeds(value: Decimal, limit: Decimal, tolerance: Decimal) -> bool {
    value
        .checked_sub(limit)
        .map_or(value > limit, |over| over > tolerance)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::rules::RuleSettings;
    use std::str::FromStr;

    pub(super) fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn fund_rules_stay_silent_when_an_input_is_blank() {
        let mut decl = clean();
        decl.budget.income.other = None;
        decl.budget.by_level.own_use = Some(d("1"));
        decl.budget.expenditure.basic = None;
        assert!(fired(&decl, Rule::Fund01).is_empty());
        assert!(fired(&decl, Rule::Fund02).is_empty());
        assert_eq!(fired(&decl, Rule::Comp04).len(), 2);
    }

    pub(super) fn checks(decl: &Declaration) -> Vec<(&'static str, Vec<String>)> {
        BudgetCheck::all(decl)
            .into_iter()
            .map(|c| {
                let missing = c.missing.iter().map(|l| l.to_string()).collect();
                (c.rule.id(), missing)
            })
            .collect()
    }

    #[test]
    fn blank_optional_boxes_read_as_zero_and_every_check_runs() {
        // The province's template sent without its optional money.
        let mut decl = clean();
        decl.budget.development.special_fund = None;
        decl.budget.income.other = None;
        decl.budget.by_level.transfer_to_lower = None;
        let t = Totals::of(&decl);
        assert_eq!(t.spending, Some(d("546.10")));
        assert_eq!(t.income, Some(d("546.10")));
        assert_eq!(t.by_level, Some(d("546.10")));
        assert_eq!(
            t.read_as_zero,
            [
                BudgetBox::SpecialFund,
                BudgetBox::OtherIncome,
                BudgetBox::TransferToLower
            ]
        );
        assert!(BudgetCheck::all(&decl).iter().all(BudgetCheck::ran));
        // Read as 0, a blank optional box can make a sum differ.
        decl.budget.income.fiscal_appropriation = Some(d("500"));
        assert_eq!(fired(&decl, Rule::Fund01).len(), 1);
    }

    #[test]
    fn each_box_left_blank_stops_exactly_the_checks_that_need_it() {
        use BudgetBox::*;
        // For each box, the checks that do not run when it alone is blank
        // (FUND-01, 02, 04, 05, 06 in order).
        let cases: [(BudgetBox, [bool; 5]); 8] = [
            (Basic, [false, false, false, true, true]),
            (Project, [false, false, false, false, false]),
            (SpecialFund, [true; 5]),
            (OtherDevelopment, [true; 5]),
            (FiscalAppropriation, [false, true, true, true, true]),
            (OtherIncome, [true; 5]),
            (OwnUse, [true, false, true, true, true]),
            (TransferToLower, [true; 5]),
        ];
        for (bx, ran) in cases {
            let mut decl = clean();
            *bx.slot(&mut decl.budget) = None;
            let got: Vec<bool> = BudgetCheck::all(&decl)
                .iter()
                .map(BudgetCheck::ran)
                .collect();
            assert_eq!(got, ran, "{bx:?} blank");
            for c in BudgetCheck::all(&decl).iter().filter(|c| !c.ran()) {
                assert_eq!(c.missing, [Location::BudgetBox(bx)], "{bx:?}");
            }
        }
    }

    #[test]
    fn a_check_missing_a_required_box_or_own_use_does_not_run() {
        let mut decl = clean();
        decl.budget.by_level.own_use = None;
        decl.budget.expenditure.basic = None;
        decl.key_tasks[1].funds = None;
        let own = "budget.by_level.own_use".to_string();
        let basic = "budget.expenditure.basic".to_string();
        let funds = "key_tasks[1].funds".to_string();
        assert_eq!(
            checks(&decl),
            [
                ("FUND-01", vec![basic.clone()]),
                ("FUND-02", vec![basic.clone(), own]),
                ("FUND-04", vec![basic, funds.clone()]),
                ("FUND-05", vec![funds.clone()]),
                ("FUND-06", vec![funds]),
            ]
        );
        // Unbalanced sums that did not run never fire.
        decl.budget.income.fiscal_appropriation = Some(d("1"));
        assert!(fired(&decl, Rule::Fund01).is_empty());
        let mut decl = clean();
        decl.key_tasks.clear();
        assert_eq!(
            checks(&decl)[2..],
            [
                ("FUND-04", vec!["key_tasks".to_string()]),
                ("FUND-05", vec!["key_tasks".to_string()]),
                ("FUND-06", vec!["key_tasks".to_string()]),
            ]
        );
    }

    #[test]
    fn task_sums_need_tasks_and_every_task_funded() {
        let mut decl = clean();
        decl.key_tasks.clear();
        assert!(fired(&decl, Rule::Fund06).is_empty());
        assert_eq!(
            ids(&decl),
            vec![("COMP-02".to_string(), "key_tasks".to_string())]
        );
        let mut decl = clean();
        decl.key_tasks[0].funds = None;
        assert!(fired(&decl, Rule::Fund06).is_empty());
    }

    #[test]
    fn a_switched_off_rule_raises_nothing() {
        let mut decl = clean();
        decl.budget.income.other = Some(d("5"));
        let mut s = RuleSettings::default();
        s.set_enabled(Rule::Fund01, false);
        assert!(super::super::check(&decl, &s).is_empty());
    }

    #[test]
    fn amounts_at_the_edge_of_decimal_arithmetic_never_panic() {
        // The loader bounds amounts to twelve digits; should that bound
        // move, the rules still take every sum and difference checked.
        let mut decl = clean();
        decl.budget.expenditure.basic = Some(Decimal::MAX);
        decl.budget.expenditure.project = Some(Decimal::MAX);
        decl.budget.income.other = Some(Decimal::MIN);
        for t in &mut decl.key_tasks {
            t.funds = Some(Decimal::MAX);
        }
        let _ = crate::rules::check(&decl, &RuleSettings::default());
        let t = Totals::of(&decl);
        assert_eq!((t.spending, t.key_tasks), (None, None));
        decl = clean();
        decl.budget.expenditure.basic = Some(Decimal::MAX);
        decl.budget.income.fiscal_appropriation = Some(Decimal::MIN);
        decl.budget.income.other = Some(Decimal::ZERO);
        decl.budget.expenditure.project = Some(Decimal::ZERO);
        decl.budget.development.special_fund = Some(Decimal::ZERO);
        decl.budget.development.other = Some(Decimal::ZERO);
        assert_eq!(
            fired(&decl, Rule::Fund01).len(),
            1,
            "MAX against MIN differs"
        );
    }
}
