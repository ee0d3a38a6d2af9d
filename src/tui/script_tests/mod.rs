//! The desk driven by keys through the real key table, as a reviewer
//! drives it: `keys(&mut d, "/sfj<Enter><Enter>4n")`. Events (files
//! arriving, the loop's answers) are sent as the loop sends them.

mod across;
mod changes;
mod compose;
mod honest;
mod judge;
mod last_year;
mod outside;
mod packed;
mod reword;
mod search;
mod season;

use crate::check::{Entry, check_file};
use crate::config::Config;
use crate::desk::panes::Pane;
use crate::desk::{Desk, Event, Item, Overlay, Progress, SEARCH_SLICE, Screen, Sort};
use crate::i18n::Lang;
use crate::load::declaration_files;
use crate::model::Location;
use crate::review::{Decision, Grade, Journal, Review};
use crate::rules::Severity;
use crate::tui::keymap::{press, table};
use std::path::Path;

/// Presses `script` (see [`press`]) with the shipped key table.
pub(super) fn keys(d: &mut Desk, script: &str) {
    press(&table(), d, script);
}

/// The sample folder, loaded as the desk's loader does: file by file, out
/// of order and in batches, cross-folder rules only when all are in.
pub(super) fn desk() -> Desk {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let config = Config::default();
    let files = declaration_files(&dir).expect("sample-data is there");
    let mut entries: Vec<Entry> = files.iter().map(|p| check_file(p, &config)).collect();
    let mut d = Desk::new(Lang::Zh, "sample-data".into(), config);
    d.event(Event::SignedBy("测试审核".into()));
    d.event(Event::Found(entries.len()));
    entries.reverse();
    let later = entries.split_off(5);
    d.event(Event::Loaded(entries.into_iter().map(Item::from).collect()));
    d.event(Event::Loaded(later.into_iter().map(Item::from).collect()));
    d.event(Event::Finished);
    d
}

/// The sample files under other names, `copies` times over, as listed.
pub(super) fn copies(copies: usize, from: usize) -> Vec<Item> {
    copied_entries(copies, from)
        .into_iter()
        .map(Item::from)
        .collect()
}

/// The sample files under other names, `copies` times over, as checked.
pub(super) fn copied_entries(copies: usize, from: usize) -> Vec<Entry> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let config = Config::default();
    let base: Vec<Entry> = declaration_files(&dir)
        .unwrap()
        .iter()
        .map(|p| check_file(p, &config))
        .collect();
    (from..from + copies)
        .flat_map(|n| {
            base.iter().map(move |e| Entry {
                file: format!("{n:02}-{}", e.file),
                outcome: e.outcome.clone(),
            })
        })
        .collect()
}

/// The key that shows a pane: its number.
pub(super) fn pane_key(pane: Pane) -> String {
    (pane.index() + 1).to_string()
}

/// Finds a declaration by the filter line, opens it and shows `pane`.
pub(super) fn open_at(d: &mut Desk, query: &str, pane: Pane) {
    keys(d, &format!("/{query}<Enter><Enter>{}", pane_key(pane)));
}

/// The review a journal of one record tells: `body`, by `reviewer`, on
/// the version the desk read (`now`).
pub(super) fn one_record(reviewer: &str, at: &str, body: crate::review::Body) -> Review {
    let journal = Journal {
        records: vec![crate::review::Record {
            v: crate::review::RECORD_VERSION,
            id: "c1".into(),
            reviewer: reviewer.into(),
            login: None,
            at: at.into(),
            declaration_sha256: "now".into(),
            body,
        }],
        skipped: vec![],
        bytes: 0,
    };
    Review::of(&journal, "now")
}

/// A file's review, as the journal tells it after a save or a colleague's.
pub(super) fn review_is(d: &mut Desk, file: &str, review: Review) {
    d.event(Event::ReviewChanged {
        file: file.into(),
        review,
    });
}

pub(super) fn selected_file(d: &Desk) -> &str {
    &d.selected().expect("a row").entry.file
}

