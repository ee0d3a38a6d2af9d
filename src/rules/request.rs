//! What a flag asks of the department, for the 审核意见: which flags make
//! one point (one rule, one kind of finding), what that point says with
//! what to change, and what it rests on. A rule whose 依据 is a document
//! is a requirement and cites it; a rule of this tool's own practice is
//! advice (`建议…`) and names no threshold as a standard.
//!
//! The notice (`review::notice`) words the places; the words of each
//! point are spelled in the rule's own file (its `request`), and what
//! points share in `i18n::requests`.

use super::{Finding, Flag, Rule, Totals, budget, completeness, folder, tree, values, years};
use crate::i18n::{Lang, Phrase, requests as words};
use crate::model::{BudgetBox, Declaration, Location};
use crate::text::level_name;
use rust_decimal::Decimal;

/// What a point rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// A document requires it: the point is a requirement (`请…`) and
    /// cites it briefly.
    Document(Phrase),
    /// This tool's practice: the point is advice (`建议…`).
    Practice,
}

/// The ground of each rule's point. A rule the catalogue rests on a
/// document alone is a requirement; one resting on this tool's judgement
/// (its threshold, or the whole rule) is advice. Tested against the
/// catalogue's bases.
pub fn ground(rule: Rule) -> Ground {
    use Rule::*;
    match rule {
        Comp01 | Comp02 | Comp03 | Comp04 | Info03 => Ground::Document(words::DOC_88),
        Hier01 => Ground::Document(words::DOC_88),
        Hier02 => Ground::Document(words::DOC_34),
        // Is the target in keeping with the money: 88号's 适当性审核.
        Yoy01 => Ground::Document(words::DOC_88),
        // Not quantified, vague or a placeholder: 285号 asks for targets
        // quantified where they can be, graded where they cannot.
        Hier03 | Quant01 | Quant02 | Quant03 => Ground::Document(words::DOC_285),
        Fund01 | Fund02 | Fund03 | Fund04 | Fund05 | Fund06 | Fund07 | Comp05 | Info01 | Info02
        | Info04 | Hier04 | Dup01 | Count01 | Quant04 | Quant05 | Period01 | Sat02 | Sat03
        | Class01 | Rel01 | Cost01 | Safe01 | Xdup01 | Xdup02 | Yoy02 | Yoy03 => Ground::Practice,
    }
}

impl Flag {
    /// The kind of finding within its rule: flags of one rule and one
    /// kind are one problem, and make one point of the notice.
    pub fn kind(&self) -> String {
        match &self.finding {
            Finding::Tree(tree::Finding::Hier01 { level1, level2 }) => {
                format!("{}\u{1f}{}", level1.trim(), level2.trim())
            }
            Finding::Tree(tree::Finding::Dup01 { first }) => first.to_string(),
            Finding::Completeness(completeness::Finding::Comp04 { read_as_zero, .. }) => {
                format!("{read_as_zero}{}", self.severity.as_str())
            }
            Finding::Completeness(completeness::Finding::NoKeyTask) => "none".into(),
            Finding::Values(values::Finding::Quant05 { over_100, .. }) => over_100.to_string(),
            Finding::Values(values::Finding::Sat02 { floor, .. }) => floor.normalize().to_string(),
            _ => String::new(),
        }
    }

    /// The places a point about this flag names: its own, and for a
    /// repeated name the row it repeats.
    pub fn places(&self) -> Vec<Location> {
        match &self.finding {
            Finding::Tree(tree::Finding::Dup01 { first }) => {
                vec![Location::Indicator(*first, None), self.location]
            }
            _ => vec![self.location],
        }
    }
}

