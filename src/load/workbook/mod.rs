//! Declarations in the province's Excel template (.xlsx, .xls, .ods), read
//! into the same model as format v1 JSON and checked by the same rules.
//!
//! [`grid`] turns a workbook into one bounded sheet of cells: [`xlsx`]
//! reads .xlsx itself; calamine reads .xls and .ods (with [`ods`] and
//! [`xls`] for what it does not give of those: merged areas and
//! percentage formats); [`template`] finds the form's boxes on
//! it by their labels; [`value`] reads a cell as an amount, a count or the
//! text a person sees.

mod grid;
mod ods;
mod template;
mod value;
mod xls;
mod xlsx;

pub use grid::Kind;
pub use template::region_of;

use super::{LoadError, LoadErrorKind};
use crate::model::Declaration;
use std::path::Path;

/// Why a workbook could not be read as the form.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    /// calamine or zip could not open it: their words, shortened.
    NotAWorkbook(String),
    /// Its parts unpack to more than the limit.
    UnpacksTooLarge {
        cap: u64,
    },
    TooManyCells {
        max: usize,
    },
    TooManyMerges {
        max: usize,
    },
    /// More shared strings than the cells of the sheets read could use.
    TooManyStrings {
        max: usize,
    },
    /// A cell whose stored value its type cannot have (a number cell
    /// holding letters, a string index past the strings).
    BadCell {
        at: crate::model::cells::CellRef,
        stored: String,
    },
    /// More separate hidden row (or column) ranges than a form could have.
    TooManyHidden {
        max: usize,
    },
    /// An .xls or .ods file whose sheets would be laid out in more cells.
    SheetTooLarge {
        max: u64,
    },
    /// A cell reference past Excel's last row or column, as written.
    BeyondExcel(String),
    /// A table inside a cell (.ods): no form has one.
    NestedTable,
    /// A compound file (.xls) naming its workbook stream twice, or
    /// claiming a stream longer than the file.
    AmbiguousStream,
    NoSheet,
    /// The reader crate gave up on the file in a way it should not have.
    ReaderFailed,
    /// A label of the form that is not on the sheet.
    LabelMissing(&'static str),
    /// A column header missing from a table.
    HeaderMissing {
        table: &'static str,
        header: &'static str,
    },
}

impl WorkbookError {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::errors as words;
        match self {
            WorkbookError::NotAWorkbook(why) => words::not_a_workbook(lang, why),
            WorkbookError::UnpacksTooLarge { cap } => words::unpacks_too_large(lang, *cap),
            WorkbookError::TooManyCells { max } => words::too_many_cells(lang, *max),
            WorkbookError::TooManyMerges { max } => words::too_many_merges(lang, *max),
            WorkbookError::TooManyStrings { max } => words::too_many_strings(lang, *max),
            WorkbookError::BadCell { at, stored } => words::bad_cell(lang, &at.to_string(), stored),
            WorkbookError::TooManyHidden { max } => words::too_many_hidden(lang, *max),
            WorkbookError::SheetTooLarge { max } => words::sheet_too_large(lang, *max),
            WorkbookError::BeyondExcel(r) => words::beyond_excel(lang, r),
            WorkbookError::NestedTable => words::NESTED_TABLE.get(lang).into(),
            WorkbookError::AmbiguousStream => words::AMBIGUOUS_STREAM.get(lang).into(),
            WorkbookError::NoSheet => words::NO_SHEET.get(lang).into(),
            WorkbookError::ReaderFailed => words::READER_FAILED.get(lang).into(),
            WorkbookError::LabelMissing(label) => words::label_missing(lang, label),
            WorkbookError::HeaderMissing { table, header } => {
                words::header_missing(lang, table, header)
            }
        }
    }
}

/// The kind of workbook a file name says, if it names one.
pub fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?;
    [("xlsx", Kind::Xlsx), ("xls", Kind::Xls), ("ods", Kind::Ods)]
        .into_iter()
        .find(|(e, _)| ext.eq_ignore_ascii_case(e))
        .map(|(_, k)| k)
}

/// Reads a workbook's bytes as a declaration. `unpacked_cap` bounds what
/// its zip may unpack to.
pub fn parse(bytes: &[u8], kind: Kind, unpacked_cap: u64) -> Result<Declaration, LoadError> {
    // calamine parses bytes from outside the bureau; should a crafted file
    // ever make it panic, that is this file's error row, not the batch's end.
    let read = std::panic::catch_unwind(|| {
        grid::read(bytes, kind, unpacked_cap, template::looks_like_form)
    })
    .unwrap_or(Err(WorkbookError::ReaderFailed));
    let grid = read.map_err(|p| LoadError::whole_file(LoadErrorKind::Workbook(p)))?;
    template::read(&grid)
}

worded_error!(WorkbookError);
