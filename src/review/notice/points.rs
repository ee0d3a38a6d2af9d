//! The points of a notice: one per problem. The standing flags of one rule
//! and one kind of finding, within a section of the form, make one point
//! that names every place; a comment on a row goes with the first point
//! that covers the row, as its own sentence after it; a comment on a row
//! no flag names is a point of its own. Places are named in the
//! department's words: indicators and tasks by their names, boxes by their
//! printed labels, and for a workbook the rows of its own sheet.

use super::{Point, Section, Wording, comment_lines};
use crate::i18n::{self, Lang, Phrase, notice as words, requests as say};
use crate::model::{Declaration, Location};
use crate::review::record::Place;
use crate::review::state::Comment;
use crate::rules::{Flag, Rule};
use crate::sanitize::display_line;
use crate::text::non_blank;
use std::collections::HashMap;

/// The form's sections in form order, and the last for what belongs to none.
pub(super) const SECTIONS: [Phrase; 6] = [
    words::BASIC,
    words::BUDGET,
    words::GOAL,
    words::TASKS,
    words::INDICATORS,
    words::OTHER,
];

/// The section of the form a place is in.
fn section_of(loc: Location) -> usize {
    match loc {
        Location::FiscalYear | Location::Region | Location::Department(_) => 0,
        Location::Budget | Location::BudgetBox(_) | Location::OwnUseLabel => 1,
        Location::OverallGoal => 2,
        Location::KeyTasks | Location::KeyTask(..) | Location::OtherTasks => 3,
        Location::Indicators | Location::Indicator(..) => 4,
    }
}

/// The row a place belongs to: a comment on a row's cell and a flag on
/// the row are about one row.
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
    match &c.place {
        Place::Declaration => None,
        Place::Location { path } | Place::Flag { path, .. } => Location::parse(path).map(row_of),
    }
}

/// The rule a comment was written on, when it was written on a flag.
fn comment_rule(c: &Comment) -> Option<Rule> {
    match &c.place {
        Place::Flag { rule, .. } => Rule::from_id(rule),
        _ => None,
    }
}

/// A point in the making.
struct Group<'a> {
    section: usize,
    /// What an edit of the point names: stable while the file does not change.
    key: String,
    flags: Vec<&'a Flag>,
    /// The rows the point names, in form order.
    rows: Vec<Location>,
    comments: Vec<&'a Comment>,
}

/// The sections of a loaded declaration's notice, in form order; the
/// comments on the whole under 其他意见.
pub(super) fn sections(
    lang: Lang,
    d: &Declaration,
    flags: &[&Flag],
    said: &[&Comment],
) -> Vec<Section> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for f in flags {
        let section = section_of(f.location);
        let key = format!("{section}/{}/{}", f.rule().id(), f.kind());
        match by_key.get(&key) {
            Some(&i) => groups[i].flags.push(f),
            None => {
                by_key.insert(key.clone(), groups.len());
                groups.push(Group {
                    section,
                    key,
                    flags: vec![f],
                    rows: Vec::new(),
                    comments: Vec::new(),
                });
            }
        }
    }
    for g in &mut groups {
        g.flags.sort_by_key(|f| f.location);
        g.rows = g
            .flags
            .iter()
            .flat_map(|f| f.places())
            .map(row_of)
            .collect();
        g.rows.sort();
        g.rows.dedup();
    }
    groups.sort_by_key(|g| (g.section, g.rows.first().copied(), g.flags[0].rule()));
    // Where a comment on a row goes, looked up at once: a journal may hold
    // hundreds of thousands of comments, and the preview is built anew on
    // every key. The first point covering the row, the first of its rule.
    let mut covering: HashMap<Location, usize> = HashMap::new();
    let mut covering_rule: HashMap<(Location, Rule), usize> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        for &row in &g.rows {
            covering.entry(row).or_insert(i);
            covering_rule.entry((row, g.flags[0].rule())).or_insert(i);
        }
    }
    let mut own: HashMap<Location, usize> = HashMap::new();
    for c in said {
        let Some(row) = comment_row(c) else { continue };
        let at = comment_rule(c)
            .and_then(|rule| covering_rule.get(&(row, rule)))
            .or_else(|| covering.get(&row))
            .or_else(|| own.get(&row))
            .copied();
        match at {
            Some(i) => groups[i].comments.push(c),
            None => {
                own.insert(row, groups.len());
                groups.push(Group {
                    section: section_of(row),
                    key: format!("{}/row/{row}", section_of(row)),
                    flags: Vec::new(),
                    rows: vec![row],
                    comments: vec![c],
                });
            }
        }
    }
    groups.sort_by_key(|g| (g.section, g.rows.first().copied(), g.flags.is_empty()));
    let mut sections: Vec<Section> = Vec::new();
    for g in groups {
        let point = Point {
            key: g.key.clone(),
            paragraphs: paragraphs(lang, d, &g),
            wording: Wording::Generated,
            places: g.rows.clone(),
        };
        let heading = SECTIONS[g.section].get(lang).to_string();
        match sections.last_mut() {
            Some(s) if s.heading == heading => s.points.push(point),
            _ => sections.push(Section {
                heading,
                points: vec![point],
            }),
        }
    }
    let whole: Vec<&Comment> = said
        .iter()
        .copied()
        .filter(|c| comment_row(c).is_none())
        .collect();
    sections.extend(other_section(lang, &whole));
    sections
}

