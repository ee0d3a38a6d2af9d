//! INFO-04 · 预算年度未填写 (Fiscal year blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

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
};
