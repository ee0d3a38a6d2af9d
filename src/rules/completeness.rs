//! COMP-01 … COMP-05 and INFO-01 … INFO-04: every box is filled in.

use super::{Detail, Flags, Rule, Severity};
use crate::model::{
    BudgetBox, Declaration, DepartmentField, IndicatorField, Location, TargetColumns, TaskField,
};
use crate::text::is_blank;

pub(super) fn run(decl: &Declaration, flags: &mut Flags) {
    comp01(decl, flags);
    comp02(decl, flags);
    comp03(decl, flags);
    comp04(decl, flags);
    comp05(decl, flags);
    info(decl, flags);
}

/// COMP-01: 总体绩效目标 blank.
fn comp01(decl: &Declaration, flags: &mut Flags) {
    if is_blank(&decl.overall_goal) {
        flags.push(
            Rule::Comp01,
            Severity::Error,
            Location::OverallGoal,
            Detail::None,
        );
    }
}

/// COMP-02: no key task, or one flag per blank cell of a task.
fn comp02(decl: &Declaration, flags: &mut Flags) {
    if decl.key_tasks.is_empty() {
        flags.push(
            Rule::Comp02,
            Severity::Error,
            Location::KeyTasks,
            Detail::None,
        );
    }
    for (i, t) in decl.key_tasks.iter().enumerate() {
        let cells = [
            (TaskField::Name, is_blank(&t.name)),
            (TaskField::Content, is_blank(&t.content)),
            (TaskField::Funds, t.funds.is_none()),
            (TaskField::ExpectedOutcome, is_blank(&t.expected_outcome)),
        ];
        for (field, blank) in cells {
            if blank {
                flags.push(
                    Rule::Comp02,
                    Severity::Error,
                    Location::KeyTask(i, Some(field)),
                    Detail::None,
                );
            }
        }
    }
}

/// COMP-03: an indicator row missing its levels, its name or its targets.
/// One flag per row: an error when a level, the name or every target is
/// blank, else (two target columns) a warning when exactly one target is.
/// A template row is COMP-05's.
fn comp03(decl: &Declaration, flags: &mut Flags) {
    let two = decl.target_columns == TargetColumns::Two;
    for (i, r) in decl.indicators.iter().enumerate() {
        if r.is_template_row() {
            continue;
        }
        let period = (
            IndicatorField::PeriodTarget,
            two && is_blank(&r.period_target),
        );
        let cells = [
            (IndicatorField::Level1, is_blank(&r.level1)),
            (IndicatorField::Level2, is_blank(&r.level2)),
            (IndicatorField::Name, is_blank(&r.name)),
            period,
            (IndicatorField::AnnualTarget, is_blank(&r.annual_target)),
        ];
        let structure_blank = cells[..3].iter().any(|c| c.1);
        let targets_blank = cells[3..].iter().filter(|c| c.1).count();
        let all_targets_blank = targets_blank == usize::from(decl.target_columns.count());
        let severity = if structure_blank || all_targets_blank {
            Severity::Error
        } else if targets_blank == 1 {
            Severity::Warning
        } else {
            continue;
        };
        flags.push(
            Rule::Comp03,
            severity,
            Location::Indicator(i, None),
            Detail::BlankCells(cells.iter().filter(|c| c.1).map(|c| c.0).collect()),
        );
    }
}

/// COMP-04: a budget amount blank.
fn comp04(decl: &Declaration, flags: &mut Flags) {
    for b in BudgetBox::ALL {
        if b.get(&decl.budget).is_none() {
            flags.push(
                Rule::Comp04,
                Severity::Error,
                Location::BudgetBox(b),
                Detail::None,
            );
        }
    }
}

/// COMP-05: a template row, the form's line for a category left empty.
fn comp05(decl: &Declaration, flags: &mut Flags) {
    for (i, r) in decl.indicators.iter().enumerate() {
        if !r.is_template_row() {
            continue;
        }
        let category = crate::text::non_blank(&r.level2)
            .or_else(|| crate::text::non_blank(&r.level1))
            .unwrap_or_default();
        flags.push(
            Rule::Comp05,
            Severity::Info,
            Location::Indicator(i, None),
            Detail::Category(category.trim().to_string()),
        );
    }
}

/// INFO-01 … INFO-04: the department's basic facts and the year.
fn info(decl: &Declaration, flags: &mut Flags) {
    let d = &decl.department;
    let checks = [
        (
            Rule::Info01,
            Severity::Warning,
            d.staff_count.is_none(),
            Location::Department(DepartmentField::StaffCount),
        ),
        (
            Rule::Info02,
            Severity::Warning,
            d.subordinate_units.is_none(),
            Location::Department(DepartmentField::SubordinateUnits),
        ),
        (
            Rule::Info03,
            Severity::Error,
            is_blank(&d.name),
            Location::Department(DepartmentField::Name),
        ),
        (
            Rule::Info04,
            Severity::Info,
            decl.fiscal_year.is_none(),
            Location::FiscalYear,
        ),
    ];
    for (rule, severity, blank, at) in checks {
        if blank {
            flags.push(rule, severity, at, Detail::None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn comp01_blank_goal_including_white_space() {
        let mut decl = clean();
        decl.overall_goal = Some(" \n ".into());
        assert_eq!(fired(&decl, Rule::Comp01).len(), 1);
        decl.overall_goal = None;
        assert_eq!(
            fired(&decl, Rule::Comp01)[0].location,
            Location::OverallGoal
        );
    }

    #[test]
    fn comp02_one_flag_per_blank_task_cell() {
        let mut decl = clean();
        decl.key_tasks[1].content = Some("   ".into());
        decl.key_tasks[1].funds = None;
        let locs: Vec<String> = fired(&decl, Rule::Comp02)
            .iter()
            .map(|f| f.location.to_string())
            .collect();
        assert_eq!(locs, ["key_tasks[1].content", "key_tasks[1].funds"]);
    }

    #[test]
    fn comp03_error_for_missing_structure_warning_for_one_target() {
        let mut decl = clean();
        decl.indicators[0].annual_target = None;
        decl.indicators[1].period_target = Some("".into());
        decl.indicators[1].annual_target = None;
        decl.indicators[2].level2 = None;
        decl.indicators[2].annual_target = None;
        let f = fired(&decl, Rule::Comp03);
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.location.to_string(), f.severity))
            .collect();
        assert_eq!(
            got,
            [
                ("indicators[1]".to_string(), Severity::Error),
                ("indicators[2]".to_string(), Severity::Error),
                ("indicators[0]".to_string(), Severity::Warning),
            ]
        );
        assert_eq!(
            f[1].detail,
            Detail::BlankCells(vec![IndicatorField::Level2, IndicatorField::AnnualTarget])
        );
    }

    #[test]
    fn comp04_each_blank_amount() {
        let mut decl = clean();
        decl.budget.income.other = None;
        let f = fired(&decl, Rule::Comp04);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.to_string(), "budget.income.other");
    }

    #[test]
    fn info_rules_on_blank_department_facts() {
        let mut decl = clean();
        decl.department.staff_count = None;
        decl.department.subordinate_units = None;
        decl.department.name = Some(" ".into());
        decl.fiscal_year = None;
        let got: Vec<_> = ids(&decl).into_iter().map(|(r, _)| r).collect();
        assert_eq!(got, ["INFO-03", "INFO-01", "INFO-02", "INFO-04"]);
    }

    #[test]
    fn zero_staff_is_not_blank() {
        let mut decl = clean();
        decl.department.staff_count = Some(0);
        assert!(fired(&decl, Rule::Info01).is_empty());
    }
}
