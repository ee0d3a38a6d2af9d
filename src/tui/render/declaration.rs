//! One declaration: a tab line of the five panes and the open pane's lines.

use super::text_line;
use crate::desk::panes::{Line, Pane, Style as LineStyle};
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

/// Below this many cells, the narrow column sets are used.
const WIDE: usize = 100;

/// Column widths of a pane's rows at a width; `0` takes what is left. A
/// form with a single target column has five indicator columns, not six.
fn columns(pane: Pane, cells: usize, line_cells: usize) -> &'static [usize] {
    let wide = cells >= WIDE;
    match pane {
        Pane::Indicators if line_cells == 5 && wide => &[4, 10, 14, 0, 16],
        Pane::Indicators if line_cells == 5 => &[3, 8, 10, 0, 12],
        Pane::Overview => &[16, 0],
        Pane::Budget if wide => &[40, 14, 14, 12],
        Pane::Budget => &[30, 13, 13, 10],
        Pane::Tasks => &[4, 0, 18, 10],
        Pane::Indicators if wide => &[4, 10, 14, 0, 16, 16],
        Pane::Indicators => &[3, 8, 10, 0, 12, 12],
        Pane::Problems => &[4, 9, 18, 0],
        Pane::Review => &[0],
    }
}

/// Cells to the right of a row for its flags: a severity letter and rule IDs.
fn flags_width(cells: usize) -> usize {
    if cells >= WIDE { 18 } else { 11 }
}

fn letter(s: Severity) -> &'static str {
    match s {
        Severity::Error => "E",
        Severity::Warning => "W",
        Severity::Info => "I",
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
            let name = checked
                .declaration
                .department
                .name
                .as_deref()
                .map(crate::sanitize::cell)
                .unwrap_or_default();
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
    text_line(f, top, &title, theme.title(), theme);

    let mut tabs = Vec::new();
    for p in Pane::ALL {
        let label = format!(" {} {} ", p.index() + 1, p.label().get(lang));
        let style = if p == pane {
            theme.selected().patch(theme.heading())
        } else {
            theme.dim()
        };
        tabs.push(Span::styled(label, style));
        tabs.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(TextLine::from(tabs)), sub);

    let cells = usize::from(body.width);
    let rendered: Vec<Vec<TextLine>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| render_line(l, pane, flags, cells, i == at, theme))
        .collect();
    let (body, caret) = if let Some(editor) = desk.editor() {
        // The editor takes the detail's place, under the line it is about.
        let (above, cursor) = super::editor::draw(f, lang, editor, printed, theme, body);
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

    // The status line: a question, a decision asking its grade, a notice
    // (a failed save), or what is wrong with the line under the cursor.
    let question = match desk.overlay() {
        Some(Overlay::Editor { discard: true, .. }) => Some(i18n::discard_prompt(lang).to_string()),
        Some(Overlay::Withdraw { .. }) => Some(i18n::withdraw_prompt(lang).to_string()),
        Some(&Overlay::Grade(decision)) => Some(i18n::grade_prompt(lang, decision.label())),
        Some(&Overlay::ApproveAnyway { errors }) => Some(i18n::approve_anyway_prompt(lang, errors)),
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
    if let Some(line) = lines.get(at)
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

/// One pane line as one or more screen rows.
fn render_line<'a>(
    line: &Line,
    pane: Pane,
    flags: &[Flag],
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
    match &line.style {
        // A one-cell heading is a title; a heading of several cells names
        // the pane's columns and lines up with them.
        LineStyle::Heading if line.cells.len() > 1 => {
            let style = base.patch(theme.heading());
            vec![TextLine::from(cells_spans(
                &line.cells,
                pane,
                cells,
                cells.saturating_sub(flags_width(cells) + 1),
                style,
                theme,
            ))]
        }
        LineStyle::Heading => {
            vec![TextLine::from(Span::styled(
                safe(&width::truncate(&line.cells.join("  "), cells)),
                base.patch(theme.heading()),
            ))]
        }
        LineStyle::Paragraph => {
            let text = line.cells.join(" ");
            let wrapped = width::wrap(&text, cells.saturating_sub(2));
            wrapped
                .into_iter()
                .map(|l| TextLine::from(Span::styled(format!("  {}", safe(&l)), base)))
                .collect()
        }
        LineStyle::Flag(severity) => {
            let spans = cells_spans(&line.cells, Pane::Problems, cells, cells, base, theme);
            let mut spans = spans;
            if let Some(first) = spans.first_mut() {
                first.style = base.patch(theme.severity(*severity));
            }
            vec![TextLine::from(spans)]
        }
        LineStyle::Row => {
            let rest = cells.saturating_sub(flags_width(cells) + 1);
            let mut spans = cells_spans(&line.cells, pane, cells, rest, base, theme);
            spans.push(Span::styled(" ", base));
            spans.push(flag_cell(
                line,
                pane,
                flags,
                flags_width(cells),
                base,
                theme,
            ));
            vec![TextLine::from(spans)]
        }
    }
}

/// The flags of a row: worst severity letter and the rule IDs; on the
/// budget's sums, a check mark when the rule that compares them is quiet.
fn flag_cell<'a>(
    line: &Line,
    pane: Pane,
    flags: &[Flag],
    room: usize,
    base: Style,
    theme: &Theme,
) -> Span<'a> {
    match line.worst(flags) {
        Some(worst) => {
            let ids: Vec<&str> = line
                .flags
                .iter()
                .filter_map(|&i| flags.get(i))
                .map(|f| f.rule().id())
                .collect();
            let text = format!("{} {}", letter(worst), ids.join(","));
            Span::styled(fit(&text, room), base.patch(theme.severity(worst)))
        }
        None if pane == Pane::Budget && line.cells.get(2).is_some_and(|c| !c.is_empty()) => {
            Span::styled(fit(theme.ok_mark(), room), base.patch(theme.ok()))
        }
        None => Span::styled(" ".repeat(room), base),
    }
}

/// Cells laid out in the pane's columns for a screen `screen` cells wide,
/// in `total` cells (a `0` column takes what is left).
fn cells_spans<'a>(
    cells: &[String],
    pane: Pane,
    screen: usize,
    total: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let widths = columns(pane, screen, cells.len());
    // The panes of money: amounts read right-aligned, as on the form.
    let right_aligned = matches!(pane, Pane::Budget | Pane::Tasks);
    let fixed: usize = widths.iter().sum::<usize>() + widths.len();
    let flexible = widths.iter().filter(|w| **w == 0).count().max(1);
    let flex = total.saturating_sub(fixed) / flexible;
    let mut spans = Vec::new();
    for (i, w) in widths.iter().enumerate() {
        let w = if *w == 0 { flex.max(4) } else { *w };
        let text = cells.get(i).map(String::as_str).unwrap_or("");
        // Amounts read right-aligned, as on the form; targets stay as written.
        let money = right_aligned
            && !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || ",.-".contains(c));
        let cell = if money {
            fit_right(text, w)
        } else {
            fit(text, w)
        };
        spans.push(Span::styled(format!("{} ", theme.ascii_safe(&cell)), base));
    }
    spans
}
