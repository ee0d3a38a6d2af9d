//! What each pane of a declaration shows, as lines: display-ready cells
//! (already sanitised), the place in the declaration each line stands for,
//! and the flags on it. The terminal layer draws these; the cursor, `n`/`N`
//! and "jump to the flag's place" work on them, so they are tested here.

use crate::amount::{format_difference, format_wan, percent_of};
use crate::check::Checked;
use crate::i18n::{self, Lang};
use crate::model::{BudgetBox, DepartmentField, Location};
use crate::rules::{BudgetCheck, Flag, Rule, Severity, Totals};
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

/// One line of a pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub style: Style,
    pub cells: Vec<String>,
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
    pub whole: Option<Vec<String>>,
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
    pub(super) fn new(style: Style, cells: Vec<String>) -> Line {
        Line {
            style,
            cells,
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

pub(super) fn money(v: Option<Decimal>) -> String {
    v.map(format_wan).unwrap_or_else(|| "—".into())
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
        Pane::Overview => overview(lang, checked),
        Pane::Budget => budget(lang, checked),
        Pane::Tasks => tasks(lang, checked),
        Pane::Indicators => indicators(lang, checked, folded),
        Pane::Problems => (0..checked.flags.len())
            .filter_map(|i| flag_line(lang, &checked.flags, i))
            .collect(),
        // The comments live beside the declaration; see `review_lines`.
        Pane::Review => Vec::new(),
        // Last year's folder lives in the settings; see `last_year::lines`;
        // what was sent back lives in the journal, see `revision::lines`.
        Pane::LastYear | Pane::Revision => Vec::new(),
    }
}

/// The 审核意见 pane: the decision, then every comment in order with its
/// reviewer, time and place; withdrawn ones and ones made on an earlier
/// version of the file are marked.
/// What the system cannot vouch for, first in the pane: journals that lost
/// records while watched, journals planted under another's name, and
/// forged records with who really wrote each. Paragraphs, so that every
/// word of them shows at 80 columns.
fn alarms(lang: Lang, review: &crate::review::Review, zone: &jiff::tz::TimeZone) -> Vec<Line> {
    use i18n::authorship as say;
    let mut out = Vec::new();
    if !review.tampered.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![say::tampered(lang, &review.tampered)],
        ));
    }
    for (file, owner) in &review.misnamed {
        out.push(Line::new(
            Style::Paragraph,
            vec![say::misnamed(lang, file, owner)],
        ));
    }
    if !review.forged.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![say::forged_heading(lang, review.forged.len())],
        ));
        for (record, owner) in &review.forged {
            let claims = i18n::signed(lang, &record.reviewer, record.login.as_deref());
            let what = record.body.summary(lang);
            let at = crate::clock::shown(&record.at, zone);
            out.push(Line::new(
                Style::Paragraph,
                vec![say::forged_line(lang, owner, &claims, &what, &at)],
            ));
        }
    }
    out
}

