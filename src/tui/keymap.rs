//! The one key table. Dispatch, the key bar and the help screen all read
//! it, so help can never drift from what the keys do. No command needs Alt
//! (terminals over SSH mangle it), and Esc never discards anything.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shenhe::desk::panes::Pane;
use shenhe::desk::{Action, Desk, Screen};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    List,
    Declaration,
    Filter,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::All, Scope::List, Scope::Declaration, Scope::Filter];

    pub fn index(self) -> usize {
        Scope::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The scope the desk is in now.
    pub fn of(desk: &Desk) -> Scope {
        match desk.screen {
            _ if desk.typing => Scope::Filter,
            Screen::List => Scope::List,
            Screen::Declaration { .. } => Scope::Declaration,
        }
    }
}

/// One row of the table.
pub struct Binding {
    pub keys: Vec<KeyEvent>,
    /// How the keys are written in the key bar and help (ASCII only).
    pub shown: &'static str,
    pub scope: Scope,
    pub action: Action,
    /// Shown in the key bar at the bottom (help shows every binding).
    pub in_bar: bool,
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// The key table.
pub fn table() -> Vec<Binding> {
    use KeyCode::*;
    use Scope::*;
    let b = |keys: Vec<KeyEvent>, shown, scope, action, in_bar| Binding {
        keys,
        shown,
        scope,
        action,
        in_bar,
    };
    vec![
        b(vec![ch('j'), key(Down)], "j/Down", All, Action::Down, true),
        b(vec![ch('k'), key(Up)], "k/Up", All, Action::Up, false),
        b(vec![ch('g'), key(Home)], "g/Home", All, Action::Top, false),
        b(
            vec![
                ch('G'),
                KeyEvent::new(Char('G'), KeyModifiers::SHIFT),
                key(End),
            ],
            "G/End",
            All,
            Action::Bottom,
            false,
        ),
        b(vec![key(PageUp)], "PgUp", All, Action::PageUp, false),
        b(
            vec![key(PageDown), ch(' ')],
            "PgDn/Space",
            All,
            Action::PageDown,
            false,
        ),
        b(vec![ch('?')], "?", All, Action::ToggleHelp, true),
        b(
            vec![KeyEvent::new(Char('c'), KeyModifiers::CONTROL)],
            "Ctrl-C",
            All,
            Action::Exit,
            false,
        ),
        b(
            vec![key(Enter), ch('l')],
            "Enter/l",
            List,
            Action::Open,
            true,
        ),
        b(vec![ch('/')], "/", List, Action::StartFilter, true),
        b(vec![ch('s')], "s", List, Action::CycleSort, true),
        b(vec![ch('f')], "f", List, Action::CycleSeverity, true),
        b(vec![key(Esc)], "Esc", List, Action::Back, false),
        b(vec![ch('q')], "q", List, Action::Quit, true),
        b(vec![key(Tab)], "Tab", Declaration, Action::NextPane, true),
        b(
            vec![key(BackTab), KeyEvent::new(BackTab, KeyModifiers::SHIFT)],
            "Shift-Tab",
            Declaration,
            Action::PrevPane,
            false,
        ),
        b(
            vec![ch('1'), ch('2'), ch('3'), ch('4'), ch('5')],
            "1-5",
            Declaration,
            Action::ShowPane(Pane::Overview),
            true,
        ),
        b(vec![ch('n')], "n", Declaration, Action::NextFlag, true),
        b(
            vec![ch('N'), KeyEvent::new(Char('N'), KeyModifiers::SHIFT)],
            "N",
            Declaration,
            Action::PrevFlag,
            false,
        ),
        b(vec![key(Enter)], "Enter", Declaration, Action::Open, false),
        b(
            vec![ch(']')],
            "]",
            Declaration,
            Action::NextDeclaration,
            true,
        ),
        b(vec![ch('e')], "e", Declaration, Action::ToggleExplain, true),
        b(vec![ch('z')], "z", Declaration, Action::ToggleFold, false),
        b(
            vec![ch('[')],
            "[",
            Declaration,
            Action::PrevDeclaration,
            false,
        ),
        b(
            vec![key(Esc), ch('h'), ch('q')],
            "Esc/h/q",
            Declaration,
            Action::Back,
            true,
        ),
        b(vec![key(Enter)], "Enter", Filter, Action::FilterDone, true),
        b(
            vec![key(Backspace)],
            "Backspace",
            Filter,
            Action::FilterBackspace,
            false,
        ),
        b(vec![key(Esc)], "Esc", Filter, Action::Back, true),
        b(vec![key(Down)], "Down", Filter, Action::Down, false),
        b(vec![key(Up)], "Up", Filter, Action::Up, false),
    ]
}

/// Whether a pressed key is this binding's key. Shift is ignored for
/// characters (terminals differ in reporting it); Ctrl and Alt are not.
fn same(pressed: &KeyEvent, bound: &KeyEvent) -> bool {
    let strip = |m: KeyModifiers| m - KeyModifiers::SHIFT;
    match (pressed.code, bound.code) {
        (KeyCode::Char(a), KeyCode::Char(b)) => {
            a == b && strip(pressed.modifiers) == strip(bound.modifiers)
        }
        (a, b) => a == b && strip(pressed.modifiers) == strip(bound.modifiers),
    }
}

/// The action for a key in the desk's current scope, if any. Typing in the
/// filter line takes every plain character; the number keys pick a pane.
pub fn action_for(table: &[Binding], desk: &Desk, pressed: &KeyEvent) -> Option<Action> {
    let scope = Scope::of(desk);
    let found = table
        .iter()
        // In the filter line, plain keys type; only Ctrl keys keep their meaning.
        .filter(|b| {
            b.scope == scope
                || (b.scope == Scope::All
                    && (scope != Scope::Filter
                        || b.keys
                            .iter()
                            .all(|k| k.modifiers.contains(KeyModifiers::CONTROL))))
        })
        .find(|b| b.keys.iter().any(|k| same(pressed, k)))
        .map(|b| b.action.clone());
    if let Some(Action::ShowPane(_)) = found
        && let KeyCode::Char(c @ '1'..='5') = pressed.code
    {
        return Some(Action::ShowPane(Pane::ALL[c as usize - '1' as usize]));
    }
    if found.is_none()
        && scope == Scope::Filter
        && let KeyCode::Char(c) = pressed.code
        && !pressed
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::FilterChar(c));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use shenhe::config::Config;
    use shenhe::i18n::Lang;

