//! The one key table. Dispatch, the key bar and the help screen all read
//! it, so help can never drift from what the keys do. No command needs Alt
//! (terminals over SSH mangle it), and Esc never discards anything.

use crate::config::KeyProblem;
use crate::desk::editor::EditKey;
use crate::desk::panes::Pane;
use crate::desk::{Action, Desk, Screen};
use crate::review::{Decision, Grade as ReviewGrade};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    List,
    Declaration,
    Filter,
    /// A decision asks its grade.
    Grade,
    /// The comment editor has the keyboard.
    Editor,
    /// A y / n question (discard a draft, withdraw a comment).
    Confirm,
}

impl Scope {
    pub const ALL: [Scope; 7] = [
        Scope::All,
        Scope::List,
        Scope::Declaration,
        Scope::Filter,
        Scope::Grade,
        Scope::Editor,
        Scope::Confirm,
    ];

    /// The scope's table name in the config file: `[keys.list]`.
    pub fn config_name(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::List => "list",
            Scope::Declaration => "declaration",
            Scope::Filter => "filter",
            Scope::Grade => "grade",
            Scope::Editor => "editor",
            Scope::Confirm => "confirm",
        }
    }

    pub fn index(self) -> usize {
        Scope::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// These take the keyboard: only their own keys and Ctrl keys work
    /// there.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            Scope::Filter | Scope::Grade | Scope::Editor | Scope::Confirm
        )
    }

    /// Plain characters type here.
    fn types(self) -> bool {
        matches!(self, Scope::Filter | Scope::Editor)
    }

    /// The scope the desk is in now.
    pub fn of(desk: &Desk) -> Scope {
        match desk.screen {
            _ if desk.confirm.is_some() => Scope::Confirm,
            _ if desk.deciding.is_some() => Scope::Grade,
            _ if desk.editor.is_some() => Scope::Editor,
            _ if desk.typing => Scope::Filter,
            Screen::List => Scope::List,
            Screen::Declaration { .. } => Scope::Declaration,
        }
    }
}

/// One row of the table.
pub struct Binding {
    /// The name the config file uses (`[keys.list] filter = ["/"]`).
    pub name: &'static str,
    pub keys: Vec<KeyEvent>,
    pub scope: Scope,
    pub action: Action,
    /// Shown in the key bar at the bottom (help shows every binding).
    pub in_bar: bool,
}

