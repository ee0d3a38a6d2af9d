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