/// The point about `group` (flags of one rule and one kind, in form
/// order), its places already worded as `places`: what is wrong, what to
/// change, and the document it rests on.
pub fn point(lang: Lang, group: &[&Flag], places: &str, decl: &Declaration) -> String {
    let Some(first) = group.first() else {
        return String::new();
    };
    let mut text = what_and_ask(lang, group, first, places, decl);
    // An English sentence begins with a capital, whatever place begins it.
    if let Some(c) = text.chars().next().filter(char::is_ascii_lowercase) {
        text.replace_range(..1, &c.to_ascii_uppercase().to_string());
    }
    let end = crate::i18n::pick(lang, "。", ".");
    match ground(first.rule()) {
        Ground::Document(doc) => format!("{text}{end}{}", words::cited(lang, doc)),
        Ground::Practice => format!("{text}{end}"),
    }
}

/// Each flag's value the point quotes, once each, in order.
fn distinct(group: &[&Flag], value: impl Fn(&Finding) -> Option<String>) -> Vec<String> {
    crate::text::once_each(group.iter().filter_map(|f| value(&f.finding)))
}

fn target_of(f: &Finding) -> Option<String> {
    match f {
        Finding::Values(
            values::Finding::Quant01 { target }
            | values::Finding::Quant02 { target, .. }
            | values::Finding::Quant03 { target }
            | values::Finding::Quant04 { target, .. }
            | values::Finding::Quant05 { target, .. }
            | values::Finding::Cost01 { target },
        ) => Some(target.clone()),
        _ => None,
    }
}

