//! 修改情况: a resubmitted declaration held against what was sent back.
//! Each point of the notice sent, and whether the department changed the
//! place it names and whether the same problem is still flagged there;
//! then everything else that changed between the two versions.
//!
//! The version sent back is kept in the journal (a `returned` record, see
//! docs/review-journal.md); it is read with the format's own loader, so a
//! journal written by hand is held to the format's bounds like any file.
//!
//! Both versions come from outside (the file, a colleague's journal): no
//! index or slice here may panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use super::record::SentPoint;
use super::state::{Returned, Review};
use crate::check::Checked;
use crate::model::{BudgetBox, Declaration, Location};
use crate::rules::years::{Matching, compared, match_tasks};
use crate::rules::{Flag, Rule};
use rust_decimal::Decimal;

/// What became of one point of the notice sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The place it names changed and the problem is no longer flagged.
    Fixed,
    /// The place it names is as it was.
    Untouched,
    /// The place changed, but the same problem is flagged there still.
    StillFlagged,
    /// It names no place (a comment on the whole, a reviewer's own
    /// point), or the version sent back was not kept: a reviewer reads it.
    Unplaced,
}

impl Status {
    /// Not what was asked: the next notice names it.
    pub fn unanswered(self) -> bool {
        matches!(self, Status::Untouched | Status::StillFlagged)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fixed => "fixed",
            Status::Untouched => "untouched",
            Status::StillFlagged => "still_flagged",
            Status::Unplaced => "unplaced",
        }
    }
}

/// A point of the notice sent, numbered from 1 as it was printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointCheck {
    pub n: usize,
    pub text: String,
    pub status: Status,
}

/// Something else the department changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Box {
        b: BudgetBox,
        before: Option<Decimal>,
        after: Option<Decimal>,
    },
    Goal,
    TaskAdded(String),
    TaskRemoved(String),
    TaskFunds {
        name: String,
        before: Option<Decimal>,
        after: Option<Decimal>,
    },
    /// A row of this version (its index) that the version sent back lacked.
    RowAdded {
        row: usize,
        name: String,
    },
    /// A row of the version sent back (its index) that this one lacks.
    RowRemoved {
        row: usize,
        name: String,
    },
    /// A row whose target changed (this version's index).
    Target {
        row: usize,
        name: String,
        before: String,
        after: String,
    },
}

/// The resubmission against the version sent back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// When it was sent back, and by whom.
    pub at: String,
    pub reviewer: String,
    /// The version sent back was kept (else only the points are known).
    pub kept: bool,
    pub points: Vec<PointCheck>,
    pub changes: Vec<Change>,
}

impl Revision {
    /// The numbers of the points not answered, in order.
    pub fn unanswered(&self) -> Vec<usize> {
        self.points
            .iter()
            .filter(|p| p.status.unanswered())
            .map(|p| p.n)
            .collect()
    }
}

/// The points of a notice as sent, for the journal: each with its first
/// paragraph and the places it names.
pub fn sent_points(notice: &super::notice::Notice) -> Vec<SentPoint> {
    notice
        .sections
        .iter()
        .flat_map(|s| s.points.iter())
        .filter(|p| p.wording != super::notice::Wording::Dropped)
        .map(|p| SentPoint {
            key: p.key.clone(),
            text: p.paragraphs.first().cloned().unwrap_or_default(),
            places: p.places.iter().map(|l| l.to_string()).collect(),
        })
        .collect()
}

/// The declaration sent back, read as a file of the format is.
fn sent_back(r: &Returned) -> Option<Declaration> {
    crate::load::parse(r.declaration.as_ref()?.text().as_bytes()).ok()
}

/// The resubmission `now` against the last version sent back, when the
/// review holds one and this is another version.
pub fn of(review: &Review, now: &Checked) -> Option<Revision> {
    let returned = review.answered()?;
    let standing: Vec<&Flag> = review.standing_flags(&now.flags).collect();
    let Some(before) = sent_back(returned) else {
        let points = numbered(&returned.points, |_| Status::Unplaced);
        return Some(Revision {
            at: returned.at.clone(),
            reviewer: returned.reviewer.clone(),
            kept: false,
            points,
            changes: Vec::new(),
        });
    };
    let after = &now.declaration;
    let rows = Matching::of(&after.indicators, &before.indicators);
    let map = Map::new(&before, after, &rows);
    let points = numbered(&returned.points, |p| {
        status(p, &before, after, &map, &standing)
    });
    Some(Revision {
        at: returned.at.clone(),
        reviewer: returned.reviewer.clone(),
        kept: true,
        points,
        changes: changes(&before, after, &rows, &map),
    })
}

fn numbered(points: &[SentPoint], status: impl Fn(&SentPoint) -> Status) -> Vec<PointCheck> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| PointCheck {
            n: i + 1,
            text: p.text.clone(),
            status: status(p),
        })
        .collect()
}

/// Where the places of the version sent back are in this one.
struct Map {
    /// Row of the version sent back → row of this one.
    rows: Vec<Option<usize>>,
    /// Task of the version sent back → task of this one (by name).
    tasks: Vec<Option<usize>>,
}

