//! The batch: one row per file.

use super::{caret, text_line};
use crate::amount::format_wan;
use crate::desk::{Desk, Item, Row};
use crate::i18n;
use crate::rules::Severity;
use crate::sanitize::display_line;
use crate::tui::theme::Theme;
use crate::width::{self, fit, fit_right};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Fixed columns: status, year, total, three counts, decision; the name takes the rest.
const STATUS: usize = 3;
const YEAR: usize = 6;
const TOTAL: usize = 16;
const COUNT: usize = 4;
const DECISION: usize = 10;

fn name_width(total: usize) -> usize {
    total
        .saturating_sub(STATUS + YEAR + TOTAL + 3 * COUNT + DECISION + 7)
        .max(8)
}

/// Returns where the caret is when the filter line has the keyboard.
pub fn draw(
    f: &mut Frame,
    desk: &Desk,
    theme: &Theme,
    [top, sub, body, status]: [Rect; 4],
) -> Option<Position> {
    let lang = desk.lang();
    let (mut e, mut w, mut i, mut out) = (0, 0, 0, 0);
    for item in desk.items() {
        e += item.count(Severity::Error);
        w += item.count(Severity::Warning);
        i += item.count(Severity::Info);
        out += item.dismissed;
    }
    let folder = display_line(desk.folder());
    let header = i18n::list_header(lang, &folder, desk.items().len(), e, w, i)
        + &i18n::dismissed_apart(lang, out);
    text_line(f, top, &header, theme.title(), theme);
    let second = if desk.progress().done {
        i18n::list_state(
            lang,
            desk.sort().label(),
            desk.reversed(),
            desk.severity().map(|s| s.label()),
            desk.decision().map(|d| d.label()),
            desk.rows().len(),
            desk.items().len(),
        )
    } else {
        i18n::loading(lang, desk.progress().loaded, desk.progress().found)
    };
    text_line(f, sub, &second, theme.dim(), theme);

    let layout = layout(desk, body);
    if let Some((area, text)) = &layout.message {
        let lines: Vec<Line> = text
            .iter()
            .map(|l| {
                Line::from(Span::styled(
                    theme.ascii_safe(l),
                    theme.severity(Severity::Error),
                ))
            })
            .collect();
        f.render_widget(Paragraph::new(lines), *area);
    }
    let body = Rect {
        y: layout.rows.y.saturating_sub(1),
        height: layout.rows.height + 1,
        ..layout.rows
    };
    let total_width = usize::from(body.width);
    let nw = name_width(total_width);
    let cols = i18n::list_columns(lang);
    let heading = format!(
        "{} {} {} {} {} {} {} {}",
        fit(cols[0], STATUS),
        fit(cols[1], nw),
        fit(cols[2], YEAR),
        fit_right(cols[3], TOTAL),
        fit_right(cols[4], COUNT),
        fit_right(cols[5], COUNT),
        fit_right(cols[6], COUNT),
        fit(cols[7], DECISION),
    );
    let mut lines = vec![Line::from(Span::styled(
        width::truncate(&heading, total_width),
        theme.heading(),
    ))];
    let room = usize::from(layout.rows.height);
    if desk.rows().is_empty() && desk.progress().done {
        lines.push(Line::from(i18n::no_match(lang)));
    }
    // Keep the cursor on screen: scroll by whole pages of rows.
    let start = layout.start;
    for (n, row) in desk.rows().iter().enumerate().skip(start).take(room) {
        if let Some(item) = desk.items().get(row.item) {
            lines.push(row_line(desk, theme, item, row, nw, n == desk.cursor()));
        }
    }
    f.render_widget(Paragraph::new(lines), body);

    if desk.typing() || !desk.query().is_empty() {
        let prompt = format!(
            "{}{}",
            i18n::filter_prompt(lang),
            display_line(desk.query())
        );
        text_line(f, status, &prompt, theme.normal(), theme);
        return desk.typing().then(|| caret(status, &prompt));
    }
    if let Some(notice) = desk.notice() {
        super::notice_line(f, status, notice, theme);
    }
    None
}

/// Where the list's parts go in its area: the rows (below the column
/// titles), the first row shown, and a failed file's message below them.
/// Drawing and mouse clicks both use it, so they always agree.
pub struct ListLayout {
    pub rows: Rect,
    pub start: usize,
    message: Option<(Rect, Vec<String>)>,
}

