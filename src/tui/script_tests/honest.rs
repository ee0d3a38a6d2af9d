//! Keys that do what they say (issue 12): the list's Esc, help, sorting,
//! `n` across panes, going to the row that shows a flag.

use super::{desk, files, here, keys, open_at, selected_file};
use crate::desk::panes::Pane;
use crate::desk::{Desk, Screen, Sort};
use crate::model::Location;
use crate::review::Decision;
use crate::rules::Severity;

#[test]
fn esc_clears_every_list_filter_as_the_empty_list_says() {
    let mut d = desk();
    keys(&mut d, "fdd/局<Enter>");
    assert_eq!(d.severity(), Some(Severity::Error));
    assert_eq!(d.decision(), Some(Decision::Return));
    assert!(d.rows().is_empty(), "nothing is returned yet");
    keys(&mut d, "<Esc>");
    assert_eq!((d.severity(), d.decision(), d.query()), (None, None, ""));
    assert_eq!(d.rows().len(), 19);
    // With only a severity filter on, Esc clears it too.
    keys(&mut d, "f<Esc>");
    assert_eq!(d.severity(), None);
    assert!(!d.quit());
}

#[test]
fn help_closes_on_a_key_that_is_bound_to_nothing_and_that_key_does_nothing_else() {
    let mut d = desk();
    keys(&mut d, "?z");
    assert!(!d.help(), "z is bound to nothing on the list");
    keys(&mut d, "?<Enter>");
    assert!(!d.help());
    assert_eq!(d.screen(), Screen::List, "Enter only closed help");
}

#[test]
fn department_names_sort_by_pinyin_ties_by_file_and_s_reverses() {
    let mut d = desk();
    keys(&mut d, "s");
    assert_eq!(d.sort(), Sort::Name);
    let shown = files(&d);
    // 广州市 生(sheng) < 天(tian) < 云(yun); 云山市 after every 广州市.
    assert_eq!(
        &shown[..3],
        ["yx-sthj.json", "tianhe-sfj.json", "yx-daj.json"]
    );
    let tyj = shown.iter().position(|f| *f == "ysh-tyj.xlsx").unwrap();
    let zjj = shown.iter().position(|f| *f == "yx-zjj.json").unwrap();
    assert!(zjj < tyj, "广州市…住房 before 云山市");
    // The two 市场监督管理局 are tied: file order, whichever way.
    let twins = |s: &[String]| {
        let a = s.iter().position(|f| *f == "yx-scjgj-v2.json").unwrap();
        let b = s.iter().position(|f| *f == "yx-scjgj.json").unwrap();
        (a, b)
    };
    let (a, b) = twins(&shown);
    assert_eq!(b, a + 1);
    // Files without a name (two did not load, one left it blank) go last.
    assert_eq!(
        &shown[16..],
        ["yx-gxj.json", "yx-jd-0614.json", "yx-lyj.xlsx"]
    );
    keys(&mut d, "S");
    assert!(d.reversed());
    let reversed = files(&d);
    assert_eq!(reversed[3], "ysh-tyj.xlsx");
    assert_eq!(reversed[18], "yx-sthj.json");
    let (a, b) = twins(&reversed);
    assert_eq!(b, a + 1, "ties stay in file order reversed");
    keys(&mut d, "S");
    assert_eq!(files(&d), shown);
}

/// The line under the open pane's cursor.
fn line_here(d: &Desk) -> crate::desk::panes::Line {
    let (_, at, lines) = d.pane_lines().expect("a declaration is open");
    lines[at].clone()
}

fn pane(d: &Desk) -> Pane {
    d.pane_lines().expect("a declaration is open").0
}

#[test]
fn n_goes_on_to_the_next_pane_with_a_flag_and_says_when_there_is_none() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Overview);
    keys(&mut d, "n");
    assert_eq!(here(&d), Some(Location::FiscalYear), "INFO-04");
    keys(&mut d, "nn");
    assert_eq!(here(&d), Some(Location::OverallGoal), "REL-01");
    // The budget and the tasks have no flag: on to the indicators.
    keys(&mut d, "n");
    assert_eq!(pane(&d), Pane::Indicators);
    assert_eq!(here(&d), Some(Location::Indicators), "HIER-04");
    keys(&mut d, "N");
    assert_eq!(pane(&d), Pane::Overview);
    assert_eq!(here(&d), Some(Location::OverallGoal), "back the same way");
    keys(&mut d, "4G");
    assert_eq!(here(&d), Some(Location::Indicator(28, None)));
    keys(&mut d, "N");
    assert_eq!(here(&d), Some(Location::Indicator(27, None)), "SAT-03");
    keys(&mut d, "n");
    assert_eq!(
        here(&d),
        Some(Location::Indicator(27, None)),
        "the last flag"
    );
    assert!(
        matches!(d.notice(), Some(crate::desk::Notice::Done(t)) if t == "后面没有问题了"),
        "it says so instead of stopping silently"
    );
}

