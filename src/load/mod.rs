//! Loading declarations: one file, or a whole folder in parallel.
//!
//! A file that cannot be loaded becomes one [`LoadError`] for that file;
//! everything else in the folder still loads and is checked.

mod error;
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
    let (found, result) = scan::scan(bytes);
    if let Err(err) = result {
        return Err(match (found.duplicate, found.array_for_object) {
            (Some((object, key)), _) => LoadError::duplicate(&err, object, key),
            (None, Some(path)) => LoadError::array_for_object(&err, path),
            (None, None) => LoadError::syntax(&err),
        });
    }
    if !found.root_is_object {
        return Err(LoadError::whole_file(LoadProblem::NotAnObject));
    }
    match &found.version {
        None => {
            return Err(LoadError {
                field: Some("format_version".into()),
                ..LoadError::whole_file(LoadProblem::MissingVersion)
            });
        }
        // With arbitrary_precision, `1.0` or `1e0` is not a u64: only `1` passes.
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => {
            let problem = LoadProblem::UnsupportedVersion(v.to_string());
            return Err(LoadError {
                field: Some("format_version".into()),
                ..LoadError::whole_file(problem)
            });
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(LoadError::typed)
}

/// Reads one file, refusing files over `cap` bytes without reading them whole.
pub fn read(path: &Path, cap: u64) -> Result<Declaration, LoadError> {
    let unreadable =
        |e: std::io::Error| LoadError::whole_file(LoadProblem::Unreadable(e.to_string()));
    let file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > cap {
        return Err(LoadError::whole_file(LoadProblem::TooLarge { size, cap }));
    }
    let mut bytes = Vec::with_capacity(size as usize);
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
    parse(&bytes)
}

/// A declaration that loaded, with its flags.
#[derive(Debug, Clone)]
pub struct Checked {
    pub declaration: Declaration,
    pub flags: Vec<Flag>,
}

/// One file of the folder: its name relative to the folder, and what
/// became of it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub file: String,
    pub outcome: Result<Checked, LoadError>,
}

/// The declaration files directly in `dir`: every `*.json` (any case),
/// in file-name order. Everything else, review sidecars included, is not a
/// declaration.
pub fn declaration_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        // `is_file` follows symbolic links; a folder named x.json is skipped.
        if is_json && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// Loads and checks one file (single-declaration rules only).
pub fn check_file(path: &Path, config: &Config) -> Entry {
    let file = path
        .file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned();
    let outcome = read(path, config.max_file_bytes).map(|declaration| {
        let flags = rules::check(&declaration, &config.rules);
        Checked { declaration, flags }
    });
    Entry { file, outcome }
}

/// Runs the rules that look across files over entries already checked.
pub fn check_across(entries: &mut [Entry], config: &Config) {
    let items = entries.iter_mut().filter_map(|e| match &mut e.outcome {
        Ok(c) => Some((e.file.as_str(), &c.declaration, &mut c.flags)),
        Err(_) => None,
    });
    rules::mark_double_submissions(items, &config.rules);
}

/// Loads and checks every declaration of a folder, on all cores.
pub fn load_folder(dir: &Path, config: &Config) -> std::io::Result<Vec<Entry>> {
    let files = declaration_files(dir)?;
    let mut entries: Vec<Entry> = files.par_iter().map(|p| check_file(p, config)).collect();
    check_across(&mut entries, config);
    Ok(entries)
}
