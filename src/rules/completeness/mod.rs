//! COMP-01 … COMP-05 and INFO-01 … INFO-04: every box is filled in.

pub(crate) mod comp_01;
pub(crate) mod comp_02;
pub(crate) mod comp_03;
pub(crate) mod comp_04;
pub(crate) mod comp_05;
pub(crate) mod info_01;
pub(crate) mod info_02;
pub(crate) mod info_03;
pub(crate) mod info_04;

use super::budget::BoxKind;
use super::{Flags, Rule, Severity};
use crate::i18n::{Lang, flags as words};
use crate::model::{
    BudgetBox, Declaration, DepartmentField, IndicatorField, Location, TargetColumns, TaskField,
};
use crate::text::is_blank;

/// What a completeness rule found: most say only that the flag's place is
/// blank.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// 总体绩效目标 blank.
    Comp01,
    /// No key task at all.
    NoKeyTask,
    /// A cell of a key task blank.
    Comp02,
    /// The cells of an indicator row that are blank.
    Comp03 {
        blank: Vec<IndicatorField>,
    },
    /// A budget amount blank; an optional box, which the sums read as 0.
    /// `own_use_label`: the form's label for own use (`市本级使用资金`),
    /// so the message names the box as the form prints it.
    Comp04 {
        read_as_zero: bool,
        own_use_label: Option<String>,
    },
    /// A template row left empty: the category it names (its level2, else
    /// its level1), raw.
    Comp05 {
        category: String,
    },
    Info01,
    Info02,
    Info03,
    Info04,
}

impl Finding {
    pub fn rule(&self) -> Rule {
        match self {
            Finding::Comp01 => Rule::Comp01,
            Finding::NoKeyTask | Finding::Comp02 => Rule::Comp02,
            Finding::Comp03 { .. } => Rule::Comp03,
            Finding::Comp04 { .. } => Rule::Comp04,
            Finding::Comp05 { .. } => Rule::Comp05,
            Finding::Info01 => Rule::Info01,
            Finding::Info02 => Rule::Info02,
            Finding::Info03 => Rule::Info03,
            Finding::Info04 => Rule::Info04,
        }
    }

    pub(super) fn message(&self, lang: Lang, at: Location) -> String {
        match self {
            Finding::NoKeyTask => words::NO_KEY_TASK.get(lang).into(),
            Finding::Comp03 { blank } => words::blank_cells(lang, blank),
            Finding::Comp05 { category } => words::template_row(lang, category),
            Finding::Comp04 {
                read_as_zero,
                own_use_label,
            } => {
                let place = match at {
                    Location::BudgetBox(b) => {
                        crate::i18n::budget_box_labelled(lang, b, own_use_label.as_deref())
                    }
                    other => crate::i18n::location(lang, other),
                };
                if *read_as_zero {
                    words::blank_read_as_zero(lang, &place)
                } else {
                    words::blank(lang, &place)
                }
            }
            Finding::Comp01
            | Finding::Comp02
            | Finding::Info01
            | Finding::Info02
            | Finding::Info03
            | Finding::Info04 => words::blank(lang, &crate::i18n::location(lang, at)),
        }
    }
}

pub(super) fn run(decl: &Declaration, flags: &mut Flags) {
    comp_01::check(decl, flags);
    comp_02::check(decl, flags);
    comp_03::check(decl, flags);
    comp_04::check(decl, flags);
    comp_05::check(decl, flags);
    info(decl, flags);
}

/// INFO-01 … INFO-04: the department's basic facts and the year.
fn info(decl: &Declaration, flags: &mut Flags) {
    let d = &decl.department;
    let checks = [
        (
            Finding::Info01,
            Severity::Warning,
            d.staff_count.is_none(),
            Location::Department(DepartmentField::StaffCount),
        ),
        (
            Finding::Info02,
            Severity::Warning,
            d.subordinate_units.is_none(),
            Location::Department(DepartmentField::SubordinateUnits),
        ),
        (
            Finding::Info03,
            Severity::Error,
            is_blank(&d.name),
            Location::Department(DepartmentField::Name),
        ),
        (
            Finding::Info04,
            Severity::Info,
            decl.fiscal_year.is_none(),
            Location::FiscalYear,
        ),
    ];
    for (found, severity, blank, at) in checks {
        if blank {
            flags.push(severity, at, found);
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
            f[1].finding(),
            &Finding::Comp03 {
                blank: vec![IndicatorField::Level2, IndicatorField::AnnualTarget]
            }
            .into()
        );
    }

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
