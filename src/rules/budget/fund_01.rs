//! FUND-01 · 支出合计与收入合计不符 (Spending total differs from income total).

use crate::i18n::Phrase;
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund01,
    "FUND-01",
    &[Error],
    "支出合计与收入合计不符",
    "Spending total differs from income total",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "申报表的支出合计与收入来源合计是同一笔钱的两种分法，应当相等。",
            "The form's spending total and income total are the same money counted two ways, so they must be equal.",
        )),
    },
    &[Tolerance],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund01,
    location: "`budget`",
    fires_when: "\\|T − (fiscal_appropriation + income.other)\\| > 0.01",
    inputs: Some("basic, project, fiscal_appropriation"),
    basis: "J: spending and income are the same money",
};