/// The file of the open declaration.
/// The files of the list's rows, in the order shown.
pub(super) fn files(d: &Desk) -> Vec<String> {
    d.rows()
        .iter()
        .map(|r| d.items()[r.item].entry.file.clone())
        .collect()
}

pub(super) fn open_file(d: &Desk) -> &str {
    let Screen::Declaration { item, .. } = d.screen() else {
        panic!("a declaration is open")
    };
    &d.items()[item].entry.file
}

/// The place of the line under the open pane's cursor.
pub(super) fn here(d: &Desk) -> Option<Location> {
    let (_, at, lines) = d.pane_lines().expect("a declaration is open");
    lines[at].location
}

#[test]
fn loading_out_of_order_still_lists_in_file_order() {
    let d = desk();
    assert_eq!(d.items().len(), 19);
    assert_eq!(d.rows().len(), 19);
    assert_eq!(
        d.progress(),
        Progress {
            found: Some(19),
            loaded: 19,
            done: true
        }
    );
    let files: Vec<&str> = d
        .rows()
        .iter()
        .map(|r| d.items()[r.item].entry.file.as_str())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    // Cross-folder rules ran when loading finished.
    let scj = d
        .items()
        .iter()
        .find(|i| i.entry.file == "yx-scjgj.json")
        .unwrap();
    assert_eq!(scj.counts.warning, 1);
}

#[test]
fn typing_sfj_finds_the_justice_bureau_first() {
    let mut d = desk();
    keys(&mut d, "/sfj");
    assert_eq!(selected_file(&d), "tianhe-sfj.json");
    assert_eq!(d.rows()[0].hit.name_chars, vec![6, 7, 8]);
    keys(&mut d, "<Enter>");
    assert!(!d.typing());
    assert_eq!(d.query(), "sfj", "Enter keeps the filter");
    keys(&mut d, "<Esc>");
    assert!(
        d.query().is_empty() && d.rows().len() == 19,
        "Esc restores the list"
    );
}

#[test]
fn esc_in_the_filter_line_restores_the_list_and_keeps_the_selection_sane() {
    let mut d = desk();
    keys(&mut d, "/zzzzzz");
    assert!(d.rows().is_empty());
    assert!(d.selected().is_none());
    keys(&mut d, "<Esc>");
    assert_eq!(d.rows().len(), 19);
    assert!(d.selected().is_some());
}

#[test]
fn letters_type_into_the_filter_line_and_q_does_not_quit_there() {
    let mut d = desk();
    keys(&mut d, "/qj");
    assert_eq!(d.query(), "qj");
    assert!(!d.quit());
    keys(&mut d, "<Backspace><Enter>");
    assert_eq!(d.query(), "q");
    assert!(!d.typing());
}

#[test]
fn ctrl_r_and_f5_rescan_from_the_filter_line_which_stays_open() {
    for key in ["<Ctrl-R>", "<F5>"] {
        let mut d = desk();
        d.take_effects();
        keys(&mut d, &format!("/tj{key}"));
        assert!(
            matches!(d.effects(), [crate::desk::Effect::Rescan { .. }]),
            "{key}: {:?}",
            d.effects()
        );
        assert_eq!(d.query(), "tj", "{key} typed nothing");
        assert!(d.typing(), "{key}: the filter line is still open");
    }
}

#[test]
fn open_the_seed_and_read_its_budget_reconciliation() {
    let mut d = desk();
    open_at(&mut d, "tianhe", Pane::Budget);
    let (pane, _, lines) = d.pane_lines().expect("a declaration is open");
    assert_eq!(pane, Pane::Budget);
    let tasks = lines
        .iter()
        .find(|l| l.location == Some(Location::KeyTasks))
        .unwrap();
    assert_eq!(
        tasks.cells[1..],
        [
            "1,665.78".to_string(),
            "1,666.88".into(),
            "-1.10".into(),
            "99.9%".into()
        ]
    );
    assert!(
        tasks.flags.is_empty(),
        "the 1.10 gap is inside FUND-06's 10%"
    );
    let income = lines
        .iter()
        .find(|l| l.cells[0] == "收入来源合计 = 支出合计")
        .unwrap();
    assert_eq!(
        income.cells[1..],
        [
            "6,772.35".to_string(),
            "6,772.35".into(),
            "0.00".into(),
            String::new()
        ]
    );
}

