//! Drawing the desk from its state. Nothing here changes state; every text
//! from a declaration arrives already sanitised (the library's panes and
//! `sanitize::display_line`), and is laid out by `crate::width`.

mod declaration;
mod editor;
mod help;
mod list;
mod preview;
mod season;

use super::keymap::{Binding, Scope};
use super::theme::Theme;
use crate::desk::{Desk, Notice, Screen};
use crate::i18n;
use crate::width;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Below this the layout cannot work; a notice shows instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;

/// Rows above and below the body: title, subtitle, status, key bar.
pub const CHROME_ROWS: u16 = 4;

/// Rows a page of the body holds at this terminal height.
pub fn page_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(CHROME_ROWS + 1)).max(1)
}

/// Where a paging key takes help when it scrolls at the desk's last
/// known size; `None` when help fits (every key closes it then).
pub fn help_scroll(desk: &Desk, keys: &[Binding], forward: bool) -> Option<usize> {
    let (cols, page) = desk.size();
    let rows = page + usize::from(CHROME_ROWS) + 1;
    help::scroll_to(desk, keys, (cols, rows), forward)
}

/// Draws one frame.
pub fn draw(f: &mut Frame, desk: &Desk, theme: &Theme, keys: &[Binding]) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = i18n::too_small(desk.lang(), MIN_WIDTH, MIN_HEIGHT);
        let lines = width::wrap(&notice, usize::from(area.width.max(1)));
        let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
    let [top, sub, body, status, bar] = regions(desk, area);
    let mut cursor = match desk.screen() {
        Screen::List => list::draw(f, desk, theme, [top, sub, body, status]),
        Screen::Declaration { .. } => declaration::draw(f, desk, theme, [top, sub, body, status]),
    };
    if let Some(crate::desk::Overlay::Sign { typed, .. }) = desk.overlay() {
        let prompt = format!("{}{}", i18n::sign_prompt(desk.lang()), typed);
        f.render_widget(Clear, status);
        text_line(f, status, &prompt, theme.title(), theme);
        cursor = Some(caret(status, &prompt));
    }
    if let Some(&crate::desk::Overlay::Grade(decision)) = desk.overlay() {
        f.render_widget(Clear, status);
        text_line(
            f,
            status,
            &grade_prompt(desk, decision, keys),
            theme.title(),
            theme,
        );
    }
    let over_panes = Rect {
        height: body.height + status.height + sub.height,
        ..sub
    };
    preview::draw(f, desk, theme, over_panes);
    season::draw(f, desk, theme, over_panes);
    key_bar(f, desk, theme, keys, bar);
    if desk.help() {
        help::draw(f, desk, theme, keys, area);
    } else if let Some(at) = cursor {
        // The real cursor sits at the caret, so an IME's candidate window
        // opens where the reviewer is typing.
        f.set_cursor_position(at);
    }
}

/// A decision's grade question, offering only the grades that fit it,
/// each under the key that gives it (the keymap's, remapped or not).
fn grade_prompt(desk: &Desk, decision: crate::review::Decision, keys: &[Binding]) -> String {
    let grades: Vec<(String, i18n::Phrase)> = decision
        .grades()
        .iter()
        .filter_map(|g| {
            let b = keys.iter().find(|b| {
                b.scope == Scope::Grade && b.command == crate::desk::Command::Grade(Some(*g))
            })?;
            Some((b.bar_key(), g.label()))
        })
        .collect();
    let none = keys
        .iter()
        .find(|b| b.scope == Scope::Grade && b.command == crate::desk::Command::Grade(None))
        .map(|b| b.bar_key())
        .unwrap_or_default();
    i18n::grade_prompt(desk.lang(), decision.label(), &grades, &none)
}

/// The screen's regions: title, subtitle, body, status line, key bar.
/// A notice too long for one line (a failed save's reason) gets up to
/// three: the reviewer must read all of why.
fn regions(desk: &Desk, area: Rect) -> [Rect; 5] {
    let status = desk.notice().map_or(1, |n| {
        width::wrap(n.text(), usize::from(area.width))
            .len()
            .clamp(1, NOTICE_ROWS)
    });
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(status).unwrap_or(1)),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The most rows a notice takes.
const NOTICE_ROWS: usize = 3;

