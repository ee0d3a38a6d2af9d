//! The 审核意见: what goes back to a department, built from the flags the
//! reviewer let stand and the comments they wrote. One [`Notice`] is the
//! document's text in order; [`markdown`](text::markdown), the desk's
//! preview ([`text::plain`]) and [`docx`] lay out the same text.
//!
//! Never in it: file names, rule IDs, severity words, dismissed flags,
//! withdrawn comments, comments on an earlier version of the file (unless
//! asked for), the names of the reviewers (the bureau speaks as one).

pub mod docx;
pub mod text;

use super::record::Decision;
use super::state::{Comment, Review};
use crate::check::Entry;
use crate::config::NoticeSettings;
use crate::i18n::{self, Lang, Phrase, notice as words};
use crate::model::{Declaration, Location};
use crate::rules::Flag;
use crate::sanitize::display_line;
use jiff::civil::{Date, Weekday};

/// The document, in reading order. Every text is in its safe form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    /// 主送: `{部门名称}：`.
    pub addressee: String,
    pub opening: String,
    pub sections: Vec<Section>,
    /// 联系人：…，联系电话：….
    pub contact: String,
    /// The issuing bureau, signed at the foot.
    pub issuer: String,
    /// The notice's date, in words.
    pub date: String,
}

/// One section of the form, with the points about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 基本信息, 预算整体情况, … (without its number).
    pub heading: String,
    pub points: Vec<Point>,
}

/// One place of the form and what is said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The place in the form's words (`绩效指标“产出指标—数量指标—…”`).
    pub place: String,
    /// The first follows the place on its line; each further one (a line
    /// of a reviewer's comment) is a paragraph of its own.
    pub paragraphs: Vec<String>,
}

/// When the notice is dated and what it leaves in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issue {
    /// The notice's date (the reviewer's local date).
    pub date: Date,
    /// The day by which the department must send the file again.
    pub deadline: Date,
    /// Comments made on an earlier version of the file go in too.
    pub include_earlier: bool,
}

impl Issue {
    /// Dated `date`, due `working_days` weekdays later.
    pub fn on(date: Date, working_days: u32) -> Issue {
        Issue {
            date,
            deadline: working_days_after(date, working_days),
            include_earlier: false,
        }
    }
}

/// `n` weekdays (Monday to Friday) after `date`. Public holidays are not
/// known here; `--deadline` names the day when they matter.
pub fn working_days_after(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return day,
        }
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            left -= 1;
        }
    }
    day
}

/// Which notice a declaration gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 退回修改: the points are what to change.
    Returned,
    /// 通过, with the comments as suggestions.
    Approved,
}

/// The notice a declaration gets as its review stands: returned ones
/// always, approved ones with comments when `approved` asks for them.
pub fn of(
    entry: &Entry,
    review: &Review,
    settings: &NoticeSettings,
    issue: &Issue,
    approved: bool,
    lang: Lang,
) -> Option<Notice> {
    let kind = match review.decision() {
        Decision::Return => Kind::Returned,
        Decision::Approve if approved && comments(review, issue).next().is_some() => Kind::Approved,
        _ => return None,
    };
    Some(build(entry, review, settings, issue, kind, lang))
}

/// The comments that go out: standing, and on this version of the file
/// unless earlier ones are asked for.
fn comments<'r>(review: &'r Review, issue: &Issue) -> impl Iterator<Item = &'r Comment> {
    let earlier = issue.include_earlier;
    review
        .standing()
        .filter(move |c| earlier || !c.earlier_version)
}

