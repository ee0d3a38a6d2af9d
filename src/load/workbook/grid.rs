//! One sheet of a workbook as the template reader needs it: the cells that
//! hold something, the merged areas, and which numbers a person sees as
//! percentages: read by [`super::xlsx`] for .xlsx, by calamine for .xls
//! and .ods.
//!
//! Everything here is bounded: a workbook comes from outside the bureau,
//! and a few kilobytes of zip can claim a million rows.

use super::WorkbookError;
use crate::load::bounds::cell_text;
use crate::model::cells::CellRef;
use calamine::{Data, Dimensions, Ods, Reader, Xls};
use std::collections::HashMap;
use std::io::Cursor;

/// A form has a few hundred cells; a sheet with more is not one.
pub const MAX_CELLS: usize = 50_000;
/// The most cells calamine may lay out densely for an .xls or .ods file's
/// sheets, all together (it reads them all when it opens the file).
pub const MAX_DENSE: u64 = 1_000_000;
/// Merged areas considered on one sheet.
pub const MAX_MERGES: usize = 5_000;
/// Sheets looked at for the form.
pub const MAX_SHEETS: usize = 16;

/// What one cell holds, as the file stores it (a formula's cached result).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or time: Excel's day count.
    Date(f64),
    /// An error value such as `#REF!`, as Excel shows it.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The rows and columns of a sheet that Excel does not show, as inclusive
/// ranges counted from 0.
#[derive(Debug, Default, Clone)]
pub struct Hidden {
    pub rows: Vec<(u32, u32)>,
    pub cols: Vec<(u32, u32)>,
}

/// Most hidden ranges of rows, or of columns, a sheet may have (as many
/// as merged areas).
pub const MAX_HIDDEN: usize = MAX_MERGES;

impl Hidden {
    /// Adds a range of rows or of columns, refusing a sheet with more
    /// ranges than a form could have.
    pub fn push(list: &mut Vec<(u32, u32)>, range: (u32, u32)) -> Result<(), WorkbookError> {
        let (a, b) = (range.0.min(range.1), range.0.max(range.1));
        // Rows hidden one by one, next to each other, are one range.
        if let Some(last) = list.last_mut()
            && last.0 <= a
            && a <= last.1.saturating_add(1)
        {
            last.1 = last.1.max(b);
            return Ok(());
        }
        if list.len() >= MAX_HIDDEN {
            return Err(WorkbookError::TooManyHidden { max: MAX_HIDDEN });
        }
        list.push((a, b));
        Ok(())
    }

    fn hides(&self, at: CellRef) -> bool {
        within(&self.rows, at.row) || within(&self.cols, at.col)
    }
}

