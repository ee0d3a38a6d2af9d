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

use super::RuleSettings;
use super::{Flags, Rule, Severity};
use crate::amount::checked_sum;
use crate::i18n::Lang;
use crate::model::{BudgetBox, Declaration, Location, TaskField};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

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

/// What the budget rules may be told.
#[derive(Debug, Clone)]
pub struct Settings {
    /// FUND-01, 02, 04, 05: a difference of at most this much does not fire.
    tolerances: BTreeMap<Rule, Decimal>,
    /// FUND-06: the share of project + development spending key tasks
    /// should cover.
    pub fund06_min_share: Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tolerances: BTreeMap::new(),
            fund06_min_share: Decimal::new(90, 2),
        }
    }
}

impl Settings {
    /// The money tolerance of a FUND rule: a difference of exactly this
    /// much does not fire (0.01 万元 unless configured).
    pub fn tolerance(&self, rule: Rule) -> Decimal {
        self.tolerances
            .get(&rule)
            .copied()
            .unwrap_or(Decimal::new(1, 2))
    }

    pub fn set_tolerance(&mut self, rule: Rule, tolerance: Decimal) {
        self.tolerances.insert(rule, tolerance);
    }
}

/// What a budget rule found.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The spending total and the income total differ.
    Fund01 { spending: Decimal, income: Decimal },
    /// The spending total and the total by budget level differ.
    Fund02 {
        spending: Decimal,
        by_level: Decimal,
    },
    /// A negative amount (at the flag's place).
    Fund03 { amount: Decimal },
    /// Key-task funds above the spending total.
    Fund04 { tasks: Decimal, spending: Decimal },
    /// Key-task funds above project + development spending (`base`).
    Fund05 { tasks: Decimal, base: Decimal },
    /// Key-task funds below `min_share` of project + development spending.
    Fund06 {
        tasks: Decimal,
        base: Decimal,
        min_share: Decimal,
    },
    /// A key task with zero funds.
    Fund07,
}

impl Finding {
    pub fn rule(&self) -> Rule {
        match self {
            Finding::Fund01 { .. } => Rule::Fund01,
            Finding::Fund02 { .. } => Rule::Fund02,
            Finding::Fund03 { .. } => Rule::Fund03,
            Finding::Fund04 { .. } => Rule::Fund04,
            Finding::Fund05 { .. } => Rule::Fund05,
            Finding::Fund06 { .. } => Rule::Fund06,
            Finding::Fund07 => Rule::Fund07,
        }
    }

