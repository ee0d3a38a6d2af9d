//! Snapshots of every screen at 80×24 and 120×40 on the sample folder,
//! and of the monochrome theme with its styles (where the selection must
//! show without colour). Review changes with `cargo insta review`.

use super::draw;
use crate::desk::Desk;
use crate::i18n::Lang;
use crate::tui::keymap::{press, table};
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

/// The sample folder after a reviewer pressed `keys` (see `keymap::press`).
fn desk(keys: &str) -> Desk {
    desk_in(Lang::Zh, keys)
}

fn desk_in(lang: Lang, keys: &str) -> Desk {
    let mut d = crate::testing::sample_desk(lang);
    press(&table(), &mut d, keys);
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

fn screens() -> Vec<(&'static str, String)> {
    let words = "目标值“完成率100%”复述了指标名称，<Enter>请改为可衡量的数值";
    let editor = format!("<Enter>4nnc{words}");
    [
        ("list", ""),
        ("list-filter-sfj", "/sfj"),
        ("list-load-error", "jjj"),
        ("overview", "<Enter>1j"),
        ("budget", "<Enter>2j"),
        ("tasks", "<Enter>3j"),
        ("indicators", "<Enter>4nn"),
        ("problems", "<Enter>5e"),
        ("review", "<Enter>6j"),
        ("editor", editor.as_str()),
        ("editor-discard", "<Enter>c写了一半<Esc>"),
        ("help", "?"),
        // A declaration's help, and the indicator row under the cursor
        // drawn whole (row 23's name and targets wrap in their columns).
        ("help-declaration", "<Enter>?"),
        ("indicators-row-whole", "<Enter>4nnnnn"),
        ("sorted-by-name-reversed", "sS"),
    ]
    .into_iter()
    .map(|(name, keys)| (name, keys.to_string()))
    .collect()
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (name, keys) in screens() {
        let d = desk(&keys);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&terminal(&d, &COLOR, w, h)));
        }
    }
}

/// The screens in English, where widths come from the English words.
#[test]
fn every_screen_in_english_at_80x24_and_120x40() {
    for (name, keys) in [
        ("list", ""),
        ("list-load-error", "jjj"),
        ("overview", "<Enter>1j"),
        ("budget", "<Enter>2j"),
        ("tasks", "<Enter>3j"),
        ("indicators", "<Enter>4nnnnn"),
        ("problems", "<Enter>5e"),
        ("review", "<Enter>6j"),
        ("help", "?"),
        ("help-declaration", "<Enter>?"),
    ] {
        let d = desk_in(Lang::En, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("en-{name}-{w}x{h}"),
                text(&terminal(&d, &COLOR, w, h))
            );
        }
    }
}

/// The 上年对比 pane and the list filtered by last year, with
/// `sample-data/2024` named as last year's folder; and the pane where no
/// folder was named.
#[test]
fn last_year_at_80x24_and_120x40() {
    for (lang, name, keys) in [
        (Lang::Zh, "last-year", "/jyj<Enter><Enter>7"),
        (Lang::Zh, "last-year-dropped", "/jyj<Enter><Enter>7G"),
        (Lang::Zh, "last-year-several", "/tjj<Enter><Enter>7"),
        (Lang::Zh, "list-last-year", "y"),
        (Lang::En, "en-last-year", "/jyj<Enter><Enter>7"),
    ] {
        let mut d = crate::testing::sample_desk_with_last_year(lang);
        press(&table(), &mut d, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&terminal(&d, &COLOR, w, h)));
        }
    }
    let d = desk("<Enter>7");
    insta::assert_snapshot!(
        "last-year-no-folder-80x24",
        text(&terminal(&d, &COLOR, 80, 24))
    );
}

/// 修改情况 of a resubmission, and the narrow tab line that still shows
/// every pane's key.
#[test]
fn revision_at_80x24_and_120x40() {
    for (lang, name) in [(Lang::Zh, "revision"), (Lang::En, "en-revision")] {
        let mut d = crate::testing::resubmitted_desk(lang);
        press(&table(), &mut d, "<Enter>8");
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&terminal(&d, &COLOR, w, h)));
        }
        insta::assert_snapshot!(format!("{name}-60x20"), text(&terminal(&d, &COLOR, 60, 20)));
    }
    let d = desk("<Enter>8");
    insta::assert_snapshot!(
        "revision-never-returned-80x24",
        text(&terminal(&d, &COLOR, 80, 24))
    );
}

#[test]
fn the_monochrome_theme_with_its_styles() {
    for (name, keys) in [("list", "j"), ("budget", "<Enter>2")] {
        let d = desk(keys);
        let t = terminal(&d, &MONO, 80, 24);
        insta::assert_debug_snapshot!(format!("mono-{name}-80x24"), t.backend().buffer());
    }
}

/// 本批概况 (issue 24) at both sizes, in both languages, with `--ascii`
/// (its bars drawn with `#`), scrolled to its last line, and the list it
/// leads to.
#[test]
fn the_batch_at_a_glance_at_80x24_and_120x40() {
    const ASCII: Theme = Theme {
        color: true,
        ascii: true,
    };
    for (lang, name, keys, theme) in [
        (Lang::Zh, "season", "o", &COLOR),
        (Lang::Zh, "season-last", "oG", &COLOR),
        (Lang::Zh, "season-list", "ojj<Enter>", &COLOR),
        (Lang::Zh, "season-ascii", "o", &ASCII),
        (Lang::En, "en-season", "o", &COLOR),
        (Lang::En, "en-season-last", "oG", &COLOR),
    ] {
        let d = desk_in(lang, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&terminal(&d, theme, w, h)));
        }
    }
    // A folder made for rows several departments wrote alike, scrolled to
    // them, and the list narrowed to the last of them.
    for (lang, name, keys) in [
        (Lang::Zh, "season-rows", "oG"),
        (Lang::En, "en-season-rows", "oG"),
        (Lang::Zh, "season-rows-list", "oG<Enter>"),
        (Lang::En, "en-season-rows-list", "oG<Enter>"),
    ] {
        let (_dir, mut d) = crate::testing::alike_rows_desk(lang);
        press(&table(), &mut d, keys);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text(&terminal(&d, &COLOR, w, h)));
        }
    }
}