/// The list row under a mouse click at (`x`, `y`), if any.
pub fn list_row_at(desk: &Desk, area: Rect, x: u16, y: u16) -> Option<usize> {
    if area.width < MIN_WIDTH
        || area.height < MIN_HEIGHT
        || desk.help()
        || desk.screen() != Screen::List
    {
        return None;
    }
    let [_, _, body, _, _] = regions(desk, area);
    let layout = list::layout(desk, body);
    let inside = layout.rows.contains(Position::new(x, y));
    let row = layout.start + usize::from(y.checked_sub(layout.rows.y)?);
    (inside && row < desk.rows().len()).then_some(row)
}

/// The title line: what the screen shows, and at its right who signs
/// what is written (the title gives way first, cut with `…`).
fn title_line(f: &mut Frame, area: Rect, title: &str, desk: &Desk, theme: &Theme) {
    let signed = i18n::reviewer_shown(desk.lang(), &crate::sanitize::display_line(desk.reviewer()));
    let cells = usize::from(area.width);
    let right = width::width(&signed);
    if cells < right + 20 {
        return text_line(f, area, title, theme.title(), theme);
    }
    let left = width::truncate(title, cells - right - 2);
    let pad = cells.saturating_sub(width::width(&left) + right);
    let line = Line::from(vec![
        Span::styled(theme.ascii_safe(&left), theme.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(theme.ascii_safe(&signed), theme.dim()),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

/// One line of text cut to the area's width.
/// A page drawn over the panes (the 审核意见 preview, 本批概况): `area`
/// cleared, `heading` on its first line; the rest, for its body.
fn page_over(f: &mut Frame, area: Rect, heading: &str, theme: &Theme) -> Rect {
    f.render_widget(Clear, area);
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    text_line(f, title, &format!("── {heading} "), theme.heading(), theme);
    body
}

fn text_line(f: &mut Frame, area: Rect, text: &str, style: ratatui::style::Style, theme: &Theme) {
    let shown = theme.ascii_safe(&width::truncate(text, usize::from(area.width)));
    f.render_widget(Paragraph::new(Line::from(Span::styled(shown, style))), area);
}

/// A notice in the status line: done in the title's style, a problem in
/// the error colour.
fn notice_line(f: &mut Frame, area: Rect, notice: &Notice, theme: &Theme) {
    let style = match notice {
        Notice::Done(_) => theme.title(),
        Notice::Problem(_) => theme.severity(crate::rules::Severity::Error),
    };
    let lines: Vec<Line> = width::wrap(notice.text(), usize::from(area.width))
        .into_iter()
        .take(usize::from(area.height))
        .map(|l| Line::from(Span::styled(theme.ascii_safe(&l), style)))
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

/// The key bar: the scope's bar bindings, most needed first (leaving and
/// help always show), as many as the width holds; each by its first key
/// (help lists every key).
fn key_bar(f: &mut Frame, desk: &Desk, theme: &Theme, keys: &[Binding], area: Rect) {
    let scope = Scope::of(desk);
    // A decision's grade question offers only the grades that fit it.
    let fits = |b: &Binding| match (desk.overlay(), &b.command) {
        (Some(crate::desk::Overlay::Grade(d)), crate::desk::Command::Grade(g)) => d.fits(*g),
        _ => true,
    };
    let mut shown: Vec<(u8, &Binding)> = keys
        .iter()
        .filter(|b| b.scope == scope || (b.scope == Scope::All && !scope.is_modal()))
        .filter(|b| fits(b))
        .filter_map(|b| b.bar.map(|rank| (rank, b)))
        .collect();
    // Stable: within a rank, the table's order.
    shown.sort_by_key(|(rank, _)| *rank);
    let mut spans = Vec::new();
    let mut used = 0;
    let room = usize::from(area.width);
    for (_, b) in shown {
        let label = b.command.bar_label().get(desk.lang());
        let key = b.bar_key();
        let need = width::width(&key) + 1 + width::width(label) + 2;
        if used + need > room {
            break;
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {}  ", theme.ascii_safe(label))));
        used += need;
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Where the caret of a one-line input sits: after `text` in `area`.
fn caret(area: Rect, text: &str) -> Position {
    let x = area
        .x
        .saturating_add(u16::try_from(width::width(text)).unwrap_or(u16::MAX));
    Position::new(x.min(area.right().saturating_sub(1)), area.y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{Command, Event};
    use crate::i18n::Lang;
    use crate::tui::keymap::{press, table};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn desk(lang: Lang) -> Desk {
        crate::testing::sample_desk(lang)
    }

    fn screen(d: &Desk, theme: &Theme, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| draw(f, d, theme, &table())).unwrap();
        buffer_text(t.backend().buffer())
    }

    const THEME: Theme = Theme {
        color: true,
        ascii: false,
    };

    #[test]
    fn no_size_panics_on_any_screen() {
        let keys = table();
        let mut d = desk(Lang::Zh);
        d.event(Event::Resize { rows: 10, cols: 80 });
        let mut states = vec![d.clone()];
        let mut after = |d: &mut Desk, script: &str| {
            press(&keys, d, script);
            states.push(d.clone());
        };
        after(&mut d, "/s");
        press(&keys, &mut d, "<Esc><Enter>");
        for pane in 1..=6 {
            after(&mut d, &format!("{pane}G"));
        }
        // The editor with more lines than fit, a question, a long notice.
        after(
            &mut d,
            "c目标值请量化<Enter><Enter><Enter><Enter><Enter><Enter><Enter><Enter>例如≥95%，并写明口径和数据来源",
        );
        after(&mut d, "<Esc>");
        press(&keys, &mut d, "n");
        d.event(Event::SaveFailed("无法写入审核记录".repeat(20)));
        states.push(d.clone());
        press(&keys, &mut d, "<Esc>y?");
        states.push(d.clone());
        let sizes = (1..=24u16).flat_map(|w| (1..=12u16).map(move |h| (w, h)));
        let big = [
            (40, 8),
            (41, 9),
            (79, 23),
            (80, 24),
            (120, 40),
            (200, 60),
            (300, 5),
            (5, 300),
        ];
        for (w, h) in sizes.chain(big) {
            for state in &states {
                screen(state, &THEME, w, h);
            }
        }
    }

    #[test]
    fn the_list_at_80_by_24_shows_the_batch() {
        let d = desk(Lang::Zh);
        let s = screen(&d, &THEME, 80, 24);
        assert!(s.starts_with("sample-data · 19 个文件"), "{s}");
        assert!(s.contains("广州市天河区司法局") && s.contains("6,772.35"));
        assert!(s.contains("yx-gxj.json"), "a load error is a row");
        assert!(s.lines().last().unwrap().contains("? 帮助"), "the key bar");
    }

    #[test]
    fn the_seed_budget_pane_shows_its_gap() {
        let mut d = desk(Lang::Zh);
        press(&table(), &mut d, "<Enter>2");
        let s = screen(&d, &THEME, 80, 24);
        assert!(
            s.contains("1,665.78") && s.contains("1,666.88") && s.contains("-1.10"),
            "{s}"
        );
    }

    #[test]
    fn a_click_lands_on_the_row_drawn_there() {
        let mut d = desk(Lang::Zh);
        let area = Rect::new(0, 0, 80, 24);
        // Rows start under the title, subtitle and column titles.
        assert_eq!(list_row_at(&d, area, 10, 2), None, "the column titles");
        assert_eq!(list_row_at(&d, area, 10, 3), Some(0));
        assert_eq!(list_row_at(&d, area, 10, 6), Some(3));
        let s = screen(&d, &THEME, 80, 24);
        assert!(
            s.lines().nth(6).unwrap().contains("yx-gxj.json"),
            "row 3 is drawn on line 6"
        );
        let tall = Rect::new(0, 0, 80, 40);
        assert_eq!(list_row_at(&d, tall, 10, 21), Some(18), "the last row");
        assert_eq!(list_row_at(&d, tall, 10, 22), None, "below the last row");
        // With the failed file selected, its message takes the bottom lines.
        d.command(Command::Select(3));
        let s = screen(&d, &THEME, 80, 24);
        let message_line = s
            .lines()
            .position(|l| l.starts_with("yx-gxj.json 第"))
            .unwrap();
        let message_y = u16::try_from(message_line).unwrap();
        assert_eq!(
            list_row_at(&d, area, 10, message_y),
            None,
            "the message takes no clicks"
        );
        assert_eq!(
            list_row_at(&d, area, 10, 18),
            Some(15),
            "the last row, above it"
        );
        d.command(Command::Select(0));
        d.command(Command::Open);
        assert_eq!(
            list_row_at(&d, area, 10, 3),
            None,
            "only the list takes clicks"
        );
    }

    #[test]
    fn the_key_bar_keeps_leaving_help_and_the_decision_keys_at_80_columns() {
        for lang in [Lang::Zh, Lang::En] {
            let mut d = desk(lang);
            let s = screen(&d, &THEME, 80, 24);
            let bar = s.lines().last().unwrap().to_string();
            assert!(bar.starts_with("? ") && bar.contains("q "), "{bar}");
            press(&table(), &mut d, "<Enter>");
            let s = screen(&d, &THEME, 80, 24);
            let bar = s.lines().last().unwrap().to_string();
            for key in ["? ", "a ", "r ", "p ", "Esc"] {
                assert!(bar.contains(key), "{key} in {bar}");
            }
        }
    }

    #[test]
    fn help_cuts_no_entry_pages_when_long_and_shows_the_marks() {
        for lang in [Lang::Zh, Lang::En] {
            let mut d = desk(lang);
            d.event(Event::Resize {
                rows: page_rows(24),
                cols: 80,
            });
            press(&table(), &mut d, "?");
            let list = screen(&d, &THEME, 80, 24);
            assert!(!list.contains('…'), "{list}");
            assert!(list.contains("!!"), "the legend: {list}");
            press(&table(), &mut d, "j");
            assert!(!d.help(), "the list's help fits: j closes it");
            // A declaration's help is longer than 80×24: it pages, and
            // between its pages every line shows whole.
            press(&table(), &mut d, "<Enter>?");
            let mut seen = String::new();
            for _ in 0..4 {
                let s = screen(&d, &THEME, 80, 24);
                assert!(!s.contains('…'), "{s}");
                seen.push_str(&s);
                press(&table(), &mut d, "<PgDn>");
                assert!(d.help(), "paging keeps help up");
            }
            // Every entry is there, whole: each column's words read on
            // once the line breaks go.
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            let columns = help::layout(&d, &table(), 80, 24).texts();
            let seen: Vec<String> = columns.iter().map(|c| squeeze(c)).collect();
            for b in table().iter().filter(|b| b.scope == Scope::Declaration) {
                let label = squeeze(b.command.label().get(lang));
                assert!(seen.iter().any(|c| c.contains(&label)), "{}", b.name);
            }
            press(&table(), &mut d, "x");
            assert!(!d.help());
            assert!(d.editor().is_none(), "x only closed help");
        }
    }

    /// The list's row for a file, as drawn.
    fn row_of<'a>(screen: &'a str, needle: &str) -> Vec<&'a str> {
        screen.lines().filter(|l| l.contains(needle)).collect()
    }

    #[test]
    fn the_list_names_the_batch_region_once_and_tells_twins_apart_by_file() {
        let d = desk(Lang::Zh);
        let s = screen(&d, &THEME, 80, 24);
        assert!(
            s.lines()
                .nth(2)
                .unwrap()
                .contains("部门名称（广州市云溪区）"),
            "{s}"
        );
        assert!(
            s.lines().next().unwrap().ends_with("审核人 张审核"),
            "who signs: {s}"
        );
        assert!(
            row_of(&s, "档案馆")[0].contains("✓   档案馆 "),
            "the region left off"
        );
        assert!(
            row_of(&s, "广州市天河区司法局").len() == 1,
            "another region stays whole"
        );
        // No room for a file column at 80: the two 市场监督管理局 name theirs.
        let twins = row_of(&s, "市场监督管理局");
        assert!(twins[0].contains("yx-scjgj-v2.json") && twins[1].contains("yx-scjgj.json"));
        assert!(!s.contains("yx-daj.json"), "other rows do not");
        // At 120 the file has a column of its own.
        let wide = screen(&d, &THEME, 120, 40);
        assert!(row_of(&wide, "档案馆")[0].contains("yx-daj.json"));
        // At 60 the file still tells the twins apart.
        let narrow = screen(&d, &THEME, 60, 24);
        let twins = row_of(&narrow, "yx-scjgj");
        assert_eq!(twins.len(), 2, "{narrow}");
        assert!(
            narrow.lines().nth(2).unwrap().contains(" 广州市云溪区 "),
            "the region whole: {narrow}"
        );
    }

    #[test]
    fn a_resubmitted_declaration_is_marked_in_the_list() {
        use crate::review::{Body, Place};
        let mut d = desk(Lang::Zh);
        let body = Body::Comment {
            place: Place::Declaration,
            text: "请补充成本指标".into(),
        };
        d.event(Event::ReviewChanged {
            file: "yx-daj.json".into(),
            review: crate::testing::review_of_one(
                "2026-11-26T09:00:00.000Z",
                "the version sent back",
                "the version now",
                body,
            ),
        });
        let s = screen(&d, &THEME, 80, 24);
        assert!(row_of(&s, "档案馆")[0].contains("已重报"), "{s}");
        assert!(!row_of(&s, "教育局")[0].contains("已重报"));
    }

    #[test]
    fn small_things_read_right_pending_a_blank_goal_and_a_blank_name() {
        use crate::review::{Body, Decision};
        let mut d = desk(Lang::Zh);
        // Set back to 待审 at 08:06 UTC: no gap where a grade would be,
        // and the time in the reviewer's zone (UTC+8).
        let body = Body::Decision {
            decision: Decision::Pending,
            grade: None,
        };
        d.event(Event::ReviewChanged {
            file: "tianhe-sfj.json".into(),
            review: crate::testing::review_of_one("2026-12-01T08:06:00.000Z", "", "", body),
        });
        press(&table(), &mut d, "<Enter>6");
        let s = screen(&d, &THEME, 80, 24);
        assert!(
            s.contains("审核结论：待审 · 王审核 · 2026-12-01 16:06"),
            "{s}"
        );
        // The declaration with no department name is titled as the list has it.
        press(&table(), &mut d, "<Esc>/0614<Enter><Enter>");
        let s = screen(&d, &THEME, 80, 24);
        assert!(s.starts_with("（部门名称未填） · yx-jd-0614.json"), "{s}");
    }

    #[test]
    fn a_tiny_window_gets_a_notice() {
        let d = desk(Lang::En);
        let s = screen(&d, &THEME, 30, 6);
        assert!(s.contains("too small"), "{s}");
    }

    #[test]
    fn the_selection_is_visible_without_colour() {
        let d = desk(Lang::Zh);
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| draw(f, &d, &theme, &table())).unwrap();
        let buf = t.backend().buffer();
        // Row 3 is the first row of the list: reversed, and no colour anywhere.
        assert!(
            buf[(6, 3)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        );
        for y in 0..24 {
            for x in 0..80 {
                assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Reset, "({x},{y})");
            }
        }
    }

    #[test]
    fn ascii_mode_draws_no_ambiguous_width_marks() {
        let mut d = desk(Lang::Zh);
        press(&table(), &mut d, "<Enter>2");
        let s = screen(
            &d,
            &Theme {
                color: true,
                ascii: true,
            },
            80,
            24,
        );
        assert!(
            !s.contains('✓') && !s.contains('…') && !s.contains('—'),
            "{s}"
        );
        assert!(s.contains("ok"), "the sums that agree say so: {s}");
        // Every screen: no ambiguous-width mark anywhere.
        let ascii = Theme {
            color: true,
            ascii: true,
        };
        let mut d = desk(Lang::Zh);
        let mut screens = vec![screen(&d, &ascii, 80, 24)];
        for script in [
            "<Enter>", "2", "3", "4", "5", "6", "1c", "<Esc>?", "x<Esc>v",
        ] {
            press(&table(), &mut d, script);
            screens.push(screen(&d, &ascii, 80, 24));
            screens.push(screen(&d, &ascii, 120, 40));
        }
        for s in screens {
            let bad: Vec<char> = s.chars().filter(|c| "·─–—…✓≤≥×→".contains(*c)).collect();
            assert!(bad.is_empty(), "{bad:?} in\n{s}");
        }
    }
}

#[cfg(test)]
mod injection_tests;

/// A drawn buffer as text, one line per row, wide characters once.
#[cfg(test)]
pub(crate) fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = width::width(sym).saturating_sub(1);
                line.push_str(sym);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod snapshot_tests;
