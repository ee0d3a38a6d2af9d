//! 本批概况 over the list: progress, problems by rule as horizontal bars
//! (block characters; `#` with `--ascii`), measurability and the least
//! measurable departments. The chosen line is marked and kept in view.

use crate::desk::{Desk, Overlay};
use crate::i18n::{self, Lang, season as words};
use crate::review::record::{Decision, Grade};
use crate::review::season::{RuleCount, Season};
use crate::sanitize::display_line;
use crate::tui::theme::Theme;
use crate::width::{fit, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A line of the screen, and the lead it is (the index of
/// [`Desk::season_leads`]) when Enter on it goes somewhere.
type Shown = (String, Option<usize>);

fn progress(s: &Season, desk: &Desk, lang: Lang) -> Vec<String> {
    // Kept beside each item's counts: a frame reads no file's entry.
    let unreadable = desk.items().iter().filter(|i| i.unreadable).count();
    let loading = !desk.progress().done;
    let d = &s.decisions;
    let decisions = words::counted(&[
        (Decision::Pending.label().get(lang), d.pending),
        (Decision::Approve.label().get(lang), d.approve),
        (Decision::Return.label().get(lang), d.returned),
    ]);
    let g = &s.grades;
    let grades = words::counted(&[
        (Grade::Excellent.label().get(lang), g.excellent),
        (Grade::Good.label().get(lang), g.good),
        (Grade::Fair.label().get(lang), g.fair),
        (Grade::Poor.label().get(lang), g.poor),
    ]);
    let names: Vec<(String, usize)> = s
        .deciders
        .iter()
        .map(|d| (display_line(&d.reviewer).into_owned(), d.decisions))
        .collect();
    let names: Vec<(&str, usize)> = names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    vec![
        words::files(lang, desk.items().len(), unreadable, loading),
        format!("  {decisions}"),
        format!("  {}", words::grades(lang, &grades)),
        format!("  {}", words::deciders(lang, &words::counted(&names))),
    ]
}

/// The longest bar, in cells.
const MAX_BAR: usize = 48;

/// One rule's bar line: `  QUANT-02  指标值表述模糊  ██████ 2`, in `cols` cells.
fn bar_line(c: &RuleCount, most: usize, cols: usize, lang: Lang, ascii: bool) -> String {
    let count = c.declarations.to_string();
    let title_cells = (cols / 3).clamp(8, 30);
    let head = format!(
        "  {} {} ",
        fit(c.rule.id(), 9),
        fit(c.rule.info().title(lang), title_cells)
    );
    // Long enough to compare, short enough to keep the count near.
    let room = cols
        .saturating_sub(width(&head) + count.len() + 1)
        .clamp(1, MAX_BAR);
    let len = (c.declarations.saturating_mul(room) / most.max(1)).max(1);
    let bar = if ascii { "#" } else { "█" }.repeat(len.min(room));
    format!("{head}{bar} {count}")
}

fn lines(desk: &Desk, s: &Season, cols: usize, ascii: bool) -> Vec<Shown> {
    let lang = desk.lang();
    let mut out: Vec<Shown> = progress(s, desk, lang)
        .into_iter()
        .map(|l| (l, None))
        .collect();
    out.push((String::new(), None));
    out.push((words::PROBLEMS.get(lang).to_string(), None));
    if s.rules.is_empty() {
        out.push((format!("  {}", words::NO_PROBLEMS.get(lang)), None));
    }
    let most = s.rules.first().map_or(1, |c| c.declarations);
    for (i, c) in s.rules.iter().enumerate() {
        out.push((bar_line(c, most, cols, lang, ascii), Some(i)));
    }
    if !s.dismissed.is_empty() {
        let counted: Vec<(&str, usize)> =
            s.dismissed.iter().map(|c| (c.rule.id(), c.flags)).collect();
        out.push((
            format!("  {}", words::dismissed(lang, &words::counted(&counted))),
            None,
        ));
    }
    out.push((String::new(), None));
    let m = &s.measurability;
    let all = m.all;
    out.push((
        words::measurable(lang, all.measurable, all.rows, all.per_mille()),
        None,
    ));
    if !m.lowest.is_empty() {
        out.push((format!("  {}", words::LOWEST.get(lang)), None));
    }
    let unnamed = i18n::unnamed_department(lang);
    for (i, low) in m.lowest.iter().enumerate() {
        let name = low
            .department
            .as_deref()
            .map_or_else(|| unnamed.to_string(), |n| display_line(n).into_owned());
        let m = low.measurability;
        let figure = words::rows_measurable(lang, m.measurable, m.rows, m.per_mille());
        let line = format!("    {}  {figure}", fit(&name, (cols / 2).max(10)));
        out.push((line, Some(s.rules.len() + i)));
    }
    let mut lead = s.rules.len() + m.lowest.len();
    if !s.copies.is_empty() {
        out.push((String::new(), None));
        out.push((words::COPIES.get(lang).to_string(), None));
    }
    for group in &s.copies {
        let files: Vec<String> = group.iter().map(|f| display_line(f).into_owned()).collect();
        let files: Vec<&str> = files.iter().map(String::as_str).collect();
        out.push((format!("  {}", words::group(lang, &files)), Some(lead)));
        lead += 1;
    }
    if !s.repeated.is_empty() {
        out.push((String::new(), None));
        out.push((words::REPEATED.get(lang).to_string(), None));
    }
    for r in &s.repeated {
        let line = words::repeated(
            lang,
            &display_line(&r.row.name),
            &display_line(&r.row.targets()),
            r.departments,
        );
        out.push((format!("  {line}"), Some(lead)));
        lead += 1;
    }
    if !s.vague.is_empty() {
        out.push((String::new(), None));
        out.push((words::VAGUE.get(lang).to_string(), None));
    }
    for v in &s.vague {
        let target = display_line(&v.target);
        out.push((
            format!("  {}", words::vague(lang, &target, v.files.len())),
            Some(lead),
        ));
        lead += 1;
    }
    out
}

/// Draws 本批概况 in `area` (between the title line and the key bar) when
/// it is up.
pub fn draw(f: &mut Frame, desk: &Desk, theme: &Theme, area: Rect) {
    let (Some(&Overlay::Season { at }), Some(season)) = (desk.overlay(), desk.season()) else {
        return;
    };
    let body = super::page_over(f, area, words::TITLE.get(desk.lang()), theme);
    let cols = usize::from(body.width).max(1);
    let room = usize::from(body.height).max(1);
    let shown = lines(desk, season, cols, theme.ascii);
    // The chosen line in view: the screen starts where it must, no later.
    let chosen = shown.iter().position(|(_, lead)| *lead == Some(at));
    let start = chosen.map_or(0, |i| (i + 1).saturating_sub(room));
    let lines: Vec<Line> = shown
        .into_iter()
        .skip(start)
        .take(room)
        .map(|(text, lead)| {
            let style = match lead {
                Some(i) if i == at => theme.selected(),
                _ => theme.normal(),
            };
            Line::from(Span::styled(
                theme.ascii_safe(&truncate(&text, cols)),
                style,
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