#[test]
fn enter_on_a_flag_lands_on_the_row_that_shows_it() {
    let mut d = desk();
    open_at(&mut d, "wjj", Pane::Problems);
    let (_, _, lines) = d.pane_lines().unwrap();
    let fund02 = lines.iter().position(|l| l.cells[1] == "FUND-02").unwrap();
    keys(&mut d, &format!("{}<Enter>", "j".repeat(fund02)));
    assert_eq!(pane(&d), Pane::Budget);
    let line = line_here(&d);
    assert_eq!(line.cells[0], "按预算级次合计 = 支出合计");
    let Screen::Declaration { item, .. } = d.screen() else {
        unreachable!()
    };
    let flags = &d.items()[item].checked().unwrap().flags;
    assert!(
        line.flags
            .iter()
            .any(|&i| flags[i].rule().id() == "FUND-02")
    );
}

#[test]
fn esc_after_a_restored_draft_returns_to_the_list_on_its_declaration() {
    use crate::desk::Event;
    use crate::review::Place;
    use crate::review::draft::{Draft, Orphan, Target};
    let mut d = desk();
    assert_eq!(selected_file(&d), "tianhe-sfj.json");
    let place = Place::Flag {
        rule: "FUND-02".into(),
        path: "budget".into(),
    };
    d.event(Event::Restore(vec![Orphan {
        draft: Draft::new(
            "sample-data",
            "yx-wjj.json",
            Target::New { place },
            "请核对",
        ),
        path: "/drafts/yx-wjj.json.json".into(),
    }]));
    assert!(d.editor().is_some());
    assert_eq!(
        line_here(&d).cells[0],
        "按预算级次合计 = 支出合计",
        "on the flag's row"
    );
    keys(&mut d, "<Esc>y<Esc>");
    assert_eq!(d.screen(), Screen::List);
    assert_eq!(selected_file(&d), "yx-wjj.json");
}

#[test]
fn with_no_name_known_the_first_save_asks_for_one_and_loses_nothing() {
    use crate::desk::{Effect, Event, Overlay};
    let mut d = desk();
    d.event(Event::SignedBy(String::new()));
    assert_eq!(d.reviewer(), "", "no --reviewer, config or login name");
    open_at(&mut d, "sfj", Pane::Indicators);
    keys(&mut d, "c请量化<Ctrl-S>");
    assert!(
        matches!(d.overlay(), Some(Overlay::Sign { .. })),
        "asked, not refused"
    );
    assert!(
        !d.effects().iter().any(|e| matches!(e, Effect::Save { .. })),
        "nothing is written unsigned"
    );
    // Put off: back in the editor with every word.
    keys(&mut d, "<Esc>");
    assert_eq!(d.editor().map(|e| e.text.as_str()), Some("请量化"));
    // Asked again at the next save; a name signs the save that waited.
    d.take_effects();
    keys(&mut d, "<Ctrl-S>张审核<Enter>");
    let effects = d.take_effects();
    assert!(
        matches!(&effects[0], Effect::SignAs(n) if n == "张审核"),
        "{effects:?}"
    );
    assert!(matches!(&effects[1], Effect::Save { text, .. } if text == "请量化"));
    assert_eq!(d.reviewer(), "张审核");
    assert!(
        d.editor().is_some(),
        "the editor waits for the save's answer"
    );
    // Known from now on: the next write is not held.
    keys(&mut d, "<Esc>y<Esc>");
    d.event(Event::SignedBy("王审核".into()));
    keys(&mut d, "<Enter>");
    d.take_effects();
    keys(&mut d, "p");
    let effects = d.take_effects();
    assert!(
        matches!(effects[..], [Effect::Decide { .. }]),
        "{effects:?} {:?}",
        d.overlay()
    );
}

#[test]
fn a_list_filtered_by_decision_follows_a_decision_made_meanwhile() {
    use crate::desk::Event;
    use crate::review::{Body, Decision, Grade};
    let mut d = desk();
    keys(&mut d, "d");
    assert_eq!(d.decision(), Some(Decision::Pending));
    assert_eq!(d.rows().len(), 19);
    let body = Body::Decision {
        decision: Decision::Return,
        grade: Some(Grade::Fair),
    };
    d.event(Event::ReviewChanged {
        file: "yx-daj.json".into(),
        review: crate::testing::review_of_one("2026-12-01T08:06:00.000Z", "", "", body),
    });
    assert_eq!(d.rows().len(), 18, "decided: no longer 待审");
    assert!(!files(&d).contains(&"yx-daj.json".to_string()));
}
