//! Issue 23: the desk keeps what it shows. A declaration is whole only
//! while it is on screen; the rest are packed, and what a pane shows is
//! the same either way.

use super::*;

/// The files whose declaration is whole now.
fn whole(d: &Desk) -> Vec<String> {
    d.items()
        .iter()
        .filter(|it| {
            it.checked()
                .is_some_and(|c| !c.declaration.indicators.is_empty())
        })
        .map(|it| it.entry.file.clone())
        .collect()
}

#[test]
fn only_the_declaration_on_screen_is_whole() {
    let mut d = desk();
    assert_eq!(whole(&d), Vec::<String>::new(), "the list needs none whole");
    open_at(&mut d, "sfj", Pane::Indicators);
    assert_eq!(whole(&d), ["tianhe-sfj.json"]);
    let (_, _, rows) = d.pane_lines().unwrap();
    assert!(rows.len() > 20, "its indicator rows are shown");
    // The next declaration: it is whole, the first packed again.
    keys(&mut d, "q<Esc><Enter>]");
    let next = open_file(&d).to_string();
    assert_eq!(whole(&d), [next]);
    // Back to the list: none; opened again, the same lines as before.
    keys(&mut d, "q");
    assert_eq!(whole(&d), Vec::<String>::new());
    let mut again = desk();
    open_at(&mut again, "sfj", Pane::Indicators);
    let mut d2 = desk();
    open_at(&mut d2, "sfj", Pane::Indicators);
    keys(&mut d2, "q<Esc>");
    open_at(&mut d2, "sfj", Pane::Indicators);
    assert_eq!(again.pane_lines(), d2.pane_lines());
}
