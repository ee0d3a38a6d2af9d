//! INFO-04 · 预算年度未填写 (Fiscal year blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Info04,
    "INFO-04",
    &[Info],
    "预算年度未填写",
    "Fiscal year blank",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "不填预算年度，就无法确认申报表属于哪一年。",
            "Without the fiscal year the form cannot be placed in its year.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Info04,
    location: "`fiscal_year`",
    fires_when: "预算年度 blank",
    inputs: None,
    basis: "J",
    asks: "fill in 预算年度",
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
const AT: Location = Location::FiscalYear;

/// INFO-04: the fiscal year left blank.
fn check(form: &Form, flags: &mut Flags) {
    if form.decl.fiscal_year.is_none() {
        flags.push(Severity::Info, AT, Finding);
    }
}