    fn desk() -> Desk {
        Desk::new(Lang::Zh, String::new(), Config::default())
    }

    #[test]
    fn list_keys_and_the_vi_and_arrow_twins() {
        let t = table();
        let d = desk();
        assert!(matches!(action_for(&t, &d, &ch('j')), Some(Action::Down)));
        assert!(matches!(
            action_for(&t, &d, &key(KeyCode::Down)),
            Some(Action::Down)
        ));
        assert!(matches!(action_for(&t, &d, &ch('q')), Some(Action::Quit)));
        assert!(matches!(
            action_for(&t, &d, &ch('?')),
            Some(Action::ToggleHelp)
        ));
        assert!(action_for(&t, &d, &ch('z')).is_none());
    }

    #[test]
    fn the_filter_line_takes_letters_that_are_commands_elsewhere() {
        let t = table();
        let mut d = desk();
        d.typing = true;
        assert!(matches!(
            action_for(&t, &d, &ch('q')),
            Some(Action::FilterChar('q'))
        ));
        assert!(matches!(
            action_for(&t, &d, &ch('j')),
            Some(Action::FilterChar('j'))
        ));
        assert!(matches!(
            action_for(&t, &d, &key(KeyCode::Esc)),
            Some(Action::Back)
        ));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(
            matches!(action_for(&t, &d, &ctrl_c), Some(Action::Exit)),
            "Ctrl-C leaves from the filter line too"
        );
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert!(action_for(&t, &d, &ctrl_x).is_none());
    }

    #[test]
    fn number_keys_pick_their_pane() {
        let t = table();
        let mut d = desk();
        d.screen = Screen::Declaration {
            item: 0,
            pane: Pane::Overview,
            cursor: [0; 5],
        };
        assert!(matches!(
            action_for(&t, &d, &ch('4')),
            Some(Action::ShowPane(Pane::Indicators))
        ));
        assert!(matches!(action_for(&t, &d, &ch('q')), Some(Action::Back)));
    }

    #[test]
    fn no_binding_needs_alt_and_every_binding_has_words() {
        for b in table() {
            assert!(
                b.keys
                    .iter()
                    .all(|k| !k.modifiers.contains(KeyModifiers::ALT)),
                "{}",
                b.shown
            );
            assert!(b.shown.is_ascii());
            assert!(
                !shenhe::i18n::action_label(Lang::Zh, &b.action).is_empty(),
                "{}",
                b.shown
            );
        }
    }
}
