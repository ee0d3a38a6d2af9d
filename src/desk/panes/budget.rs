//! 预算: the boxes, then the reconciliation — each sum against what it
//! must match, and whether its check ran.

use super::{Cell, CheckMark, Line, Style, flags_at, money};
use crate::amount::{format_difference, percent_of};
use crate::check::Checked;
use crate::i18n::{self, Lang};
use crate::model::{BudgetBox, Location};
use crate::rules::{BudgetCheck, Rule, Totals};
use rust_decimal::Decimal;

pub(super) fn lines(lang: Lang, c: &Checked) -> Vec<Line> {
    let all = &c.flags;
    let b = &c.declaration.budget;
    let mut out = vec![Line::new(
        Style::Heading,
        vec![Cell::from(i18n::budget_heading(lang))],
    )];
    for bx in BudgetBox::ALL {
        out.push(
            Line::new(
                Style::Row,
                vec![
                    i18n::budget_box_as_printed(lang, bx, b).into(),
                    money(bx.get(b)),
                ],
            )
            .at(Location::BudgetBox(bx), all),
        );
    }
    // The sums a reviewer redoes by hand, each against what it must match
    // in the relation the rule checks, with the difference; the flags of
    // the rule that compares them; under each, what it lacked (then it did
    // not run) or which blank boxes it read as 0.
    let d = &c.declaration;
    let t = Totals::of(d);
    let [spending, income, by_level, tasks] = i18n::reconciliation_labels(lang);
    out.push(Line::new(
        Style::Heading,
        i18n::reconciliation_columns(lang)
            .iter()
            .map(|s| s.to_string())
            .collect(),
    ));
    let diff = |a: Option<Decimal>, b: Option<Decimal>| {
        Cell::amount(match (a, b) {
            (Some(a), Some(b)) => a
                .checked_sub(b)
                .map_or_else(|| "—".into(), format_difference),
            _ => "—".into(),
        })
    };
    let share = match (t.key_tasks, t.project_and_development) {
        (Some(part), Some(whole)) => percent_of(part, whole).map(|p| format!("{p}%")),
        _ => None,
    };
    use BudgetBox::*;
    let checks = [
        Check {
            label: spending,
            value: t.spending,
            against: None,
            share: None,
            location: Location::Budget,
            rules: &[],
            inputs: &[SpecialFund, OtherDevelopment],
        },
        Check {
            label: income,
            value: t.income,
            against: t.spending,
            share: None,
            location: Location::Budget,
            rules: &[Rule::Fund01],
            inputs: &[OtherIncome],
        },
        Check {
            label: by_level,
            value: t.by_level,
            against: t.spending,
            share: None,
            location: Location::Budget,
            rules: &[Rule::Fund02],
            inputs: &[TransferToLower],
        },
        Check {
            label: tasks,
            value: t.key_tasks,
            against: t.project_and_development,
            share,
            location: Location::KeyTasks,
            rules: &[Rule::Fund04, Rule::Fund05, Rule::Fund06],
            inputs: &[],
        },
    ];
    for (n, c) in checks.into_iter().enumerate() {
        let compared = !c.rules.is_empty();
        let cells = vec![
            c.label.into(),
            money(c.value),
            if compared {
                money(c.against)
            } else {
                Cell::default()
            },
            if compared {
                diff(c.value, c.against)
            } else {
                Cell::default()
            },
            c.share.map(Cell::share).unwrap_or_default(),
        ];
        let mut line = Line::new(Style::Row, cells);
        line.location = Some(c.location);
        line.flags = flags_at(all, |l| l == c.location)
            .into_iter()
            .filter(|&i| c.rules.contains(&all[i].rule()))
            .collect();
        // A row runs when one of its rules ran (FUND-05 and FUND-06 compare
        // the tasks with project + development even where FUND-04 lacked
        // 基本支出); otherwise it lacked what every one of them lacked.
        let runs: Vec<BudgetCheck> = c.rules.iter().map(|r| BudgetCheck::of(d, *r)).collect();
        let ran = runs.iter().any(BudgetCheck::ran);
        if compared {
            line.check = Some(if ran {
                CheckMark::Passed
            } else {
                CheckMark::NotRun(i18n::not_checked(lang).into())
            });
        }
        out.push(line);
        let note = |text: String| {
            let mut l = Line::new(Style::Paragraph, vec![text]);
            l.location = Some(c.location);
            l
        };
        // What 支出合计 is made of, in words, under it.
        if n == 0 {
            out.push(note(i18n::spending_in_words(lang).into()));
        }
        if compared && !ran {
            let mut missing: Vec<Location> = runs.into_iter().flat_map(|r| r.missing).collect();
            missing.sort();
            missing.dedup();
            let names: Vec<String> = missing.iter().map(|l| place(lang, *l, b)).collect();
            out.push(note(i18n::check_not_run(lang, &names)));
        } else {
            let zero: Vec<String> = c
                .inputs
                .iter()
                .filter(|bx| t.read_as_zero.contains(bx))
                .map(|bx| i18n::budget_box_as_printed(lang, *bx, b))
                .collect();
            if !zero.is_empty() {
                out.push(note(i18n::read_as_zero(lang, &zero)));
            }
        }
    }
    out
}

/// A place a budget check lacked, in the form's words (the own-use box
/// under its printed label).
fn place(lang: Lang, at: Location, b: &crate::model::Budget) -> String {
    match at {
        Location::BudgetBox(bx) => i18n::budget_box_as_printed(lang, bx, b),
        other => i18n::location(lang, other),
    }
}

/// One sum of the reconciliation, what it must match, and the rules that
/// compare the two.
struct Check<'a> {
    label: &'a str,
    value: Option<Decimal>,
    against: Option<Decimal>,
    /// The value as a share of what it is compared with.
    share: Option<String>,
    location: Location,
    rules: &'static [Rule],
    /// The optional boxes the sum reads (as 0 when blank) that no sum
    /// above it read: each is said once, under the first sum that reads it.
    inputs: &'static [BudgetBox],
}
