//! INFO-03 · 部门名称未填写 (Department name blank).

use crate::i18n::{Lang, pick};
use crate::rules::catalogue::{Basis, COMPLETENESS_88, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Info03,
    "INFO-03",
    &[Error],
    "部门名称未填写",
    "Department name blank",
    Basis {
        cite: Some(COMPLETENESS_88),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Info03,
    location: "`department.name`",
    fires_when: "部门名称 blank",
    inputs: None,
    basis: "S: 完整性",
    asks: "give the department's full name",
};

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang) -> String {
    pick(
        lang,
        "部门名称未填写。请填写部门全称".into(),
        "The department's name is blank. Please give its full name".into(),
    )
}

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_88);

    fn message(&self, lang: Lang, at: Location) -> String {
        blank_at(lang, at)
    }

    fn request(&self, lang: Lang, _group: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang)
    }
}

/// INFO-03: the department's name left blank.
fn check(form: &Form, flags: &mut Flags) {
    if is_blank(&form.decl.department.name) {
        let at = Location::Department(DepartmentField::Name);
        flags.push(Severity::Error, at, Finding);
    }
}
