//! INFO-01 · 财政供养人员数未填写 (Staff count blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Info01,
    "INFO-01",
    &[Warning],
    "财政供养人员数未填写",
    "Staff count blank",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "财政供养人员数是核定部门预算规模的基本信息。",
            "The staff count is basic to judging the size of the budget.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Info01,
    location: "`department.staff_count`",
    fires_when: "财政供养人员数 blank",
    inputs: None,
    basis: "J (the seed leaves it blank)",
    asks: "fill in 财政供养人员数",
};

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, at: Location) -> String {
        blank_at(lang, at)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        info_point(lang, AT)
    }
}

/// Where it flags.
const AT: Location = Location::Department(DepartmentField::StaffCount);

/// INFO-01: the staff count left blank.
fn check(form: &Form, flags: &mut Flags) {
    if form.decl.department.staff_count.is_none() {
        flags.push(Severity::Warning, AT, Finding);
    }
}
