//! What changed in the folder while the desk has it open, as events: a
//! colleague's new records, a resubmitted or new declaration, a file gone.
//! The terminal layer watches the folder and hands the changed paths here.

use super::{Event, Item};
use crate::config::Config;
use crate::load::is_declaration_name;
use crate::review::{declaration_of, review_of};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every path a full rescan must look at: the folder's declarations and
/// their journals, and the files the desk has (to notice those gone).
pub fn everything(dir: &Path, known: &[String]) -> BTreeSet<PathBuf> {
    let mut paths: BTreeSet<PathBuf> = crate::load::declaration_files(dir)
        .unwrap_or_default()
        .into_iter()
        .collect();
    paths.extend(known.iter().map(|f| dir.join(f)));
    paths
}

/// Reads what changed and says it in events. `paths` are what the watcher
/// reported in `dir` (only their names count, however the watcher spelled
/// the folder); others' temporary files are ignored.
pub fn changes(dir: &Path, paths: &BTreeSet<PathBuf>, config: &Config) -> Vec<Event> {
    // Something in the folder changed: its listing of journals is read again.
    crate::review::journals::forget_listing(dir);
    let mut declarations = BTreeSet::new();
    let mut journals = BTreeSet::new();
    for path in paths {
        let Some(name) = path.file_name() else {
            continue;
        };
        let path = dir.join(name);
        if let Some(declaration) = declaration_of(&path) {
            journals.insert(declaration);
        } else if is_declaration_name(&path) {
            declarations.insert(path);
        }
    }
    // A file that comes or goes changes its namesakes too (`a.json` beside
    // a new `a.xlsx` becomes an error row; it loads again once that goes).
    let namesakes: Vec<PathBuf> = declarations
        .iter()
        .flat_map(|d| crate::load::same_stem(d))
        .collect();
    declarations.extend(namesakes);
    let name = |p: &Path| Some(crate::load::file_label(p));
    // Whatever stands under the name is read (a FIFO or a link put in a
    // file's place becomes its error row); only a name that is gone is gone.
    let (present, gone): (Vec<&PathBuf>, Vec<&PathBuf>) = declarations
        .iter()
        .partition(|d| d.symlink_metadata().is_ok());
    // A rescan reads every file: on all cores, as the first load did.
    let reloaded: Vec<Item> = present.par_iter().map(|d| Item::load(d, config)).collect();
    let removed: Vec<String> = gone.into_iter().filter_map(|d| name(d)).collect();
    let mut out = Vec::new();
    // A reloaded file's review was read with it.
    for d in journals.difference(&declarations) {
        if d.is_file()
            && let Some(file) = name(d)
        {
            out.push(Event::ReviewChanged {
                file,
                review: review_of(d, config),
            });
        }
    }
    if !reloaded.is_empty() {
        out.push(Event::Reloaded(reloaded));
    }
    if !removed.is_empty() {
        out.push(Event::Removed(removed));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Command;
    use crate::review::journal_path;

    #[test]
    fn a_rescan_reads_every_file_and_notices_the_ones_gone() {
        let dir = crate::testing::seed_copies(&["a.json", "b.json"]);
        let config = Config::default();
        crate::review::act::comment(
            &dir.path().join("a.json"),
            "budget",
            None,
            "意见",
            "李",
            &config,
        )
        .unwrap();
        let mut d = crate::desk::Desk::new(crate::i18n::Lang::Zh, String::new(), config.clone());
        d.command(Command::Rescan);
        let [crate::desk::Effect::Rescan { known }] = d.effects() else {
            panic!("{:?}", d.effects())
        };
        assert!(known.is_empty());
        let known = vec!["a.json".to_string(), "gone.json".to_string()];
        let paths = everything(dir.path(), &known);
        let events = changes(dir.path(), &paths, &config);
        assert!(
            matches!(&events[..], [Event::Reloaded(items), Event::Removed(gone)]
                if items.len() == 2
                    && items[0].review.comments.len() == 1
                    && gone == &["gone.json"]),
            "{events:?}"
        );
    }

    #[test]
    fn a_workbook_beside_its_json_namesake_makes_both_error_rows_until_it_goes() {
        let dir = crate::testing::seed_copies(&["a.json"]);
        let config = Config::default();
        let book = dir.path().join("a.xlsx");
        std::fs::write(&book, b"PK\x03\x04").unwrap();
        let same_stem = |i: &Item| {
            matches!(&i.entry.outcome,
                Err(e) if matches!(e.problem, crate::load::LoadErrorKind::SameStem(_)))
        };
        let events = changes(dir.path(), &[book.clone()].into(), &config);
        let [Event::Reloaded(items)] = &events[..] else {
            panic!("{events:?}")
        };
        let files: Vec<&str> = items.iter().map(|i| i.entry.file.as_str()).collect();
        assert_eq!(files, ["a.json", "a.xlsx"]);
        assert!(items.iter().all(same_stem), "{items:?}");
        std::fs::remove_file(&book).unwrap();
        let events = changes(dir.path(), &[book].into(), &config);
        assert!(
            matches!(&events[..], [Event::Reloaded(items), Event::Removed(gone)]
                if items.len() == 1 && items[0].checked().is_some() && gone == &["a.xlsx"]),
            "{events:?}"
        );
    }

    #[test]
    fn a_colleagues_records_a_new_file_and_a_deleted_one() {
        let dir = crate::testing::seed_copies(&["a.json"]);
        let a = dir.path().join("a.json");
        let config = Config::default();
        crate::review::act::comment(&a, "budget", None, "同事的意见", "李", &config).unwrap();
        let changed: BTreeSet<PathBuf> = [
            journal_path(&a),
            dir.path().join("gone.json"),
            dir.path().join(".a.json.swp"),
            dir.path().join("notes.txt"),
        ]
        .into();
        let events = changes(dir.path(), &changed, &config);
        assert_eq!(events.len(), 2, "{events:?}");
        assert!(matches!(&events[0], Event::ReviewChanged { file, review }
            if file == "a.json" && review.comments[0].text == "同事的意见"));
        assert!(matches!(&events[1], Event::Removed(files) if files == &["gone.json"]));

        let changed: BTreeSet<PathBuf> = [a.clone(), journal_path(&a)].into();
        let events = changes(dir.path(), &changed, &config);
        assert!(
            matches!(&events[..], [Event::Reloaded(items)]
                if items[0].entry.file == "a.json" && items[0].review.comments.len() == 1),
            "the file with its review, once: {events:?}"
        );
    }
}
