//! Styles by meaning. The default uses the 16 named ANSI colours, so it
//! follows the reviewer's own palette (24-bit colour garbles over SSH in
//! PuTTY/Xshell). The monochrome theme (`NO_COLOR`, `--color never`) uses
//! only bold, reverse and underline; meaning is never in colour alone
//! (severity is also a word or letter).

use crate::rules::Severity;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// Borders and marks in ASCII only, for terminals that draw
    /// ambiguous-width characters two cells wide.
    pub ascii: bool,
}

impl Theme {
    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn normal(&self) -> Style {
        Style::default()
    }

    pub fn title(&self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn heading(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default())
    }

    /// The selected row: reversed in both themes, so it shows without colour.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// Characters that matched the filter.
    pub fn matched(&self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        )
    }

    pub fn severity(&self, s: Severity) -> Style {
        let color = match s {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
            Severity::Info => Color::Blue,
        };
        let plain = match s {
            Severity::Error => Style::default().add_modifier(Modifier::BOLD),
            _ => Style::default(),
        };
        self.pick(Style::default().fg(color), plain)
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Cyan),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn ok(&self) -> Style {
        self.pick(Style::default().fg(Color::Green), Style::default())
    }

    /// In ASCII mode, every mark the desk draws that is East Asian
    /// "ambiguous" (two cells wide in many Chinese terminals, one in
    /// others, so columns drift) becomes ASCII: `·` `─` `–` `—` `…` `✓`
    /// `≤` `≥` `×` `→`. Text from a file goes through here too.
    pub fn ascii_safe(&self, s: &str) -> String {
        if !self.ascii {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '·' => out.push('/'),
                '─' | '–' | '—' => out.push('-'),
                '…' => out.push('~'),
                '✓' => out.push_str("ok"),
                '≤' => out.push_str("<="),
                '≥' => out.push_str(">="),
                '×' => out.push('x'),
                '→' => out.push_str("->"),
                c => out.push(c),
            }
        }
        out
    }

    pub fn ok_mark(&self) -> &'static str {
        if self.ascii { "ok" } else { "✓" }
    }
}
