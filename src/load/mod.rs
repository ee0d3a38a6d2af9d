//! Loading declarations: one file, or a whole folder in parallel.
//!
//! A file that cannot be loaded becomes one [`LoadError`] for that file;
//! everything else in the folder still loads and is checked.

mod error;
mod form;
mod keys;
mod scan;

pub use error::{Expected, LoadError, LoadProblem};

use crate::config::Config;
use crate::model::{Declaration, FORMAT_VERSION};
use crate::rules::{self, Flag};
use rayon::prelude::*;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a declaration from the bytes of a file.
pub fn parse(bytes: &[u8]) -> Result<Declaration, LoadError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // Validated once here, so the parser need not validate each string again.
    let text =
        std::str::from_utf8(bytes).map_err(|e| LoadError::not_utf8(bytes, e.valid_up_to()))?;
    match serde_json::from_str::<form::Document>(text) {
        Ok(doc) if is_supported(&doc.version) => Ok(doc.declaration),
        Ok(_) => Err(explain(text, None)),
        Err(err) => Err(explain(text, Some(err))),
    }
}

/// Only `1` itself: with arbitrary_precision, `1.0` or `1e0` is not a u64.
fn is_supported(version: &Option<serde_json::Value>) -> bool {
    version.as_ref().and_then(|v| v.as_u64()) == Some(FORMAT_VERSION)
}

/// Says where and why a file failed the one-pass read. Slower (it tracks
/// paths), so it runs only for a file that is not loading anyway.
fn explain(text: &str, first: Option<serde_json::Error>) -> LoadError {
    let (found, result) = scan::scan(text);
    if let Err(err) = result {
        return match (found.duplicate, found.array_for_object) {
            (Some((object, key)), _) => LoadError::duplicate(&err, object, key),
            (None, Some(path)) => LoadError::array_for_object(&err, path),
            (None, None) => LoadError::syntax(&err),
        };
    }
    if !found.root_is_object {
        return LoadError::whole_file(LoadProblem::NotAnObject);
    }
    let version_error = |problem| LoadError {
        field: Some("format_version".into()),
        ..LoadError::whole_file(problem)
    };
    match &found.version {
        None => return version_error(LoadProblem::MissingVersion),
        Some(v) if !is_supported(&found.version) => {
            let written = crate::sanitize::shorten(&v.to_string(), crate::sanitize::QUOTE_CHARS);
            return version_error(LoadProblem::UnsupportedVersion(written));
        }
        Some(_) => {}
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, form::Document>(&mut de) {
        Err(err) => LoadError::typed(err),
        // Both passes agree on every input the tests know; should they ever
        // not, the first pass's own words are still a true account.
        Ok(_) => first.map_or_else(
            || LoadError::whole_file(LoadProblem::Syntax("unreadable".into())),
            |e| LoadError::syntax(&e),
        ),
    }
}

/// Reads one file, refusing files over `cap` bytes without reading them whole.
pub fn read(path: &Path, cap: u64) -> Result<Declaration, LoadError> {
    parse(&read_bytes(path, cap)?)
}

/// A file's bytes, refused unread when over `cap`.
pub fn read_bytes(path: &Path, cap: u64) -> Result<Vec<u8>, LoadError> {
    let unreadable =
        |e: std::io::Error| LoadError::whole_file(LoadProblem::Unreadable(e.to_string()));
    let file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > cap {
        return Err(LoadError::whole_file(LoadProblem::TooLarge { size, cap }));
    }
    let mut bytes = Vec::new();
    // A fallible reservation: with a generous configured cap, a huge file
    // must be refused, not abort the program.
    let too_large = || LoadError::whole_file(LoadProblem::TooLarge { size, cap });
    bytes
        .try_reserve_exact(usize::try_from(size).map_err(|_| too_large())?)
        .map_err(|_| too_large())?;
    // The file may grow between the size check and the read.
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > cap {
        return Err(LoadError::whole_file(LoadProblem::TooLarge {
            size: bytes.len() as u64,
            cap,
        }));
    }
    Ok(bytes)
}

/// A declaration that loaded, with its flags: what the review desk keeps.
#[derive(Debug, Clone)]
pub struct Checked {
    pub declaration: Declaration,
    pub flags: Vec<Flag>,
}

/// What `shenhe check` keeps of a declaration once it is checked: who,
/// which year, what was found. Dropping the rest in the worker keeps a
/// folder of 10,000 files from living in memory at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub department: Option<String>,
    pub fiscal_year: Option<i32>,
    pub flags: Vec<Flag>,
}