#[test]
fn n_walks_the_flagged_indicator_rows_and_enter_on_a_flag_jumps_to_its_place() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Indicators);
    keys(&mut d, "n");
    assert_eq!(
        here(&d),
        Some(Location::Indicators),
        "HIER-04 is on the section"
    );
    keys(&mut d, "n");
    assert_eq!(here(&d), Some(Location::Indicator(19, None)), "CLASS-01");
    keys(&mut d, "nnn");
    assert_eq!(here(&d), Some(Location::Indicator(23, None)), "QUANT-04");
    keys(&mut d, "N");
    assert_eq!(here(&d), Some(Location::Indicator(22, None)));

    // From the problems pane, Enter on QUANT-04 opens the indicator row.
    keys(&mut d, "5");
    let (_, _, lines) = d.pane_lines().unwrap();
    let q4 = lines.iter().position(|l| l.cells[1] == "QUANT-04").unwrap();
    keys(&mut d, &format!("{}<Enter>", "j".repeat(q4)));
    let (pane, _, _) = d.pane_lines().unwrap();
    assert_eq!(pane, Pane::Indicators);
    assert_eq!(here(&d), Some(Location::Indicator(23, None)));
}

#[test]
fn tab_steps_through_the_panes_and_wraps() {
    let mut d = desk();
    keys(&mut d, "<Enter>");
    let pane = |d: &Desk| d.pane_lines().map(|(p, _, _)| p);
    assert_eq!(pane(&d), Some(Pane::Overview));
    keys(&mut d, "<Tab><Tab>");
    assert_eq!(pane(&d), Some(Pane::Tasks));
    keys(&mut d, "<Shift-Tab><Shift-Tab><Shift-Tab>");
    assert_eq!(pane(&d), Some(Pane::Revision), "back past the first");
}

#[test]
fn brackets_step_through_declarations_without_the_list() {
    let mut d = desk();
    keys(&mut d, "<Enter>");
    assert_eq!(selected_file(&d), "tianhe-sfj.json");
    keys(&mut d, "2]]]");
    // ysh-tyj.xlsx, yx-daj, then yx-gxj is skipped (it did not load), then yx-jd-0614.
    assert_eq!(open_file(&d), "yx-jd-0614.json");
    assert_eq!(
        d.pane_lines().map(|(p, _, _)| p),
        Some(Pane::Budget),
        "the pane stays"
    );
    keys(&mut d, "[");
    assert_eq!(open_file(&d), "yx-daj.json");
    keys(&mut d, "<Esc>");
    assert_eq!(d.screen(), Screen::List);
    assert_eq!(
        selected_file(&d),
        "yx-daj.json",
        "back where the reviewer was"
    );
}

#[test]
fn q_goes_back_then_quits_and_esc_never_quits() {
    let mut d = desk();
    keys(&mut d, "<Enter>q");
    assert_eq!(d.screen(), Screen::List);
    assert!(!d.quit());
    keys(&mut d, "<Esc><Esc>");
    assert!(!d.quit());
    keys(&mut d, "q");
    assert!(d.quit());
}