impl Map {
    fn new(before: &Declaration, after: &Declaration, rows: &Matching) -> Map {
        let mut back = vec![None; before.indicators.len()];
        for (i, m) in rows.rows.iter().enumerate() {
            if let Some((j, _)) = m
                && let Some(slot) = back.get_mut(*j)
            {
                *slot = Some(i);
            }
        }
        let mut tasks = vec![None; before.key_tasks.len()];
        let matched = match_tasks(&after.key_tasks, &before.key_tasks);
        for (i, j) in matched.into_iter().enumerate() {
            if let Some(slot) = j.and_then(|j| tasks.get_mut(j)) {
                *slot = Some(i);
            }
        }
        Map { rows: back, tasks }
    }

    /// The place in this version of a place of the version sent back;
    /// `None` when its row or task is gone.
    fn place(&self, at: Location) -> Option<Location> {
        match at {
            Location::Indicator(j, f) => {
                Some(Location::Indicator(self.rows.get(j).copied().flatten()?, f))
            }
            Location::KeyTask(j, f) => {
                Some(Location::KeyTask(self.tasks.get(j).copied().flatten()?, f))
            }
            other => Some(other),
        }
    }
}

/// What a place holds, for telling whether it changed.
fn value_at(d: &Declaration, at: Location) -> String {
    match at {
        Location::FiscalYear => format!("{:?}", d.fiscal_year),
        Location::Region => format!("{:?}", d.region),
        Location::Department(_) => format!("{:?}", d.department),
        Location::Budget => format!("{:?}", d.budget),
        Location::BudgetBox(b) => format!("{:?}", b.get(&d.budget)),
        Location::OwnUseLabel => format!("{:?}", d.budget.by_level.own_use_label),
        Location::OverallGoal => format!("{:?}", d.overall_goal),
        Location::KeyTasks => format!("{:?}", d.key_tasks),
        Location::KeyTask(i, _) => format!("{:?}", d.key_tasks.get(i)),
        Location::OtherTasks => format!("{:?}", d.other_tasks),
        Location::Indicators => format!("{:?}", d.indicators),
        Location::Indicator(i, _) => format!("{:?}", d.indicators.get(i)),
    }
}

/// The rule and kind a point was made of (`4/HIER-01/…`), if a rule's.
fn rule_of(key: &str) -> Option<(Rule, &str)> {
    let mut parts = key.splitn(3, '/');
    let _section = parts.next()?;
    let rule = Rule::from_id(parts.next()?)?;
    Some((rule, parts.next().unwrap_or("")))
}

fn status(
    p: &SentPoint,
    before: &Declaration,
    after: &Declaration,
    map: &Map,
    standing: &[&Flag],
) -> Status {
    let places: Vec<Location> = p.places.iter().filter_map(|s| Location::parse(s)).collect();
    if places.is_empty() {
        return Status::Unplaced;
    }
    let now: Vec<Option<Location>> = places.iter().map(|&l| map.place(l)).collect();
    let changed = places.iter().zip(&now).any(|(&was, is)| match is {
        Some(is) => value_at(before, was) != value_at(after, *is),
        None => true,
    });
    if !changed {
        return Status::Untouched;
    }
    let flagged = rule_of(&p.key).is_some_and(|(rule, kind)| {
        standing.iter().any(|f| {
            f.rule() == rule
                && f.kind() == kind
                && now
                    .iter()
                    .flatten()
                    .any(|&l| row_of(f.location) == row_of(l))
        })
    });
    if flagged {
        Status::StillFlagged
    } else {
        Status::Fixed
    }
}

/// The row a place is on: a flag on a row's cell is on the row.
fn row_of(at: Location) -> Location {
    match at {
        Location::Indicator(i, _) => Location::Indicator(i, None),
        Location::KeyTask(i, _) => Location::KeyTask(i, None),
        other => other,
    }
}

fn changes(before: &Declaration, after: &Declaration, rows: &Matching, map: &Map) -> Vec<Change> {
    let mut out = Vec::new();
    for b in BudgetBox::ALL {
        let (was, is) = (b.get(&before.budget), b.get(&after.budget));
        if was != is {
            out.push(Change::Box {
                b,
                before: was,
                after: is,
            });
        }
    }
    if before.overall_goal != after.overall_goal {
        out.push(Change::Goal);
    }
    let name = |t: &Option<String>| t.clone().unwrap_or_default();
    for (found, was) in map.tasks.iter().zip(&before.key_tasks) {
        match found.and_then(|i| after.key_tasks.get(i)) {
            None => out.push(Change::TaskRemoved(name(&was.name))),
            Some(is) if is.funds != was.funds => out.push(Change::TaskFunds {
                name: name(&is.name),
                before: was.funds,
                after: is.funds,
            }),
            Some(_) => {}
        }
    }
    for (i, t) in after.key_tasks.iter().enumerate() {
        if !map.tasks.contains(&Some(i)) {
            out.push(Change::TaskAdded(name(&t.name)));
        }
    }
    for &j in &rows.dropped {
        let was = before.indicators.get(j).and_then(|r| r.name.clone());
        out.push(Change::RowRemoved {
            row: j,
            name: was.unwrap_or_default(),
        });
    }
    for (i, row) in after.indicators.iter().enumerate() {
        if row.is_template_row() {
            continue;
        }
        match rows.previous_of(i).and_then(|j| before.indicators.get(j)) {
            None => out.push(Change::RowAdded {
                row: i,
                name: name(&row.name),
            }),
            Some(was) => {
                let (b, a) = (compared(was), compared(row));
                if b != a {
                    out.push(Change::Target {
                        row: i,
                        name: name(&row.name),
                        before: b.unwrap_or("").to_string(),
                        after: a.unwrap_or("").to_string(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
