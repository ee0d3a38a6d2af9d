//! Loading declarations: one file, or a whole folder in parallel.
//!
//! A file that cannot be loaded becomes one [`LoadError`] for that file;
//! everything else in the folder still loads and is checked.
//!
//! Here a file's bytes and numbers become positions: no index or slice
//! that could panic is allowed (`clippy::indexing_slicing`), only `get`.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod bounds;
pub mod convert;
mod error;
mod form;
mod keys;
mod namesakes;
mod scan;
pub mod workbook;

pub use error::{Expected, LoadError, LoadErrorKind};
pub use namesakes::{Namesakes, same_stem};
pub use workbook::WorkbookError;

use crate::model::{Declaration, FORMAT_VERSION};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a declaration from the bytes of a file.
pub fn parse(bytes: &[u8]) -> Result<Declaration, LoadError> {
    if is_utf16(bytes) {
        return Err(LoadError::whole_file(LoadErrorKind::Utf16));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // Validated once here, so the parser need not validate each string again;
    // by simdutf8, which reads Chinese text (three bytes a character) several
    // times faster than std's validator (a tenth of `check`'s time before).
    let text = simdutf8::compat::from_utf8(bytes)
        .map_err(|e| LoadError::not_utf8(bytes, e.valid_up_to()))?;
    let outcome = match serde_json::from_str::<form::Document>(text) {
        Ok(doc) if is_supported(&doc.version) => {
            single_column_holds(doc.declaration).and_then(|d| bounds::hold(d, |_, _| None))
        }
        Ok(_) => Err(explain(text, None)),
        Err(err) => Err(explain(text, Some(err))),
    };
    outcome.map_err(|e| {
        let name = department_name_in(text);
        e.naming(name.as_deref())
    })
}

/// The department's name in a JSON file that did not load, where the
/// file is JSON at all and the name a string. Everything else is stepped
/// over unkept: the file may be a million rows that failed for being so.
fn department_name_in(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct File {
        department: Option<Department>,
    }
    #[derive(serde::Deserialize)]
    struct Department {
        name: Option<serde_json::Value>,
    }
    let file: File = serde_json::from_str(text).ok()?;
    match file.department?.name? {
        serde_json::Value::String(name) => Some(name),
        _ => None,
    }
}

/// On a form with one target column there is no 实施周期指标值: a
/// non-blank one is a load error naming it.
fn single_column_holds(d: Declaration) -> Result<Declaration, LoadError> {
    if d.target_columns == crate::model::TargetColumns::One
        && let Some(i) = d
            .indicators
            .iter()
            .position(|r| !crate::text::is_blank(&r.period_target))
    {
        return Err(LoadError {
            field: Some(format!("indicators[{i}].period_target")),
            ..LoadError::whole_file(LoadErrorKind::NoPeriodColumn)
        });
    }
    Ok(d)
}

/// Reads a declaration file's bytes as its name says: format v1 JSON, or
/// a workbook in the province's template.
/// `cap` is the file size limit (a workbook may unpack to a multiple).
pub fn parse_file(path: &Path, bytes: &[u8], cap: u64) -> Result<Declaration, LoadError> {
    match workbook::kind_of(path) {
        Some(kind) => {
            let unpacked_cap = cap.saturating_mul(UNPACK_FACTOR);
            workbook::parse(bytes, kind, unpacked_cap)
        }
        None => parse(bytes),
    }
}

/// A workbook may unpack to this many times the file size limit (a form's
/// workbook unpacks to a few times its size; a zip bomb to thousands).
pub const UNPACK_FACTOR: u64 = 8;

/// Text saved as UTF-16 (Windows Notepad's "Unicode"): its byte-order
/// mark, or the zero byte beside each ASCII character that JSON starts with.
fn is_utf16(bytes: &[u8]) -> bool {
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => true,
        [a, 0, ..] | [0, a, ..] => a.is_ascii() && *a != 0,
        _ => false,
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
        return LoadError::whole_file(LoadErrorKind::NotAnObject);
    }
    let version_error = |problem| LoadError {
        field: Some("format_version".into()),
        ..LoadError::whole_file(problem)
    };
    match &found.version {
        None => return version_error(LoadErrorKind::MissingVersion),
        Some(v) if !is_supported(&found.version) => {
            let written = crate::sanitize::shorten(&v.to_string(), crate::sanitize::QUOTE_CHARS);
            return version_error(LoadErrorKind::UnsupportedVersion(written));
        }
        Some(_) => {}
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, form::Document>(&mut de) {
        Err(err) => LoadError::typed(err),
        // Both passes agree on every input the tests know; should they ever
        // not, the first pass's own words are still a true account.
        Ok(_) => first.map_or_else(
            || LoadError::whole_file(LoadErrorKind::Syntax("unreadable".into())),
            |e| LoadError::syntax(&e),
        ),
    }
}

/// Reads one declaration file (JSON or workbook): at most `cap` bytes, no
/// link followed, its name checked.
pub fn read(path: &Path, cap: u64) -> Result<Declaration, LoadError> {
    parse_file(path, &read_named(path, cap)?, cap)
}

/// As [`read`], for a file read on its own with no review (`convert`): a
/// namesake beside it (`a.json` by `a.xlsx`) does not matter there.
pub fn read_alone(path: &Path, cap: u64) -> Result<Declaration, LoadError> {
    name_is_utf8(path)?;
    parse_file(path, &read_bytes(path, cap)?, cap)
}

/// A name that is not UTF-8 (a GBK name from a Windows zip) is refused.
fn name_is_utf8(path: &Path) -> Result<(), LoadError> {
    match path.file_name().is_some_and(|n| n.to_str().is_none()) {
        true => Err(LoadError::whole_file(LoadErrorKind::NameNotUtf8)),
        false => Ok(()),
    }
}

/// A file's bytes, refused unread when over `cap`, when it is a link, or
/// when it is not a regular file (a FIFO must not block the batch). The
/// one reader of declaration files: every command and the desk read
/// through it.
pub fn read_bytes(path: &Path, cap: u64) -> Result<Vec<u8>, LoadError> {
    let (file, size) =
        crate::safe_fs::open_read(path).map_err(|r| LoadError::whole_file(r.into()))?;
    read_capped(file, size, cap).map_err(|e| match e {
        Capped::TooLarge(size) => LoadError::whole_file(LoadErrorKind::TooLarge { size, cap }),
        Capped::Io(e) => LoadError::whole_file(LoadErrorKind::Unreadable(e.to_string())),
    })
}

/// Why [`read_capped`] gave up.
enum Capped {
    /// Over the cap: the size known so far.
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads an opened file of `size` bytes whole, refusing it unread when over
/// `cap`, and refusing it when it grows past `cap` while being read.
fn read_capped(file: File, size: u64, cap: u64) -> Result<Vec<u8>, Capped> {
    if size > cap {
        return Err(Capped::TooLarge(size));
    }
    let mut bytes = Vec::new();
    // A fallible reservation: with a generous configured cap, a huge file
    // must be refused, not abort the program.
    bytes
        .try_reserve_exact(usize::try_from(size).map_err(|_| Capped::TooLarge(size))?)
        .map_err(|_| Capped::TooLarge(size))?;
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Capped::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

impl From<crate::safe_fs::OpenError> for LoadErrorKind {
    fn from(r: crate::safe_fs::OpenError) -> LoadErrorKind {
        match r {
            crate::safe_fs::OpenError::Link => LoadErrorKind::Link,
            crate::safe_fs::OpenError::NotRegular(kind) => LoadErrorKind::NotRegular(kind),
            crate::safe_fs::OpenError::Io(e) => LoadErrorKind::Unreadable(e.to_string()),
        }
    }
}

/// How a file of the folder is named in rows and messages: its name, made
/// safe, with any byte that is not UTF-8 shown as `\xFF` (two such names
/// never look alike).
pub fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || crate::sanitize::display_path(path),
        crate::sanitize::display_os,
    )
}

/// The extensions of declaration files: format v1 JSON, then workbooks.
pub const EXTENSIONS: [&str; 4] = ["json", "xlsx", "xls", "ods"];

/// Is this the name of a declaration file: `*.json`, `*.xlsx`, `*.xls` or
/// `*.ods`, any case? (Review journals end in `.jsonl`.)
pub fn is_declaration_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The declaration files directly in `dir`: every name `*.json`, `*.xlsx`,
/// `*.xls`, `*.ods` (any case), in file-name order. Everything else, review sidecars included,
/// is not a declaration. Whatever stands under such a name — a link, a
/// FIFO, a folder — is listed, to become that name's error row when read:
/// nothing named as a declaration is silently left out.
pub fn declaration_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if is_declaration_name(&path) {
            files.push(path);
        }
    }
    // Cached: comparing `file_name()`s directly re-parses both paths n·log n times.
    files.sort_by_cached_key(|p| p.file_name().map(|n| n.to_os_string()));
    Ok(files)
}

/// A declaration file's bytes, as [`read_bytes`], after its name: a name
/// that is not UTF-8 (a GBK name from a Windows zip), or one whose stem
/// another declaration file shares, is refused unread, as its reviews
/// could not be kept apart from another's.
pub fn read_named(path: &Path, cap: u64) -> Result<Vec<u8>, LoadError> {
    read_named_among(path, cap, same_stem(path))
}

/// As [`read_named`], with the files sharing its stem already known
/// (from the folder's listing: see [`Namesakes`]).
pub fn read_named_among(path: &Path, cap: u64, others: Vec<PathBuf>) -> Result<Vec<u8>, LoadError> {
    name_is_utf8(path)?;
    if !others.is_empty() {
        let names = others.iter().map(|p| file_label(p)).collect();
        return Err(LoadError::whole_file(LoadErrorKind::SameStem(names)));
    }
    read_bytes(path, cap)
}
