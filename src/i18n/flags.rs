//! The words flags share: blanks (COMP-02/03/04, INFO), template rows, and
//! how amounts, differences and "and N more" are written. A rule's own
//! words are in its file (`rules/<section>/<id>.rs`, its `message`).
//! Texts from the file are quoted safe here.

use super::{Lang, Phrase, indicator_field, pick};
use crate::amount::{format_difference, format_wan};
use crate::model::IndicatorField;
use crate::sanitize::quote;
use rust_decimal::Decimal;

pub(crate) fn money(v: Decimal) -> String {
    format_wan(v)
}

/// `left − right`, or `—` where the difference cannot be held.
pub(crate) fn gap(left: Decimal, right: Decimal) -> String {
    left.checked_sub(right)
        .map_or_else(|| "—".to_string(), format_difference)
}

pub(crate) fn pct(v: Decimal) -> String {
    v.normalize().to_string()
}

// The budget (FUND).

// Completeness (COMP, INFO).

pub const NO_KEY_TASK: Phrase = Phrase::new("没有填报任何年度重点工作任务", "no key task at all");

/// A box left blank; `place` in the form's words.
pub fn blank(lang: Lang, place: &str) -> String {
    pick(lang, format!("{place}未填写"), format!("{place} is blank"))
}

/// An optional budget box left blank, which the sums read as 0.
pub fn blank_read_as_zero(lang: Lang, place: &str) -> String {
    pick(
        lang,
        format!("{place}未填写，按0计"),
        format!("{place} is blank; read as 0"),
    )
}

pub fn blank_cells(lang: Lang, cells: &[IndicatorField]) -> String {
    let names: Vec<&str> = cells.iter().map(|c| indicator_field(lang, *c)).collect();
    pick(
        lang,
        format!("{}未填写", names.join("、")),
        format!("blank: {}", names.join(", ")),
    )
}

pub fn template_row(lang: Lang, category: &str) -> String {
    pick(
        lang,
        format!("模板预留的“{}”指标行未填写指标", quote(category)),
        format!(
            "the template's line for “{}” has no indicator",
            quote(category)
        ),
    )
}

// The indicator tree (HIER, DUP, COUNT).

// Target values (QUANT, PERIOD, SAT, CLASS, REL).

// Safety and the folder (SAFE, XDUP).

/// The tail of a list cut at `shown`: "甲、乙等 N 个…", where N counts them
/// all, as Chinese lists do; "… and M more" in English. `{}` in each
/// pattern takes the number.
pub(crate) fn and_more(shown: usize, more: usize, zh: &str, en: &str) -> (String, String) {
    match more {
        0 => (String::new(), String::new()),
        n => (
            zh.replacen("{}", &shown.saturating_add(n).to_string(), 1),
            en.replacen("{}", &n.to_string(), 1),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_shown_in_wan_with_separators() {
        assert_eq!(money("6772.35".parse().unwrap()), "6,772.35");
        assert_eq!(
            gap("6772.35".parse().unwrap(), "6771.25".parse().unwrap()),
            "1.10"
        );
    }
}
