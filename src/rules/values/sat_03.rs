//! SAT-03 · 满意度指标名称不含“满意” (Satisfaction indicator not about satisfaction).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Sat03,
    "SAT-03",
    &[Info],
    "满意度指标名称不含“满意”",
    "Satisfaction indicator not about satisfaction",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "满意度指标下的指标应衡量服务对象是否满意。",
            "An indicator under satisfaction should measure whether people are satisfied.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Sat03,
    location: "`indicators[i]`",
    fires_when: "a row under 满意度指标 whose name lacks 满意",
    inputs: None,
    basis: "J",
    asks: "an indicator of how satisfied those served are",
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
            "满意度指标下的这一行名称不含“满意”",
            "this row under 满意度指标 is not about satisfaction",
        )
        .into()
    }

    /// Its point's words in the 审核意见.
    fn request(&self, lang: Lang, _: &[Found<'_, Self>], places: &str, _: &Declaration) -> String {
        pick(
            lang,
            format!(
                "{places}列在满意度指标下，但名称没有体现满意度。建议改为反映服务对象满意程度的指标"
            ),
            format!(
                "{places}: under satisfaction, but the name is not about satisfaction. We suggest an indicator of how satisfied those served are"
            ),
        )
    }
}

/// SAT-03: a row under 满意度指标 that is not about satisfaction.
fn check(form: &Form, flags: &mut Flags) {
    for (i, row) in form.target_rows() {
        if form.levels.under(i, "满意度")
            && non_blank(&row.name).is_some_and(|n| !n.contains("满意"))
        {
            flags.push(Severity::Info, Location::Indicator(i, None), Finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;

    #[test]
    fn sat03_satisfaction_rows_about_something_else() {
        assert_eq!(
            rules_on_new_row(&with_satisfaction(
                "法律援助案件质量评核",
                "通过评核",
                "通过评核"
            )),
            ["SAT-03"]
        );
        assert!(rules_on_new_row(&with_satisfaction("服务对象满意率", "≥90%", "≥90%")).is_empty());
    }
}