/// A point's paragraphs: the problem with what to change, then each
/// comment on its rows (naming the row where the point names several).
fn paragraphs(lang: Lang, d: &Declaration, g: &Group) -> Vec<String> {
    let mut out = Vec::new();
    if !g.flags.is_empty() {
        out.push(crate::rules::point(
            lang,
            &g.flags,
            &places(lang, d, &g.rows),
            d,
        ));
    }
    for c in &g.comments {
        let mut lines = comment_lines(lang, c).into_iter();
        let Some(first) = lines.next() else { continue };
        let row = comment_row(c).unwrap_or(Location::Indicators);
        out.push(match (g.flags.is_empty(), g.rows.len()) {
            (true, _) => say::at_place(lang, &places(lang, d, &[row]), &first),
            (false, 1) => first,
            (false, _) => say::of_which(lang, &places(lang, d, &[row]), &first),
        });
        out.extend(lines);
    }
    out
}

/// 其他意见: one point per comment on the whole declaration.
pub(super) fn other_section(lang: Lang, comments: &[&Comment]) -> Option<Section> {
    let points: Vec<Point> = comments
        .iter()
        .map(|c| Point {
            key: format!("comment/{}", c.id),
            paragraphs: comment_lines(lang, c),
            wording: Wording::Generated,
            places: Vec::new(),
        })
        .filter(|p| !p.paragraphs.is_empty())
        .collect();
    (!points.is_empty()).then(|| Section {
        heading: words::OTHER.get(lang).to_string(),
        points,
    })
}

/// How many names a list of places quotes before `等N个`: all of them
/// where no row number finds them.
const NAMED_WITH_ROWS: usize = 3;
const NAMED_WITHOUT_ROWS: usize = 10;

