//! PERIOD-01 · 年度指标值超过实施周期指标值 (Annual target exceeds the period target).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Period01,
    "PERIOD-01",
    &[Warning],
    "年度指标值超过实施周期指标值",
    "Annual target exceeds the period target",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于中长期绩效目标与年度绩效目标的规定",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on medium-term and annual targets",
        )),
        reason: Some(Phrase::new(
            "年度指标值是实施周期指标值的一部分，一般不应超过后者；按数字和单位比较是本工具的做法。",
            "The annual target is a slice of the period target, so it should not exceed it; comparing their numbers and units is this tool's practice.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Period01,
    location: "`indicators[i]`",
    fires_when: "the form has two target columns; both targets have a first number, neither a percentage nor after ≤ ≦ < ＜, both with the same unit, and the annual one is larger",
    inputs: None,
    basis: "J: the annual target is a slice of the period's",
    asks: "check the annual target against the period's",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, annual: &str, period: &str, unit: &str) -> String {
    let unit = quote(unit);
    pick(
        lang,
        format!("年度指标值 {annual}{unit} 超过实施周期指标值 {period}{unit}"),
        format!("annual target {annual}{unit} exceeds the period target {period}{unit}"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, pairs: &str) -> String {
    pick(
        lang,
        format!(
            "{places}的年度指标值大于实施周期指标值（{pairs}）。建议核实：年度指标值一般不超过实施周期指标值"
        ),
        format!(
            "{places}: the annual target is above the period target ({pairs}). We suggest checking them: the year is part of the period"
        ),
    )
}

/// `年度120人、实施周期100人`.
pub(crate) fn request_pair(lang: Lang, annual: &str, period: &str, unit: &str) -> String {
    pick(
        lang,
        format!("年度{annual}{unit}、实施周期{period}{unit}"),
        format!("annual {annual}{unit}, period {period}{unit}"),
    )
}

/// What it found: the two numbers and their unit, as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub annual: String,
    pub period: String,
    pub unit: String,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.annual, &self.period, &self.unit)
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let pairs = each(group, |f| {
            let q = crate::sanitize::quote;
            let f = f.finding;
            request_pair(lang, &q(&f.annual), &q(&f.period), &q(&f.unit))
        });
        request(lang, places, &pairs.join(requests::list_separator(lang)))
    }
}

/// PERIOD-01: the annual target promises more than the whole period
/// (a form with both target columns).
fn check(form: &Form, flags: &mut Flags) {
    if form.decl.target_columns != TargetColumns::Two {
        return;
    }
    for (i, row) in form.target_rows() {
        if let Some(found) = exceeds_period(&row) {
            flags.push(Severity::Warning, Location::Indicator(i, None), found);
        }
    }
}

fn exceeds_period(row: &Indicator) -> Option<Finding> {
    let annual = non_blank(&row.annual_target)?;
    let period = non_blank(&row.period_target)?;
    let (a, p) = (numbers(annual).next()?, numbers(period).next()?);
    if a.percentage || p.percentage || a.upper_bound || p.upper_bound || a.unit != p.unit {
        return None;
    }
    let (av, pv) = (a.value()?, p.value()?);
    (av > pv).then(|| Finding {
        annual: a.text.into_owned(),
        period: p.text.into_owned(),
        unit: a.unit.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn period01_annual_above_period_in_the_same_unit() {
        assert_eq!(
            rules_on_new_row(&with_row("培训人次", "≥500人次", "≥600人次")),
            ["PERIOD-01"]
        );
        assert!(rules_on_new_row(&with_row("培训人次", "≥600人次", "≥600人次")).is_empty());
        assert!(
            rules_on_new_row(&with_row("培训人次", "≥5百人次", "≥600人次")).is_empty(),
            "units differ"
        );
        assert!(
            rules_on_new_row(&with_row("办结时限", "≤3个工作日", "≤5个工作日")).is_empty(),
            "upper bound"
        );
        assert!(
            rules_on_new_row(&with_row("覆盖面", "80%", "90%")).is_empty(),
            "percentage"
        );
        let f = fired(
            &with_row("培训人次", "500.5人", "500.50001人"),
            Rule::Period01,
        );
        assert_eq!(
            f[0].finding(),
            &Finding {
                annual: "500.50001".into(),
                period: "500.5".into(),
                unit: "人".into()
            }
            .into()
        );
    }
}