impl Binding {
    /// How the keys are written in the key bar and help (ASCII only).
    pub fn shown(&self) -> String {
        if matches!(self.action, Action::ShowPane(_)) {
            return "1-6".into();
        }
        self.keys
            .iter()
            .map(key_label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Named keys, as the config file and the help write them.
const NAMED: [(&str, KeyCode); 16] = [
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

/// `Ctrl-n`, `PgDn`, `G`, `F1`, …
pub fn key_label(k: &KeyEvent) -> String {
    let base = NAMED
        .iter()
        .find(|(_, code)| *code == k.code)
        .map(|(name, _)| name.to_string())
        .or_else(|| match k.code {
            KeyCode::Char(c) => Some(c.to_string()),
            KeyCode::F(n) => Some(format!("F{n}")),
            _ => None,
        })
        .unwrap_or_else(|| "?".into());
    // Ctrl letters are written upper-case, as everyone writes Ctrl-C.
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// Reads a key as the config file writes it. `Err(true)` when it needs Alt.
pub fn parse_key(text: &str) -> Result<KeyEvent, bool> {
    let t = text.trim();
    if t.starts_with("Alt-") || t.starts_with("M-") {
        return Err(true);
    }
    let (ctrl, rest) = match t.strip_prefix("Ctrl-").or_else(|| t.strip_prefix("C-")) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let code = if let Some((_, code)) = NAMED
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(rest))
    {
        *code
    } else if let Some(n) = rest
        .strip_prefix('F')
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n))
    {
        KeyCode::F(n)
    } else {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            // Terminals send Ctrl-C as Ctrl + `c`.
            (Some(c), None) if !c.is_control() && ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => return Err(false),
        }
    };
    let modifiers = if ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    Ok(KeyEvent::new(code, modifiers))
}

/// The key table, with the keys the config file gives in `[keys.SCOPE]`.
pub fn table_with(
    config: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
) -> Result<Vec<Binding>, KeyProblem> {
    let mut t = table();
    for (scope_name, names) in config {
        let scope = Scope::ALL
            .into_iter()
            .find(|s| s.config_name() == scope_name)
            .ok_or_else(|| KeyProblem::UnknownScope(scope_name.clone()))?;
        for (name, keys) in names {
            let known: Vec<&'static str> = t
                .iter()
                .filter(|b| b.scope == scope && b.name != "pane")
                .map(|b| b.name)
                .collect();
            let Some(b) = t
                .iter_mut()
                .find(|b| b.scope == scope && b.name == name && b.name != "pane")
            else {
                return Err(KeyProblem::UnknownBinding {
                    scope: scope_name.clone(),
                    name: name.clone(),
                    known,
                });
            };
            let problem = |key: &str, alt| {
                let (scope, name, key) = (scope_name.clone(), name.clone(), key.to_string());
                if alt {
                    KeyProblem::NeedsAlt { scope, name, key }
                } else {
                    KeyProblem::BadKey { scope, name, key }
                }
            };
            b.keys = keys
                .iter()
                .map(|k| parse_key(k).map_err(|alt| problem(k, alt)))
                .collect::<Result<_, _>>()?;
        }
    }
    Ok(t)
}

/// The key table as shipped.
pub fn table() -> Vec<Binding> {
    use KeyCode::*;
    use Scope::*;
    let b = |name, keys: Vec<KeyEvent>, scope, action, in_bar| Binding {
        name,
        keys,
        scope,
        action,
        in_bar,
    };
    vec![
        b("down", vec![ch('j'), key(Down)], All, Action::Down, true),
        b("up", vec![ch('k'), key(Up)], All, Action::Up, false),
        b("top", vec![ch('g'), key(Home)], All, Action::Top, false),
        b(
            "bottom",
            vec![ch('G'), key(End)],
            All,
            Action::Bottom,
            false,
        ),
        b("page_up", vec![key(PageUp)], All, Action::PageUp, false),
        b(
            "page_down",
            vec![key(PageDown), ch(' ')],
            All,
            Action::PageDown,
            false,
        ),
        b("help", vec![ch('?')], All, Action::ToggleHelp, true),
        b(
            "rescan",
            vec![KeyEvent::new(Char('r'), KeyModifiers::CONTROL), key(F(5))],
            All,
            Action::Rescan,
            false,
        ),
        b(
            "exit",
            vec![KeyEvent::new(Char('c'), KeyModifiers::CONTROL)],
            All,
            Action::Exit,
            false,
        ),
        b("open", vec![key(Enter), ch('l')], List, Action::Open, true),
        b("filter", vec![ch('/')], List, Action::StartFilter, true),
        b("sort", vec![ch('s')], List, Action::CycleSort, true),
        b("severity", vec![ch('f')], List, Action::CycleSeverity, true),
        b("clear", vec![key(Esc)], List, Action::Back, false),
        b("quit", vec![ch('q')], List, Action::Quit, true),
        b(
            "next_pane",
            vec![key(Tab)],
            Declaration,
            Action::NextPane,
            true,
        ),
        b(
            "previous_pane",
            vec![key(BackTab)],
            Declaration,
            Action::PrevPane,
            false,
        ),
        b(
            "pane",
            vec![ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6')],
            Declaration,
            Action::ShowPane(Pane::Overview),
            true,
        ),
        b(
            "next_flag",
            vec![ch('n')],
            Declaration,
            Action::NextFlag,
            true,
        ),
        b(
            "previous_flag",
            vec![ch('N')],
            Declaration,
            Action::PrevFlag,
            false,
        ),
        b("comment", vec![ch('c')], Declaration, Action::Comment, true),
        b(
            "edit_comment",
            vec![ch('E')],
            Declaration,
            Action::EditComment,
            false,
        ),
        b(
            "withdraw",
            vec![ch('x')],
            Declaration,
            Action::Withdraw,
            false,
        ),
        b("go_to", vec![key(Enter)], Declaration, Action::Open, false),
        b(
            "next_declaration",
            vec![ch(']')],
            Declaration,
            Action::NextDeclaration,
            true,
        ),
        b(
            "previous_declaration",
            vec![ch('[')],
            Declaration,
            Action::PrevDeclaration,
            false,
        ),
        b(
            "explain",
            vec![ch('e')],
            Declaration,
            Action::ToggleExplain,
            true,
        ),
        b(
            "approve",
            vec![ch('a')],
            Declaration,
            Action::Decide(Decision::Approve),
            true,
        ),
        b(
            "return",
            vec![ch('r')],
            Declaration,
            Action::Decide(Decision::Return),
            true,
        ),
        b(
            "pending",
            vec![ch('p')],
            Declaration,
            Action::Decide(Decision::Pending),
            false,
        ),
        b(
            "fold",
            vec![ch('z')],
            Declaration,
            Action::ToggleFold,
            false,
        ),
        b(
            "back",
            vec![key(Esc), ch('h'), ch('q')],
            Declaration,
            Action::Back,
            true,
        ),
        b("done", vec![key(Enter)], Filter, Action::FilterDone, true),
        b(
            "delete",
            vec![key(Backspace)],
            Filter,
            Action::FilterBackspace,
            false,
        ),
        b("cancel", vec![key(Esc)], Filter, Action::Back, true),
        b(
            "excellent",
            vec![ch('1')],
            Grade,
            Action::Grade(Some(ReviewGrade::Excellent)),
            true,
        ),
        b(
            "good",
            vec![ch('2')],
            Grade,
            Action::Grade(Some(ReviewGrade::Good)),
            true,
        ),
        b(
            "fair",
            vec![ch('3')],
            Grade,
            Action::Grade(Some(ReviewGrade::Fair)),
            true,
        ),
        b(
            "poor",
            vec![ch('4')],
            Grade,
            Action::Grade(Some(ReviewGrade::Poor)),
            true,
        ),
        b("none", vec![ch('0')], Grade, Action::Grade(None), true),
        b("cancel", vec![key(Esc)], Grade, Action::Back, true),
        b(
            "decision_filter",
            vec![ch('d')],
            List,
            Action::CycleDecision,
            true,
        ),
        b(
            "save",
            vec![KeyEvent::new(Char('s'), KeyModifiers::CONTROL), key(F(2))],
            Editor,
            Action::Save,
            true,
        ),
        b("close", vec![key(Esc)], Editor, Action::Back, true),
        b(
            "newline",
            vec![key(Enter)],
            Editor,
            Action::Type(EditKey::Newline),
            true,
        ),
        b(
            "delete_back",
            vec![key(Backspace)],
            Editor,
            Action::Type(EditKey::Backspace),
            false,
        ),
        b(
            "delete_forward",
            vec![key(Delete)],
            Editor,
            Action::Type(EditKey::Delete),
            false,
        ),
        b(
            "left",
            vec![key(Left)],
            Editor,
            Action::Type(EditKey::Left),
            false,
        ),
        b(
            "right",
            vec![key(Right)],
            Editor,
            Action::Type(EditKey::Right),
            false,
        ),
        b(
            "up",
            vec![key(Up)],
            Editor,
            Action::Type(EditKey::Up),
            false,
        ),
        b(
            "down",
            vec![key(Down)],
            Editor,
            Action::Type(EditKey::Down),
            false,
        ),
        b(
            "line_start",
            vec![key(Home)],
            Editor,
            Action::Type(EditKey::Home),
            false,
        ),
        b(
            "line_end",
            vec![key(End)],
            Editor,
            Action::Type(EditKey::End),
            false,
        ),
        b("yes", vec![ch('y')], Confirm, Action::Confirm(true), true),
        b(
            "no",
            vec![ch('n'), key(Esc)],
            Confirm,
            Action::Confirm(false),
            true,
        ),
        b("down", vec![key(Down)], Filter, Action::Down, false),
        b("up", vec![key(Up)], Filter, Action::Up, false),
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
                    && (!scope.is_modal()
                        || b.keys
                            .iter()
                            .all(|k| k.modifiers.contains(KeyModifiers::CONTROL))))
        })
        .find(|b| b.keys.iter().any(|k| same(pressed, k)))
        .map(|b| b.action.clone());
    if let Some(Action::ShowPane(_)) = found
        && let KeyCode::Char(c @ '1'..='6') = pressed.code
    {
        return Some(Action::ShowPane(Pane::ALL[c as usize - '1' as usize]));
    }
    if found.is_none()
        && scope.types()
        && let KeyCode::Char(c) = pressed.code
        && !pressed
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(match scope {
            Scope::Editor => Action::Type(EditKey::Char(c)),
            _ => Action::FilterChar(c),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::i18n::Lang;

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
            cursor: [0; crate::desk::panes::PANES],
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
                b.name
            );
            assert!(b.shown().is_ascii());
            assert!(
                !crate::i18n::action_label(Lang::Zh, &b.action).is_empty(),
                "{}",
                b.name
            );
        }
    }

    #[test]
    fn names_are_unique_within_a_scope() {
        let t = table();
        for (i, a) in t.iter().enumerate() {
            assert!(
                t[i + 1..]
                    .iter()
                    .all(|b| b.scope != a.scope || b.name != a.name),
                "{}",
                a.name
            );
        }
    }

    fn keys(toml: &str) -> Result<Vec<Binding>, KeyProblem> {
        let config = crate::config::Config::parse(toml).expect("valid config");
        table_with(&config.keys)
    }

    #[test]
    fn the_config_file_can_move_keys() {
        let t = keys(
            "[keys.all]\ndown = [\"Ctrl-n\", \"Down\"]\n[keys.list]\nfilter = [\"F3\", \"/\"]\n",
        )
        .unwrap();
        let d = desk();
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert!(matches!(action_for(&t, &d, &ctrl_n), Some(Action::Down)));
        assert!(
            action_for(&t, &d, &ch('j')).is_none(),
            "j is no longer down"
        );
        assert!(matches!(
            action_for(&t, &d, &key(KeyCode::F(3))),
            Some(Action::StartFilter)
        ));
        let down = t
            .iter()
            .find(|b| b.name == "down" && b.scope == Scope::All)
            .unwrap();
        assert_eq!(
            down.shown(),
            "Ctrl-N/Down",
            "help and key bar follow the change"
        );
    }

    #[test]
    fn mistakes_in_the_keys_section_are_named() {
        assert!(
            matches!(keys("[keys.lst]\ndown = [\"j\"]"), Err(KeyProblem::UnknownScope(s)) if s == "lst")
        );
        assert!(
            matches!(keys("[keys.list]\nfly = [\"j\"]"), Err(KeyProblem::UnknownBinding { name, .. }) if name == "fly")
        );
        assert!(matches!(
            keys("[keys.list]\nquit = [\"Ctrl-\"]"),
            Err(KeyProblem::BadKey { .. })
        ));
        assert!(matches!(
            keys("[keys.list]\nquit = [\"Alt-q\"]"),
            Err(KeyProblem::NeedsAlt { .. })
        ));
        assert!(matches!(
            keys("[keys.declaration]\npane = [\"x\"]"),
            Err(KeyProblem::UnknownBinding { .. })
        ));
    }

    #[test]
    fn the_readmes_keys_example_is_a_valid_config() {
        let readme = include_str!("../../README.md");
        let start = readme.find("[keys.all]").expect("the example");
        let end = start + readme[start..].find("```").expect("its end");
        let t = keys(&readme[start..end]).expect("the example reads");
        let save = t
            .iter()
            .find(|b| b.scope == Scope::Editor && b.name == "save")
            .unwrap();
        assert_eq!(save.shown(), "Ctrl-S/F2/F10");
        // Every binding name of every scope is listed in the example.
        for b in table().iter().filter(|b| b.name != "pane") {
            let section = format!("[keys.{}]", b.scope.config_name());
            let at = readme[start..end].find(&section).expect(&section);
            let rest = &readme[start + at + section.len()..end];
            let listed = &rest[..rest.find("\n[").unwrap_or(rest.len())];
            assert!(
                listed
                    .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                    .any(|w| w == b.name),
                "{section} does not list {}",
                b.name
            );
        }
    }

    #[test]
    fn key_names_read_back_as_written() {
        for k in [
            "j",
            "G",
            "Down",
            "PgDn",
            "Enter",
            "Esc",
            "Shift-Tab",
            "Ctrl-N",
            "F12",
            "Space",
            "/",
        ] {
            assert_eq!(key_label(&parse_key(k).unwrap()), k);
        }
    }
}