/// The notice as the department would read it were the declaration sent
/// back as `kind` now (the desk's preview, before any decision).
pub fn build(
    entry: &Entry,
    review: &Review,
    settings: &NoticeSettings,
    issue: &Issue,
    kind: Kind,
    lang: Lang,
) -> Notice {
    let deadline = date_words(lang, issue.deadline);
    // A grade the decision does not take (a hand-written or older record)
    // is left out: the notice states the decision alone.
    let grade = review
        .verdict
        .as_ref()
        .and_then(|v| v.fitting_grade())
        .map(|g| g.label().get(lang));
    let said: Vec<&Comment> = comments(review, issue).collect();
    let (department, opening, sections) = match &entry.outcome {
        Ok(checked) => {
            let d = &checked.declaration;
            let department = department_name(lang, d);
            let opening = match kind {
                Kind::Returned => {
                    words::opening_returned(lang, &department, d.fiscal_year, grade, &deadline)
                }
                Kind::Approved => words::opening_approved(lang, &department, d.fiscal_year, grade),
            };
            let flags: Vec<&Flag> = match kind {
                Kind::Returned => review.standing_flags(&checked.flags).collect(),
                Kind::Approved => Vec::new(),
            };
            (department, opening, points(lang, d, &flags, &said))
        }
        Err(e) => {
            let department = words::NO_DEPARTMENT.get(lang).to_string();
            let opening = words::opening_unreadable(lang, &e.for_department(lang), &deadline);
            let others = said.iter().map(|c| comment_lines(c)).collect::<Vec<_>>();
            (
                department,
                opening,
                other_section(lang, others).into_iter().collect(),
            )
        }
    };
    let year = entry
        .outcome
        .as_ref()
        .ok()
        .and_then(|c| c.declaration.fiscal_year);
    let or = |v: &Option<String>, missing: Phrase| {
        v.as_deref().map_or_else(
            || missing.get(lang).to_string(),
            |s| display_line(s).into_owned(),
        )
    };
    Notice {
        title: words::title(lang, &department, year),
        addressee: words::addressee(lang, &department),
        opening,
        sections,
        contact: words::contact(
            lang,
            &or(&settings.contact, words::NO_CONTACT),
            &or(&settings.phone, words::NO_PHONE),
        ),
        issuer: or(&settings.issuer, words::NO_ISSUER),
        date: date_words(lang, issue.date),
    }
}

/// The `[notice]` keys the config file leaves unset, for the command's
/// one warning.
pub fn missing_settings(settings: &NoticeSettings) -> Vec<&'static str> {
    [
        ("issuer", &settings.issuer),
        ("contact", &settings.contact),
        ("phone", &settings.phone),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(k, _)| k)
    .collect()
}

fn date_words(lang: Lang, d: Date) -> String {
    words::date(lang, d.year(), d.month(), d.day())
}

/// The department as the notice addresses it: its name, or a visible gap.
fn department_name(lang: Lang, d: &Declaration) -> String {
    crate::text::non_blank(&d.department.name).map_or_else(
        || words::NO_DEPARTMENT.get(lang).to_string(),
        |n| display_line(n.trim()).into_owned(),
    )
}

