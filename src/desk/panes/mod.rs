//! What each pane of a declaration shows, as lines: display-ready cells
//! (already sanitised), the place in the declaration each line stands for,
//! and the flags on it. The terminal layer draws these; the cursor, `n`/`N`
//! and "jump to the flag's place" work on them, so they are tested here.
//! Each pane is one file: `overview`, `budget`, `tasks`, `indicators`,
//! `problems`, `review`, `last_year`, `revision`; here are the lines they
//! are made of and what the cursor shows more (`detail`).

mod budget;
mod indicators;
pub mod last_year;
mod overview;
mod problems;
mod review;
pub mod revision;
mod tasks;

pub use indicators::indicator_groups;
pub use review::review_lines;

use crate::amount::format_wan;
use crate::check::Checked;
use crate::i18n::{self, Lang};
use crate::model::Location;
use crate::rules::{Flag, Severity};
use crate::sanitize::display;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// The panes of a declaration, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Overview,
    Budget,
    Tasks,
    Indicators,
    Problems,
    /// 审核意见: the reviewers' comments on the declaration.
    Review,
    /// 上年对比: against the department's declaration of last year.
    LastYear,
    /// 修改情况: a resubmission against what was sent back.
    Revision,
}

/// How many panes a declaration has (the number keys go to 1–8).
pub const PANES: usize = 8;

impl Pane {
    pub const ALL: [Pane; PANES] = [
        Pane::Overview,
        Pane::Budget,
        Pane::Tasks,
        Pane::Indicators,
        Pane::Problems,
        Pane::Review,
        Pane::LastYear,
        Pane::Revision,
    ];

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The pane's title on its tab.
    pub fn label(self) -> crate::i18n::Phrase {
        use crate::i18n as words;
        match self {
            Pane::Overview => words::PANE_OVERVIEW,
            Pane::Budget => words::PANE_BUDGET,
            Pane::Tasks => words::PANE_TASKS,
            Pane::Indicators => words::PANE_INDICATORS,
            Pane::Problems => words::PANE_PROBLEMS,
            Pane::Review => words::PANE_REVIEW,
            Pane::LastYear => words::PANE_LAST_YEAR,
            Pane::Revision => words::PANE_REVISION,
        }
    }

    /// Which pane shows a place.
    pub fn showing(loc: Location) -> Pane {
        match loc {
            Location::Budget | Location::BudgetBox(_) => Pane::Budget,
            Location::KeyTasks | Location::KeyTask(..) => Pane::Tasks,
            Location::Indicators | Location::Indicator(..) => Pane::Indicators,
            _ => Pane::Overview,
        }
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// A section heading.
    Heading,
    /// A label and its value(s).
    Row,
    /// Free text, wrapped to the width.
    Paragraph,
    /// A flag: severity, rule, place, message.
    Flag(Severity),
}

/// What a cell holds, which says how it is drawn: numbers read
/// right-aligned, words from the left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellKind {
    /// Words: names, targets, labels, messages.
    #[default]
    Text,
    /// Money in 万元, or a difference of money (`—` when the box is blank).
    Amount,
    /// A share or a change in per cent (`12.5%`).
    Share,
    /// A count or a row's number.
    Number,
    /// A short verdict (提高, 新增, ✓).
    Mark,
}

/// One cell of a pane's line: display-ready text and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub kind: CellKind,
}

impl Cell {
    pub fn amount(text: String) -> Cell {
        Cell {
            text,
            kind: CellKind::Amount,
        }
    }

    pub fn share(text: String) -> Cell {
        Cell {
            text,
            kind: CellKind::Share,
        }
    }

    pub fn number(n: usize) -> Cell {
        Cell {
            text: n.to_string(),
            kind: CellKind::Number,
        }
    }

    pub fn mark(text: String) -> Cell {
        Cell {
            text,
            kind: CellKind::Mark,
        }
    }

