//! QUANT-05 · 比率类指标的指标值不是有效百分比 (Rate target is not a valid percentage).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant05,
    "QUANT-05",
    &[Warning],
    "比率类指标的指标值不是有效百分比",
    "Rate target is not a valid percentage",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "比率类指标的目标值应是不超过100%的百分比。",
            "A rate's target should be a percentage of at most 100%.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant05,
    location: "`indicators[i]`",
    fires_when: "the name contains 率, and a target has a number but no percentage, or a percentage above 100",
    inputs: None,
    basis: "J",
};
