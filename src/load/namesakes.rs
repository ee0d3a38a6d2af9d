//! Declaration files that share a stem (`a.json` beside `a.xlsx`): they
//! would share one review journal, so each is refused unread.

use super::EXTENSIONS;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// Other declaration files with this file's stem. Looks for each
/// extension in lower and upper case, asking the file system once a name.
pub fn same_stem(path: &Path) -> Vec<PathBuf> {
    let Some(stem) = path.file_stem() else {
        return Vec::new();
    };
    let own = path.file_name();
    EXTENSIONS
        .iter()
        .flat_map(|e| [e.to_string(), e.to_ascii_uppercase()])
        .map(|e| {
            let mut name = stem.to_os_string();
            name.push(".");
            name.push(e);
            path.with_file_name(name)
        })
        .filter(|p| p.file_name() != own && p.symlink_metadata().is_ok())
        .collect()
}

/// The stems shared in one listing of a folder, so that reading its
/// 10,000 files asks nothing more of the file system than the listing
/// did (asking for each name was seven `stat`s a file).
#[derive(Debug, Default)]
pub struct Namesakes {
    /// Stem → every listed file of that stem, for the stems of two or more.
    shared: HashMap<OsString, Vec<PathBuf>>,
}

impl Namesakes {
    /// The shared stems among `files` (one folder's listing).
    pub fn of(files: &[PathBuf]) -> Namesakes {
        let mut by_stem: HashMap<&OsStr, Vec<&PathBuf>> = HashMap::new();
        for f in files {
            if let Some(stem) = f.file_stem() {
                by_stem.entry(stem).or_default().push(f);
            }
        }
        let shared = by_stem
            .into_iter()
            .filter(|(_, fs)| fs.len() > 1)
            .map(|(stem, fs)| (stem.to_os_string(), fs.into_iter().cloned().collect()))
            .collect();
        Namesakes { shared }
    }

    /// What [`same_stem`] would find beside `path`, from the listing: the
    /// other files of its stem whose extension is one of ours in lower or
    /// upper case.
    pub fn of_file(&self, path: &Path) -> Vec<PathBuf> {
        let Some(group) = path.file_stem().and_then(|s| self.shared.get(s)) else {
            return Vec::new();
        };
        let own = path.file_name();
        group
            .iter()
            .filter(|p| p.file_name() != own && looked_for(p))
            .cloned()
            .collect()
    }
}

/// Is this a name [`same_stem`] looks for: an extension of ours, all
/// lower or all upper case.
fn looked_for(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|e| {
        EXTENSIONS
            .iter()
            .any(|x| e == *x || e == x.to_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_finds_what_asking_the_file_system_finds() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "a.json", "a.xlsx", "b.json", "c.JSON", "c.ods", "d.Json", "d.json", "e.xls",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), b"{}").unwrap();
        }
        let files = crate::load::declaration_files(dir.path()).unwrap();
        let listed = Namesakes::of(&files);
        for f in &files {
            let mut asked = same_stem(f);
            let mut found = listed.of_file(f);
            asked.sort();
            found.sort();
            assert_eq!(found, asked, "{f:?}");
        }
        assert_eq!(listed.of_file(&dir.path().join("a.json")).len(), 1);
        assert!(listed.of_file(&dir.path().join("b.json")).is_empty());
    }
}