/// Sorts ranges and joins those that overlap, so one search finds any.
fn joined(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Is `n` in one of these sorted, disjoint ranges?
fn within(ranges: &[(u32, u32)], n: u32) -> bool {
    let i = ranges.partition_point(|r| r.0 <= n);
    i.checked_sub(1)
        .and_then(|last| ranges.get(last))
        .is_some_and(|r| r.1 >= n)
}

/// One sheet, sparse. Cells are kept sorted by position and found by
/// binary search: a form's few hundred cells need no hashing.
#[derive(Debug, Default)]
pub struct Grid {
    pub sheet: String,
    /// Non-empty cells in reading order (row, then column), one per place.
    cells: Vec<(CellRef, Value)>,
    /// Merged areas by the column of their top-left cell (sorted by
    /// column), each column's sorted by row.
    merges: Vec<(u32, Vec<Dimensions>)>,
    /// Cells whose number format shows a percentage, with its decimals, sorted.
    percent: Vec<(CellRef, u8)>,
}

impl Grid {
    /// A grid from cells and merges (tests build forms this way too).
    pub fn new(sheet: &str, cells: Vec<(CellRef, Value)>, merges: Vec<Dimensions>) -> Grid {
        let mut merges = merges;
        merges.sort_by_key(|m| (m.start.1, m.start.0));
        let mut by_col: Vec<(u32, Vec<Dimensions>)> = Vec::new();
        for m in merges {
            match by_col.last_mut() {
                Some((col, list)) if *col == m.start.1 => list.push(m),
                _ => by_col.push((m.start.1, vec![m])),
            }
        }
        let mut cells: Vec<(CellRef, Value)> = cells
            .into_iter()
            .filter(|(_, v)| *v != Value::Empty)
            .collect();
        // Stable: of two cells at one place (a malformed file), the first stays.
        cells.sort_by_key(|(at, _)| *at);
        cells.dedup_by_key(|(at, _)| *at);
        Grid {
            sheet: sheet.to_string(),
            cells,
            merges: by_col,
            percent: Vec::new(),
        }
    }

    /// Forgets what sits in hidden rows and columns: the form is read as
    /// Excel shows it, so a figure no one sees is never the one checked.
    pub fn hide(&mut self, hidden: Hidden) {
        if hidden.rows.is_empty() && hidden.cols.is_empty() {
            return;
        }
        let hidden = Hidden {
            rows: joined(hidden.rows),
            cols: joined(hidden.cols),
        };
        self.cells.retain(|(at, _)| !hidden.hides(*at));
    }

    /// The first row after `row` where something is stored or a merged
    /// area starts: the rows between hold nothing, and need no visit.
    pub fn next_row_after(&self, row: u32) -> Option<u32> {
        let cell = self.cells.partition_point(|(at, _)| at.row <= row);
        let cell = self.cells.get(cell).map(|(at, _)| at.row);
        let merge = self
            .merges
            .iter()
            .filter_map(|(_, list)| {
                let i = list.partition_point(|m| m.start.0 <= row);
                list.get(i).map(|m| m.start.0)
            })
            .min();
        cell.into_iter().chain(merge).min()
    }

    /// Marks number cells whose format shows a percentage.
    pub fn set_percent(&mut self, mut cells: Vec<(CellRef, u8)>) {
        cells.sort_by_key(|(at, _)| *at);
        self.percent = cells;
    }

    /// Decimals of the percentage this cell's format shows, if it shows one.
    pub fn percent_decimals(&self, at: CellRef) -> Option<u8> {
        let i = self.percent.binary_search_by_key(&at, |(c, _)| *c).ok()?;
        self.percent.get(i).map(|p| p.1)
    }

    /// The merged areas whose top-left cells are in this column.
    fn merges_in(&self, col: u32) -> Option<&[Dimensions]> {
        let i = self.merges.binary_search_by_key(&col, |(c, _)| *c).ok()?;
        self.merges.get(i).map(|m| m.1.as_slice())
    }

    /// The merged area whose top-left cell is `at`, if any.
    pub fn merge_at(&self, at: CellRef) -> Option<Dimensions> {
        self.merges_in(at.col)?
            .iter()
            .find(|m| m.start.0 == at.row)
            .copied()
    }

    /// The cell whose value shows at `at`: the top-left of a merged area
    /// that starts in this column and spans this row, else `at` itself. (A
    /// cell covered by an area starting in another column shows nothing.)
    pub fn source(&self, at: CellRef) -> CellRef {
        let Some(list) = self.merges_in(at.col) else {
            return at;
        };
        let before = list.partition_point(|m| m.start.0 <= at.row);
        match before.checked_sub(1).and_then(|i| list.get(i)) {
            Some(m) if m.end.0 >= at.row => CellRef::new(m.start.0, m.start.1),
            _ => at,
        }
    }

    /// What shows at `at`, merges applied.
    pub fn value(&self, at: CellRef) -> &Value {
        let at = self.source(at);
        match self.cells.binary_search_by_key(&at, |(c, _)| *c) {
            Ok(i) => self.cells.get(i).map_or(&Value::Empty, |c| &c.1),
            Err(_) => &Value::Empty,
        }
    }

    /// Every cell holding text, in reading order (row, then column).
    pub fn texts(&self) -> impl Iterator<Item = (CellRef, &str)> {
        self.cells.iter().filter_map(|(at, v)| match v {
            Value::Text(t) => Some((*at, t.as_str())),
            _ => None,
        })
    }

    /// The last row with a stored cell or reached by a merged area.
    pub fn last_row(&self) -> u32 {
        let cells = self.cells.last().map(|(c, _)| c.row);
        let merges = self.merges.iter().flat_map(|(_, l)| l).map(|m| m.end.0);
        cells.into_iter().chain(merges).max().unwrap_or(0)
    }
}

/// The kinds of workbook read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xls,
    Ods,
}