pub fn review_lines(
    lang: Lang,
    review: &crate::review::Review,
    printed: crate::model::cells::Printed,
    zone: &jiff::tz::TimeZone,
) -> Vec<Line> {
    use crate::review::Place;
    let mut out = Vec::new();
    let decision = match &review.verdict {
        Some(v) => {
            // 待审 has no grade: no gap where it would be.
            let decided = match v.grade {
                Some(g) if v.contradicts() => format!(
                    "{} {}",
                    v.decision.label().get(lang),
                    i18n::contradicting_grade(lang, g.label().get(lang))
                ),
                Some(g) => format!("{} {}", v.decision.label().get(lang), g.label().get(lang)),
                None => v.decision.label().get(lang).to_string(),
            };
            format!(
                "{decided} · {}{} · {}",
                i18n::signed(lang, &v.reviewer, v.login.as_deref()),
                v.vouch.mark(lang),
                crate::clock::shown(&v.at, zone)
            )
        }
        None => crate::review::Decision::Pending
            .label()
            .get(lang)
            .to_string(),
    };
    out.push(Line::new(
        Style::Heading,
        vec![format!(
            "{}{}{decision}",
            i18n::decision_label(lang),
            i18n::colon(lang)
        )],
    ));
    if let (None, Some(u)) = (&review.verdict, &review.unconfirmed) {
        let who = i18n::signed(lang, &u.reviewer, u.login.as_deref());
        let at = crate::clock::shown(&u.at, zone);
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::authorship::unconfirmed_decision(
                lang,
                &u.decided(lang),
                &who,
                &at,
            )],
        ));
    }
    out.extend(alarms(lang, review, zone));
    if let Some(problem) = &review.journal_problem {
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::journal_unreadable(lang, &problem.message(lang))],
        ));
    } else if review.comments.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::no_comments(lang).to_string()],
        ));
    }
    if !review.skipped.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::journal_lines_skipped(lang, &review.skipped)],
        ));
    }
    for (n, c) in review.comments.iter().enumerate() {
        let place = c.place.shown(lang, printed);
        let mut marks = String::new();
        if c.edited {
            marks.push_str(i18n::edited(lang));
        }
        match (&c.withdrawn, &c.withdrawn_by) {
            (true, Some(who)) => {
                let who = i18n::signed(lang, &who.name, who.login.as_deref());
                marks.push_str(&i18n::authorship::withdrawn_by(lang, &who));
            }
            (true, None) => marks.push_str(i18n::withdrawn(lang)),
            (false, _) => {}
        }
        if c.earlier_version {
            marks.push_str(i18n::on_earlier_version(lang));
        }
        let mut heading = Line::new(
            Style::Heading,
            vec![format!(
                "{place} · {}{} · {}{marks}",
                c.author(lang, true),
                c.vouch.mark(lang),
                crate::clock::shown(&c.at, zone)
            )],
        );
        let mut text = Line::new(Style::Paragraph, vec![display(&c.text).into_owned()]);
        // Both lines of a comment go to its place and take E / x.
        for line in [&mut heading, &mut text] {
            line.comment = Some(n);
            line.location = match &c.place {
                Place::Declaration => None,
                Place::Location { path } | Place::Flag { path, .. } => Location::parse(path),
            };
        }
        out.push(heading);
        out.push(text);
    }
    // The notice's own words, each with who wrote them and when.
    for r in &review.rewordings {
        let what =
            crate::review::record::Part::of(&r.part).summary(lang, r.text.as_deref(), r.dropped);
        let earlier = if r.earlier_version {
            i18n::on_earlier_version(lang)
        } else {
            ""
        };
        out.push(Line::new(
            Style::Paragraph,
            vec![format!(
                "{what} · {} · {}{earlier}",
                i18n::signed(lang, &r.reviewer, r.login.as_deref()),
                crate::clock::shown(&r.at, zone)
            )],
        ));
    }
    out
}

/// The groups of the indicator table: runs of rows under the same 一级, in
/// form order (a name that comes back later starts a new group).
pub fn indicator_groups(checked: &Checked) -> Vec<std::ops::Range<usize>> {
    let rows = &checked.declaration.indicators;
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if rows[g.start].level1 == r.level1 => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    groups
}

