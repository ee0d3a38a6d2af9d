//! The checks across the folder on a worker (issue 23): the desk asks for
//! them once the folder is in, counts their flags when they come, and
//! drops an answer the folder has outgrown.

use super::*;
use crate::check::AcrossFolder;
use crate::desk::Effect;
use crate::rules::Rule;

fn asked(d: &mut Desk) -> Vec<(u64, AcrossFolder)> {
    d.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::CheckAcross { asked, folder } => Some((asked, folder)),
            _ => None,
        })
        .collect()
}

/// Each file's flags of the folder rules, and its counts.
fn across(d: &Desk) -> Vec<(String, String, String)> {
    d.items()
        .iter()
        .map(|i| {
            let flags: Vec<_> = i
                .checked()
                .into_iter()
                .flat_map(|c| &c.flags)
                .filter(|f| matches!(f.rule(), Rule::Xdup01 | Rule::Xdup02))
                .collect();
            (
                i.entry.file.clone(),
                format!("{flags:?}"),
                format!("{:?}", i.counts),
            )
        })
        .collect()
}

fn flagged(d: &Desk) -> usize {
    across(d).iter().filter(|(_, f, _)| f != "[]").count()
}

#[test]
fn checks_across_the_folder_come_from_a_worker_and_a_stale_answer_is_dropped() {
    let config = Config::default();
    // In place, as `check` runs them: what the desk must come to.
    let mut here = Desk::new(Lang::Zh, "two".into(), config.clone());
    here.event(Event::Loaded(copies(2, 0)));
    here.event(Event::Finished);
    let twice = flagged(&here);
    assert!(twice > 19, "each file that reads has its copy: {twice}");

    let mut d = Desk::new(Lang::Zh, "two".into(), config.clone());
    d.check_across_elsewhere();
    d.event(Event::Loaded(copies(2, 0)));
    d.event(Event::Finished);
    assert!(d.checking_across());
    assert_eq!(flagged(&d), 0, "not counted before they come");
    let (first, folder) = asked(&mut d).pop().expect("asked for");
    let stale = folder.run(&config);

    // The folder changes before the answer: it is dropped, and the checks
    // are asked for again.
    let gone = d.items()[0].entry.file.clone();
    d.event(Event::Removed(vec![gone.clone()]));
    here.event(Event::Removed(vec![gone]));
    let (second, folder) = asked(&mut d).pop().expect("asked again");
    d.event(Event::CheckedAcross {
        asked: first,
        marks: stale,
    });
    assert!(d.checking_across());
    assert_eq!(flagged(&d), 0);

    d.event(Event::CheckedAcross {
        asked: second,
        marks: folder.run(&config),
    });
    assert!(!d.checking_across());
    assert!(flagged(&d) < twice, "the removed file's copy is alone");
    assert_eq!(across(&d), across(&here));
}

#[test]
fn an_answer_finds_its_files_in_any_order() {
    let config = Config::default();
    let twice = copied_entries(2, 0);
    let flags = |entries: &[Entry]| -> String {
        let all: Vec<_> = entries
            .iter()
            .filter_map(|e| e.outcome.as_ref().ok())
            .map(|c| &c.flags)
            .collect();
        format!("{all:?}")
    };
    let mut in_place = twice.clone();
    crate::check::check_across_each(in_place.iter_mut(), &config);
    // Marks taken in the order asked, and (the folder reordered) by file.
    for reorder in [false, true] {
        let mut applied = twice.clone();
        let marks = AcrossFolder::of(applied.iter_mut()).run(&config);
        if reorder {
            applied.reverse();
        }
        crate::check::mark_across_each(applied.iter_mut(), marks);
        if reorder {
            applied.reverse();
        }
        assert_eq!(flags(&applied), flags(&in_place), "reordered: {reorder}");
    }
    assert!(flags(&in_place).contains("Xdup01"));
}
