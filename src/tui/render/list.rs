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

/// The list's columns at a width: each as wide as its words (titles and
/// the rows on screen), the name taking the spare and giving up cells first;
/// the file name gets a column of its own when the width allows.
struct Columns {
    status: usize,
    name: usize,
    /// `None`: no room for the file's column; rows whose department
    /// another file shares name their file after the department.
    file: Option<usize>,
    year: usize,
    total: usize,
    count: usize,
    decision: usize,
}

impl Columns {
    fn of(desk: &Desk, titles: &[&str; 9], rows: &[&Row], cells: usize) -> Columns {
        let lang = desk.lang();
        let items: Vec<&Item> = rows
            .iter()
            .filter_map(|r| desk.items().get(r.item))
            .collect();
        let most = |title: &str, cells: &mut dyn Iterator<Item = String>| {
            cells
                .map(|c| width::width(&c))
                .max()
                .unwrap_or(0)
                .max(width::width(title))
        };
        let name = most(titles[1], &mut items.iter().map(|i| name_of(desk, i).0));
        let file = most(
            titles[2],
            &mut items
                .iter()
                .map(|i| display_line(&i.entry.file).into_owned()),
        );
        let year = most(titles[3], &mut ["2025".to_string()].into_iter());
        let total = most(
            titles[4],
            &mut items
                .iter()
                .map(|i| i.total.map(format_wan).unwrap_or_default()),
        );
        let count = titles[5..8]
            .iter()
            .map(|t| width::width(t))
            .chain(items.iter().flat_map(|i| {
                Severity::ALL
                    .into_iter()
                    .map(|s| i.count(s).to_string().len())
            }))
            .max()
            .unwrap_or(1);
        let decision = most(titles[8], &mut items.iter().map(|i| decision_cell(desk, i)))
            .max(width::width(i18n::resubmitted(lang)));
        let column = |natural, shrinks| width::Column { natural, shrinks };
        let fixed = [
            column(STATUS, false),
            column(name, true),
            column(year, false),
            column(total, false),
            column(count, false),
            column(count, false),
            column(count, false),
            column(decision, true),
        ];
        let with_file: Vec<width::Column> = fixed[..2]
            .iter()
            .copied()
            .chain([column(file, true)])
            .chain(fixed[2..].iter().copied())
            .collect();
        // The file's column only when nothing else is cut for it.
        let needed: usize = with_file.iter().map(|c| c.natural + 1).sum();
        if needed <= cells {
            let w = width::share(&with_file, Some(1), cells);
            return Columns {
                status: w[0],
                name: w[1],
                file: Some(w[2]),
                year: w[3],
                total: w[4],
                count: w[5],
                decision: w[8],
            };
        }
        let w = width::share(&fixed, Some(1), cells);
        Columns {
            status: w[0],
            name: w[1],
            file: None,
            year: w[2],
            total: w[3],
            count: w[4],
            decision: w[7],
        }
    }
}

/// The status column: a severity letter, ✓ or !!.
const STATUS: usize = 3;

/// The name a row shows: the department less the batch's region, and the
/// file when another file has the same department and there is no file
/// column; with how many characters were taken off the front (for the
/// search's highlight). `None` in the name's place: dimmed, not a name.
fn name_of(desk: &Desk, item: &Item) -> (String, usize, bool) {
    let lang = desk.lang();
    let raw = item
        .checked()
        .and_then(|c| c.declaration.department.name.as_deref())
        .filter(|n| !n.trim().is_empty());
    let Some(raw) = raw else {
        let shown = if item.checked().is_some() {
            i18n::unnamed_department(lang).to_string()
        } else {
            display_line(&item.entry.file).into_owned()
        };
        return (shown, 0, false);
    };
    let names = desk.names();
    let (name, cut) = match names.region.as_deref() {
        Some(region) if raw.trim_start().starts_with(region) && raw.trim() != region => {
            let start = raw.len() - raw.trim_start().len();
            let rest = &raw[start + region.len()..];
            (rest, raw[..start + region.len()].chars().count())
        }
        _ => (raw, 0),
    };
    (crate::sanitize::cell(name), cut, true)
}