#[test]
fn sort_by_errors_and_filter_by_severity() {
    let mut d = desk();
    keys(&mut d, "sss");
    assert_eq!(d.sort(), Sort::Errors);
    let first = &d.items()[d.rows()[0].item];
    // Two errors each (yx-rsj's blank 其他事业发展性支出 is only a note
    // since catalogue v3): ties in file order.
    assert_eq!(first.entry.file, "yx-mzj.json", "two errors, first by file");
    assert_eq!(d.items()[d.rows()[1].item].entry.file, "yx-rsj.json");
    keys(&mut d, "f");
    assert_eq!(d.severity(), Some(Severity::Error));
    assert!(
        d.rows()
            .iter()
            .all(|r| d.items()[r.item].count(Severity::Error) > 0)
    );
    assert!(
        d.rows()
            .iter()
            .any(|r| d.items()[r.item].entry.outcome.is_err()),
        "a load error is an error"
    );
    keys(&mut d, "fff");
    assert_eq!(d.severity(), None);
    assert_eq!(d.rows().len(), 19);
}

#[test]
fn a_load_error_row_opens_on_its_review_to_be_returned() {
    let mut d = desk();
    keys(&mut d, "/gxj<Enter><Enter>");
    assert!(matches!(
        d.screen(),
        Screen::Declaration {
            pane: crate::desk::panes::Pane::Review,
            ..
        }
    ));
}

#[test]
fn help_closes_on_any_key_without_acting() {
    let mut d = desk();
    // Tall enough for the list's help to fit: then j closes it too.
    d.event(Event::Resize {
        rows: 35,
        cols: 120,
    });
    keys(&mut d, "?");
    assert!(d.help());
    keys(&mut d, "j");
    assert!(!d.help());
    assert_eq!(d.cursor(), 0, "the key only closed help");
    // Files arriving do not close it; q closes it without quitting.
    keys(&mut d, "?");
    d.event(Event::Loaded(Vec::new()));
    d.event(Event::Finished);
    d.event(Event::Resize { rows: 20, cols: 80 });
    assert!(d.help());
    keys(&mut d, "q");
    assert!(!d.help() && !d.quit());
    keys(&mut d, "?<Ctrl-C>");
    assert!(d.quit(), "Ctrl-C leaves even from help");
}

#[test]
fn page_keys_use_the_last_known_height() {
    let mut d = desk();
    d.event(Event::Resize { rows: 5, cols: 80 });
    keys(&mut d, "<PgDn>");
    assert_eq!(d.cursor(), 5);
    keys(&mut d, "<PgDn><Space><PgDn>");
    assert_eq!(d.cursor(), 18);
    keys(&mut d, "g");
    assert_eq!(d.cursor(), 0);
}

#[test]
fn a_chosen_row_stays_selected_while_files_arrive() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let config = Config::default();
    let files = declaration_files(&dir).unwrap();
    let mut entries: Vec<Entry> = files.iter().map(|p| check_file(p, &config)).collect();
    let early = entries.split_off(8); // the later half of the names arrives first
    let mut d = Desk::new(Lang::Zh, "sample-data".into(), config);
    d.event(Event::Loaded(early.into_iter().map(Item::from).collect()));
    assert_eq!(d.cursor(), 0, "untouched: the top");
    keys(&mut d, "jj");
    let chosen = selected_file(&d).to_string();
    d.event(Event::Loaded(entries.into_iter().map(Item::from).collect()));
    d.event(Event::Finished);
    assert_eq!(selected_file(&d), chosen);
    assert_eq!(d.rows().len(), 19);
}

#[test]
fn a_big_folder_is_searched_in_slices_and_a_new_key_replaces_the_search() {
    // The sample files repeated under other names: more than one slice.
    let config = Config::default();
    let entries = copies(40, 0);
    let total = entries.len();
    assert!(total > SEARCH_SLICE);
    let mut d = Desk::new(Lang::Zh, "big".into(), config);
    d.event(Event::Loaded(entries));
    d.event(Event::Finished);
    assert!(!d.searching(), "no query: nothing to score");
    keys(&mut d, "/sf");
    assert!(d.searching(), "the rest is left for SearchStep");
    assert_eq!(
        d.rows().len(),
        total,
        "the old rows stay until the search is done"
    );
    keys(&mut d, "j");
    while d.searching() {
        d.event(Event::SearchStep);
    }
    assert_eq!(d.query(), "sfj");
    let first = d.items()[d.rows()[0].item].checked().unwrap();
    assert_eq!(
        first.declaration.department.name.as_deref(),
        Some("广州市天河区司法局")
    );
    let expected = {
        let mut small = desk();
        keys(&mut small, "/sfj");
        small.rows().len()
    };
    assert_eq!(
        d.rows().len(),
        expected * 40,
        "the same matches as searching at once"
    );
}

