//! The comment editor, under the pane it is about: a title line naming
//! what is written where, then the text, scrolled to keep the caret in
//! view.

use crate::desk::editor::Editor;
use crate::i18n::{self, Lang};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the editor at the bottom of `body`: its title and at least three
/// rows of text, growing with the text up to half the body. Returns what
/// is left of the body above it, and where the real cursor goes.
pub fn draw(
    f: &mut Frame,
    lang: Lang,
    editor: &Editor,
    printed: crate::model::cells::Printed,
    zone: &jiff::tz::TimeZone,
    theme: &Theme,
    body: Rect,
) -> (Rect, Position) {
    let layout = editor.layout(usize::from(body.width));
    let rows = u16::try_from(layout.rows.len()).unwrap_or(u16::MAX);
    let height = (1 + rows.max(3))
        .min((body.height / 2).max(2))
        .min(body.height.saturating_sub(1))
        .max(1);
    let [above, area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(height)]).areas(body);
    let [title, text] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let place = editor.target.place().shown(lang, printed);
    // When the draft was kept, in the reviewer's zone (it is kept in UTC).
    let restored = editor
        .restored
        .as_deref()
        .map(|at| crate::clock::shown(at, zone));
    let mut heading = i18n::editor_title(lang, editor.target.label(), &place, restored.as_deref());
    if let Some(signer) = &editor.signer {
        heading.push_str(&i18n::signed_as(lang, signer));
    }
    super::text_line(f, title, &format!("── {heading} "), theme.heading(), theme);

    let room = usize::from(text.height).max(1);
    let (row, col) = layout.caret;
    let start = row.saturating_sub(room - 1);
    let shown: Vec<Line> = layout
        .rows
        .into_iter()
        .skip(start)
        .take(room)
        .map(|r| Line::from(Span::raw(r)))
        .collect();
    f.render_widget(Paragraph::new(shown), text);
    let x = text
        .x
        .saturating_add(u16::try_from(col).unwrap_or(u16::MAX))
        .min(text.right().saturating_sub(1));
    let y = text
        .y
        .saturating_add(u16::try_from(row - start).unwrap_or(u16::MAX))
        .min(text.bottom().saturating_sub(1).max(text.y));
    (above, Position::new(x, y))
}