/// Returns where the caret is when the filter line has the keyboard.
/// The title line's totals, counted as `check` counts them: files, those
/// that could not be read, and flags by severity (a file that could not be
/// read is no error flag: `check` says 28 errors and 2 unreadable, never
/// 30 errors). Flags left out (不采纳) are counted apart.
pub fn header(desk: &Desk) -> String {
    let lang = desk.lang();
    let (mut flags, mut unreadable, mut out) = (crate::rules::Counts::default(), 0, 0);
    for item in desk.items() {
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            flags.add(s, item.counts.get(s));
        }
        unreadable += usize::from(item.unreadable);
        out += item.dismissed;
    }
    let folder = display_line(desk.folder());
    let files = desk.items().len();
    let counts = [flags.error, flags.warning, flags.info];
    i18n::list_header(lang, &folder, files, unreadable, counts) + &i18n::dismissed_apart(lang, out)
}

pub fn draw(
    f: &mut Frame,
    desk: &Desk,
    theme: &Theme,
    [top, sub, body, status]: [Rect; 4],
) -> Option<Position> {
    let lang = desk.lang();
    let header = header(desk);
    super::title_line(f, top, &header, desk, theme);
    let second = if desk.progress().done {
        i18n::list_state(
            lang,
            desk.sort().label(),
            desk.reversed(),
            desk.severity().map(|s| s.label()),
            desk.decision().map(|d| d.label()),
            desk.rows().len(),
            desk.items().len(),
        ) + &i18n::years::list_filter(lang, desk.last_year_filter())
            + &desk.only().map_or_else(String::new, |o| {
                let what = match o {
                    crate::desk::Only::Rule(rule) => rule.id().to_string(),
                    crate::desk::Only::File(file) => display_line(file).into_owned(),
                    crate::desk::Only::Files(files) => i18n::season::files_only(lang, files.len()),
                    crate::desk::Only::Wrote { what, .. } => {
                        i18n::season::wrote(&display_line(what))
                    }
                };
                i18n::season::only(lang, &what)
            })
            + if desk.checking_across() {
                i18n::CHECKING_ACROSS.get(lang)
            } else {
                ""
            }
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
    let mut titles = i18n::list_columns(lang).map(str::to_string);
    // The region the rows leave off, once, over them.
    if let Some(region) = desk.names().region.as_deref() {
        titles[1] = i18n::names_of_region(lang, &titles[1], &display_line(region));
    }
    let titles = titles.each_ref().map(String::as_str);
    let page: Vec<&Row> = desk
        .rows()
        .iter()
        .skip(layout.start)
        .take(usize::from(layout.rows.height))
        .collect();
    let cols = Columns::of(desk, &titles, &page, total_width);
    // Narrow: the region alone over the names, rather than cut.
    let name_title = match desk.names().region.as_deref() {
        Some(region) if width::width(titles[1]) > cols.name => display_line(region).into_owned(),
        _ => titles[1].to_string(),
    };
    let mut heading = format!(
        "{} {} ",
        fit(titles[0], cols.status),
        fit(&name_title, cols.name)
    );
    if let Some(fw) = cols.file {
        heading.push_str(&format!("{} ", fit(titles[2], fw)));
    }
    heading.push_str(&format!(
        "{} {} {} {} {} {}",
        fit(titles[3], cols.year),
        fit_right(titles[4], cols.total),
        fit_right(titles[5], cols.count),
        fit_right(titles[6], cols.count),
        fit_right(titles[7], cols.count),
        fit(titles[8], cols.decision),
    ));
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
            lines.push(row_line(desk, theme, item, row, &cols, n == desk.cursor()));
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
            return (s.letter(), theme.severity(s));
        }
    }
    (theme.ok_mark(), theme.ok())
}

