//! The 审核意见 preview: the notice of the open declaration as the
//! department will read it, over the panes, wrapped to the width and
//! scrolled by the moving keys.

use super::text_line;
use crate::desk::{Desk, Overlay};
use crate::i18n;
use crate::tui::theme::Theme;
use crate::width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Draws the preview in `area` (everything between the title line and
/// the key bar) when it is up.
pub fn draw(f: &mut Frame, desk: &Desk, theme: &Theme, area: Rect) {
    let Some(&Overlay::Preview { scroll }) = desk.overlay() else {
        return;
    };
    let Some(text) = desk.preview() else {
        return;
    };
    f.render_widget(Clear, area);
    let [title, body] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(area);
    let heading = format!("── {} ", i18n::notice::PREVIEW.get(desk.lang()));
    text_line(f, title, &heading, theme.heading(), theme);
    let cells = usize::from(body.width).max(1);
    let rows: Vec<String> = text
        .iter()
        .flat_map(|l| {
            if l.is_empty() {
                vec![String::new()]
            } else {
                width::wrap(l, cells)
            }
        })
        .collect();
    let room = usize::from(body.height);
    // Scrolled no further than the last screenful.
    let start = scroll.min(rows.len().saturating_sub(room));
    let shown: Vec<Line> = rows
        .into_iter()
        .skip(start)
        .take(room)
        .map(|r| Line::from(Span::raw(theme.ascii_safe(&r))))
        .collect();
    f.render_widget(Paragraph::new(shown), body);
}
