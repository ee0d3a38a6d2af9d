//! Search ranks the list while the filter is typed (issue 23): the best
//! row first, Enter opens it, Esc brings back the reviewer's sort.

use super::*;

#[test]
fn the_best_match_comes_first_and_enter_opens_it() {
    let mut d = desk();
    keys(&mut d, "/sfj<Enter><Enter>");
    assert_eq!(open_file(&d), "tianhe-sfj.json");
    // A Chinese run beats the same letters scattered: 教育 as typed.
    let mut d = desk();
    keys(&mut d, "/jiaoyu");
    let rows = files(&d);
    assert_eq!(
        rows.first().map(String::as_str),
        Some("yx-jyj.json"),
        "{rows:?}"
    );
}

#[test]
fn esc_brings_back_the_sort_the_reviewer_had() {
    let mut d = desk();
    keys(&mut d, "s");
    let sorted = files(&d);
    assert_ne!(
        sorted,
        {
            let mut by_file = sorted.clone();
            by_file.sort();
            by_file
        },
        "sorted by name, not by file"
    );
    // 局 is in most names: ranked, the order is no longer the sort's.
    keys(&mut d, "/局");
    let ranked = files(&d);
    assert!(ranked.len() > 5, "{ranked:?}");
    keys(&mut d, "<Esc>");
    assert_eq!(files(&d), sorted);
}

#[test]
fn rows_that_match_alike_keep_the_reviewers_sort() {
    let mut d = desk();
    keys(&mut d, "s");
    let sorted = files(&d);
    // Every yx- file matches `yx-` in its file name alike.
    keys(&mut d, "/yx-");
    let ranked = files(&d);
    let expected: Vec<String> = sorted.into_iter().filter(|f| ranked.contains(f)).collect();
    assert_eq!(ranked, expected);
}

#[test]
fn files_arriving_while_a_search_runs_wait_for_it_and_then_are_searched_too() {
    let mut d = Desk::new(Lang::Zh, "big".into(), Config::default());
    d.event(Event::Loaded(copies(20, 0)));
    keys(&mut d, "/sfj");
    assert!(d.searching(), "more than one slice");
    // Files keep coming: the search is not started over for them.
    d.event(Event::Loaded(copies(20, 20)));
    assert_eq!(d.items().len(), 20 * 19, "the new ones wait");
    while d.searching() {
        d.event(Event::SearchStep);
    }
    // Done, the waiting files went in and were searched too.
    assert_eq!(d.items().len(), 40 * 19);
    let justice = |d: &Desk| {
        d.rows()
            .iter()
            .filter(|r| d.items()[r.item].entry.file.ends_with("tianhe-sfj.json"))
            .count()
    };
    assert_eq!(justice(&d), 40);
    // Files that come at the very end go in when the folder is done.
    d.event(Event::Loaded(copies(1, 40)));
    d.event(Event::Finished);
    assert_eq!(d.items().len(), 41 * 19, "in at the end, whatever runs");
    while d.searching() {
        d.event(Event::SearchStep);
    }
    assert_eq!(justice(&d), 41);
}

#[test]
fn typing_puts_the_cursor_on_the_best_row_whatever_was_selected() {
    // 信访局 first in file order; it matches sfj too (信 read shen), below
    // 司法局.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tianhe-sfj.json");
    let justice = check_file(&seed, &Config::default());
    let mut petitions = Entry {
        file: "a.json".into(),
        ..justice.clone()
    };
    if let Ok(c) = petitions.outcome.as_mut() {
        c.declaration.department.name = Some("广州市天河区信访局".into());
    }
    let justice = Entry {
        file: "b.json".into(),
        ..justice
    };
    let mut d = Desk::new(Lang::Zh, "two".into(), Config::default());
    d.event(Event::Loaded(vec![petitions.into(), justice.into()]));
    d.event(Event::Finished);
    assert_eq!(d.cursor(), 0);
    for typed in ["/s", "f", "j"] {
        keys(&mut d, typed);
        while d.searching() {
            d.event(Event::SearchStep);
        }
        assert_eq!(d.cursor(), 0, "after {typed}: on the best row");
    }
    assert_eq!(d.rows().len(), 2);
    assert_eq!(d.items()[d.rows()[0].item].entry.file, "b.json");
    keys(&mut d, "<Enter><Enter>");
    assert_eq!(open_file(&d), "b.json");
}
