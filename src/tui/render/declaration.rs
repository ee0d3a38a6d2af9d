//! One declaration: a tab line of the five panes and the open pane's lines.

use super::text_line;
use crate::desk::panes::{Cell, CheckMark, Line, Pane, Style as LineStyle};
use crate::desk::{Desk, Overlay, Screen};
use crate::i18n;
use crate::rules::{Flag, Severity};
use crate::sanitize::display_line;
use crate::tui::theme::Theme;
use crate::width::{self, fit, fit_right};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::Paragraph;

/// How a pane's columns share the width: each column as wide as its
/// widest cell, the spare to the pane's text column, and when short the
/// text columns give up cells (numbers never), widest first. A row with
/// fewer cells (a budget box beside the sums) uses the first columns, so
/// amounts line up; flag lines are laid out apart.
struct Columns {
    rows: Shape,
    /// Lines with fewer cells whose words the shared columns would cut
    /// (a budget box's long label beside wide sums): laid out on their own.
    short: Vec<(usize, Shape)>,
    flag_lines: Shape,
    /// The flag cell to the right of every row, after `rows.total` cells.
    flags: usize,
}

#[derive(Default)]
struct Shape {
    widths: Vec<usize>,
    /// Columns that read right-aligned (amounts).
    right: Vec<bool>,
}

impl Shape {
    fn of(pane: Pane, lines: &[&Line], flag_lines: bool, room: usize, theme: &Theme) -> Shape {
        let count = lines.iter().map(|l| l.cells.len()).max().unwrap_or(0);
        let natural: Vec<width::Column> = (0..count)
            .map(|i| width::Column {
                natural: lines
                    .iter()
                    .flat_map(|l| {
                        l.cells
                            .get(i)
                            .into_iter()
                            .chain(l.whole.iter().filter_map(|w| w.get(i)))
                    })
                    .map(|c| width::width(&theme.ascii_safe(c)))
                    .max()
                    .unwrap_or(0),
                shrinks: shrinks(pane, flag_lines, count, i),
            })
            .collect();
        let widths = width::share(&natural, spare(pane, flag_lines, count), room);
        let right = (0..count)
            .map(|i| {
                // The money panes' column titles line up with their numbers.
                matches!(pane, Pane::Budget | Pane::Tasks)
                    && lines
                        .iter()
                        .filter(|l| l.style == LineStyle::Row)
                        .filter_map(|l| l.cells.get(i))
                        .all(|c| c.right_aligned() || c.is_empty())
            })
            .collect();
        Shape { widths, right }
    }

    /// Cells the columns take with their spaces.
    fn total(&self) -> usize {
        self.widths.iter().sum::<usize>() + self.widths.len()
    }
}

impl Columns {
    fn of(pane: Pane, lines: &[Line], flags: &[Flag], cells: usize, theme: &Theme) -> Columns {
        let flag_room = lines
            .iter()
            .filter(|l| l.style == LineStyle::Row)
            .map(|l| width::width(&flag_text(l, flags, theme)))
            .max()
            .unwrap_or(0)
            .min((cells / 5).max(12));
        let tabular = |l: &&Line| l.cells.len() > 1 || l.style == LineStyle::Row;
        let rows: Vec<&Line> = lines
            .iter()
            .filter(|l| matches!(l.style, LineStyle::Row | LineStyle::Heading))
            .filter(tabular)
            .collect();
        let flag_lines: Vec<&Line> = lines
            .iter()
            .filter(|l| matches!(l.style, LineStyle::Flag(_)))
            .collect();
        let room = cells.saturating_sub(flag_room + 1);
        let shared = Shape::of(pane, &rows, false, room, theme);
        let mut short = Vec::new();
        let mut counts: Vec<usize> = rows
            .iter()
            .filter(|l| l.style == LineStyle::Row)
            .map(|l| l.cells.len())
            .filter(|&c| c < shared.widths.len())
            .collect();
        counts.sort_unstable();
        counts.dedup();
        for count in counts {
            let alike: Vec<&Line> = rows
                .iter()
                .copied()
                .filter(|l| l.style == LineStyle::Row && l.cells.len() == count)
                .collect();
            let cut = alike.iter().any(|l| {
                l.cells
                    .iter()
                    .zip(&shared.widths)
                    .any(|(c, w)| width::width(&theme.ascii_safe(c)) > *w)
            });
            if cut {
                short.push((count, Shape::of(pane, &alike, false, room, theme)));
            }
        }
        Columns {
            rows: shared,
            short,
            flag_lines: Shape::of(pane, &flag_lines, true, cells, theme),
            flags: flag_room,
        }
    }