#[test]
fn z_folds_an_indicator_group_into_one_flagged_line_and_going_to_a_flag_unfolds_it() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Indicators);
    keys(&mut d, "jj");
    let (_, _, before) = d.pane_lines().unwrap();
    keys(&mut d, "z");
    let (_, at, lines) = d.pane_lines().unwrap();
    // 产出指标 (rows 0-19) is one line now, on the cursor, carrying CLASS-01.
    assert_eq!(lines.len(), before.len() - 19);
    assert_eq!(lines[at].location, Some(Location::Indicator(0, None)));
    assert_eq!(lines[at].cells[0], "1-20");
    assert!(lines[at].cells[3].contains("20"));
    let open = &d.items()[0];
    assert_eq!(open.entry.file, "tianhe-sfj.json");
    let class01 = lines[at]
        .flags
        .iter()
        .map(|&i| open.checked().unwrap().flags[i].rule().id())
        .collect::<Vec<_>>();
    assert_eq!(class01, ["CLASS-01"]);
    // From the problems pane, CLASS-01's place is inside the fold: it opens.
    keys(&mut d, "5");
    let (_, _, problems) = d.pane_lines().unwrap();
    let row = problems
        .iter()
        .position(|l| l.cells[1] == "CLASS-01")
        .unwrap();
    keys(&mut d, &format!("g{}<Enter>", "j".repeat(row)));
    let (pane, at, lines) = d.pane_lines().unwrap();
    assert_eq!(pane, Pane::Indicators);
    assert_eq!(lines.len(), before.len());
    assert_eq!(lines[at].location, Some(Location::Indicator(19, None)));
    // And another declaration starts unfolded: its pane as when opened
    // afresh. (`sfj` keeps one row: back to the whole list for the next.)
    keys(&mut d, "gjjzq<Esc><Enter>4]");
    let next = open_file(&d).to_string();
    assert_ne!(next, "tianhe-sfj.json");
    let (_, _, lines) = d.pane_lines().unwrap();
    let mut fresh = desk();
    let at = fresh
        .rows()
        .iter()
        .position(|r| fresh.items()[r.item].entry.file == next);
    keys(&mut fresh, &format!("{}<Enter>4", "j".repeat(at.unwrap())));
    assert_eq!(open_file(&fresh), next);
    assert_eq!(lines, fresh.pane_lines().unwrap().2);
}

#[test]
fn the_review_pane_and_the_decision_sort() {
    use crate::review::{Body, Place, RECORD_VERSION, Record};
    let mut d = desk();
    let rec = |id: &str, sha: &str, body| Record {
        v: RECORD_VERSION,
        id: id.into(),
        reviewer: "王审核".into(),
        login: None,
        at: "2026-11-26T09:00:00.000Z".into(),
        declaration_sha256: sha.into(),
        body,
    };
    let journal = Journal {
        records: vec![
            rec(
                "a",
                "now",
                Body::Comment {
                    place: Place::Flag {
                        rule: "QUANT-04".into(),
                        path: "indicators[23]".into(),
                    },
                    text: "请改为可衡量的数值".into(),
                },
            ),
            rec(
                "b",
                "old",
                Body::Comment {
                    place: Place::Declaration,
                    text: "旧版的意见".into(),
                },
            ),
            rec(
                "c",
                "now",
                Body::Decision {
                    decision: Decision::Return,
                    grade: Some(Grade::Fair),
                },
            ),
        ],
        skipped: vec![],
        bytes: 0,
    };
    review_is(&mut d, "tianhe-sfj.json", Review::of(&journal, "now"));
    keys(&mut d, "sssss");
    assert_eq!(d.sort(), Sort::Decision);
    assert_eq!(selected_file(&d), "tianhe-sfj.json", "returned first");
    keys(&mut d, "g<Enter>6");
    let (_, _, lines) = d.pane_lines().unwrap();
    let text: Vec<String> = lines.iter().map(|l| l.cells.join(" ")).collect();
    assert!(text[0].contains("退回修改 中"), "{text:?}");
    assert!(text[1].contains("绩效指标第24行 · QUANT-04"), "{text:?}");
    assert_eq!(text[2], "请改为可衡量的数值");
    assert!(text[3].contains("针对此前提交的版本"), "{text:?}");
    // A comment's text line points at its place: Enter goes there.
    assert_eq!(lines[2].location, Some(Location::Indicator(23, None)));
    keys(&mut d, "jj<Enter>");
    let (pane, _, _) = d.pane_lines().unwrap();
    assert_eq!(pane, Pane::Indicators);
    assert_eq!(here(&d), Some(Location::Indicator(23, None)));
}