fn what_and_ask(
    lang: Lang,
    group: &[&Flag],
    first: &Flag,
    places: &str,
    decl: &Declaration,
) -> String {
    let targets = || words::values(lang, &distinct(group, target_of));
    let sep = words::list_separator(lang);
    match &first.finding {
        Finding::Budget(b) => budget_point(lang, b, places),
        Finding::Completeness(c) => match c {
            completeness::Finding::Comp01 => super::completeness::comp_01::request(lang),
            completeness::Finding::NoKeyTask => words::no_key_task(lang),
            completeness::Finding::Comp02 | completeness::Finding::Comp03 { .. } => {
                words::blank_cells(lang, places, &blank_fields(lang, group))
            }
            completeness::Finding::Comp04 {
                read_as_zero: true, ..
            } => words::blank_read_as_zero(lang, places),
            completeness::Finding::Comp04 { .. } => {
                let should_be = match group {
                    [only] => reconciling(decl, only.location),
                    _ => None,
                };
                words::blank_box(lang, places, should_be)
            }
            completeness::Finding::Comp05 { .. } => {
                let categories = distinct(group, |f| match f {
                    Finding::Completeness(completeness::Finding::Comp05 { category }) => {
                        Some(category.clone())
                    }
                    _ => None,
                });
                super::completeness::comp_05::request(
                    lang,
                    places,
                    &words::values(lang, &categories),
                )
            }
            completeness::Finding::Info01
            | completeness::Finding::Info02
            | completeness::Finding::Info04 => {
                words::info_blank(lang, &crate::i18n::location(lang, first.location))
            }
            completeness::Finding::Info03 => super::completeness::info_03::request(lang),
        },
        Finding::Tree(t) => match t {
            tree::Finding::Hier01 { level1, level2 } => hier01(lang, places, level1, level2),
            tree::Finding::Hier02 { .. } => {
                let missing = distinct(group, |f| match f {
                    Finding::Tree(tree::Finding::Hier02 { level1 }) => Some(level1.to_string()),
                    _ => None,
                });
                super::tree::hier_02::request(lang, &missing)
            }
            tree::Finding::Hier03 { .. } => {
                let missing = distinct(group, |f| match f {
                    Finding::Tree(tree::Finding::Hier03 { level2 }) => Some(level2.to_string()),
                    _ => None,
                });
                super::tree::hier_03::request(lang, &missing)
            }
            tree::Finding::Hier04 => super::tree::hier_04::request(lang),
            tree::Finding::Dup01 { .. } => {
                super::tree::dup_01::request(lang, places, group.len() + 1)
            }
            tree::Finding::Count01 { rows, max } => {
                super::tree::count_01::request(lang, *rows, *max)
            }
        },
        Finding::Values(v) => match v {
            values::Finding::Quant01 { .. } => {
                super::values::quant_01::request(lang, places, &targets())
            }
            values::Finding::Quant02 { .. } => {
                let said = distinct(group, |f| match f {
                    Finding::Values(values::Finding::Quant02 { word, .. }) => Some(word.clone()),
                    _ => None,
                });
                super::values::quant_02::request(
                    lang,
                    places,
                    &targets(),
                    &words::values(lang, &said),
                )
            }
            values::Finding::Quant03 { .. } => {
                super::values::quant_03::request(lang, places, &targets())
            }
            values::Finding::Quant04 { .. } => {
                super::values::quant_04::request(lang, places, &targets())
            }
            values::Finding::Quant05 { over_100: true, .. } => {
                super::values::quant_05::request_over_100(lang, places, &targets())
            }
            values::Finding::Quant05 { .. } => {
                super::values::quant_05::request_no_percent(lang, places, &targets())
            }
            values::Finding::Period01 { .. } => {
                let pairs = distinct(group, |f| match f {
                    Finding::Values(values::Finding::Period01 {
                        annual,
                        period,
                        unit,
                    }) => Some(super::values::period_01::request_pair(
                        lang,
                        &crate::sanitize::quote(annual),
                        &crate::sanitize::quote(period),
                        &crate::sanitize::quote(unit),
                    )),
                    _ => None,
                });
                super::values::period_01::request(lang, places, &pairs.join(sep))
            }
            values::Finding::Sat02 { floor, .. } => {
                let lowest = distinct(group, |f| match f {
                    Finding::Values(values::Finding::Sat02 { lowest, .. }) => {
                        Some(format!("{}%", lowest.normalize()))
                    }
                    _ => None,
                });
                super::values::sat_02::request(lang, places, &lowest.join(sep), *floor)
            }
            values::Finding::Sat03 => super::values::sat_03::request(lang, places),
            values::Finding::Class01 => super::values::class_01::request(lang, places),
            values::Finding::Rel01 => super::values::rel_01::request(lang),
            values::Finding::Cost01 { .. } => {
                super::values::cost_01::request(lang, places, &targets())
            }
        },
        Finding::Safety(_) => super::safety::safe_01::request(lang, places),
        Finding::Folder(folder::Finding::Xdup01 { .. }) => super::folder::xdup_01::request(lang),
        Finding::Folder(folder::Finding::Xdup02 { .. }) => super::folder::xdup_02::request(lang),
        Finding::Years(y) => match y {
            years::Finding::Yoy01 { .. } => {
                // Each pair names its row: the places may name only the
                // first two of many.
                let pairs = crate::text::once_each(group.iter().filter_map(|f| {
                    let Finding::Years(years::Finding::Yoy01 { before, now, .. }) = &f.finding
                    else {
                        return None;
                    };
                    let name = match f.location {
                        Location::Indicator(i, _) => decl.indicators.get(i),
                        _ => None,
                    }
                    .and_then(|r| crate::text::non_blank(&r.name))
                    .unwrap_or("");
                    Some(super::years::yoy_01::request_pair(
                        lang,
                        name.trim(),
                        before,
                        now,
                    ))
                }));
                super::years::yoy_01::request(
                    lang,
                    places,
                    &pairs.join(words::clause_separator(lang)),
                )
            }
            years::Finding::Yoy02 { shown, more } => super::years::yoy_02::request(
                lang,
                &words::values(lang, shown),
                shown.len() + more,
                *more > 0,
            ),
            years::Finding::Yoy03 { .. } => super::years::yoy_03::request(lang),
        },
    }
}

