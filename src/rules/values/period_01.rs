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

/// PERIOD-01: the annual target promises more than the whole period.
pub(super) fn check(row: &Indicator, at: Location, flags: &mut Flags) {
    let (Some(annual), Some(period)) =
        (non_blank(&row.annual_target), non_blank(&row.period_target))
    else {
        return;
    };
    let (Some(a), Some(p)) = (numbers(annual).next(), numbers(period).next()) else {
        return;
    };
    if a.percentage || p.percentage || a.upper_bound || p.upper_bound || a.unit != p.unit {
        return;
    }
    if let (Some(av), Some(pv)) = (a.value(), p.value())
        && av > pv
    {
        let found = Finding::Period01 {
            annual: a.text.into_owned(),
            period: p.text.into_owned(),
            unit: a.unit.to_string(),
        };
        flags.push(Severity::Warning, at, found);
    }
}
