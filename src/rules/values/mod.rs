//! QUANT-01 … QUANT-05, PERIOD-01, SAT-02, SAT-03, CLASS-01, REL-01,
//! COST-01: what the target values and the overall goal say.

pub(crate) mod class_01;
pub(crate) mod cost_01;
pub(crate) mod period_01;
pub(crate) mod quant_01;
pub(crate) mod quant_02;
pub(crate) mod quant_03;
pub(crate) mod quant_04;
pub(crate) mod quant_05;
pub(crate) mod rel_01;
pub(crate) mod sat_02;
pub(crate) mod sat_03;

use super::configured::{Setting, SettingError, ValueRule, word_list, words};
use super::docs::Section;
use super::violation::{Check, Form, Found, Violation, each};
use super::{Flags, Ground, Param, Rule, Severity};
use crate::i18n::Lang;
use crate::i18n::requests::{self, DOC_285};
use crate::model::{Declaration, Indicator, Location, TargetColumns};
use crate::text::{
    contains_word, first_percentage, has_number, is_graded, non_blank, normalise, numbers,
    shares_substring, strip_trailing_parenthesis,
};
use rust_decimal::Decimal;

pub(crate) const SECTION: Section = Section::Values;

/// The non-blank target cells of a row, annual first as the catalogue orders them.
fn targets(row: &Indicator) -> impl Iterator<Item = &str> {
    [&row.annual_target, &row.period_target]
        .into_iter()
        .filter_map(non_blank)
}

/// One target cell with the facts the QUANT rules share, computed once.
struct Cell<'a> {
    raw: &'a str,
    normalised: std::borrow::Cow<'a, str>,
    quantified: bool,
    graded: bool,
}

impl<'a> Cell<'a> {
    fn new(raw: &'a str) -> Self {
        Cell {
            raw,
            normalised: normalise(raw),
            quantified: has_number(raw),
            graded: is_graded(raw),
        }
    }
}

/// QUANT-03, QUANT-04, QUANT-02, QUANT-01, the one pass their registry
/// lines point to: a row gets at most one of these, the first in that
/// order that fires on any of its cells. A rule switched off does not
/// fire, so the next one gets its turn. Each rule's own test of a cell
/// is in its file.
pub(super) fn quantified(form: &Form, flags: &mut Flags) {
    let s = form.settings;
    let on = |r| s.enabled(r);
    if ![Rule::Quant01, Rule::Quant02, Rule::Quant03, Rule::Quant04]
        .into_iter()
        .any(on)
    {
        return;
    }
    for (i, row) in form.target_rows() {
        let at = Location::Indicator(i, None);
        // A target with a digit is never a placeholder (none has one) and
        // is quantified, so no rule of this chain can fire on it.
        if targets(&row).all(has_number) {
            continue;
        }
        // Annual first, as the catalogue orders the cells; no allocation per row.
        let slots = [&row.annual_target, &row.period_target].map(|t| non_blank(t).map(Cell::new));
        let cells = || slots.iter().flatten();
        let name = non_blank(&row.name);
        let name_key = name
            .map(|n| normalise(strip_trailing_parenthesis(n)))
            .unwrap_or_default();
        let name_key = name_key.as_ref();
        let min_common = s.rules.quant_04.min_common;
        if let Some(c) = cells().find(|c| on(Rule::Quant03) && quant_03::is_placeholder(c)) {
            let target = c.raw.to_string();
            flags.push(Severity::Error, at, quant_03::Finding { target });
        } else if let Some(c) =
            cells().find(|c| on(Rule::Quant04) && quant_04::restates(c, name_key, min_common))
        {
            let found = quant_04::Finding {
                target: c.raw.to_string(),
                name: name.unwrap_or_default().to_string(),
            };
            flags.push(Severity::Warning, at, found);
        } else if let Some((c, w)) = cells()
            .filter(|_| on(Rule::Quant02))
            .find_map(|c| quant_02::vague_word(c, &s.rules.quant_02.words).map(|w| (c, w)))
        {
            let found = quant_02::Finding {
                target: c.raw.to_string(),
                word: w.to_string(),
            };
            flags.push(Severity::Warning, at, found);
        } else if let Some(c) = cells().find(|c| !c.quantified && !c.graded) {
            let target = c.raw.to_string();
            flags.push(Severity::Warning, at, quant_01::Finding { target });
        }
    }
}

/// The targets a point quotes, once each, in order.
fn quoted_targets<F>(lang: Lang, group: &[Found<'_, F>], target: impl Fn(&F) -> &str) -> String {
    requests::values(lang, &each(group, |f| target(f.finding).to_string()))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    /// The clean example plus one 效益 row with these cells.
    pub(super) fn with_row(name: &str, period: &str, annual: &str) -> Declaration {
        let mut decl = clean();
        decl.indicators
            .push(row("效益指标", "社会效益指标", name, period, annual));
        decl
    }

    pub(super) fn rules_on_new_row(decl: &Declaration) -> Vec<String> {
        let last = decl.indicators.len() - 1;
        super::super::test_support::run(decl)
            .into_iter()
            .filter(|f| f.location == Location::Indicator(last, None))
            .map(|f| f.rule().id().to_string())
            .collect()
    }

    #[test]
    fn quant_rules_give_way_when_switched_off() {
        let decl = with_row("服务情况", "不涉及", "不涉及");
        let mut s = RuleSettings::default();
        s.set_enabled(Rule::Quant03, false);
        let got: Vec<_> = super::super::check(&decl, &s)
            .into_iter()
            .map(|f| f.rule())
            .collect();
        assert_eq!(got, [Rule::Quant01]);
    }

    pub(super) fn with_satisfaction(name: &str, period: &str, annual: &str) -> Declaration {
        let mut decl = clean();
        decl.indicators.push(row(
            "满意度指标",
            "服务对象满意度指标",
            name,
            period,
            annual,
        ));
        decl
    }

    pub(super) fn cost_row(name: &str, target: &str) -> Declaration {
        let mut decl = clean();
        decl.indicators
            .push(row("产出指标", "成本指标", name, target, target));
        decl
    }
}