impl From<Checked> for Verdict {
    fn from(c: Checked) -> Verdict {
        Verdict {
            department: c
                .declaration
                .department
                .name
                .filter(|n| !n.trim().is_empty()),
            fiscal_year: c.declaration.fiscal_year,
            flags: c.flags,
        }
    }
}

/// What the cross-folder rules need of a loaded declaration: department
/// name and year to read, flags to add to.
pub trait Identity {
    fn parts(&mut self) -> (Option<&str>, Option<i32>, &mut Vec<Flag>);
}

impl Identity for Checked {
    fn parts(&mut self) -> (Option<&str>, Option<i32>, &mut Vec<Flag>) {
        let d = &self.declaration;
        (d.department.name.as_deref(), d.fiscal_year, &mut self.flags)
    }
}

impl Identity for Verdict {
    fn parts(&mut self) -> (Option<&str>, Option<i32>, &mut Vec<Flag>) {
        (
            self.department.as_deref(),
            self.fiscal_year,
            &mut self.flags,
        )
    }
}

/// One file of the folder: its name relative to the folder, and what
/// became of it.
#[derive(Debug, Clone)]
pub struct Entry<T = Checked> {
    pub file: String,
    pub outcome: Result<T, LoadError>,
}

/// Is this the name of a declaration file: `*.json`, any case? (Review
/// journals end in `.jsonl`.)
pub fn is_declaration_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The declaration files directly in `dir`: every `*.json` (any case),
/// in file-name order. Everything else, review sidecars included, is not a
/// declaration.
pub fn declaration_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if !is_declaration_name(&path) {
            continue;
        }
        // The entry's own type costs no system call; only a symbolic link
        // needs a stat to see what it points at. A folder named x.json is
        // skipped.
        let is_file = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_file(),
            Ok(t) => t.is_file(),
            Err(_) => path.is_file(),
        };
        if is_file {
            files.push(path);
        }
    }
    // Cached: comparing `file_name()`s directly re-parses both paths n·log n times.
    files.sort_by_cached_key(|p| p.file_name().map(|n| n.to_os_string()));
    Ok(files)
}

/// Loads and checks one file (single-declaration rules only).
pub fn check_file(path: &Path, config: &Config) -> Entry {
    check_file_keeping_bytes(path, config).0
}

/// As [`check_file`], handing back the bytes it read too (the review desk
/// hashes them to date comments, without reading the file twice).
pub fn check_file_keeping_bytes(path: &Path, config: &Config) -> (Entry, Option<Vec<u8>>) {
    let file = path
        .file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned();
    let (outcome, bytes) = match read_bytes(path, config.max_file_bytes) {
        Ok(bytes) => (parse(&bytes), Some(bytes)),
        Err(e) => (Err(e), None),
    };
    let outcome = outcome.map(|declaration| {
        let flags = rules::check(&declaration, &config.rules);
        Checked { declaration, flags }
    });
    (Entry { file, outcome }, bytes)
}

/// Runs the rules that look across files over entries already checked.
pub fn check_across<T: Identity>(entries: &mut [Entry<T>], config: &Config) {
    check_across_each(entries.iter_mut(), config);
}

/// As [`check_across`], over entries wherever they are kept.
pub fn check_across_each<'a, T: Identity + 'a>(
    entries: impl IntoIterator<Item = &'a mut Entry<T>>,
    config: &Config,
) {
    let items = entries.into_iter().filter_map(|e| {
        let (name, year, flags) = e.outcome.as_mut().ok()?.parts();
        Some((e.file.as_str(), name, year, flags))
    });
    rules::mark_double_submissions(items, &config.rules);
}

/// Loads and checks every declaration of a folder, on all cores, keeping
/// each declaration (for the review desk).
pub fn load_folder(dir: &Path, config: &Config) -> std::io::Result<Vec<Entry>> {
    let files = declaration_files(dir)?;
    let mut entries: Vec<Entry> = files.par_iter().map(|p| check_file(p, config)).collect();
    check_across(&mut entries, config);
    Ok(entries)
}

/// Checks every declaration of a folder, on all cores, keeping only the
/// verdicts (for `shenhe check`).
pub fn check_folder(dir: &Path, config: &Config) -> std::io::Result<Vec<Entry<Verdict>>> {
    let files = declaration_files(dir)?;
    let mut entries: Vec<Entry<Verdict>> = files
        .par_iter()
        .map(|p| {
            let Entry { file, outcome } = check_file(p, config);
            Entry {
                file,
                outcome: outcome.map(Verdict::from),
            }
        })
        .collect();
    check_across(&mut entries, config);
    Ok(entries)
}