/// The places of a point in the department's words: `表中第28—31行“A”“B”
/// 等4个指标`, `重点工作任务“X”`, `预算整体情况中“…”`.
pub(super) fn places(lang: Lang, d: &Declaration, rows: &[Location]) -> String {
    let sheet = sheet_rows(lang, d, rows);
    let named = |names: Vec<String>, count: usize, f: fn(Lang, &str, usize, bool) -> String| {
        let most = if sheet.is_some() {
            NAMED_WITH_ROWS
        } else {
            NAMED_WITHOUT_ROWS
        };
        let all = names.len() <= most;
        let shown: Vec<String> = names.into_iter().take(if all { most } else { 2 }).collect();
        let quoted = say::values(lang, &shown);
        format!(
            "{}{}",
            sheet.clone().unwrap_or_default(),
            f(lang, &quoted, count, all)
        )
    };
    match rows.first() {
        Some(Location::Indicator(..)) => {
            let names = distinct_names(rows.iter().map(|r| match r {
                Location::Indicator(i, _) => d.indicators.get(*i).and_then(|x| non_blank(&x.name)),
                _ => None,
            }));
            if names.is_empty() {
                return format!(
                    "{}{}",
                    sheet.unwrap_or_default(),
                    say::UNNAMED_INDICATOR.get(lang)
                );
            }
            named(names, rows.len(), say::indicators_named)
        }
        Some(Location::KeyTask(i, _)) => {
            let names = distinct_names(rows.iter().map(|r| match r {
                Location::KeyTask(i, _) => d.key_tasks.get(*i).and_then(|t| non_blank(&t.name)),
                _ => None,
            }));
            if names.is_empty() {
                return sheet.unwrap_or_else(|| say::task_numbered(lang, i + 1));
            }
            named(names, rows.len(), say::tasks_named)
        }
        Some(Location::BudgetBox(_)) => {
            let labels: Vec<String> = rows
                .iter()
                .filter_map(|r| match r {
                    Location::BudgetBox(b) => {
                        Some(i18n::budget_box_as_printed(lang, *b, &d.budget))
                    }
                    _ => None,
                })
                .collect();
            say::boxes_named(lang, &say::values(lang, &labels))
        }
        Some(&other) => i18n::location(lang, other),
        None => String::new(),
    }
}

/// The names of rows, trimmed and made safe, each once.
fn distinct_names<'a>(names: impl Iterator<Item = Option<&'a str>>) -> Vec<String> {
    crate::text::once_each(names.flatten().map(|n| display_line(n.trim()).into_owned()))
}

/// `表中第28—31行` where every row is a row of the department's sheet.
fn sheet_rows(lang: Lang, d: &Declaration, rows: &[Location]) -> Option<String> {
    if !matches!(
        rows.first(),
        Some(Location::Indicator(..) | Location::KeyTask(..))
    ) {
        return None;
    }
    let mut numbers: Vec<u32> = rows
        .iter()
        .map(|r| d.cells.cell(*r).map(|c| c.row.saturating_add(1)))
        .collect::<Option<_>>()?;
    numbers.sort_unstable();
    numbers.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j].saturating_add(1) {
            j += 1;
        }
        runs.push(match j - i {
            0 => numbers[i].to_string(),
            1 => format!("{}{}{}", numbers[i], say::list_separator(lang), numbers[j]),
            _ => say::row_range(numbers[i], numbers[j]),
        });
        i = j + 1;
    }
    Some(say::sheet_rows(lang, &runs.join(say::list_separator(lang))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(n: usize, path: &str) -> Comment {
        Comment {
            id: format!("c{n}"),
            reviewer: "王审核".into(),
            login: None,
            at: "2026-12-04T06:00:00.000Z".into(),
            place: Place::Location { path: path.into() },
            text: format!("意见{n}"),
            edited: false,
            editor: None,
            withdrawn: false,
            withdrawn_by: None,
            earlier_version: false,
            vouch: crate::review::journals::Vouch::Vouched,
        }
    }

    #[test]
    fn a_hundred_thousand_comments_find_their_rows_in_one_pass() {
        let d = crate::rules::test_support::clean();
        let said: Vec<Comment> = (0..100_000)
            .map(|n| comment(n, &format!("indicators[{}]", n % 6)))
            .collect();
        let refs: Vec<&Comment> = said.iter().collect();
        let sections = sections(Lang::Zh, &d, &[], &refs);
        let points: Vec<&Point> = sections.iter().flat_map(|s| s.points.iter()).collect();
        assert_eq!(points.len(), 6, "one point per row commented on");
        assert_eq!(
            points.iter().map(|p| p.paragraphs.len()).sum::<usize>(),
            100_000
        );
        assert!(points[0].paragraphs[0].starts_with("指标“档案数字化页数”：意见0"));
    }
}
