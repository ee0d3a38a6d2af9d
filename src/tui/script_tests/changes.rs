//! The folder changing while the desk has it open.

use super::{desk, keys, open_at};
use crate::check::check_file;
use crate::config::Config;
use crate::desk::panes::Pane;
use crate::desk::{Desk, Event, Item, Screen};

/// The seed as if it were the file `file` of the folder.
fn seed_item(file: &str) -> Item {
    let mut entry = check_file(&crate::testing::seed(), &Config::default());
    entry.file = file.to_string();
    Item::from(entry)
}

#[test]
fn the_desk_takes_changes_in_place_and_reruns_the_folder_rules() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Budget);
    // A second copy of the seed arrives: both are double submissions.
    d.event(Event::Reloaded(vec![seed_item("zz-copy.json")]));
    assert_eq!(d.items().len(), 20);
    let xdup = |d: &Desk, file: &str| {
        d.items()
            .iter()
            .find(|i| i.entry.file == file)
            .unwrap()
            .checked()
            .unwrap()
            .flags
            .iter()
            .any(|f| f.rule() == crate::rules::Rule::Xdup01)
    };
    assert!(xdup(&d, "zz-copy.json") && xdup(&d, "tianhe-sfj.json"));
    assert!(
        matches!(d.screen(), Screen::Declaration { item, .. } if d.items()[item].entry.file == "tianhe-sfj.json"),
        "the open declaration stays open"
    );
    // Changed again: replaced, not added.
    d.event(Event::Reloaded(vec![seed_item("zz-copy.json")]));
    assert_eq!(d.items().len(), 20);
    d.event(Event::Removed(vec!["zz-copy.json".into()]));
    assert_eq!(d.items().len(), 19);
    assert!(
        d.rows().iter().all(|r| r.item < d.items().len()),
        "the rows follow the items"
    );
    assert!(!xdup(&d, "tianhe-sfj.json"), "no longer doubled");
    // The open declaration goes: back to the list.
    d.event(Event::Removed(vec!["tianhe-sfj.json".into()]));
    assert_eq!(d.screen(), Screen::List);
    assert_eq!(d.items().len(), 18);
}

#[test]
fn a_declaration_being_written_about_stays_until_the_editor_closes() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Budget);
    keys(&mut d, "c意");
    d.event(Event::Removed(vec!["tianhe-sfj.json".into()]));
    assert_eq!(d.editor().unwrap().text, "意");
    assert!(matches!(d.screen(), Screen::Declaration { .. }));
    assert!(d.items().iter().any(|i| i.entry.file == "tianhe-sfj.json"));
}
