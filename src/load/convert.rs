//! `shenhe convert`'s work: declarations (workbooks or JSON) made format
//! v1 JSON, every file read before anything is written, and where each
//! goes checked before any is: a batch converts whole or not at all.

use super::{LoadError, read_alone, same_stem};
use crate::i18n::{self, Lang};
use crate::sanitize::display_path;
use std::path::{Path, PathBuf};

/// A declaration read and written as format v1 JSON.
#[derive(Debug)]
pub struct Converted {
    pub source: PathBuf,
    pub json: String,
}

/// Why a batch was not written.
#[derive(Debug)]
pub enum ConvertError {
    /// Several files and nowhere to put them.
    NeedsOut,
    /// Files that did not read, with why; nothing is written.
    Unreadable(Vec<(PathBuf, LoadError)>),
    /// Two inputs of one stem (`x/a.xlsx`, `y/a.xlsx`) would write one file.
    SameTarget {
        first: PathBuf,
        second: PathBuf,
        target: PathBuf,
    },
    /// A `NAME.json` beside `NAME.xlsx` would make both error rows.
    BesideNamesake { target: PathBuf, namesake: PathBuf },
}

impl ConvertError {
    /// What the reviewer reads: each broken file, then that nothing was
    /// written; or why the batch cannot go where it was asked.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let p = |path: &Path| display_path(path);
        match self {
            ConvertError::NeedsOut => vec![i18n::convert_needs_out(lang).to_string()],
            ConvertError::Unreadable(broken) => {
                let mut out: Vec<String> = broken
                    .iter()
                    .map(|(file, e)| e.message(lang, &p(file)))
                    .collect();
                out.push(i18n::convert_nothing_written(lang, broken.len()));
                out
            }
            ConvertError::SameTarget {
                first,
                second,
                target,
            } => vec![i18n::convert_same_target(
                lang,
                &p(first),
                &p(second),
                &p(target),
            )],
            ConvertError::BesideNamesake { target, namesake } => {
                vec![i18n::convert_beside_namesake(
                    lang,
                    &p(target),
                    &p(namesake),
                )]
            }
        }
    }
}

worded_error!(ConvertError, |e: &ConvertError| e
    .lines(Lang::En)
    .join("\n"));

/// Reads every file (at most `cap` bytes each) as format v1 JSON; one
/// broken file and none is converted. Several files need a folder.
pub fn read_all(
    files: &[PathBuf],
    to_folder: bool,
    cap: u64,
) -> Result<Vec<Converted>, ConvertError> {
    if !to_folder && files.len() > 1 {
        return Err(ConvertError::NeedsOut);
    }
    let mut converted = Vec::new();
    let mut broken = Vec::new();
    for file in files {
        match read_alone(file, cap) {
            Ok(d) => converted.push(Converted {
                source: file.clone(),
                json: crate::model::v1::to_json(&d),
            }),
            Err(e) => broken.push((file.clone(), e)),
        }
    }
    match broken.is_empty() {
        true => Ok(converted),
        false => Err(ConvertError::Unreadable(broken)),
    }
}

/// Where each converted file goes in `folder` (`NAME.json`), with its
/// bytes; refused when two would be one file, or one would sit beside a
/// declaration of its name.
pub fn files_in(
    folder: &Path,
    converted: &[Converted],
) -> Result<Vec<(PathBuf, Vec<u8>)>, ConvertError> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = Vec::with_capacity(converted.len());
    for (i, c) in converted.iter().enumerate() {
        let mut name = c.source.file_stem().unwrap_or_default().to_os_string();
        name.push(".json");
        let target = folder.join(name);
        // `out` holds the targets of the files before this one, in order.
        if let Some((first, _)) = converted
            .iter()
            .zip(&out)
            .take(i)
            .find(|(_, (t, _))| *t == target)
        {
            return Err(ConvertError::SameTarget {
                first: first.source.clone(),
                second: c.source.clone(),
                target,
            });
        }
        out.push((target, c.json.clone().into_bytes()));
    }
    for (target, _) in &out {
        if let Some(namesake) = same_stem(target).into_iter().next() {
            return Err(ConvertError::BesideNamesake {
                target: target.clone(),
                namesake,
            });
        }
    }
    Ok(out)
}
