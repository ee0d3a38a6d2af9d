//! A 部门整体预算绩效目标申报表 as format v1 carries it.
//!
//! Every box of the printed form has a field. Boxes may be blank (`None`):
//! that is for validation to flag, never a load error. Text is kept raw, as
//! submitted; anything that shows it goes through [`crate::sanitize`].

pub mod cells;
pub mod v1;

use rust_decimal::Decimal;

/// The one format version this build understands.
pub const FORMAT_VERSION: u64 = 1;

/// An amount box in 万元; `None` when left blank.
pub type Amount = Option<Decimal>;

/// One declaration: what one department submits for one year.
#[derive(Debug, Clone, Default)]
pub struct Declaration {
    /// 预算年度, from the form's title.
    pub fiscal_year: Option<i32>,
    /// 地区, e.g. 广州市天河区.
    pub region: Option<String>,
    pub department: Department,
    pub budget: Budget,
    /// 总体绩效目标.
    pub overall_goal: Option<String>,
    /// 年度重点工作任务, in form order.
    pub key_tasks: Vec<KeyTask>,
    /// 绩效指标 rows, in form order.
    pub indicators: Vec<Indicator>,
    /// How many target columns the 绩效指标 table has.
    pub target_columns: TargetColumns,
    /// 其他需完成的任务（可选填）; forms without the box leave it `None`.
    pub other_tasks: Option<String>,
    /// Where each box sits in the workbook it was read from; empty for JSON.
    pub cells: cells::CellMap,
}

/// The target columns of the 绩效指标 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetColumns {
    /// A single 指标值 column (some cities' forms): it is `annual_target`.
    One,
    /// 实施周期指标值 and 年度指标值, the seed's form.
    #[default]
    Two,
}

impl TargetColumns {
    pub fn count(self) -> u8 {
        match self {
            TargetColumns::One => 1,
            TargetColumns::Two => 2,
        }
    }
}

/// 基本信息.
#[derive(Debug, Clone, Default)]
pub struct Department {
    /// 部门名称.
    pub name: Option<String>,
    /// 单位编码 (not on the seed's form).
    pub code: Option<String>,
    /// 财政供养人员数.
    pub staff_count: Option<u32>,
    /// 下属二级单位数.
    pub subordinate_units: Option<u32>,
}

/// 预算整体情况, amounts in 万元.
#[derive(Debug, Clone, Default)]
pub struct Budget {
    pub expenditure: Expenditure,
    pub development: Development,
    pub income: Income,
    pub by_level: ByLevel,
}

/// 部门预算支出.
#[derive(Debug, Clone, Default)]
pub struct Expenditure {
    pub basic: Amount,
    pub project: Amount,
}

/// 事业发展性支出.
#[derive(Debug, Clone, Default)]
pub struct Development {
    pub special_fund: Amount,
    pub other: Amount,
}

/// 收入来源.
#[derive(Debug, Clone, Default)]
pub struct Income {
    pub fiscal_appropriation: Amount,
    pub other: Amount,
}

/// 按预算级次划分.
#[derive(Debug, Clone, Default)]
pub struct ByLevel {
    pub own_use: Amount,
    pub transfer_to_lower: Amount,
    /// The label the form prints for own use (`市本级使用资金`…), shown
    /// instead of the generic 本级使用资金. Not an amount.
    pub own_use_label: Option<String>,
}

/// One row of 年度重点工作任务.
#[derive(Debug, Clone, Default)]
pub struct KeyTask {
    /// 名称.
    pub name: Option<String>,
    /// 主要实施内容.
    pub content: Option<String>,
    /// 拟投入的资金（万元）.
    pub funds: Amount,
    /// 期望达到的目标（概述）.
    pub expected_outcome: Option<String>,
}

/// One row of the 绩效指标 table; the tree is rebuilt from level1/level2.
#[derive(Debug, Clone, Default)]
pub struct Indicator {
    /// 一级指标.
    pub level1: Option<String>,
    /// 二级指标.
    pub level2: Option<String>,
    /// 三级指标.
    pub name: Option<String>,
    /// 实施周期指标值, text as submitted.
    pub period_target: Option<String>,
    /// 年度指标值, text as submitted.
    pub annual_target: Option<String>,
}

