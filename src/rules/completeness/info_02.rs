//! INFO-02 · 下属二级单位数未填写 (Subordinate unit count blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Info02,
    "INFO-02",
    &[Warning],
    "下属二级单位数未填写",
    "Subordinate unit count blank",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "下属二级单位数是了解部门规模的基本信息。",
            "The number of subordinate units is basic to knowing the department.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Info02,
    location: "`department.subordinate_units`",
    fires_when: "下属二级单位数 blank",
    inputs: None,
    basis: "J",
    asks: "fill in 下属二级单位数",
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
const AT: Location = Location::Department(DepartmentField::SubordinateUnits);

/// INFO-02: the number of subordinate units left blank.
fn check(form: &Form, flags: &mut Flags) {
    if form.decl.department.subordinate_units.is_none() {
        flags.push(Severity::Warning, AT, Finding);
    }
}