    pub(super) fn message(&self, lang: Lang, at: Location) -> String {
        match *self {
            Finding::Fund01 { spending, income } => fund_01::message(lang, spending, income),
            Finding::Fund02 { spending, by_level } => fund_02::message(lang, spending, by_level),
            Finding::Fund03 { amount } => {
                fund_03::message(lang, &crate::i18n::location(lang, at), amount)
            }
            Finding::Fund04 { tasks, spending } => fund_04::message(lang, tasks, spending),
            Finding::Fund05 { tasks, base } => fund_05::message(lang, tasks, base),
            Finding::Fund06 {
                tasks,
                base,
                min_share,
            } => fund_06::message(lang, tasks, base, min_share),
            Finding::Fund07 => fund_07::MESSAGE.get(lang).into(),
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

pub(super) fn run(decl: &Declaration, s: &RuleSettings, flags: &mut Flags) {
    let t = Totals::of(decl);
    let ran = |rule| BudgetCheck::of(decl, rule).ran();
    if ran(Rule::Fund01) {
        fund_01::check(&t, s, flags);
    }
    if ran(Rule::Fund02) {
        fund_02::check(&t, s, flags);
    }
    fund_03::check(decl, flags);
    let fund04_fired = ran(Rule::Fund04) && fund_04::check(&t, s, flags);
    if ran(Rule::Fund05) && !fund04_fired {
        fund_05::check(&t, s, flags);
    }
    if ran(Rule::Fund06) {
        fund_06::check(&t, s, flags);
    }
    fund_07::check(decl, flags);
}

/// Does `spending` differ from `other` by more than the rule's tolerance?
fn differs(spending: Decimal, other: Decimal, s: &RuleSettings, rule: Rule) -> bool {
    spending
        .checked_sub(other)
        .is_none_or(|d| d.abs() > s.budget.tolerance(rule))
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
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
            &Finding::Fund01 {
                spending: d("546.10"),
                income: d("546.111")
            }
            .into()
        );
        decl.budget.income.other = Some(d("-0.01"));
        assert!(fired(&decl, Rule::Fund01).is_empty());
    }

    #[test]
    fn fund02_compares_the_budget_level_split() {
        let mut decl = clean();
        decl.budget.by_level.transfer_to_lower = Some(d("0.01"));
        assert!(fired(&decl, Rule::Fund02).is_empty());
        decl.budget.by_level.own_use = Some(d("500"));
        assert_eq!(fired(&decl, Rule::Fund02).len(), 1);
        assert!(fired(&decl, Rule::Fund01).is_empty());
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

    fn checks(decl: &Declaration) -> Vec<(&'static str, Vec<String>)> {
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
    fn fund06_fires_on_a_form_without_development_money() {
        // The real forms: 事业发展性支出 blank, key tasks a third of 项目支出.
        let mut decl = clean();
        decl.budget.development.special_fund = None;
        decl.budget.development.other = None;
        decl.budget.expenditure.basic = Some(d("450.10"));
        decl.key_tasks[0].funds = Some(d("20.00"));
        decl.key_tasks[1].funds = Some(d("12.00"));
        let f = fired(&decl, Rule::Fund06);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message(crate::i18n::Lang::Zh),
            "重点任务资金合计 32.00 万元只占项目支出与事业发展性支出之和 96.00 万元的 33.3%，低于 90%"
        );
    }

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

    #[test]
    fn fund04_fires_above_the_total_and_then_fund05_does_not() {
        let mut decl = clean();
        // T = 546.10; tasks 516.10 + 30.00.
        decl.key_tasks[0].funds = Some(d("516.11"));
        assert!(fired(&decl, Rule::Fund04).is_empty(), "exactly T + 0.01");
        assert_eq!(fired(&decl, Rule::Fund05).len(), 1);
        decl.key_tasks[0].funds = Some(d("516.12"));
        assert_eq!(fired(&decl, Rule::Fund04).len(), 1);
        assert!(fired(&decl, Rule::Fund05).is_empty());
    }

    #[test]
    fn fund05_edge_is_project_plus_development_plus_one_cent() {
        let mut decl = clean();
        // project + development = 96 + 0 + 30 = 126.
        decl.key_tasks[0].funds = Some(d("96.01"));
        assert!(fired(&decl, Rule::Fund05).is_empty());
        decl.key_tasks[0].funds = Some(d("96.02"));
        assert_eq!(fired(&decl, Rule::Fund05)[0].location, Location::KeyTasks);
    }

    #[test]
    fn fund06_fires_below_the_share_only() {
        let mut decl = clean();
        // 90% of 126 = 113.40
        decl.key_tasks[0].funds = Some(d("83.40"));
        assert!(fired(&decl, Rule::Fund06).is_empty());
        decl.key_tasks[0].funds = Some(d("83.39"));
        assert_eq!(fired(&decl, Rule::Fund06).len(), 1);
        let mut s = RuleSettings::default();
        s.budget.fund06_min_share = d("0.5");
        assert!(
            super::super::check(&decl, &s)
                .iter()
                .all(|f| f.rule() != Rule::Fund06)
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
    fn fund07_flags_a_zero_task() {
        let mut decl = clean();
        decl.key_tasks.push(task("0.00"));
        let f = fired(&decl, Rule::Fund07);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.to_string(), "key_tasks[2].funds");
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