fn budget_point(lang: Lang, b: &budget::Finding, places: &str) -> String {
    let gap = |a: Decimal, b: Decimal| {
        a.checked_sub(b)
            .map_or_else(|| "—".to_string(), crate::amount::format_difference)
    };
    match *b {
        budget::Finding::Fund01 { spending, income } => {
            super::budget::fund_01::request(lang, spending, income, &gap(spending, income))
        }
        budget::Finding::Fund02 { spending, by_level } => {
            super::budget::fund_02::request(lang, spending, by_level, &gap(spending, by_level))
        }
        budget::Finding::Fund03 { .. } => super::budget::fund_03::request(lang, places),
        budget::Finding::Fund04 { tasks, spending } => {
            super::budget::fund_04::request(lang, tasks, spending)
        }
        budget::Finding::Fund05 { tasks, base } => {
            super::budget::fund_05::request(lang, tasks, base)
        }
        budget::Finding::Fund06 { tasks, base, .. } => {
            let share = crate::amount::percent_of(tasks, base)
                .map_or_else(|| "—".to_string(), |p| format!("{}%", p.round_dp(1)));
            super::budget::fund_06::request(lang, tasks, base, &share)
        }
        budget::Finding::Fund07 => super::budget::fund_07::request(lang, places),
    }
}

/// The cells left blank at the group's places: COMP-02 names them in its
/// places, COMP-03 in its finding.
fn blank_fields(lang: Lang, group: &[&Flag]) -> String {
    let names = group.iter().flat_map(|f| match (&f.finding, f.location) {
        (Finding::Completeness(completeness::Finding::Comp03 { blank }), _) => blank
            .iter()
            .map(|b| crate::i18n::indicator_field(lang, *b))
            .collect(),
        (_, Location::KeyTask(_, Some(field))) => vec![crate::i18n::task_field(lang, field)],
        _ => Vec::new(),
    });
    crate::text::once_each(names).join(words::list_separator(lang))
}

/// HIER-01 with what to change: the 二级 the department meant where one
/// valid name holds, or is held in, what it typed (`服务对象`
/// → 服务对象满意度指标); else the 二级 its 一级 takes; else the 一级s.
fn hier01(lang: Lang, places: &str, level1: &str, level2: &str) -> String {
    let typed = (Some(level1.to_string()), Some(level2.to_string()));
    let (l1, l2) = (level_name(&typed.0), level_name(&typed.1));
    let Some(valid) = l1.and_then(|l1| tree::TREE.iter().find(|(a, _)| *a == l1)) else {
        return super::tree::hier_01::request_level1(lang, places, level1);
    };
    // A 二级 of another 一级 (社会效益指标 under 产出指标): either may be wrong.
    let another = l2.and_then(|typed| {
        tree::TREE
            .iter()
            .find(|(a, bs)| *a != valid.0 && bs.contains(&typed))
            .map(|(a, _)| *a)
    });
    let meant: Vec<&&str> = match l2 {
        Some(typed) => valid
            .1
            .iter()
            .filter(|v| v.contains(typed) || typed.contains(**v))
            .collect(),
        None => Vec::new(),
    };
    match meant.as_slice() {
        [one] => {
            super::tree::hier_01::request_to(lang, places, level1, level2, &format!("{one}指标"))
        }
        _ => super::tree::hier_01::request_one_of(lang, places, (level1, level2), *valid, another),
    }
}

/// What a blank box must hold for the form to reconcile, where the rest
/// of it says so: own use is the spending total less the transfers, when
/// income agrees with spending; 财政拨款 is spending less other income,
/// when the totals by level agree with spending.
fn reconciling(decl: &Declaration, at: Location) -> Option<Decimal> {
    let Location::BudgetBox(b) = at else {
        return None;
    };
    let totals = Totals::of(decl);
    let spending = totals.spending?;
    let read = |x: BudgetBox| match x.get(&decl.budget) {
        Some(v) => Some(v),
        None if budget::BoxKind::of(x) == budget::BoxKind::Optional => Some(Decimal::ZERO),
        None => None,
    };
    let v = match b {
        BudgetBox::OwnUse if totals.income == Some(spending) => {
            spending.checked_sub(read(BudgetBox::TransferToLower)?)?
        }
        BudgetBox::FiscalAppropriation if totals.by_level == Some(spending) => {
            spending.checked_sub(read(BudgetBox::OtherIncome)?)?
        }
        _ => return None,
    };
    (v >= Decimal::ZERO).then_some(v)
}

#[cfg(test)]
mod tests;
