//! A declaration whose strings try to drive the terminal: rendered through
//! the real crossterm backend into bytes, read back by a terminal emulator
//! (vt100). Nothing may act; everything must be visible.

use super::draw;
use crate::check::check_file;
use crate::config::Config;
use crate::desk::panes::Pane;
use crate::desk::{Command, Desk, Event};
use crate::i18n::Lang;
use crate::tui::keymap::table;
use crate::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::cell::RefCell;
use std::rc::Rc;

/// Collects what the backend writes.
#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const HOSTILE: &str = r#"{
  "format_version": 1, "fiscal_year": 2025,
  "region": "广州市\u009b2J云溪区",
  "department": {"name": "恶意\u001b]0;pwned\u0007部门\u202e局", "staff_count": 1, "subordinate_units": 0},
  "budget": {"expenditure": {"basic": "1", "project": "1"}, "development": {"special_fund": "0", "other": "0"},
             "income": {"fiscal_appropriation": "2", "other": "0"}, "by_level": {"own_use": "2", "transfer_to_lower": "0"}},
  "overall_goal": "目标1\u001b[2J\u001b[H清屏\u001b]52;c;cHduZWQ=\u0007剪贴板",
  "key_tasks": [{"name": "任务\u200b一", "content": "内容\u001bP1$qm\u001b\\设备控制", "funds": "1", "expected_outcome": "结果\u2066隔离\u2069"}],
  "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "指标\u001b[31m红", "period_target": "≥1次", "annual_target": "≥\u202e%09\u202c"}]
}"#;

fn desk() -> Desk {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, HOSTILE).expect("write");
    let config = Config::default();
    let entry = check_file(&path, &config);
    assert!(entry.outcome.is_ok(), "{:?}", entry.outcome.err());
    let mut d = Desk::new(Lang::Zh, "hostile\u{1b}]0;folder\u{7}".into(), config);
    d.event(Event::Loaded(vec![entry.into()]));
    d.event(Event::Finished);
    d
}

fn render_all_screens(d: &mut Desk) -> Vec<u8> {
    let out = Bytes::default();
    let mut t = Terminal::new(CrosstermBackend::new(out.clone())).expect("terminal");
    t.resize(ratatui::layout::Rect::new(0, 0, 120, 40))
        .expect("size");
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let keys = table();
    t.draw(|f| draw(f, d, &theme, &keys)).expect("list");
    d.command(Command::Open);
    for pane in Pane::ALL {
        d.command(Command::ShowPane(pane));
        t.draw(|f| draw(f, d, &theme, &keys)).expect("pane");
        d.command(Command::Down);
        t.draw(|f| draw(f, d, &theme, &keys))
            .expect("pane, next line");
    }
    out.0.borrow().clone()
}

#[test]
fn hostile_text_never_reaches_the_terminal_as_commands() {
    let mut d = desk();
    let bytes = render_all_screens(&mut d);
    for (bad, what) in [
        (&b"\x1b]"[..], "an OSC sequence (title, clipboard)"),
        (&b"\x1bP"[..], "a DCS sequence"),
        (&b"\xc2\x9b"[..], "a C1 CSI"),
        (&b"\xe2\x80\xae"[..], "a bidi override"),
        (&b"\xe2\x81\xa6"[..], "a bidi isolate"),
        (&b"\xe2\x80\x8b"[..], "a zero-width space"),
        (&b"\x07"[..], "a bell"),
        // (ESC[2J itself is ratatui's own clear when the size is set; the
        // declaration's one shows as the text ^[[2J, asserted below.)
    ] {
        assert!(
            !bytes.windows(bad.len()).any(|w| w == bad),
            "{what} reached the terminal"
        );
    }
}

/// What a terminal was asked to do besides drawing.
#[derive(Default)]
struct Watch {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
    bells: usize,
}

impl vt100::Callbacks for Watch {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
}

#[test]
fn a_terminal_shows_the_escapes_and_is_asked_for_nothing_else() {
    let mut d = desk();
    let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
    let mut term = vt100::Parser::new_with_callbacks(size(40), size(120), 0, Watch::default());
    let bytes = render_all_screens(&mut d);
    term.process(&bytes);
    let watch = term.callbacks();
    assert!(watch.titles.is_empty(), "title changed: {:?}", watch.titles);
    assert!(watch.clipboard.is_empty(), "clipboard written");
    assert_eq!(watch.bells, 0);

    // The overview, drawn last of all from scratch, shows every escape.
    let mut d = desk();
    d.command(Command::Open);
    let out = Bytes::default();
    let mut t = Terminal::new(CrosstermBackend::new(out.clone())).expect("terminal");
    t.resize(ratatui::layout::Rect::new(0, 0, 120, 40))
        .expect("size");
    t.draw(|f| {
        draw(
            f,
            &d,
            &Theme {
                color: true,
                ascii: false,
            },
            &table(),
        )
    })
    .expect("overview");
    let mut fresh = vt100::Parser::new(size(40), size(120), 0);
    fresh.process(&out.0.borrow());
    let text = fresh.screen().contents();
    assert!(text.contains("恶意^[]0;pwned^G部门<U+202E>局"), "{text}");
    assert!(text.contains("广州市<U+009B>2J云溪区"), "{text}");
    assert!(
        text.contains("^[[2J^[[H清屏^[]52;c;cHduZWQ=^G剪贴板"),
        "{text}"
    );
}