fn row_line<'a>(
    desk: &Desk,
    theme: &Theme,
    item: &Item,
    row: &Row,
    cols: &Columns,
    selected: bool,
) -> Line<'a> {
    let base = if selected {
        theme.selected()
    } else {
        Style::default()
    };
    let (mark, mark_style) = status_mark(item, theme);
    let mut spans = vec![
        Span::styled(fit(mark, cols.status), base.patch(mark_style)),
        Span::styled(" ", base),
    ];
    let (mut name, cut, real) = name_of(desk, item);
    let file = display_line(&item.entry.file);
    if real
        && cols.file.is_none()
        && item
            .checked()
            .and_then(|c| c.declaration.department.name.as_deref())
            .is_some_and(|n| desk.names().shared.contains(n.trim()))
    {
        // The file tells the two apart: it stays whole, the name gives way.
        let tail = format!(" · {file}");
        let room = cols.name.saturating_sub(width::width(&tail));
        name = match room {
            0..4 => file.to_string(),
            _ => format!("{}{tail}", width::truncate(&name, room)),
        };
    }
    if real {
        let matched: Vec<usize> = row
            .hit
            .name_chars
            .iter()
            .filter_map(|&c| c.checked_sub(cut))
            .collect();
        spans.extend(highlighted(&name, &matched, cols.name, base, theme));
    } else {
        spans.push(Span::styled(
            theme.ascii_safe(&fit(&name, cols.name)),
            base.patch(theme.dim()),
        ));
    }
    if let Some(fw) = cols.file {
        spans.push(Span::styled(
            format!(" {}", theme.ascii_safe(&fit(&file, fw))),
            base.patch(theme.dim()),
        ));
    }
    let checked = item.checked();
    let year = checked
        .and_then(|c| c.declaration.fiscal_year)
        .map(|y| y.to_string())
        .unwrap_or_else(|| "-".into());
    let total = item.total.map(format_wan).unwrap_or_else(|| "-".into());
    let count = |s: Severity| {
        let n = item.count(s);
        Span::styled(
            fit_right(&n.to_string(), cols.count),
            if n > 0 {
                base.patch(theme.severity(s))
            } else {
                base.patch(theme.dim())
            },
        )
    };
    spans.extend([
        Span::styled(format!(" {}", fit(&year, cols.year)), base),
        Span::styled(format!(" {}", fit_right(&total, cols.total)), base),
        Span::styled(" ", base),
        count(Severity::Error),
        Span::styled(" ", base),
        count(Severity::Warning),
        Span::styled(" ", base),
        count(Severity::Info),
        Span::styled(
            format!(
                " {}",
                theme.ascii_safe(&fit(&decision_cell(desk, item), cols.decision))
            ),
            base,
        ),
    ]);
    Line::from(spans)
}

/// The decision, its grade, how many comments stand and how many flags
/// were dismissed: `退回 中 ·3 -1`.
fn decision_cell(desk: &Desk, item: &Item) -> String {
    let mut cell = decision_and_comments(desk, item);
    if item.dismissed > 0 {
        cell = format!("{cell} -{}", item.dismissed)
            .trim_start()
            .to_string();
    }
    // Sent back and submitted again: the list says so, not only its pane.
    if item.review.resubmitted() {
        cell = format!("{} {cell}", i18n::resubmitted(desk.lang()))
            .trim_end()
            .to_string();
    }
    cell
}

fn decision_and_comments(desk: &Desk, item: &Item) -> String {
    let review = &item.review;
    if review.journal_problem.is_some() || review.alarmed() {
        return i18n::journal_bad_short(desk.lang()).to_string();
    }
    if review.verdict.is_none() && review.unconfirmed.is_some() {
        return i18n::authorship::unconfirmed_short(desk.lang()).to_string();
    }
    let comments = review.standing().count();
    let decided = review.verdict.as_ref().map(|v| {
        let grade = v.grade.map(|g| {
            let label = g.label().get(desk.lang());
            if v.contradicts() {
                i18n::contradicting_grade_short(desk.lang(), label)
            } else {
                label.to_string()
            }
        });
        format!(
            "{} {}",
            v.decision.short_label().get(desk.lang()),
            grade.unwrap_or_default()
        )
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

#[cfg(test)]
mod tests {
    /// Issue 19: the desk's header counted a file that could not be read
    /// as an error (错误 30) where `check` said 错误 28 条 and 2 unreadable.
    /// One definition now: the header says what `check`'s summary says.
    #[test]
    fn the_header_counts_as_check_does() {
        let desk = crate::testing::sample_desk(crate::i18n::Lang::Zh);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let config = crate::config::Config::default();
        let entries = crate::check::check_folder(&dir, &config).unwrap();
        let s = crate::report::Summary::of(&entries);
        assert!(s.load_errors > 0, "the sample has unreadable files");
        let header = super::header(&desk);
        let want = format!(
            "{} 个文件 · 无法读取 {} · 错误 {} · 警告 {} · 提示 {}",
            s.files, s.load_errors, s.flags.error, s.flags.warning, s.flags.info
        );
        assert!(header.contains(&want), "{header}\nwant {want}");
    }
}
