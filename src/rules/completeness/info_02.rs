//! INFO-02 · 下属二级单位数未填写 (Subordinate unit count blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

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
};
