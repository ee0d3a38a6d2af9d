//! The help screen, generated from the key table: the keys of the screen
//! the reviewer is on (and of the questions and editor it leads to), then
//! a legend of the marks. Entries flow into columns and wrap inside them,
//! so none is ever cut; when even that does not fit, it scrolls, and its
//! title says which keys page it (every other key closes it).

use crate::desk::{Desk, Overlay, Screen};
use crate::i18n;
use crate::tui::keymap::{Binding, Scope};
use crate::tui::theme::Theme;
use crate::width::{self, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Narrower than this, a column squeezes its words too much.
const MIN_COLUMN: usize = 34;

/// Scopes whose keys help shows on each screen: the screen's own, and the
/// modes it opens.
fn scopes(desk: &Desk) -> &'static [Scope] {
    match desk.screen() {
        Screen::List => &[
            Scope::All,
            Scope::List,
            Scope::Filter,
            Scope::Season,
            Scope::Sign,
        ],
        Screen::Declaration { .. } => &[
            Scope::All,
            Scope::Declaration,
            Scope::Grade,
            Scope::Editor,
            Scope::Confirm,
            Scope::Preview,
            Scope::Sign,
        ],
    }
}

/// One entry: a heading, or a key with what it does.
enum Entry {
    Heading(String),
    Key {
        keys: String,
        what: String,
    },
    /// A legend line: a mark and what it means.
    Mark {
        mark: String,
        what: String,
    },
}

fn entries(desk: &Desk, keys: &[Binding]) -> Vec<Entry> {
    let lang = desk.lang();
    let mut out = Vec::new();
    for &scope in scopes(desk) {
        out.push(Entry::Heading(scope.label().get(lang).to_string()));
        for b in keys.iter().filter(|b| b.scope == scope) {
            out.push(Entry::Key {
                keys: b.shown(),
                what: b.command.label().get(lang).to_string(),
            });
        }
    }
    out.push(Entry::Heading(i18n::legend_heading(lang).to_string()));
    for (mark, what) in i18n::legend(lang) {
        out.push(Entry::Mark {
            mark: mark.to_string(),
            what: what.to_string(),
        });
    }
    out
}

/// The help laid out for a screen `cols` × `rows`: its columns of lines
/// (each entry whole, wrapped in its column), and the column width.
pub struct HelpLayout {
    columns: Vec<Vec<(String, bool)>>,
    width: usize,
    /// Rows the entries have under the title.
    room: usize,
}