impl Indicator {
    /// The catalogue's *template row*: the form's pre-printed line for a
    /// category, left empty (name and every target blank, a level given).
    pub fn is_template_row(&self) -> bool {
        use crate::text::is_blank;
        is_blank(&self.name)
            && is_blank(&self.annual_target)
            && is_blank(&self.period_target)
            && !(is_blank(&self.level1) && is_blank(&self.level2))
    }

    /// The catalogue's *targets of a row*, annual first: with a single
    /// target column, annual_target alone.
    pub fn targets(&self, columns: TargetColumns) -> impl Iterator<Item = &str> {
        let period = match columns {
            TargetColumns::Two => &self.period_target,
            TargetColumns::One => &None,
        };
        [&self.annual_target, period]
            .into_iter()
            .filter_map(crate::text::non_blank)
    }
}

/// The eight amount boxes of 预算整体情况, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BudgetBox {
    Basic,
    Project,
    SpecialFund,
    OtherDevelopment,
    FiscalAppropriation,
    OtherIncome,
    OwnUse,
    TransferToLower,
}

impl BudgetBox {
    pub const ALL: [BudgetBox; 8] = [
        BudgetBox::Basic,
        BudgetBox::Project,
        BudgetBox::SpecialFund,
        BudgetBox::OtherDevelopment,
        BudgetBox::FiscalAppropriation,
        BudgetBox::OtherIncome,
        BudgetBox::OwnUse,
        BudgetBox::TransferToLower,
    ];

    /// The path under `budget.`, as the format spec writes it.
    pub fn path(self) -> &'static str {
        match self {
            BudgetBox::Basic => "expenditure.basic",
            BudgetBox::Project => "expenditure.project",
            BudgetBox::SpecialFund => "development.special_fund",
            BudgetBox::OtherDevelopment => "development.other",
            BudgetBox::FiscalAppropriation => "income.fiscal_appropriation",
            BudgetBox::OtherIncome => "income.other",
            BudgetBox::OwnUse => "by_level.own_use",
            BudgetBox::TransferToLower => "by_level.transfer_to_lower",
        }
    }

    /// The box in `b`, to fill or empty.
    pub fn slot(self, b: &mut Budget) -> &mut Amount {
        match self {
            BudgetBox::Basic => &mut b.expenditure.basic,
            BudgetBox::Project => &mut b.expenditure.project,
            BudgetBox::SpecialFund => &mut b.development.special_fund,
            BudgetBox::OtherDevelopment => &mut b.development.other,
            BudgetBox::FiscalAppropriation => &mut b.income.fiscal_appropriation,
            BudgetBox::OtherIncome => &mut b.income.other,
            BudgetBox::OwnUse => &mut b.by_level.own_use,
            BudgetBox::TransferToLower => &mut b.by_level.transfer_to_lower,
        }
    }

    pub fn get(self, b: &Budget) -> Amount {
        match self {
            BudgetBox::Basic => b.expenditure.basic,
            BudgetBox::Project => b.expenditure.project,
            BudgetBox::SpecialFund => b.development.special_fund,
            BudgetBox::OtherDevelopment => b.development.other,
            BudgetBox::FiscalAppropriation => b.income.fiscal_appropriation,
            BudgetBox::OtherIncome => b.income.other,
            BudgetBox::OwnUse => b.by_level.own_use,
            BudgetBox::TransferToLower => b.by_level.transfer_to_lower,
        }
    }
}

/// A field of [`Department`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DepartmentField {
    Name,
    Code,
    StaffCount,
    SubordinateUnits,
}

/// A field of [`KeyTask`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskField {
    Name,
    Content,
    Funds,
    ExpectedOutcome,
}

/// A field of [`Indicator`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndicatorField {
    Level1,
    Level2,
    Name,
    PeriodTarget,
    AnnualTarget,
}

/// A place in a declaration that a flag or a comment points at. Variants are
/// in form order, so sorting by location reads the form top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Location {
    FiscalYear,
    Region,
    Department(DepartmentField),
    Budget,
    BudgetBox(BudgetBox),
    /// `budget.by_level.own_use_label`.
    OwnUseLabel,
    OverallGoal,
    KeyTasks,
    KeyTask(usize, Option<TaskField>),
    /// 其他需完成的任务.
    OtherTasks,
    Indicators,
    Indicator(usize, Option<IndicatorField>),
}

