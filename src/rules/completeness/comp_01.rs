//! COMP-01 · 总体绩效目标未填写 (Overall goal blank).

use crate::i18n::{Lang, pick};
use crate::rules::catalogue::{Basis, COMPLETENESS_88, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp01,
    "COMP-01",
    &[Error],
    "总体绩效目标未填写",
    "Overall goal blank",
    Basis {
        cite: Some(COMPLETENESS_88),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp01,
    location: "`overall_goal`",
    fires_when: "总体绩效目标 blank",
    inputs: None,
    basis: "S: 财预〔2015〕88号 完整性审核",
};

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标未填写。请填写部门年度总体绩效目标".into(),
        "The overall performance goal is blank. Please state the department's goal for the year"
            .into(),
    )
}

/// COMP-01: 总体绩效目标 blank.
pub(super) fn check(decl: &Declaration, flags: &mut Flags) {
    if is_blank(&decl.overall_goal) {
        flags.push(Severity::Error, Location::OverallGoal, Finding::Comp01);
    }
}
