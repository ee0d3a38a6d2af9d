//! REL-01 · 总体绩效目标没有量化内容 (Overall goal has no number).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Rel01,
    "REL-01",
    &[Info],
    "总体绩效目标没有量化内容",
    "Overall goal has no number",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标应当明确、清晰的要求",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on targets being clear and definite",
        )),
        reason: Some(Phrase::new(
            "总体目标中没有任何数字就难以衡量，以“有无数字”来判断是本工具的做法。",
            "An overall goal without a single number is hard to measure; judging by the presence of a number is this tool's practice.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Rel01,
    location: "`overall_goal`",
    fires_when: "a non-blank 总体绩效目标 with no number",
    inputs: None,
    basis: "S: 88号 \"明确、清晰\"; judging by a number J",
    asks: "measurable aims in the goal",
};

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        pick(
            lang,
            "总体绩效目标没有任何数字，难以衡量",
            "the overall goal has no number to measure against",
        )
        .into()
    }

    /// Its point's words in the 审核意见.
    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        pick(
            lang,
            "总体绩效目标没有可衡量的内容。建议写明主要工作的数量、质量、时效等可衡量的目标".into(),
            "The overall goal has nothing measurable. We suggest stating measurable aims: how much, how well, by when".into(),
        )
    }
}

/// REL-01: an overall goal without a single number.
fn check(form: &Form, flags: &mut Flags) {
    if let Some(goal) = non_blank(&form.decl.overall_goal)
        && !has_number(goal)
    {
        flags.push(Severity::Info, Location::OverallGoal, Finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn rel01_goal_without_digits_even_chinese_numerals() {
        let mut decl = clean();
        decl.overall_goal = Some("做到“两个维护”，贯彻二十大精神".into());
        assert_eq!(fired(&decl, Rule::Rel01).len(), 1);
        decl.overall_goal = Some("完成１项".into());
        assert!(fired(&decl, Rule::Rel01).is_empty());
        decl.overall_goal = Some("  ".into());
        assert!(fired(&decl, Rule::Rel01).is_empty(), "blank is COMP-01's");
    }
}