impl std::fmt::Display for Location {
    /// The path as the format spec and the rule catalogue write it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Location::FiscalYear => f.write_str("fiscal_year"),
            Location::Region => f.write_str("region"),
            Location::Department(field) => f.write_str(match field {
                DepartmentField::Name => "department.name",
                DepartmentField::Code => "department.code",
                DepartmentField::StaffCount => "department.staff_count",
                DepartmentField::SubordinateUnits => "department.subordinate_units",
            }),
            Location::Budget => f.write_str("budget"),
            Location::BudgetBox(b) => write!(f, "budget.{}", b.path()),
            Location::OwnUseLabel => f.write_str("budget.by_level.own_use_label"),
            Location::OverallGoal => f.write_str("overall_goal"),
            Location::KeyTasks => f.write_str("key_tasks"),
            Location::KeyTask(i, None) => write!(f, "key_tasks[{i}]"),
            Location::KeyTask(i, Some(field)) => write!(
                f,
                "key_tasks[{i}].{}",
                match field {
                    TaskField::Name => "name",
                    TaskField::Content => "content",
                    TaskField::Funds => "funds",
                    TaskField::ExpectedOutcome => "expected_outcome",
                }
            ),
            Location::OtherTasks => f.write_str("other_tasks"),
            Location::Indicators => f.write_str("indicators"),
            Location::Indicator(i, None) => write!(f, "indicators[{i}]"),
            Location::Indicator(i, Some(field)) => write!(
                f,
                "indicators[{i}].{}",
                match field {
                    IndicatorField::Level1 => "level1",
                    IndicatorField::Level2 => "level2",
                    IndicatorField::Name => "name",
                    IndicatorField::PeriodTarget => "period_target",
                    IndicatorField::AnnualTarget => "annual_target",
                }
            ),
        }
    }
}

impl Location {
    /// Reads a path as [`Location`]'s `Display` writes it (`budget`,
    /// `budget.income.other`, `key_tasks[2].funds`, `indicators[7]`).
    pub fn parse(text: &str) -> Option<Location> {
        let t = text.trim();
        let simple = [
            ("fiscal_year", Location::FiscalYear),
            ("region", Location::Region),
            (
                "department.name",
                Location::Department(DepartmentField::Name),
            ),
            (
                "department.code",
                Location::Department(DepartmentField::Code),
            ),
            (
                "department.staff_count",
                Location::Department(DepartmentField::StaffCount),
            ),
            (
                "department.subordinate_units",
                Location::Department(DepartmentField::SubordinateUnits),
            ),
            ("budget", Location::Budget),
            ("budget.by_level.own_use_label", Location::OwnUseLabel),
            ("overall_goal", Location::OverallGoal),
            ("other_tasks", Location::OtherTasks),
            ("key_tasks", Location::KeyTasks),
            ("indicators", Location::Indicators),
        ];
        if let Some((_, loc)) = simple.iter().find(|(p, _)| *p == t) {
            return Some(*loc);
        }
        if let Some(path) = t.strip_prefix("budget.") {
            return BudgetBox::ALL
                .into_iter()
                .find(|b| b.path() == path)
                .map(Location::BudgetBox);
        }
        let indexed = |prefix: &str| -> Option<(usize, Option<&str>)> {
            let rest = t.strip_prefix(prefix)?.strip_prefix('[')?;
            let (index, rest) = rest.split_once(']')?;
            let index = index.parse().ok()?;
            match rest {
                "" => Some((index, None)),
                r => Some((index, Some(r.strip_prefix('.')?))),
            }
        };
        if let Some((i, field)) = indexed("key_tasks") {
            let field = match field {
                None => None,
                Some("name") => Some(TaskField::Name),
                Some("content") => Some(TaskField::Content),
                Some("funds") => Some(TaskField::Funds),
                Some("expected_outcome") => Some(TaskField::ExpectedOutcome),
                Some(_) => return None,
            };
            return Some(Location::KeyTask(i, field));
        }
        if let Some((i, field)) = indexed("indicators") {
            let field = match field {
                None => None,
                Some("level1") => Some(IndicatorField::Level1),
                Some("level2") => Some(IndicatorField::Level2),
                Some("name") => Some(IndicatorField::Name),
                Some("period_target") => Some(IndicatorField::PeriodTarget),
                Some("annual_target") => Some(IndicatorField::AnnualTarget),
                Some(_) => return None,
            };
            return Some(Location::Indicator(i, field));
        }
        None
    }