#[test]
fn deciding_asks_the_grade_and_hands_the_write_to_the_loop() {
    use crate::desk::{Effect, Notice};
    let mut d = desk();
    keys(&mut d, "<Enter>r");
    assert_eq!(
        d.overlay(),
        Some(&Overlay::Grade(Decision::Return)),
        "the grade is asked"
    );
    keys(&mut d, "j");
    assert_eq!(
        d.overlay(),
        Some(&Overlay::Grade(Decision::Return)),
        "other keys wait for the answer"
    );
    keys(&mut d, "<Esc>");
    assert_eq!(
        (d.overlay(), d.effects().len()),
        (None, 0),
        "Esc cancels; nothing to write"
    );
    keys(&mut d, "r3");
    assert_eq!(
        d.take_effects(),
        vec![Effect::Decide {
            file: "tianhe-sfj.json".into(),
            decision: Decision::Return,
            grade: Some(Grade::Fair),
            seen: None,
        }]
    );
    keys(&mut d, "p");
    assert_eq!(d.effects().len(), 1, "pending needs no grade");
    // The loop answers.
    review_is(&mut d, "tianhe-sfj.json", Review::default());
    d.event(Event::SaveFailed("无法写入审核记录".into()));
    assert_eq!(
        d.notice(),
        Some(&Notice::Problem("无法写入审核记录".into()))
    );
    keys(&mut d, "j");
    assert_eq!(d.notice(), None, "shown until the next key");
}

#[test]
fn files_arriving_in_any_order_and_batches_are_listed_in_file_order() {
    let all = copies(6, 0);
    let files: Vec<String> = all.iter().map(|i| i.entry.file.clone()).collect();
    // Two workers' halves interleaved, each half backwards, in uneven
    // batches: before, between and after what is in already.
    let (mut first, mut second): (Vec<Item>, Vec<Item>) = (Vec::new(), Vec::new());
    for (n, item) in all.into_iter().enumerate() {
        match n % 2 {
            0 => first.push(item),
            _ => second.push(item),
        }
    }
    first.reverse();
    let mut d = Desk::new(Lang::Zh, "six".into(), Config::default());
    let mut size = 1;
    while !first.is_empty() || !second.is_empty() {
        let mut batch: Vec<Item> = first.drain(..size.min(first.len())).collect();
        batch.extend(second.drain(..(size + 2).min(second.len())));
        d.event(Event::Loaded(batch));
        size = size % 9 + 1;
    }
    d.event(Event::Finished);
    let listed: Vec<String> = d.items().iter().map(|i| i.entry.file.clone()).collect();
    let mut expected = files;
    expected.sort();
    assert_eq!(listed, expected);
    let rows: Vec<&str> = d
        .rows()
        .iter()
        .map(|r| d.items()[r.item].entry.file.as_str())
        .collect();
    assert_eq!(rows, expected);
}