pub fn layout(desk: &Desk, body: Rect) -> ListLayout {
    let mut list = body;
    let mut message = None;
    if let Some(item) = desk.selected()
        && let Err(err) = &item.entry.outcome
        && !desk.typing()
    {
        let text = width::wrap(
            &err.message(desk.lang(), &item.entry.file),
            usize::from(body.width).max(1),
        );
        let rows = u16::try_from(text.len())
            .unwrap_or(u16::MAX)
            .min(body.height / 2);
        if rows > 0 {
            list.height = body.height - rows;
            message = Some((
                Rect {
                    y: body.y + list.height,
                    height: rows,
                    ..body
                },
                text,
            ));
        }
    }
    // The first line holds the column titles.
    let rows = Rect {
        y: list.y.saturating_add(1),
        height: list.height.saturating_sub(1),
        ..list
    };
    let room = usize::from(rows.height);
    // Keep the cursor on screen: scroll by whole pages of rows.
    let start = desk
        .cursor()
        .checked_div(room)
        .map_or(0, |page| page * room);
    ListLayout {
        rows,
        start,
        message,
    }
}

fn status_mark(item: &Item, theme: &Theme) -> (&'static str, Style) {
    if item.entry.outcome.is_err() {
        return ("!!", theme.severity(Severity::Error));
    }
    for s in Severity::ALL {
        if item.count(s) > 0 {
            let letter = match s {
                Severity::Error => "E",
                Severity::Warning => "W",
                Severity::Info => "I",
            };
            return (letter, theme.severity(s));
        }
    }
    (theme.ok_mark(), theme.ok())
}

fn row_line<'a>(
    desk: &Desk,
    theme: &Theme,
    item: &Item,
    row: &Row,
    nw: usize,
    selected: bool,
) -> Line<'a> {
    let base = if selected {
        theme.selected()
    } else {
        Style::default()
    };
    let (mark, mark_style) = status_mark(item, theme);
    let mut spans = vec![
        Span::styled(fit(mark, STATUS), base.patch(mark_style)),
        Span::styled(" ", base),
    ];
    let checked = item.checked();
    let name = checked
        .and_then(|c| c.declaration.department.name.as_deref())
        .filter(|n| !n.trim().is_empty())
        .map(crate::sanitize::cell);
    match name {
        Some(name) => spans.extend(highlighted(&name, &row.hit.name_chars, nw, base, theme)),
        None => {
            let shown = if checked.is_some() {
                i18n::unnamed_department(desk.lang()).to_string()
            } else {
                item.entry.file.clone()
            };
            spans.push(Span::styled(
                theme.ascii_safe(&fit(&display_line(&shown), nw)),
                base.patch(theme.dim()),
            ));
        }
    }
    let year = checked
        .and_then(|c| c.declaration.fiscal_year)
        .map(|y| y.to_string())
        .unwrap_or_else(|| "-".into());
    let total = item.total.map(format_wan).unwrap_or_else(|| "-".into());
    let count = |s: Severity| {
        let n = item.count(s);
        Span::styled(
            fit_right(&n.to_string(), COUNT),
            if n > 0 {
                base.patch(theme.severity(s))
            } else {
                base.patch(theme.dim())
            },
        )
    };
    spans.extend([
        Span::styled(format!(" {}", fit(&year, YEAR)), base),
        Span::styled(format!(" {}", fit_right(&total, TOTAL)), base),
        Span::styled(" ", base),
        count(Severity::Error),
        Span::styled(" ", base),
        count(Severity::Warning),
        Span::styled(" ", base),
        count(Severity::Info),
        Span::styled(
            format!(" {}", fit(&decision_cell(desk, item), DECISION)),
            base,
        ),
    ]);
    Line::from(spans)
}

/// The decision, its grade, how many comments stand and how many flags
/// were dismissed: `退回 中 ·3 -1`.
fn decision_cell(desk: &Desk, item: &Item) -> String {
    let cell = decision_and_comments(desk, item);
    match item.dismissed {
        0 => cell,
        n if cell.is_empty() => format!("-{n}"),
        n => format!("{cell} -{n}"),
    }
}

fn decision_and_comments(desk: &Desk, item: &Item) -> String {
    let review = &item.review;
    if review.journal_problem.is_some() {
        return i18n::journal_bad_short(desk.lang()).to_string();
    }
    let comments = review.standing().count();
    let decided = review.verdict.as_ref().map(|v| {
        let grade = v.grade.map(|g| g.label().get(desk.lang())).unwrap_or("");
        format!("{} {grade}", v.decision.short_label().get(desk.lang()))
    });
    match (decided, comments) {
        (Some(d), 0) => d,
        (Some(d), n) => format!("{d} ·{n}"),
        (None, 0) => String::new(),
        (None, n) => format!("·{n}"),
    }
}

/// The name cut to `cells`, its matched characters styled.
fn highlighted<'a>(
    name: &str,
    matched: &[usize],
    cells: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let shown = theme.ascii_safe(&width::truncate(name, cells));
    let mut spans: Vec<Span> = shown
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if matched.contains(&i) {
                base.patch(theme.matched())
            } else {
                base
            };
            Span::styled(c.to_string(), style)
        })
        .collect();
    let pad = cells.saturating_sub(width::width(&shown));
    spans.push(Span::styled(" ".repeat(pad), base));
    spans
}
