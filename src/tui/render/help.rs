//! The help screen, generated from the key table. It flows into as many
//! columns as the height needs, so nothing is cut off at 80×24.

use crate::desk::Desk;
use crate::i18n;
use crate::tui::keymap::{Binding, Scope};
use crate::tui::theme::Theme;
use crate::width::{fit, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub fn draw(f: &mut Frame, desk: &Desk, theme: &Theme, keys: &[Binding], area: Rect) {
    let lang = desk.lang();
    f.render_widget(Clear, area);
    let title = Line::from(Span::styled(
        truncate(i18n::help_title(lang), usize::from(area.width)),
        theme.title(),
    ));
    f.render_widget(Paragraph::new(title), Rect { height: 1, ..area });
    let mut entries: Vec<(String, bool)> = Vec::new();
    for scope in Scope::ALL {
        entries.push((scope.label().get(lang).to_string(), true));
        for b in keys.iter().filter(|b| b.scope == scope) {
            entries.push((
                format!("  {} {}", fit(&b.shown(), 11), b.command.label().get(lang)),
                false,
            ));
        }
    }
    let rows = usize::from(area.height.saturating_sub(1)).max(1);
    let columns = entries.len().div_ceil(rows).max(1);
    let col_width = area.width / u16::try_from(columns).unwrap_or(u16::MAX).max(1);
    for (c, chunk) in entries.chunks(rows).enumerate() {
        let x = area.x + col_width.saturating_mul(u16::try_from(c).unwrap_or(u16::MAX));
        if x >= area.right() {
            break;
        }
        let rect = Rect {
            x,
            y: area.y + 1,
            width: col_width.min(area.right() - x),
            height: area.height.saturating_sub(1),
        };
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(text, heading)| {
                let style = if *heading {
                    theme.heading()
                } else {
                    theme.normal()
                };
                // Two cells to spare, so a cut entry never runs into the
                // next column's heading.
                let room = usize::from(rect.width).saturating_sub(2);
                Line::from(Span::styled(truncate(text, room), style))
            })
            .collect();
        f.render_widget(Paragraph::new(lines), rect);
    }
}