    /// Numbers read right-aligned, so their places line up.
    pub fn right_aligned(&self) -> bool {
        matches!(
            self.kind,
            CellKind::Amount | CellKind::Share | CellKind::Number
        )
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            kind: CellKind::Text,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl std::ops::Deref for Cell {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::borrow::Borrow<str> for Cell {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl PartialEq<str> for Cell {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Cell {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for Cell {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// One line of a pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub style: Style,
    pub cells: Vec<Cell>,
    /// The place this line shows, if it is one.
    pub location: Option<Location>,
    /// Indices into the declaration's flags that this line carries.
    pub flags: Vec<usize>,
    /// The comment this line shows (审核意见 pane): an index into the
    /// review's comments.
    pub comment: Option<usize>,
    /// The cells to show under the cursor, when they say more than
    /// `cells` (an indicator row names its 一级 and 二级 there, which the
    /// tree shows only where they change).
    pub whole: Option<Vec<Cell>>,
    /// A sum of the budget's reconciliation: how its check came out.
    pub check: Option<CheckMark>,
}

/// What the flag cell of a reconciled sum says when no flag stands there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckMark {
    /// The check ran and found nothing: a check mark.
    Passed,
    /// The check lacked a box and did not run: these words (未核对),
    /// never a check mark.
    NotRun(String),
}

/// A paragraph of text already in its safe form (a load error's message).
pub fn paragraph(text: String) -> Line {
    Line::new(Style::Paragraph, vec![text])
}

impl Line {
    pub(super) fn new<C: Into<Cell>>(style: Style, cells: Vec<C>) -> Line {
        Line {
            style,
            cells: cells.into_iter().map(Into::into).collect(),
            location: None,
            flags: Vec::new(),
            comment: None,
            whole: None,
            check: None,
        }
    }

    pub(super) fn at(mut self, loc: Location, all: &[Flag]) -> Line {
        self.location = Some(loc);
        self.flags = flags_at(all, |l| l == loc);
        self
    }

    /// The most severe flag on this line.
    pub fn worst(&self, all: &[Flag]) -> Option<Severity> {
        self.flags
            .iter()
            .filter_map(|&i| all.get(i))
            .map(|f| f.severity)
            .min()
    }
}

fn flags_at(all: &[Flag], pick: impl Fn(Location) -> bool) -> Vec<usize> {
    all.iter()
        .enumerate()
        .filter(|(_, f)| pick(f.location))
        .map(|(i, _)| i)
        .collect()
}

pub(super) fn text(s: &Option<String>) -> String {
    s.as_deref().map(crate::sanitize::cell).unwrap_or_default()
}

pub(super) fn money(v: Option<Decimal>) -> Cell {
    Cell::amount(v.map(format_wan).unwrap_or_else(|| "—".into()))
}

/// A flag as a line: severity word, rule ID, place, message.
pub fn flag_line(lang: Lang, all: &[Flag], i: usize) -> Option<Line> {
    let f = all.get(i)?;
    let mut line = Line::new(
        Style::Flag(f.severity),
        vec![
            f.severity.label().get(lang).to_string(),
            f.rule().id().to_string(),
            i18n::location(lang, f.location),
            f.message(lang),
        ],
    );
    line.location = Some(f.location);
    line.flags = vec![i];
    Some(line)
}

/// The lines of a pane for one declaration.
pub fn lines(lang: Lang, checked: &Checked, pane: Pane) -> Vec<Line> {
    lines_folded(lang, checked, pane, &BTreeSet::new())
}

/// As [`lines`], with the indicator groups that start at these rows folded
/// into one line each.
pub fn lines_folded(
    lang: Lang,
    checked: &Checked,
    pane: Pane,
    folded: &BTreeSet<usize>,
) -> Vec<Line> {
    match pane {
        Pane::Overview => overview::lines(lang, checked),
        Pane::Budget => budget::lines(lang, checked),
        Pane::Tasks => tasks::lines(lang, checked),
        Pane::Indicators => indicators::lines(lang, checked, folded),
        Pane::Problems => problems::lines(lang, checked),
        // The comments live beside the declaration; see `review_lines`.
        Pane::Review => Vec::new(),
        // Last year's folder lives in the settings; see `last_year::lines`;
        // what was sent back lives in the journal, see `revision::lines`.
        Pane::LastYear | Pane::Revision => Vec::new(),
    }
}

/// What the line under the cursor does not show itself: where it is in
/// the workbook, a task's content and outcome (the task row shows its name
/// and money), the message of each flag a row carries (the row shows only
/// the rule IDs), and with `explain` each rule's title and basis. The line
/// itself is drawn whole under the cursor, so none of it is repeated here.
pub fn detail(lang: Lang, checked: &Checked, line: &Line, explain: bool) -> Vec<(String, String)> {
    use crate::model::TaskField;
    let d = &checked.declaration;
    let full = |s: &Option<String>| {
        s.as_deref()
            .map(|t| display(t).into_owned())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    // Where it is in the workbook the department sent.
    if let Some(loc) = line.location
        && d.cells.get(loc).is_some()
    {
        out.push((
            i18n::in_workbook(lang).to_string(),
            i18n::place(lang, loc, crate::model::cells::Printed::of(d)),
        ));
    }
    let flag_line = matches!(line.style, Style::Flag(_));
    if let Some(Location::KeyTask(i, _)) = line.location
        && !flag_line
        && let Some(t) = d.key_tasks.get(i)
    {
        for (field, value) in [
            (TaskField::Content, &t.content),
            (TaskField::ExpectedOutcome, &t.expected_outcome),
        ] {
            out.push((i18n::task_field(lang, field).to_string(), full(value)));
        }
    }
    for f in line.flags.iter().filter_map(|&i| checked.flags.get(i)) {
        if !flag_line {
            out.push((
                format!("{} {}", f.severity.label().get(lang), f.rule().id()),
                f.message(lang),
            ));
        }
        if explain {
            let info = f.rule().info();
            let severities: Vec<&str> = info
                .severities
                .iter()
                .map(|s| s.label().get(lang))
                .collect();
            let [rule, basis] = i18n::explain_labels(lang);
            let rule = match flag_line {
                true => rule.to_string(),
                false => format!("  {rule}"),
            };
            out.push((
                rule,
                format!(
                    "{} {}{}",
                    f.rule().id(),
                    info.title(lang),
                    i18n::in_brackets(lang, &severities.join("/"))
                ),
            ));
            let basis = match flag_line {
                true => basis.to_string(),
                false => format!("  {basis}"),
            };
            out.push((basis, info.basis_text(lang)));
        }
    }
    out
}

#[cfg(test)]
mod tests;