/// The sheets of a workbook, read one at a time until `wanted` says one is
/// the form; the first sheet if none is.
pub fn read(
    bytes: &[u8],
    kind: Kind,
    unpacked_cap: u64,
    wanted: impl Fn(&Grid) -> bool,
) -> Result<Grid, WorkbookError> {
    let zipped = || -> Result<_, WorkbookError> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_workbook)?;
        check_unpacked(&mut zip, unpacked_cap)?;
        Ok(zip)
    };
    // What calamine would allocate for .xls and .ods is known before it opens them.
    let mut book = match kind {
        Kind::Xlsx => return super::xlsx::read(&mut zipped()?, wanted),
        Kind::Xls => Book::xls(bytes)?,
        Kind::Ods => {
            zipped()?;
            Book::ods(bytes)?
        }
    };
    let names = book.sheet_names();
    let mut first = None;
    for name in names.iter().take(MAX_SHEETS) {
        let grid = book.grid(name)?;
        if wanted(&grid) {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    first.ok_or(WorkbookError::NoSheet)
}

/// Entries a workbook's zip may hold (a form's has about a dozen).
const MAX_ENTRIES: usize = 1_000;

/// Refuses a zip whose entries unpack to more than `cap` bytes in all. The
/// sizes the zip declares are what counts: the zip crate never reads an
/// entry past its declared size (a lying entry ends in an error), so they
/// bound everything shenhe or calamine will unpack.
fn check_unpacked(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, cap: u64) -> Result<(), WorkbookError> {
    if zip.len() > MAX_ENTRIES {
        return Err(WorkbookError::UnpacksTooLarge { cap });
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let size = zip.by_index_raw(i).map_err(not_workbook)?.size();
        total = total.saturating_add(size);
        if total > cap {
            return Err(WorkbookError::UnpacksTooLarge { cap });
        }
    }
    Ok(())
}

/// A reader's own words for a file it could not open, shortened.
pub(super) fn not_workbook(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::NotAWorkbook(crate::sanitize::shorten(&e.to_string(), 120))
}

/// An .xls or .ods workbook as calamine opened it.
enum Book<'a> {
    Xls(Xls<Cursor<&'a [u8]>>, HashMap<String, super::xls::Sheet>),
    Ods(Ods<Cursor<&'a [u8]>>, HashMap<String, super::ods::Extras>),
}

impl<'a> Book<'a> {
    fn xls(bytes: &'a [u8]) -> Result<Book<'a>, WorkbookError> {
        let percent = super::xls::scan(bytes)?;
        let book = Xls::new(Cursor::new(bytes)).map_err(not_workbook)?;
        Ok(Book::Xls(book, percent))
    }

    fn ods(bytes: &'a [u8]) -> Result<Book<'a>, WorkbookError> {
        let extras = super::ods::scan(bytes)?;
        let book = Ods::new(Cursor::new(bytes)).map_err(not_workbook)?;
        Ok(Book::Ods(book, extras))
    }

    fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xls(b, _) => b.sheet_names(),
            Book::Ods(b, _) => b.sheet_names(),
        }
    }

    fn grid(&mut self, name: &str) -> Result<Grid, WorkbookError> {
        match self {
            Book::Xls(b, sheets) => {
                let range = b.worksheet_range(name).map_err(not_workbook)?;
                let merges = b.merge_cells_by_sheet_name(name).unwrap_or_default();
                let mut grid = dense_grid(name, &range, merges)?;
                let (percent, hidden) = sheets.remove(name).unwrap_or_default();
                grid.set_percent(percent);
                grid.hide(hidden);
                Ok(grid)
            }
            Book::Ods(b, extras) => {
                let range = b.worksheet_range(name).map_err(not_workbook)?;
                let extras = extras.remove(name).unwrap_or_default();
                let mut grid = dense_grid(name, &range, extras.merges)?;
                grid.set_percent(extras.percent);
                grid.hide(extras.hidden);
                Ok(grid)
            }
        }
    }
}

/// An .xls or .ods sheet from calamine's range (neither format has a
/// streaming reader; .xls sheets are at most 65,536 × 256 cells).
fn dense_grid(
    name: &str,
    range: &calamine::Range<Data>,
    merges: Vec<Dimensions>,
) -> Result<Grid, WorkbookError> {
    if merges.len() > MAX_MERGES {
        return Err(WorkbookError::TooManyMerges { max: MAX_MERGES });
    }
    let start = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (r, c, v) in range.used_cells() {
        if cells.len() >= MAX_CELLS {
            return Err(WorkbookError::TooManyCells { max: MAX_CELLS });
        }
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
            continue;
        };
        let at = CellRef::new(start.0.saturating_add(r), start.1.saturating_add(c));
        cells.push((at, from_data(v)));
    }
    Ok(Grid::new(name, cells, merges))
}

fn from_data(v: &Data) -> Value {
    match v {
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => Value::Text(cell_text(s)),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => Value::Date(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(cell_text(s)),
        Data::Error(e) => Value::Error(e.to_string()),
        Data::Empty => Value::Empty,
    }
}

/// The decimals of the percentage a number format shows (`0%` → 0,
/// `0.00%` → 2), or `None` when it shows no percentage. Built-in formats 9
/// and 10 are Excel's two percent formats.
pub fn percent_format(code: &str, id: Option<u32>) -> Option<u8> {
    match id {
        Some(9) => return Some(0),
        Some(10) => return Some(2),
        _ => {}
    }
    // Only the first section (positive numbers) decides what is shown.
    let mut decimals: Option<u8> = None;
    let mut chars = code.chars();
    let mut seen_percent = false;
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                chars.by_ref().find(|&q| q == '"');
            }
            '[' => {
                chars.by_ref().find(|&q| q == ']');
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '.' => decimals = Some(decimals.unwrap_or(0)),
            '0' | '#' | '?' => {
                if let Some(d) = decimals.as_mut() {
                    *d = d.saturating_add(1);
                }
            }
            '%' => seen_percent = true,
            _ => {}
        }
    }
    seen_percent.then(|| decimals.unwrap_or(0).min(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_told_from_others() {
        assert_eq!(percent_format("0%", None), Some(0));
        assert_eq!(percent_format("0.00%", None), Some(2));
        assert_eq!(percent_format("General", Some(9)), Some(0));
        assert_eq!(percent_format("#,##0.00", None), None);
        assert_eq!(percent_format("0.00_ ", None), None);
        assert_eq!(percent_format("0\"%\"", None), None);
        assert_eq!(percent_format("[Red]0.0%;-0.0%", None), Some(1));
        assert_eq!(percent_format("0;0%", None), None);
    }

    #[test]
    fn hidden_ranges_join_and_are_bounded_and_hide_only_their_cells() {
        let mut rows = Vec::new();
        for r in [3, 4, 5, 9] {
            Hidden::push(&mut rows, (r, r)).unwrap();
        }
        assert_eq!(
            rows,
            [(3, 5), (9, 9)],
            "rows hidden one by one are one range"
        );
        let mut many = Vec::new();
        let too_many =
            (0..=MAX_HIDDEN as u32).try_for_each(|i| Hidden::push(&mut many, (2 * i, 2 * i)));
        assert_eq!(
            too_many,
            Err(WorkbookError::TooManyHidden { max: MAX_HIDDEN })
        );
        let mut g = Grid::new(
            "S",
            vec![
                (CellRef::new(4, 0), Value::Text("hidden row".into())),
                (CellRef::new(6, 7), Value::Text("hidden column".into())),
                (CellRef::new(6, 2), Value::Text("shown".into())),
            ],
            vec![],
        );
        g.hide(Hidden {
            rows: rows.clone(),
            cols: vec![(6, 7)],
        });
        let left: Vec<&str> = g.texts().map(|(_, t)| t).collect();
        assert_eq!(left, ["shown"]);
    }

    #[test]
    fn a_merged_area_shows_its_value_down_its_first_column_only() {
        let merge = |r0, c0, r1, c1| Dimensions {
            start: (r0, c0),
            end: (r1, c1),
        };
        let g = Grid::new(
            "S",
            vec![
                (CellRef::new(17, 1), Value::Text("产出指标".into())),
                (CellRef::new(40, 0), Value::Text("注".into())),
            ],
            vec![merge(17, 1, 27, 1), merge(40, 0, 40, 4)],
        );
        assert_eq!(
            g.value(CellRef::new(27, 1)),
            &Value::Text("产出指标".into())
        );
        assert_eq!(g.value(CellRef::new(28, 1)), &Value::Empty);
        assert_eq!(g.value(CellRef::new(16, 1)), &Value::Empty);
        assert_eq!(g.value(CellRef::new(40, 1)), &Value::Empty);
        assert_eq!(g.last_row(), 40);
        assert!(g.merge_at(CellRef::new(17, 1)).is_some());
    }
}