    /// Is this a place the declaration has (its rows exist)?
    pub fn exists_in(self, d: &Declaration) -> bool {
        match self {
            Location::KeyTask(i, _) => i < d.key_tasks.len(),
            Location::Indicator(i, _) => i < d.indicators.len(),
            _ => true,
        }
    }
}

impl Declaration {
    /// Every text of the declaration with the place it sits, in form order.
    pub fn texts(&self) -> impl Iterator<Item = (Location, &str)> {
        let top = [
            (Location::Region, &self.region),
            (
                Location::Department(DepartmentField::Name),
                &self.department.name,
            ),
            (
                Location::Department(DepartmentField::Code),
                &self.department.code,
            ),
            (Location::OwnUseLabel, &self.budget.by_level.own_use_label),
            (Location::OverallGoal, &self.overall_goal),
        ];
        let tasks = self.key_tasks.iter().enumerate().flat_map(|(i, t)| {
            let at = move |f| Location::KeyTask(i, Some(f));
            [
                (at(TaskField::Name), &t.name),
                (at(TaskField::Content), &t.content),
                (at(TaskField::ExpectedOutcome), &t.expected_outcome),
            ]
        });
        let rows = self.indicators.iter().enumerate().flat_map(|(i, r)| {
            let at = move |f| Location::Indicator(i, Some(f));
            [
                (at(IndicatorField::Level1), &r.level1),
                (at(IndicatorField::Level2), &r.level2),
                (at(IndicatorField::Name), &r.name),
                (at(IndicatorField::PeriodTarget), &r.period_target),
                (at(IndicatorField::AnnualTarget), &r.annual_target),
            ]
        });
        let other = [(Location::OtherTasks, &self.other_tasks)];
        top.into_iter()
            .chain(tasks)
            .chain(other)
            .chain(rows)
            .filter_map(|(loc, s)| s.as_deref().map(|s| (loc, s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_print_as_the_catalogue_writes_them() {
        assert_eq!(
            Location::BudgetBox(BudgetBox::OtherIncome).to_string(),
            "budget.income.other"
        );
        assert_eq!(
            Location::KeyTask(2, Some(TaskField::Funds)).to_string(),
            "key_tasks[2].funds"
        );
        assert_eq!(Location::Indicator(7, None).to_string(), "indicators[7]");
        assert_eq!(
            Location::Department(DepartmentField::StaffCount).to_string(),
            "department.staff_count"
        );
    }

    #[test]
    fn every_location_reads_back_from_its_path() {
        let all = [
            Location::FiscalYear,
            Location::Region,
            Location::Department(DepartmentField::SubordinateUnits),
            Location::Budget,
            Location::BudgetBox(BudgetBox::TransferToLower),
            Location::OwnUseLabel,
            Location::OverallGoal,
            Location::OtherTasks,
            Location::KeyTasks,
            Location::KeyTask(3, None),
            Location::KeyTask(0, Some(TaskField::ExpectedOutcome)),
            Location::Indicators,
            Location::Indicator(28, None),
            Location::Indicator(7, Some(IndicatorField::AnnualTarget)),
        ];
        for loc in all {
            assert_eq!(Location::parse(&loc.to_string()), Some(loc), "{loc}");
        }
        for bad in [
            "",
            "budget.x",
            "indicators[]",
            "indicators[-1]",
            "indicators[2].colour",
            "key_tasks[1]x",
            "departments",
        ] {
            assert_eq!(Location::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn locations_sort_in_form_order() {
        let mut v = vec![
            Location::Indicator(0, None),
            Location::OverallGoal,
            Location::KeyTask(1, None),
            Location::KeyTask(0, Some(TaskField::Funds)),
            Location::Department(DepartmentField::StaffCount),
            Location::FiscalYear,
        ];
        v.sort();
        assert_eq!(
            v,
            vec![
                Location::FiscalYear,
                Location::Department(DepartmentField::StaffCount),
                Location::OverallGoal,
                Location::KeyTask(0, Some(TaskField::Funds)),
                Location::KeyTask(1, None),
                Location::Indicator(0, None),
            ]
        );
    }
}
