//! The 上年对比 pane: a declaration against its department's of last year
//! — the budget boxes side by side with the change, the key tasks by
//! name, every indicator row against the row of last year it is (and how
//! its target moved), then last year's rows that were dropped.

use super::{Cell, Line, Style, money, text};
use crate::amount::{format_difference, percent_of};
use crate::check::Checked;
use crate::i18n::{self, Lang, years as words};
use crate::model::{BudgetBox, Declaration, Location};
use crate::rules::years::{LastYear, Movement, Previous, compared, match_tasks, renamed};
use crate::rules::{Flag, Totals};
use crate::sanitize::cell;
use rust_decimal::Decimal;

/// The pane's lines: `last_year` is the folder named, if any.
pub fn lines(lang: Lang, checked: &Checked, last_year: Option<&LastYear>) -> Vec<Line> {
    let paragraph = |t: String| Line::new(Style::Paragraph, vec![t]);
    let (Some(folder), Some(previous)) = (last_year, checked.previous.as_ref()) else {
        return vec![paragraph(words::no_folder_named(lang))];
    };
    let (file, rows) = match previous {
        Previous::Found { file, rows } => (file, rows),
        other => return vec![paragraph(other.why_none(lang).unwrap_or_default())],
    };
    let Some(last) = folder.get(file) else {
        return vec![paragraph(words::no_previous(lang))];
    };
    let all = &checked.flags;
    let now = &checked.declaration;
    let mut out = vec![Line::new(
        Style::Heading,
        vec![words::previous_heading(
            lang,
            &crate::sanitize::display_line(file),
            &i18n::fiscal_year(lang, last.fiscal_year),
        )],
    )];
    out.extend(budget(lang, now, last, all));
    out.extend(tasks(lang, now, last, all));
    out.push(Line::new(
        Style::Heading,
        words::indicator_columns(lang).map(str::to_string).to_vec(),
    ));
    for (i, row) in now.indicators.iter().enumerate() {
        if row.is_template_row() {
            continue;
        }
        let was = rows.previous_of(i).and_then(|j| last.indicators.get(j));
        let name = format!("{} {}", i + 1, text(&row.name));
        let now_target = compared(row).map(cell).unwrap_or_default();
        let mut line = match was {
            Some(was) => Line::new(
                Style::Row,
                vec![
                    name.clone(),
                    compared(was).map(cell).unwrap_or_default(),
                    now_target,
                    moved(Movement::of(row, was)).get(lang).to_string(),
                ],
            ),
            None => Line::new(
                Style::Row,
                vec![
                    name.clone(),
                    "—".into(),
                    now_target,
                    words::new_row(lang).into(),
                ],
            ),
        };
        // Under the cursor: last year's name, where it was another.
        if let Some(old) = was.and_then(|w| renamed(row, w)) {
            let mut whole = line.cells.clone();
            whole[0] = words::was_named(lang, &name, &cell(old)).into();
            line.whole = Some(whole);
        }
        out.push(line.at(Location::Indicator(i, None), all));
    }
    if !rows.dropped.is_empty() {
        out.push(Line::new(
            Style::Heading,
            vec![words::dropped_heading(lang).to_string()],
        ));
        // YOY-02's flags go with these rows, not the table's others.
        let yoy02: Vec<usize> = (0..all.len())
            .filter(|&i| all[i].rule() == crate::rules::Rule::Yoy02)
            .collect();
        for &j in &rows.dropped {
            let Some(was) = last.indicators.get(j) else {
                continue;
            };
            let mut line = Line::new(
                Style::Row,
                vec![
                    words::last_years_row(lang, j + 1, &text(&was.name)),
                    compared(was).map(cell).unwrap_or_default(),
                    "—".into(),
                    words::dropped_row(lang).into(),
                ],
            );
            line.location = Some(Location::Indicators);
            line.flags = yoy02.clone();
            out.push(line);
        }
    }
    out
}

fn moved(m: Movement) -> crate::i18n::Phrase {
    match m {
        Movement::Harder => words::MOVED_UP,
        Movement::Easier => words::MOVED_DOWN,
        Movement::Same => words::MOVED_SAME,
        Movement::Other => words::MOVED_OTHERWISE,
    }
}

/// `+20.10`: a change as a reader reads it, its sign always shown.
fn change(now: Option<Decimal>, before: Option<Decimal>) -> [Cell; 2] {
    let none = || [Cell::amount("—".into()), Cell::default()];
    let (Some(n), Some(b)) = (now, before) else {
        return none();
    };
    let Some(d) = n.checked_sub(b) else {
        return none();
    };
    let sign = if d > Decimal::ZERO { "+" } else { "" };
    let pct = percent_of(d, b).map_or_else(String::new, |p| {
        let sign = if p > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{p}%")
    });
    [
        Cell::amount(format!("{sign}{}", format_difference(d))),
        Cell::share(pct),
    ]
}

fn budget(lang: Lang, now: &Declaration, last: &Declaration, all: &[Flag]) -> Vec<Line> {
    let mut out = vec![Line::new(
        Style::Heading,
        words::budget_columns(lang).map(str::to_string).to_vec(),
    )];
    let row = |label: String, n: Option<Decimal>, b: Option<Decimal>| {
        let [amount, pct] = change(n, b);
        Line::new(
            Style::Row,
            vec![label.into(), money(b), money(n), amount, pct],
        )
    };
    for bx in BudgetBox::ALL {
        let label = i18n::budget_box_as_printed(lang, bx, &now.budget);
        let line = row(label, bx.get(&now.budget), bx.get(&last.budget));
        out.push(line.at(Location::BudgetBox(bx), all));
    }
    let [spending, ..] = i18n::reconciliation_labels(lang);
    let total = row(
        spending.to_string(),
        Totals::of(now).spending,
        Totals::of(last).spending,
    );
    out.push(total.at(Location::Budget, all));
    out
}

fn tasks(lang: Lang, now: &Declaration, last: &Declaration, all: &[Flag]) -> Vec<Line> {
    let mut out = vec![Line::new(
        Style::Heading,
        words::task_columns(lang).map(str::to_string).to_vec(),
    )];
    let matched = match_tasks(&now.key_tasks, &last.key_tasks);
    for (i, task) in now.key_tasks.iter().enumerate() {
        let line = match matched[i].and_then(|j| last.key_tasks.get(j)) {
            Some(was) => {
                let [amount, pct] = change(task.funds, was.funds);
                Line::new(
                    Style::Row,
                    vec![
                        text(&task.name).into(),
                        money(was.funds),
                        money(task.funds),
                        amount,
                        pct,
                    ],
                )
            }
            None => Line::new(
                Style::Row,
                vec![
                    text(&task.name).into(),
                    Cell::amount("—".into()),
                    money(task.funds),
                    Cell::mark(words::new_row(lang).into()),
                    Cell::default(),
                ],
            ),
        };
        out.push(line.at(Location::KeyTask(i, None), all));
    }
    for (_, task) in last
        .key_tasks
        .iter()
        .enumerate()
        .filter(|(j, _)| !matched.contains(&Some(*j)))
    {
        out.push(Line::new(
            Style::Row,
            vec![
                text(&task.name).into(),
                money(task.funds),
                Cell::amount("—".into()),
                Cell::mark(words::dropped_task(lang).into()),
                Cell::default(),
            ],
        ));
    }
    out
}