    fn of_line(&self, line: &Line) -> &Shape {
        match line.style {
            LineStyle::Flag(_) => &self.flag_lines,
            _ => self
                .short
                .iter()
                .find(|(count, _)| *count == line.cells.len())
                .map_or(&self.rows, |(_, shape)| shape),
        }
    }
}

/// The tabs of the panes, as many words as the width holds: each padded
/// and apart; else closer; else the open pane's name and the others'
/// numbers (every pane's key stays on screen).
fn tab_line<'a>(pane: Pane, lang: i18n::Lang, width: u16, theme: &Theme) -> TextLine<'a> {
    let labels = |pad: &str, named: &dyn Fn(Pane) -> bool| -> Vec<String> {
        Pane::ALL
            .iter()
            .map(|&p| match named(p) {
                true => format!("{pad}{} {}{pad}", p.index() + 1, p.label().get(lang)),
                false => format!("{pad}{}{pad}", p.index() + 1),
            })
            .collect()
    };
    let fits =
        |l: &[String]| l.iter().map(|t| width::width(t) + 1).sum::<usize>() <= usize::from(width);
    let mut tabs = labels(" ", &|_| true);
    if !fits(&tabs) {
        tabs = labels("", &|_| true);
    }
    if !fits(&tabs) {
        tabs = labels(" ", &|p| p == pane);
    }
    let mut spans = Vec::new();
    for (p, label) in Pane::ALL.iter().zip(tabs) {
        let style = if *p == pane {
            theme.selected().patch(theme.heading())
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    TextLine::from(spans)
}

/// Which columns are text and may be narrower than their words.
fn shrinks(pane: Pane, flag_line: bool, count: usize, i: usize) -> bool {
    if flag_line {
        // severity, rule, place, message
        return i >= 2;
    }
    match pane {
        Pane::Overview => i == 1,
        Pane::Budget => i == 0,
        Pane::Tasks => i == 1,
        // row, 一级, 二级, 三级, the target(s)
        Pane::Indicators => i >= 1,
        Pane::Problems | Pane::Review => i + 1 == count,
        // the name, then the targets (amounts never)
        Pane::LastYear => i <= 2,
        // a point's words, a change's place
        Pane::Revision => i >= 1,
    }
}

/// The column that takes the spare cells, if any: the one whose words
/// are longest to read. The budget's numbers stay beside their labels.
fn spare(pane: Pane, flag_line: bool, count: usize) -> Option<usize> {
    if flag_line {
        return Some(3);
    }
    match pane {
        Pane::Overview | Pane::Tasks => Some(1),
        Pane::Budget => None,
        Pane::Indicators => Some(3),
        Pane::Problems | Pane::Review => count.checked_sub(1),
        Pane::LastYear => None,
        Pane::Revision => count.checked_sub(1),
    }
}

/// Draws the declaration screen; returns where the real cursor goes when
/// the comment editor is open.
pub fn draw(
    f: &mut Frame,
    desk: &Desk,
    theme: &Theme,
    [top, sub, body, status]: [Rect; 4],
) -> Option<Position> {
    let Screen::Declaration { item, .. } = desk.screen() else {
        return None;
    };
    let it = desk.items().get(item)?;
    // A file that did not load opens too, to be commented on and returned.
    let checked = it.checked();
    let (pane, at, lines) = desk.pane_lines()?;
    let lang = desk.lang();
    let title = match checked {
        Some(checked) => {
            // A blank name reads as the list has it.
            let name = crate::text::non_blank(&checked.declaration.department.name)
                .map(crate::sanitize::cell)
                .unwrap_or_else(|| i18n::unnamed_department(lang).to_string());
            format!(
                "{name} · {} · {} · E{} W{} I{}{}",
                display_line(&it.entry.file),
                i18n::fiscal_year(lang, checked.declaration.fiscal_year),
                it.count(Severity::Error),
                it.count(Severity::Warning),
                it.count(Severity::Info),
                i18n::dismissed_apart(lang, it.dismissed)
            )
        }
        None => i18n::unreadable_title(lang, &display_line(&it.entry.file)),
    };
    let flags = checked.map_or(&[][..], |c| c.flags.as_slice());
    let printed = match checked {
        Some(c) => crate::model::cells::Printed::of(&c.declaration),
        None => crate::model::cells::Printed::none(),
    };
    super::title_line(f, top, &title, desk, theme);

    f.render_widget(Paragraph::new(tab_line(pane, lang, sub.width, theme)), sub);

    let cells = usize::from(body.width);
    let columns = Columns::of(pane, &lines, flags, cells, theme);
    let rendered: Vec<Vec<TextLine>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| render_line(l, flags, &columns, cells, i == at, theme))
        .collect();
    let mut detail_shown = false;
    let (body, caret) = if let Some(editor) = desk.editor() {
        // The editor takes the detail's place, under the line it is about.
        let (above, cursor) =
            super::editor::draw(f, lang, editor, printed, desk.zone(), theme, body);
        (above, Some(cursor))
    } else {
        // Below the pane: the line under the cursor in full, and its flags.
        let detail = lines
            .get(at)
            .zip(checked)
            .map(|(line, checked)| detail_lines(desk, checked, line, cells, theme))
            .unwrap_or_default();
        // The pane keeps the rows it needs, up to half; the detail has the rest.
        let pane_needs =
            u16::try_from(rendered.iter().map(Vec::len).sum::<usize>()).unwrap_or(u16::MAX);
        let keep = pane_needs.min(body.height / 2).max(1);
        let detail_rows = u16::try_from(detail.len())
            .unwrap_or(u16::MAX)
            .min(body.height.saturating_sub(keep + 1));
        detail_shown = detail_rows > 0;
        if detail_rows > 0 {
            let [pane_area, rule, detail_area] = Layout::vertical([
                Constraint::Min(1),
                Constraint::Length(1),
                Constraint::Length(detail_rows),
            ])
            .areas(body);
            f.render_widget(
                Paragraph::new(Span::styled("-".repeat(cells), theme.dim())),
                rule,
            );
            f.render_widget(Paragraph::new(detail), detail_area);
            (pane_area, None)
        } else {
            (body, None)
        }
    };
    // Scroll so the cursor's line is fully on screen, as low as it needs.
    let room = usize::from(body.height);
    let mut start = at.min(rendered.len().saturating_sub(1));
    let mut used = rendered.get(start).map_or(0, Vec::len);
    while start > 0 && used + rendered[start - 1].len() <= room {
        start -= 1;
        used += rendered[start].len();
    }
    let shown: Vec<TextLine> = rendered
        .into_iter()
        .skip(start)
        .flatten()
        .take(room)
        .collect();
    f.render_widget(Paragraph::new(shown), body);

    // The status line: a question, a notice (a failed save), or what is
    // wrong with the line under the cursor. A decision's grade question is
    // drawn over it with the keys that answer it (`super::draw`).
    let question = match desk.overlay() {
        Some(Overlay::Editor { discard: true, .. }) => Some(i18n::discard_prompt(lang).to_string()),
        Some(Overlay::Withdraw { .. }) => Some(i18n::withdraw_prompt(lang).to_string()),
        Some(&Overlay::ApproveAnyway { errors }) => Some(i18n::approve_anyway_prompt(lang, errors)),
        Some(Overlay::OverColleague(_)) => desk.over_colleague_question(),
        Some(Overlay::DismissRule(crate::review::draft::Target::DismissRule {
            place: crate::review::Place::Flag { rule, .. },
            flags,
            files,
            ..
        })) => Some(i18n::dismiss_rule_prompt(lang, rule, *flags, *files)),
        _ => None,
    };
    if let Some(question) = question {
        text_line(f, status, &question, theme.title(), theme);
        return caret;
    }
    if let Some(notice) = desk.notice() {
        super::notice_line(f, status, notice, theme);
        return caret;
    }
    // A flag the detail or the line itself already shows is not said again.
    if let Some(line) = lines.get(at)
        && !detail_shown
        && !matches!(line.style, LineStyle::Flag(_))
        && let Some(flag) = line.flags.first().and_then(|&i| flags.get(i))
    {
        let more = if line.flags.len() > 1 {
            format!(" (+{})", line.flags.len() - 1)
        } else {
            String::new()
        };
        let text = format!(
            "{} {} {}{more}",
            flag.severity.label().get(lang),
            flag.rule().id(),
            flag.message(lang)
        );
        text_line(f, status, &text, theme.severity(flag.severity), theme);
    }
    caret
}

/// The line under the cursor in full, with its flags' messages (and their
/// rules' titles and basis when `e` asked), wrapped under their labels.
fn detail_lines<'a>(
    desk: &Desk,
    checked: &crate::check::Checked,
    line: &Line,
    cells: usize,
    theme: &Theme,
) -> Vec<TextLine<'a>> {
    let lang = desk.lang();
    let mut pairs = crate::desk::panes::detail(lang, checked, line, desk.explain());
    pairs.extend(desk.judgements(line));
    pairs
        .into_iter()
        .flat_map(|(label, text)| {
            let label = format!("{label}{}", i18n::colon(lang));
            let indent = width::width(&label);
            width::wrap(&text, cells.saturating_sub(indent).max(8))
                .into_iter()
                .enumerate()
                .map(|(n, part)| {
                    let head = if n == 0 {
                        label.clone()
                    } else {
                        " ".repeat(indent)
                    };
                    TextLine::from(vec![
                        Span::styled(head, theme.heading()),
                        Span::raw(theme.ascii_safe(&part)),
                    ])
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One pane line as one or more screen rows. The line under the cursor
/// shows every cell whole, wrapped inside its column; others are cut to
/// fit, and their full text is one key away.
fn render_line<'a>(
    line: &Line,
    flags: &[Flag],
    columns: &Columns,
    cells: usize,
    selected: bool,
    theme: &Theme,
) -> Vec<TextLine<'a>> {
    let base = if selected {
        theme.selected()
    } else {
        Style::default()
    };
    let safe = |s: &str| theme.ascii_safe(s);
    let shape = columns.of_line(line);
    let (widths, right) = (shape.widths.as_slice(), shape.right.as_slice());
    // Under the cursor, an indicator row names its 一级 and 二级 too.
    let shown = match (&line.whole, selected) {
        (Some(whole), true) => whole.as_slice(),
        _ => line.cells.as_slice(),
    };
    match &line.style {
        // A one-cell heading is a title; a heading of several cells names
        // the pane's columns and lines up with them.
        LineStyle::Heading if line.cells.len() > 1 => {
            // Column titles are never cut: a narrow one wraps.
            let style = base.patch(theme.heading());
            let rows = cell_rows(shown, widths, right, true, theme);
            rows.into_iter()
                .map(|r| TextLine::from(Span::styled(r, style)))
                .collect()
        }
        LineStyle::Heading => {
            let text = line.cells.join("  ");
            let parts = if selected {
                width::wrap(&text, cells)
            } else {
                vec![width::truncate(&text, cells)]
            };
            parts
                .into_iter()
                .map(|p| TextLine::from(Span::styled(safe(&p), base.patch(theme.heading()))))
                .collect()
        }
        LineStyle::Paragraph => {
            let text = line.cells.join(" ");
            let wrapped = width::wrap(&text, cells.saturating_sub(2));
            wrapped
                .into_iter()
                .map(|l| TextLine::from(Span::styled(format!("  {}", safe(&l)), base)))
                .collect()
        }
        LineStyle::Flag(severity) => cell_rows(shown, widths, right, selected, theme)
            .into_iter()
            .enumerate()
            .map(|(n, row)| {
                // The severity word in its colour, on the first row.
                let split = widths.first().map_or(0, |w| w + 1);
                let (head, rest) = split_at_cells(&row, if n == 0 { split } else { 0 });
                TextLine::from(vec![
                    Span::styled(head, base.patch(theme.severity(*severity))),
                    Span::styled(rest, base),
                ])
            })
            .collect(),
        LineStyle::Row => {
            // Numbers read right-aligned wherever they stand (上年对比
            // holds amounts above and targets below in the same columns);
            // the column's alignment is for its title.
            let by_type: Vec<bool> = shown.iter().map(Cell::right_aligned).collect();
            let rows = cell_rows(shown, widths, &by_type, selected, theme);
            let flag = flag_cell(line, flags, columns.flags, base, theme);
            rows.into_iter()
                .enumerate()
                .map(|(n, row)| {
                    // Every row's flags in one column, after the widest shape.
                    let row = fit(&row, columns.rows.total());
                    let mut spans = vec![Span::styled(row, base)];
                    if n == 0 {
                        spans.push(flag.clone());
                    } else {
                        spans.push(Span::styled(" ".repeat(columns.flags + 1), base));
                    }
                    TextLine::from(spans)
                })
                .collect()
        }
    }
}

/// Splits a row of text after `cells` cells.
fn split_at_cells(row: &str, cells: usize) -> (String, String) {
    let head = width::truncate_exact(row, cells);
    let rest = row[head.len()..].to_string();
    (head, rest)
}

/// The text of a row's flag cell: the worst severity's letter and the rule
/// IDs; on the budget's sums, a check mark when their check ran and is
/// quiet, 未核对 when it did not run.
fn flag_text(line: &Line, flags: &[Flag], theme: &Theme) -> String {
    match line.worst(flags) {
        Some(worst) => {
            let ids: Vec<&str> = line
                .flags
                .iter()
                .filter_map(|&i| flags.get(i))
                .map(|f| f.rule().id())
                .collect();
            format!("{} {}", worst.letter(), ids.join(","))
        }
        None => match &line.check {
            Some(CheckMark::Passed) => theme.ok_mark().to_string(),
            Some(CheckMark::NotRun(words)) => words.clone(),
            None => String::new(),
        },
    }
}

/// The flags of a row, in the colour of the worst.
fn flag_cell<'a>(line: &Line, flags: &[Flag], room: usize, base: Style, theme: &Theme) -> Span<'a> {
    let text = flag_text(line, flags, theme);
    let style = match (line.worst(flags), &line.check) {
        (Some(worst), _) => base.patch(theme.severity(worst)),
        (None, Some(CheckMark::NotRun(_))) => base.patch(theme.severity(Severity::Warning)),
        (None, _) if !text.is_empty() => base.patch(theme.ok()),
        (None, _) => base,
    };
    Span::styled(format!(" {}", fit(&text, room)), style)
}

/// Cells laid out in their columns as screen rows: one row, each cell cut
/// to its width; or, `whole`, each cell wrapped in its column and as many
/// rows as the longest needs.
fn cell_rows(
    cells: &[Cell],
    widths: &[usize],
    right: &[bool],
    whole: bool,
    theme: &Theme,
) -> Vec<String> {
    let parts: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            let text = cells.get(i).map_or("", |c| c.text.as_str());
            let text = theme.ascii_safe(text);
            if whole && width::width(&text) > w {
                width::wrap(&text, w)
            } else {
                vec![width::truncate(&text, w)]
            }
        })
        .collect();
    let height = parts.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (0..height)
        .map(|r| {
            let mut row = String::new();
            for (i, &w) in widths.iter().enumerate() {
                let part = parts[i].get(r).map(String::as_str).unwrap_or("");
                let cell = if right.get(i).copied().unwrap_or(false) {
                    fit_right(part, w)
                } else {
                    fit(part, w)
                };
                row.push_str(&cell);
                row.push(' ');
            }
            // The cut mark too.
            theme.ascii_safe(&row)
        })
        .collect()
}
