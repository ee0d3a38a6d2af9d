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
use super::docs::Section;
use super::violation::{Check, Form, Found, Violation, each};
use super::{Flags, Ground, Severity};
use crate::i18n::requests::{self, DOC_88};
use crate::i18n::{Lang, flags as words};
use crate::model::{
    BudgetBox, Declaration, DepartmentField, IndicatorField, Location, TargetColumns, TaskField,
};
use crate::text::is_blank;

pub(crate) const SECTION: Section = Section::Completeness;

/// `at` is blank, as a flag says it.
fn blank_at(lang: Lang, at: Location) -> String {
    words::blank(lang, &crate::i18n::location(lang, at))
}

/// The point about blank cells: COMP-02 names them by its places,
/// COMP-03 in its finding.
fn blank_cells_point<'a>(lang: Lang, places: &str, names: impl Iterator<Item = &'a str>) -> String {
    let names = crate::text::once_each(names).join(requests::list_separator(lang));
    requests::blank_cells(lang, places, &names)
}

/// The point of a department's fact left blank (INFO-01, 02, 04).
fn info_point(lang: Lang, at: Location) -> String {
    requests::info_blank(lang, &crate::i18n::location(lang, at))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
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
