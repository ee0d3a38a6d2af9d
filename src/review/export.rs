//! What leaves the bureau: the folder gathered with its reviews
//! ([`gather`]), the 审核意见 of the declarations returned (all in one
//! Markdown, or one document each, docx or md: [`notice_files`]), a
//! summary for spreadsheets (CSV), the office's workbook (`xlsx`), and
//! everything for machines (JSON).

use super::sha256_hex;
use super::state::Review;
use crate::check::{Entry, check_across_each, check_listed};
use crate::config::Config;
use crate::i18n::Lang;
use crate::load::declaration_files;
use std::path::Path;

/// A declaration of the folder with its review.
pub struct Reviewed {
    pub entry: Entry,
    pub review: Review,
}

/// Loads a folder and the review journal of each declaration, on all
/// cores; each file is read once, through the capped reader. A journal
/// that cannot be read is that row's problem, not the export's.
pub fn gather(dir: &Path, config: &Config) -> std::io::Result<Vec<Reviewed>> {
    use rayon::prelude::*;
    let files = declaration_files(dir)?;
    let namesakes = crate::load::Namesakes::of(&files);
    let mut rows: Vec<Reviewed> = files
        .par_iter()
        .map(|path| {
            let (entry, bytes) = check_listed(path, &namesakes, config);
            let review = super::review_with(path, config, || {
                bytes.as_deref().map(sha256_hex).unwrap_or_default()
            });
            Reviewed { entry, review }
        })
        .collect();
    check_across_each(rows.iter_mut().map(|r| &mut r.entry), config);
    Ok(rows)
}

/// The batch's figures (decisions, grades, problems by rule,
/// measurability), as `check --format json` counts them.
pub fn season(rows: &[Reviewed]) -> super::season::Season {
    let members = rows.iter().map(|r| {
        let c = r.entry.outcome.as_ref().ok();
        super::season::Member {
            file: &r.entry.file,
            department: c.map_or(&None, |c| &c.declaration.department.name),
            checked: c.map(|c| (c.flags.as_slice(), c.measurability, &c.rows)),
            review: &r.review,
        }
    });
    let text_of = |file: &str, key: crate::rules::RowKey| {
        let r = rows.iter().find(|r| r.entry.file == file)?;
        key.text_in(&r.entry.outcome.as_ref().ok()?.declaration)
    };
    super::season::Season::of(members, None, text_of)
}

mod csv;
mod json;
mod notices;
pub mod report;
mod statistics;
mod summary;
mod xlsx;

pub use notices::{NoticeError, NoticeFormat, markdown, notice_files, notices};
pub use statistics::statistics;
pub use xlsx::XlsxError;

/// The folder's reviews as one file: the summary for spreadsheets (CSV),
/// the office's workbook (xlsx), everything for machines (JSON). Each is
/// one file of this module; the notices' documents are [`NoticeFormat`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Csv,
    Json,
    Xlsx,
}

impl Table {
    /// The file's bytes. Times are shown in `zone`, the reviewer's.
    pub fn write(
        self,
        rows: &[Reviewed],
        lang: Lang,
        zone: &jiff::tz::TimeZone,
    ) -> Result<Vec<u8>, XlsxError> {
        match self {
            Table::Csv => Ok(csv::csv(rows, lang).into_bytes()),
            Table::Json => Ok(json::json(rows, lang, zone).into_bytes()),
            Table::Xlsx => xlsx::xlsx(rows, lang, zone),
        }
    }
}

#[cfg(test)]
mod tests;
