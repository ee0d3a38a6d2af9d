//! DUP-01 · 三级指标名称重复 (Indicator name repeated).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Dup01,
    "DUP-01",
    &[Warning],
    "三级指标名称重复",
    "Indicator name repeated",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "同名的三级指标多为重复填写。",
            "Two indicators of the same name are usually one entered twice.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Dup01,
    location: "`indicators[j]`",
    fires_when: "a later row whose normalised name equals an earlier row's",
    inputs: None,
    basis: "J",
    asks: "merge the rows, or name them apart",
};

/// `first`: the earlier row, counted from 0.
/// Its flag's words.
pub(crate) fn message(lang: Lang, first: usize) -> String {
    let row = first.saturating_add(1);
    pick(
        lang,
        format!("三级指标名称与第{row}行重复"),
        format!("same indicator name as row {row}"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, times: usize) -> String {
    pick(
        lang,
        format!("{places}名称相同，出现了{times}次。建议合并重复的指标，或改用能区分的名称"),
        format!(
            "{places}: the same name {times} times. We suggest merging them or naming them apart"
        ),
    )
}

/// What it found: the earlier row whose name it repeats (counted from 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub first: usize,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.first)
    }

    /// One point for each name repeated: the rows of one name.
    fn kind(&self, _: Severity) -> String {
        self.first.to_string()
    }

    /// The row it repeats, and its own.
    fn places(&self, at: Location) -> Vec<Location> {
        vec![Location::Indicator(self.first, None), at]
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        request(lang, places, group.len() + 1)
    }
}

/// DUP-01: a row whose normalised name repeats an earlier row's.
fn check(form: &Form, flags: &mut Flags) {
    let decl = form.decl;
    // Sorted by (name, row), equal names sit together with the earliest
    // row first: n·log n, and no hashing of every name.
    let mut names: Vec<(std::borrow::Cow<str>, usize)> = decl
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_template_row())
        .filter_map(|(i, row)| Some((non_blank(&row.name).map(normalise)?, i)))
        .filter(|(n, _)| !n.is_empty())
        .collect();
    names.sort_unstable();
    for group in names.chunk_by(|a, b| a.0 == b.0) {
        let first = group[0].1;
        for &(_, i) in &group[1..] {
            let at = Location::Indicator(i, None);
            flags.push(Severity::Warning, at, Finding { first });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn dup01_flags_later_rows_with_the_same_normalised_name() {
        let mut decl = clean();
        decl.indicators.push(row(
            "产出指标",
            "数量指标",
            " 档案数字化页数。",
            "1页",
            "1页",
        ));
        decl.indicators
            .push(row("产出指标", "数量指标", "。", "1页", "1页"));
        decl.indicators
            .push(row("产出指标", "数量指标", "，", "1页", "1页"));
        let f = fired(&decl, Rule::Dup01);
        assert_eq!(f.len(), 1, "names that normalise to nothing never match");
        assert_eq!(f[0].location, Location::Indicator(6, None));
        assert_eq!(f[0].finding(), &Finding { first: 0 }.into());
    }
}