fn overview(lang: Lang, c: &Checked) -> Vec<Line> {
    let d = &c.declaration;
    let all = &c.flags;
    let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
    // A row of facts: the place's name in the form's words, its value.
    let row = |loc: Location, value: String| {
        Line::new(Style::Row, vec![i18n::location(lang, loc), value]).at(loc, all)
    };
    let mut out = vec![
        row(
            Location::Department(DepartmentField::Name),
            text(&d.department.name),
        ),
        row(Location::FiscalYear, i18n::fiscal_year(lang, d.fiscal_year)),
        row(Location::Region, text(&d.region)),
        row(
            Location::Department(DepartmentField::Code),
            text(&d.department.code),
        ),
        row(
            Location::Department(DepartmentField::StaffCount),
            count(d.department.staff_count),
        ),
        row(
            Location::Department(DepartmentField::SubordinateUnits),
            count(d.department.subordinate_units),
        ),
        Line::new(
            Style::Heading,
            vec![i18n::location(lang, Location::OverallGoal)],
        ),
        Line::new(
            Style::Paragraph,
            vec![
                crate::text::non_blank(&d.overall_goal)
                    .map(|g| display(g).into_owned())
                    // Blank: said, so the heading is not over nothing.
                    .unwrap_or_else(|| i18n::not_filled(lang).to_string()),
            ],
        )
        .at(Location::OverallGoal, all),
    ];
    // 其他需完成的任务（可选填）, on forms that have the box.
    if let Some(other) = &d.other_tasks {
        out.push(Line::new(
            Style::Heading,
            vec![i18n::location(lang, Location::OtherTasks)],
        ));
        out.push(
            Line::new(Style::Paragraph, vec![display(other).into_owned()])
                .at(Location::OtherTasks, all),
        );
    }
    for severity in Severity::ALL {
        let of: Vec<usize> = (0..all.len())
            .filter(|&i| all[i].severity == severity)
            .collect();
        if of.is_empty() {
            continue;
        }
        out.push(Line::new(
            Style::Heading,
            vec![i18n::flags_heading(lang, severity.label(), of.len())],
        ));
        out.extend(of.into_iter().filter_map(|i| flag_line(lang, all, i)));
    }
    out
}

