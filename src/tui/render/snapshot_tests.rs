//! Snapshots of every screen at 80×24 and 120×40 on the sample folder,
//! and of the monochrome theme with its styles (where the selection must
//! show without colour). Review changes with `cargo insta review`.

use super::draw;
use crate::desk::editor::EditKey;
use crate::desk::panes::Pane;
use crate::desk::{Action, Desk};
use crate::i18n::Lang;
use crate::tui::keymap::table;
use crate::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const COLOR: Theme = Theme {
    color: true,
    ascii: false,
};
const MONO: Theme = Theme {
    color: false,
    ascii: false,
};

fn desk(actions: &[Action]) -> Desk {
    let mut d = super::sample_desk(Lang::Zh);
    for a in actions {
        d.update(a.clone());
    }
    d
}

fn terminal(d: &Desk, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, d, theme, &table())).unwrap();
    t
}

fn text(t: &Terminal<TestBackend>) -> String {
    super::buffer_text(t.backend().buffer())
}

fn screens() -> Vec<(&'static str, Vec<Action>)> {
    let open = |p: Pane| vec![Action::Open, Action::ShowPane(p), Action::Down];
    vec![
        ("list", vec![]),
        (
            "list-filter-sfj",
            vec![
                Action::StartFilter,
                Action::FilterChar('s'),
                Action::FilterChar('f'),
                Action::FilterChar('j'),
            ],
        ),
        (
            "list-load-error",
            vec![Action::Down, Action::Down, Action::Down],
        ),
        ("overview", open(Pane::Overview)),
        ("budget", open(Pane::Budget)),
        ("tasks", open(Pane::Tasks)),
        (
            "indicators",
            vec![
                Action::Open,
                Action::ShowPane(Pane::Indicators),
                Action::NextFlag,
                Action::NextFlag,
            ],
        ),
        (
            "problems",
            vec![
                Action::Open,
                Action::ShowPane(Pane::Problems),
                Action::ToggleExplain,
            ],
        ),
        ("review", open(Pane::Review)),
        ("editor", {
            let mut a = vec![
                Action::Open,
                Action::ShowPane(Pane::Indicators),
                Action::NextFlag,
                Action::NextFlag,
                Action::Comment,
            ];
            let words = "目标值“完成率100%”复述了指标名称，\n请改为可衡量的数值";
            a.extend(words.chars().map(|c| Action::Type(type_key(c))));
            a
        }),
        ("editor-discard", {
            let mut a = vec![Action::Open, Action::Comment];
            a.extend("写了一半".chars().map(|c| Action::Type(type_key(c))));
            a.push(Action::Back);
            a
        }),
        ("help", vec![Action::ToggleHelp]),
    ]
}

fn type_key(c: char) -> EditKey {
    match c {
        '\n' => EditKey::Newline,
        c => EditKey::Char(c),
    }
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (name, actions) in screens() {
        let d = desk(&actions);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&terminal(&d, &COLOR, w, h)));
        }
    }
}

#[test]
fn the_monochrome_theme_with_its_styles() {
    for (name, actions) in [
        ("list", vec![Action::Down]),
        ("budget", vec![Action::Open, Action::ShowPane(Pane::Budget)]),
    ] {
        let d = desk(&actions);
        let t = terminal(&d, &MONO, 80, 24);
        insta::assert_debug_snapshot!(format!("mono-{name}-80x24"), t.backend().buffer());
    }
}