/// The lines of a comment as the reviewer wrote them, blank ones dropped.
fn comment_lines(c: &Comment) -> Vec<String> {
    crate::sanitize::display(&c.text)
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// The form's section a place is in, in form order.
fn section_of(loc: Location) -> usize {
    match loc {
        Location::FiscalYear | Location::Region | Location::Department(_) => 0,
        Location::Budget | Location::BudgetBox(_) | Location::OwnUseLabel => 1,
        Location::OverallGoal => 2,
        Location::KeyTasks | Location::KeyTask(..) | Location::OtherTasks => 3,
        Location::Indicators | Location::Indicator(..) => 4,
    }
}

const SECTIONS: [Phrase; 6] = [
    words::BASIC,
    words::BUDGET,
    words::GOAL,
    words::TASKS,
    words::INDICATORS,
    words::OTHER,
];

/// The row a place belongs to: a comment on a row's cell and a flag on the
/// row are one point.
fn row_of(loc: Location) -> Location {
    match loc {
        Location::KeyTask(i, _) => Location::KeyTask(i, None),
        Location::Indicator(i, _) => Location::Indicator(i, None),
        other => other,
    }
}

/// The row a comment is about, or `None` for the whole declaration (or a
/// path this build does not know).
fn comment_row(c: &Comment) -> Option<Location> {
    use super::record::Place;
    match &c.place {
        Place::Declaration => None,
        Place::Location { path } | Place::Flag { path, .. } => Location::parse(path).map(row_of),
    }
}

/// The points of a loaded declaration, by section in form order, each
/// section's points in form order: a place's problems, then the comments
/// on it; comments on the whole under 其他意见.
fn points(lang: Lang, d: &Declaration, flags: &[&Flag], said: &[&Comment]) -> Vec<Section> {
    let mut rows: Vec<Location> = flags
        .iter()
        .map(|f| row_of(f.location))
        .chain(said.iter().filter_map(|c| comment_row(c)))
        .collect();
    rows.sort();
    rows.dedup();
    let mut sections: Vec<Section> = Vec::new();
    for row in rows {
        let problems: Vec<String> = flags
            .iter()
            .filter(|f| row_of(f.location) == row)
            .map(|f| f.message(lang))
            .collect();
        let mut paragraphs = Vec::new();
        if !problems.is_empty() {
            paragraphs.push(words::problems(lang, &problems));
        }
        for c in said.iter().filter(|c| comment_row(c) == Some(row)) {
            paragraphs.extend(comment_lines(c));
        }
        let heading = SECTIONS[section_of(row)].get(lang).to_string();
        let mut place = place_words(lang, d, row);
        // The department typed the form into a workbook: its cell finds it.
        if let Some(cell) = d.cells.get(row) {
            place.push_str(&i18n::in_brackets(lang, &cell));
        }
        let point = Point { place, paragraphs };
        match sections.last_mut() {
            Some(s) if s.heading == heading => s.points.push(point),
            _ => sections.push(Section {
                heading,
                points: vec![point],
            }),
        }
    }
    let whole: Vec<Vec<String>> = said
        .iter()
        .filter(|c| comment_row(c).is_none())
        .map(|c| comment_lines(c))
        .collect();
    sections.extend(other_section(lang, whole));
    sections
}

/// 其他意见: one point per comment on the whole declaration.
fn other_section(lang: Lang, comments: Vec<Vec<String>>) -> Option<Section> {
    let points: Vec<Point> = comments
        .into_iter()
        .filter(|lines| !lines.is_empty())
        .map(|paragraphs| Point {
            place: String::new(),
            paragraphs,
        })
        .collect();
    (!points.is_empty()).then(|| Section {
        heading: words::OTHER.get(lang).to_string(),
        points,
    })
}

/// A place in the form's words: the section, and the box or row quoted
/// as the department typed it.
fn place_words(lang: Lang, d: &Declaration, row: Location) -> String {
    let quoted = |section: Phrase, what: &str| words::in_form(lang, section, Some(what));
    match row {
        Location::FiscalYear | Location::Region | Location::Department(_) => {
            quoted(words::BASIC, &i18n::location(lang, row))
        }
        Location::Budget => words::BUDGET.get(lang).to_string(),
        Location::BudgetBox(b) => quoted(
            words::BUDGET,
            &i18n::budget_box_as_printed(lang, b, &d.budget),
        ),
        Location::OwnUseLabel => quoted(words::BUDGET, &i18n::location(lang, row)),
        Location::OverallGoal => words::GOAL.get(lang).to_string(),
        Location::KeyTasks => words::TASKS.get(lang).to_string(),
        Location::OtherTasks => quoted(words::TASKS, &i18n::location(lang, row)),
        Location::KeyTask(i, _) => {
            let name = d
                .key_tasks
                .get(i)
                .and_then(|t| crate::text::non_blank(&t.name));
            match name {
                Some(n) => quoted(words::TASKS, &display_line(n.trim())),
                None => format!(
                    "{}{}",
                    words::TASKS.get(lang),
                    words::task_number(lang, i + 1)
                ),
            }
        }
        Location::Indicators => words::INDICATORS.get(lang).to_string(),
        Location::Indicator(i, _) => match indicator_levels(d, i) {
            Some(path) => quoted(words::INDICATORS, &path),
            None => format!(
                "{}{}",
                words::INDICATORS.get(lang),
                words::row_number(lang, i + 1)
            ),
        },
    }
}

/// 一级—二级—三级 of row `i`, a blank level taken from the rows above it
/// (the form merges a level's cells down its rows); `None` when the row
/// has no name.
fn indicator_levels(d: &Declaration, i: usize) -> Option<String> {
    let rows = d.indicators.get(..=i)?;
    let above = |pick: fn(&crate::model::Indicator) -> &Option<String>| {
        rows.iter()
            .rev()
            .find_map(|r| crate::text::non_blank(pick(r)).map(str::trim))
    };
    let name = crate::text::non_blank(&rows.last()?.name)?.trim();
    let parts: Vec<String> = [above(|r| &r.level1), above(|r| &r.level2), Some(name)]
        .into_iter()
        .flatten()
        .map(|p| display_line(p).into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Some(words::indicator_path(&parts))
}

#[cfg(test)]
mod tests;
