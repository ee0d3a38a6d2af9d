//! The 审核意见 preview: the notice of the open declaration as the
//! department will read it, over the panes, wrapped to the width and
//! scrolled to keep the chosen part (the one the reviewer's keys act on)
//! in view and marked.

use crate::desk::{Desk, Overlay, preview};
use crate::i18n;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the preview in `area` (everything between the title line and
/// the key bar) when it is up.
pub fn draw(f: &mut Frame, desk: &Desk, theme: &Theme, area: Rect) {
    let Some(&Overlay::Preview { scroll, at }) = desk.overlay() else {
        return;
    };
    let Some(shown) = desk.preview_of_notice() else {
        return;
    };
    let body = super::page_over(f, area, i18n::notice::PREVIEW.get(desk.lang()), theme);
    let cells = usize::from(body.width).max(1);
    let room = usize::from(body.height).max(1);
    let rows = preview::rows(&shown, cells);
    let start = preview::in_view(&rows, scroll, at, room);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(start)
        .take(room)
        .map(|(row, part)| {
            let style = if part == Some(at) {
                theme.selected()
            } else {
                theme.normal()
            };
            Line::from(Span::styled(theme.ascii_safe(&row), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
