//! The 修改情况 pane: a resubmission against what was sent back. Each
//! point of the notice sent with what became of it (已修改 / 未修改 /
//! 问题仍在), then everything else the department changed.

use super::{Line, Style, money};
use crate::check::Checked;
use crate::i18n::{self, Lang, revision as words};
use crate::model::Location;
use crate::review::Review;
use crate::review::revision::{self, Change, Status};
use crate::sanitize::{cell, display_line};

fn status(s: Status) -> i18n::Phrase {
    match s {
        Status::Fixed => words::FIXED,
        Status::Untouched => words::UNTOUCHED,
        Status::StillFlagged => words::STILL_FLAGGED,
        Status::Unplaced => words::UNPLACED,
    }
}

pub fn lines(
    lang: Lang,
    checked: &Checked,
    review: &Review,
    zone: &jiff::tz::TimeZone,
) -> Vec<Line> {
    let paragraph = |t: String| Line::new(Style::Paragraph, vec![t]);
    let Some(rev) = revision::of(review, checked) else {
        let why = match review.returned.last() {
            None => words::never_returned(lang),
            Some(_) => words::not_resubmitted(lang),
        };
        return vec![paragraph(why.to_string())];
    };
    let at = crate::clock::shown(&rev.at, zone);
    let mut out = vec![Line::new(
        Style::Heading,
        vec![words::heading(
            lang,
            &at,
            &display_line(&rev.reviewer),
            rev.points.len(),
        )],
    )];
    if !rev.kept {
        out.push(paragraph(words::not_kept(lang).to_string()));
    }
    for p in &rev.points {
        out.push(Line::new(
            Style::Row,
            vec![
                words::point_status(lang, p.n, status(p.status).get(lang)),
                p.text.clone(),
            ],
        ));
    }
    if rev.changes.is_empty() {
        return out;
    }
    out.push(Line::new(
        Style::Heading,
        vec![words::other_changes(lang).to_string()],
    ));
    let now = &checked.declaration;
    let arrow = |a: String, b: String| format!("{a} → {b}");
    for c in &rev.changes {
        let (what, place, detail, loc) = match c {
            Change::Box { b, before, after } => (
                words::BUDGET,
                i18n::budget_box_as_printed(lang, *b, &now.budget),
                arrow(money(*before).text, money(*after).text),
                Some(Location::BudgetBox(*b)),
            ),
            Change::Goal => (
                words::GOAL,
                String::new(),
                words::CHANGED.get(lang).to_string(),
                Some(Location::OverallGoal),
            ),
            Change::TaskAdded(name) => {
                (words::TASK, cell(name), words::ADDED.get(lang).into(), None)
            }
            Change::TaskRemoved(name) => (
                words::TASK,
                cell(name),
                words::REMOVED.get(lang).into(),
                None,
            ),
            Change::TaskFunds {
                name,
                before,
                after,
            } => (
                words::TASK,
                cell(name),
                arrow(money(*before).text, money(*after).text),
                None,
            ),
            Change::RowAdded { row, name } => (
                words::ROW,
                words::row(lang, row + 1, &cell(name)),
                words::ADDED.get(lang).into(),
                Some(Location::Indicator(*row, None)),
            ),
            Change::RowRemoved { row, name } => (
                words::ROW,
                words::earlier_row(lang, row + 1, &cell(name)),
                words::REMOVED.get(lang).into(),
                None,
            ),
            Change::Target {
                row,
                name,
                before,
                after,
            } => (
                words::ROW,
                words::row(lang, row + 1, &cell(name)),
                arrow(format!("“{}”", cell(before)), format!("“{}”", cell(after))),
                Some(Location::Indicator(*row, None)),
            ),
        };
        // A sentence, not a row of columns: the points above keep theirs.
        let mut line = Line::new(
            Style::Paragraph,
            vec![words::change(lang, what.get(lang), &place, &detail)],
        );
        line.location = loc;
        out.push(line);
    }
    out
}