fn budget(lang: Lang, c: &Checked) -> Vec<Line> {
    let all = &c.flags;
    let b = &c.declaration.budget;
    let mut out = vec![Line::new(
        Style::Heading,
        vec![i18n::budget_heading(lang).into()],
    )];
    for bx in BudgetBox::ALL {
        out.push(
            Line::new(
                Style::Row,
                vec![i18n::budget_box_as_printed(lang, bx, b), money(bx.get(b))],
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
    let diff = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(a), Some(b)) => a
            .checked_sub(b)
            .map_or_else(|| "—".into(), format_difference),
        _ => "—".into(),
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
            c.label.to_string(),
            money(c.value),
            if compared {
                money(c.against)
            } else {
                String::new()
            },
            if compared {
                diff(c.value, c.against)
            } else {
                String::new()
            },
            c.share.unwrap_or_default(),
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

fn tasks(lang: Lang, c: &Checked) -> Vec<Line> {
    let all = &c.flags;
    let d = &c.declaration;
    let t = Totals::of(d);
    let mut out = vec![Line::new(
        Style::Heading,
        i18n::task_columns(lang)
            .iter()
            .map(|s| s.to_string())
            .collect(),
    )];
    for (i, task) in d.key_tasks.iter().enumerate() {
        let share = match (task.funds, t.spending) {
            (Some(f), Some(total)) => percent_of(f, total).map(|p| format!("{p}%")),
            _ => None,
        }
        .unwrap_or_else(|| "—".into());
        let mut line = Line::new(
            Style::Row,
            vec![
                format!("{}", i + 1),
                text(&task.name),
                money(task.funds),
                share,
            ],
        );
        line.location = Some(Location::KeyTask(i, None));
        line.flags = flags_at(all, |l| matches!(l, Location::KeyTask(j, _) if j == i));
        out.push(line);
    }
    let mut sum = Line::new(
        Style::Row,
        vec![
            String::new(),
            i18n::task_sum(lang).into(),
            money(t.key_tasks),
            String::new(),
        ],
    );
    sum.location = Some(Location::KeyTasks);
    sum.flags = flags_at(all, |l| l == Location::KeyTasks);
    out.push(sum);
    out
}

fn indicators(lang: Lang, c: &Checked, folded: &BTreeSet<usize>) -> Vec<Line> {
    let all = &c.flags;
    let rows = &c.declaration.indicators;
    // A form with one target column shows one (指标值), as it prints it.
    let single = c.declaration.target_columns == crate::model::TargetColumns::One;
    let fit = |mut cells: Vec<String>| {
        if single {
            cells.remove(4);
        }
        cells
    };
    let mut heading: Vec<String> = i18n::indicator_columns(lang)
        .iter()
        .map(|s| s.to_string())
        .collect();
    if single {
        heading[5] = i18n::single_target(lang).to_string();
    }
    let mut out = vec![Line::new(Style::Heading, fit(heading))];
    let mut whole = Line::new(
        Style::Row,
        vec![String::new(), i18n::location(lang, Location::Indicators)],
    );
    whole.location = Some(Location::Indicators);
    whole.flags = flags_at(all, |l| l == Location::Indicators);
    if !whole.flags.is_empty() {
        out.push(whole);
    }
    let (mut last1, mut last2) = (None, None);
    for group in indicator_groups(c) {
        if folded.contains(&group.start) {
            let l1 = text(&rows[group.start].level1);
            let cells = vec![
                format!("{}-{}", group.start + 1, group.end),
                l1.clone(),
                String::new(),
                i18n::folded_rows(lang, group.len()),
                String::new(),
                String::new(),
            ];
            let mut line = Line::new(Style::Row, fit(cells));
            line.location = Some(Location::Indicator(group.start, None));
            line.flags = flags_at(
                all,
                |l| matches!(l, Location::Indicator(j, _) if group.contains(&j)),
            );
            out.push(line);
            (last1, last2) = (Some(l1), None);
            continue;
        }
        for i in group {
            let r = &rows[i];
            // The tree: a level's name is shown where it changes, as on the form.
            let l1 = text(&r.level1);
            let l2 = text(&r.level2);
            let show1 = last1.as_ref() != Some(&l1);
            let show2 = show1 || last2.as_ref() != Some(&l2);
            let whole = vec![
                format!("{}", i + 1),
                l1.clone(),
                l2.clone(),
                text(&r.name),
                text(&r.period_target),
                text(&r.annual_target),
            ];
            let mut cells = whole.clone();
            if !show1 {
                cells[1].clear();
            }
            if !show2 {
                cells[2].clear();
            }
            let mut line = Line::new(Style::Row, fit(cells));
            line.whole = Some(fit(whole));
            line.location = Some(Location::Indicator(i, None));
            line.flags = flags_at(all, |l| matches!(l, Location::Indicator(j, _) if j == i));
            out.push(line);
            last1 = Some(l1);
            last2 = Some(l2);
        }
    }
    out
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
mod detail_tests {
    use super::*;
    use crate::check::check_file;
    use crate::config::Config;

    fn seed() -> Checked {
        check_file(&crate::testing::seed(), &Config::default())
            .outcome
            .expect("the seed loads")
    }

    #[test]
    fn a_task_line_gives_its_content_and_outcome_in_full() {
        let c = seed();
        let lines = lines(Lang::Zh, &c, Pane::Tasks);
        let first = lines
            .iter()
            .find(|l| l.location == Some(Location::KeyTask(0, None)))
            .unwrap();
        assert_eq!(first.cells[1], "建设更高水平的法治天河", "the row names it");
        let d = detail(Lang::Zh, &c, first, false);
        assert_eq!(d[0].0, "主要实施内容");
        assert!(d[0].1.starts_with("推动天河区落实广州市法治建设") && d[0].1.ends_with("专栏。"));
        assert!(d[1].1.ends_with("法治化营商环境进一步优化。"));
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn an_indicator_line_names_its_levels_whole_and_the_detail_adds_only_its_flags() {
        let c = seed();
        let lines = lines(Lang::Zh, &c, Pane::Indicators);
        let row = lines
            .iter()
            .find(|l| l.location == Some(Location::Indicator(23, None)))
            .unwrap();
        assert_eq!(row.cells[1], "", "the tree shows 效益指标 where it starts");
        let whole = row.whole.as_ref().expect("the row in full");
        assert_eq!(
            whole[1..4],
            ["效益指标", "社会效益指标", "法律援助受益人数"]
        );
        assert_eq!(whole[5], "法律援助案件全年受援人数");
        let d = detail(Lang::Zh, &c, row, false);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, "警告 QUANT-04");
        assert!(d[0].1.contains("只是复述了指标名称"));
        let explained = detail(Lang::Zh, &c, row, true);
        assert_eq!(explained[1].1, "QUANT-04 指标值只是复述指标名称（警告）");
        assert_eq!(explained.len(), 3);
    }

    #[test]
    fn a_flag_line_is_not_repeated_below_itself() {
        let c = seed();
        let lines = lines(Lang::Zh, &c, Pane::Problems);
        let d = detail(Lang::Zh, &c, &lines[0], false);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_blank_overall_goal_says_so_under_its_heading() {
        let mut c = seed();
        c.declaration.overall_goal = Some("  ".into());
        let lines = lines(Lang::Zh, &c, Pane::Overview);
        let goal = lines
            .iter()
            .find(|l| l.location == Some(Location::OverallGoal))
            .unwrap();
        assert_eq!(goal.cells, ["（未填写）"]);
    }

    #[test]
    fn the_budget_pane_shows_the_gap_of_the_seed() {
        let c = seed();
        let lines = lines(Lang::En, &c, Pane::Budget);
        let tasks = lines
            .iter()
            .find(|l| l.location == Some(Location::KeyTasks))
            .unwrap();
        assert_eq!(tasks.cells[3], "-1.10");
        assert_eq!(tasks.cells[4], "99.9%", "of 项目支出 + 事业发展性支出");
        assert_eq!(tasks.cells[0], "key-task funds ≤ project + development");
    }

    #[test]
    fn a_check_that_lacked_a_box_says_so_and_never_passes() {
        // The real forms' shape: 事业发展性支出 and 按预算级次划分 left blank.
        let mut c = seed();
        let b = &mut c.declaration.budget;
        b.development.special_fund = None;
        b.development.other = None;
        b.by_level.own_use = None;
        b.by_level.transfer_to_lower = None;
        b.by_level.own_use_label = Some("市本级使用资金".into());
        c.flags = crate::rules::check(&c.declaration, &Default::default());
        let lines = lines(Lang::Zh, &c, Pane::Budget);
        let row = |label: &str| {
            let i = lines
                .iter()
                .position(|l| l.cells.first().is_some_and(|c| c == label))
                .unwrap_or_else(|| panic!("{label}"));
            (&lines[i], lines.get(i + 1))
        };
        let (by_level, under) = row("按预算级次合计 = 支出合计");
        assert_eq!(
            by_level.check,
            Some(CheckMark::NotRun("未核对".into())),
            "never a check mark"
        );
        assert_eq!(by_level.cells[1], "—");
        assert_eq!(
            under.unwrap().cells[0],
            "未核对，缺少：按预算级次划分·市本级使用资金"
        );
        // The sums read the blank development boxes as 0 and say so once.
        let (spending, _) = row("支出合计");
        let e = &c.declaration.budget.expenditure;
        let basic_and_project = e.basic.unwrap() + e.project.unwrap();
        assert_eq!(spending.cells[1], format_wan(basic_and_project));
        let said: Vec<&Line> = lines
            .iter()
            .filter(|l| l.cells[0].contains("按0计"))
            .collect();
        assert_eq!(said.len(), 1);
        assert_eq!(
            said[0].cells[0],
            "事业发展性支出·财政专项资金、事业发展性支出·其他事业发展性支出未填写，按0计"
        );
        let (income, _) = row("收入来源合计 = 支出合计");
        assert_eq!(income.check, Some(CheckMark::Passed));
        let (tasks, _) = row("重点任务资金 ≤ 项目支出 + 事业发展性支出");
        assert_eq!(tasks.check, Some(CheckMark::Passed));
        // Every check runs on the seed as it is.
        let seed_lines = super::lines(Lang::Zh, &seed(), Pane::Budget);
        assert!(
            seed_lines
                .iter()
                .filter_map(|l| l.check.as_ref())
                .all(|m| *m == CheckMark::Passed)
        );
        assert!(seed_lines.iter().all(|l| !l.cells[0].contains("按0计")));
    }
}
