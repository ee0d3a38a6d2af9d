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
    asks: "state the department's goal for the year",
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

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_88);

    fn message(&self, lang: Lang, at: Location) -> String {
        blank_at(lang, at)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang)
    }
}

/// COMP-01: 总体绩效目标 blank.
fn check(form: &Form, flags: &mut Flags) {
    if is_blank(&form.decl.overall_goal) {
        flags.push(Severity::Error, Location::OverallGoal, Finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;
    use crate::rules::test_support::*;

    #[test]
    fn comp01_blank_goal_including_white_space() {
        let mut decl = clean();
        decl.overall_goal = Some(" \n ".into());
        assert_eq!(fired(&decl, Rule::Comp01).len(), 1);
        decl.overall_goal = None;
        assert_eq!(
            fired(&decl, Rule::Comp01)[0].location,
            Location::OverallGoal
        );
    }
}
