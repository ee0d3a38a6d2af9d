//! The 审核意见 the export writes: one per returned declaration, all in
//! one Markdown text, or one document each (docx or md) named after its
//! declaration's file.

use super::Reviewed;
use crate::config::NoticeSettings;
use crate::i18n::{self, Lang};
use crate::review::notice::{Issue, Notice};
use std::path::Path;

/// The 审核意见 of the folder, one per returned declaration (and per
/// approved one with comments when `approved` asks): each with the file it
/// is about, for naming the document written beside the others.
pub fn notices<'r>(
    rows: &'r [Reviewed],
    settings: &NoticeSettings,
    issue: &Issue,
    approved: bool,
    lang: Lang,
) -> Vec<(&'r str, Notice)> {
    let mut out: Vec<(&str, Notice)> = rows
        .iter()
        .filter_map(|r| {
            let n =
                crate::review::notice::of(&r.entry, &r.review, settings, issue, approved, lang)?;
            Some((r.entry.file.as_str(), n))
        })
        .collect();
    for (i, (_, n)) in out.iter_mut().enumerate() {
        n.number = issue.number_of(i);
    }
    out
}

/// All the notices in one Markdown text, each under its own title and
/// apart by a rule: for mail, or to read before writing the documents.
pub fn markdown(notices: &[(&str, Notice)], lang: Lang) -> String {
    notices
        .iter()
        .map(|(_, n)| crate::review::notice::text::markdown(n, lang))
        .collect::<Vec<_>>()
        .join("---\n\n")
}

/// What a notice is written as, one file per notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFormat {
    Docx,
    Md,
}

/// Why a notice's document could not be made: its declaration's file, and
/// the writer's words.
#[derive(Debug)]
pub struct NoticeError {
    pub file: String,
    pub why: String,
}

impl NoticeError {
    pub fn message(&self, lang: Lang) -> String {
        i18n::notice::document_problem(lang, &self.file, &self.why)
    }
}

/// The document of each notice, named after its declaration's file
/// (`yx-jtj.审核意见.docx`): every one made before any is written.
pub fn notice_files(
    notices: &[(&str, Notice)],
    format: NoticeFormat,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, NoticeError> {
    notices
        .iter()
        .map(|(file, notice)| {
            let (extension, bytes) = match format {
                NoticeFormat::Docx => crate::review::notice::docx::document(notice, lang)
                    .map(|b| ("docx", b))
                    .map_err(|why| NoticeError {
                        file: file.to_string(),
                        why,
                    })?,
                NoticeFormat::Md => (
                    "md",
                    crate::review::notice::text::markdown(notice, lang).into_bytes(),
                ),
            };
            let stem = Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let suffix = i18n::notice::notice_file_suffix(lang);
            Ok((format!("{stem}.{suffix}.{extension}"), bytes))
        })
        .collect()
}

worded_error!(NoticeError);
