//! QUANT-05 · 比率类指标的指标值不是有效百分比 (Rate target is not a valid percentage).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;
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
    asks: "a percentage, of at most 100%",
};

pub(crate) fn over_100(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("比率指标的指标值“{}”超过 100%", quote(target)),
        format!("rate target “{}” is above 100%", quote(target)),
    )
}

pub(crate) fn no_percent(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("比率指标的指标值“{}”有数字但不是百分比", quote(target)),
        format!(
            "rate target “{}” has a number but no percentage",
            quote(target)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request_over_100(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}为比率指标，指标值{targets}超过100%。建议核实后填写不超过100%的比率"),
        format!(
            "{places}: a rate whose target {targets} is above 100%. We suggest a rate of at most 100%"
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request_no_percent(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}为比率指标，指标值{targets}不是百分比。建议以百分比表示"),
        format!(
            "{places}: a rate whose target {targets} is not a percentage. We suggest a percentage"
        ),
    )
}

/// What it found: the target, and whether it is a percentage over 100
/// (else a rate with no percentage).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub target: String,
    pub over_100: bool,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        match self.over_100 {
            true => over_100(lang, &self.target),
            false => no_percent(lang, &self.target),
        }
    }

    /// Over 100% and no percentage at all are two points.
    fn kind(&self, _: Severity) -> String {
        self.over_100.to_string()
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let targets = quoted_targets(lang, group, |f| &f.target);
        match self.over_100 {
            true => request_over_100(lang, places, &targets),
            false => request_no_percent(lang, places, &targets),
        }
    }
}

/// QUANT-05: a rate (名称含“率”) whose target has a number but no
/// percentage, or a percentage above 100.
fn check(form: &Form, flags: &mut Flags) {
    for (i, row) in form.target_rows() {
        if let Some(found) = rate(&row) {
            flags.push(Severity::Warning, Location::Indicator(i, None), found);
        }
    }
}

fn rate(row: &Indicator) -> Option<Finding> {
    if !non_blank(&row.name).is_some_and(|n| n.contains('率')) {
        return None;
    }
    for t in targets(row) {
        let nums: Vec<_> = numbers(t).collect();
        let over_100 = nums
            .iter()
            .any(|n| n.percentage && n.value().is_some_and(|v| v > Decimal::ONE_HUNDRED));
        let no_percentage = !nums.is_empty() && nums.iter().all(|n| !n.percentage);
        if over_100 || no_percentage {
            let target = t.to_string();
            return Some(Finding { target, over_100 });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn quant05_rates_need_percentages_up_to_100() {
        assert_eq!(
            rules_on_new_row(&with_row("案件办结率", "≥95", "≥95")),
            ["QUANT-05"]
        );
        assert_eq!(
            rules_on_new_row(&with_row("案件办结率", "120%", "100%")),
            ["QUANT-05"]
        );
        let f = fired(&with_row("案件办结率", "100%", "101％"), Rule::Quant05);
        assert_eq!(
            f[0].finding(),
            &Finding {
                target: "101％".into(),
                over_100: true
            }
            .into()
        );
        assert!(rules_on_new_row(&with_row("案件办结率", "100%", "完成率100%")).is_empty());
        assert!(rules_on_new_row(&with_row("办结情况", "≥95", "≥95")).is_empty());
    }
}
