//! Last year's folder at the desk, by keys: the list filtered by whether a
//! declaration has last year's, and the 上年对比 pane.

use super::{here, keys, open_at, open_file};
use crate::desk::Notice;
use crate::desk::panes::Pane;
use crate::i18n::Lang;
use crate::model::Location;

fn files(d: &crate::desk::Desk) -> Vec<&str> {
    d.rows()
        .iter()
        .map(|r| d.items()[r.item].entry.file.as_str())
        .collect()
}

#[test]
fn y_lists_those_with_last_years_then_those_without_then_all() {
    let mut d = crate::testing::sample_desk_with_last_year(Lang::Zh);
    let all = d.rows().len();
    keys(&mut d, "y");
    assert_eq!(files(&d), ["yx-daj.json", "yx-jyj.json"]);
    keys(&mut d, "y");
    let without = files(&d);
    assert_eq!(without.len(), all - 2);
    assert!(without.contains(&"yx-tjj.json"), "two of last year: none");
    assert!(without.contains(&"yx-gxj.json"), "a file that did not load");
    keys(&mut d, "y");
    assert_eq!(d.rows().len(), all);
    // Esc clears it with the other filters.
    keys(&mut d, "y<Esc>");
    assert_eq!((d.rows().len(), d.last_year_filter()), (all, None));
}

#[test]
fn y_without_a_folder_of_last_year_says_how_to_name_one() {
    let mut d = crate::testing::sample_desk(Lang::Zh);
    let all = d.rows().len();
    keys(&mut d, "y");
    assert_eq!((d.rows().len(), d.last_year_filter()), (all, None));
    assert!(
        matches!(d.notice(), Some(Notice::Problem(w)) if w.contains("--previous")),
        "{:?}",
        d.notice()
    );
}

#[test]
fn seven_shows_last_year_and_n_steps_through_its_flags() {
    let mut d = crate::testing::sample_desk_with_last_year(Lang::Zh);
    open_at(&mut d, "jyj", Pane::LastYear);
    assert_eq!(open_file(&d), "yx-jyj.json");
    let (pane, _, lines) = d.pane_lines().unwrap();
    assert_eq!(pane, Pane::LastYear);
    let cells = |loc: Location| {
        lines
            .iter()
            .find(|l| l.location == Some(loc))
            .map(|l| l.cells.clone())
            .unwrap()
    };
    assert_eq!(
        cells(Location::Indicator(0, None)),
        ["1 新增公办学位", "≥1500个", "≥1200个", "降低"]
    );
    assert_eq!(
        cells(Location::BudgetBox(crate::model::BudgetBox::Basic)),
        [
            "部门预算支出·基本支出",
            "180,000.00",
            "186,520.40",
            "+6,520.40",
            "+3.6%"
        ]
    );
    // Renamed rows say last year's name under the cursor.
    let renamed = lines
        .iter()
        .find(|l| l.location == Some(Location::Indicator(2, None)))
        .unwrap();
    assert_eq!(
        renamed.whole.as_ref().unwrap()[0],
        "3 教师培训人次（上年为“教师培训人数”）"
    );
    // The dropped rows, last.
    assert!(
        lines
            .iter()
            .rev()
            .take(2)
            .all(|l| l.cells[3] == "本年未设" && l.location == Some(Location::Indicators)),
        "{lines:?}"
    );
    // n: the first flagged line is the first YOY-01 row.
    keys(&mut d, "n");
    assert_eq!(here(&d), Some(Location::Indicator(0, None)));
    keys(&mut d, "n");
    assert_eq!(here(&d), Some(Location::Indicator(2, None)));
}