impl HelpLayout {
    /// The most lines any column needs: more than `room` means it scrolls.
    fn tallest(&self) -> usize {
        self.columns.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Does it scroll at this size?
    pub fn scrolls(&self) -> bool {
        self.tallest() > self.room
    }

    /// The last first line scrolling can reach.
    pub fn last_scroll(&self) -> usize {
        self.tallest().saturating_sub(self.room)
    }

    pub fn room(&self) -> usize {
        self.room
    }

    /// Each column's lines as one text (for tests).
    #[cfg(test)]
    pub fn texts(&self) -> Vec<String> {
        self.columns
            .iter()
            .map(|c| {
                c.iter()
                    .map(|(l, _)| l.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }
}

/// An entry as the lines it takes in a column `w` cells wide.
fn entry_lines(e: &Entry, key_width: usize, w: usize) -> Vec<(String, bool)> {
    match e {
        Entry::Heading(h) => wrap(h, w).into_iter().map(|l| (l, true)).collect(),
        Entry::Key { keys, what } | Entry::Mark { mark: keys, what } => {
            // Keys, padded to the column's key width, then the words
            // wrapped under themselves.
            let head = format!("  {}", width::fit(keys, key_width.max(width::width(keys))));
            let indent = width::width(&head) + 1;
            let room = w.saturating_sub(indent).max(4);
            wrap(what, room)
                .into_iter()
                .enumerate()
                .map(|(n, part)| {
                    let lead = if n == 0 {
                        format!("{head} ")
                    } else {
                        " ".repeat(indent)
                    };
                    (format!("{lead}{part}"), false)
                })
                .collect()
        }
    }
}

/// Fills columns of `w` cells, `room` lines each (the last takes what is
/// left), never breaking an entry across two.
fn flow(entries: &[Entry], count: usize, w: usize, room: usize) -> Vec<Vec<(String, bool)>> {
    let key_width = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Key { keys, .. } => Some(width::width(keys)),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(w / 3);
    let mut columns: Vec<Vec<(String, bool)>> = vec![Vec::new()];
    for e in entries {
        let lines = entry_lines(e, key_width, w.saturating_sub(1));
        let full = columns
            .last()
            .is_some_and(|c| !c.is_empty() && c.len() + lines.len() > room);
        // A heading never ends a column: it goes with its first entry.
        let orphan_heading = matches!(e, Entry::Heading(_))
            && columns
                .last()
                .is_some_and(|c| c.len() + lines.len() + 1 > room);
        if (full || orphan_heading)
            && columns.len() < count
            && columns.last().is_some_and(|c| !c.is_empty())
        {
            columns.push(Vec::new());
        }
        if let Some(c) = columns.last_mut() {
            c.extend(lines);
        }
    }
    columns
}

/// How help lays out on a screen `cols` × `rows`: the fewest columns (the
/// widest) in which every entry fits; failing that, as many columns as
/// are wide enough, scrolled.
pub fn layout(desk: &Desk, keys: &[Binding], cols: usize, rows: usize) -> HelpLayout {
    let entries = entries(desk, keys);
    let room = rows.saturating_sub(1).max(1);
    let most = (cols / MIN_COLUMN).max(1);
    let mut best = None;
    for count in 1..=most {
        let width = cols / count;
        let columns = flow(&entries, count, width, room);
        let fits = columns.iter().all(|c| c.len() <= room);
        best = Some(HelpLayout {
            columns,
            width,
            room,
        });
        if fits {
            break;
        }
    }
    best.unwrap_or(HelpLayout {
        columns: Vec::new(),
        width: cols,
        room,
    })
}

pub fn draw(f: &mut Frame, desk: &Desk, theme: &Theme, keys: &[Binding], area: Rect) {
    let lang = desk.lang();
    f.render_widget(Clear, area);
    let layout = layout(
        desk,
        keys,
        usize::from(area.width),
        usize::from(area.height),
    );
    let scroll = match desk.overlay() {
        Some(Overlay::Help { scroll }) => (*scroll).min(layout.last_scroll()),
        _ => 0,
    };
    let title = match layout.scrolls() {
        false => i18n::help_title(lang).to_string(),
        true => {
            use crate::desk::Command as C;
            let paging: Vec<String> = [C::Down, C::Up, C::PageDown, C::PageUp]
                .iter()
                .filter_map(|c| {
                    keys.iter()
                        .find(|b| b.scope == Scope::All && b.command == *c)
                })
                .map(Binding::bar_key)
                .collect();
            i18n::help_title_scrolling(lang, scroll + 1, layout.tallest(), &paging.join("/"))
        }
    };
    let title = Line::from(Span::styled(
        theme.ascii_safe(&truncate(&title, usize::from(area.width))),
        theme.title(),
    ));
    f.render_widget(Paragraph::new(title), Rect { height: 1, ..area });
    let step = u16::try_from(layout.width).unwrap_or(u16::MAX);
    for (c, column) in layout.columns.iter().enumerate() {
        let x = area
            .x
            .saturating_add(step.saturating_mul(u16::try_from(c).unwrap_or(u16::MAX)));
        if x >= area.right() {
            break;
        }
        let rect = Rect {
            x,
            y: area.y + 1,
            width: step.min(area.right() - x),
            height: area.height.saturating_sub(1),
        };
        let lines: Vec<Line> = column
            .iter()
            .skip(scroll)
            .take(layout.room)
            .map(|(text, heading)| {
                let style = if *heading {
                    theme.heading()
                } else {
                    theme.normal()
                };
                Line::from(Span::styled(theme.ascii_safe(text), style))
            })
            .collect();
        f.render_widget(Paragraph::new(lines), rect);
    }
}

/// Where paging (`forward` or back) takes a help that scrolls on a
/// screen `size` (columns, rows); `None` when it fits, and the key closes it.
pub fn scroll_to(
    desk: &Desk,
    keys: &[Binding],
    size: (usize, usize),
    forward: bool,
) -> Option<usize> {
    let layout = layout(desk, keys, size.0, size.1);
    if !layout.scrolls() {
        return None;
    }
    let now = match desk.overlay() {
        Some(Overlay::Help { scroll }) => (*scroll).min(layout.last_scroll()),
        _ => 0,
    };
    let page = layout.room().saturating_sub(1).max(1);
    Some(match forward {
        true => (now + page).min(layout.last_scroll()),
        false => now.saturating_sub(page),
    })
}
