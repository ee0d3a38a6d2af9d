//! An .xlsx workbook read by shenhe itself: each sheet's XML is inflated
//! and parsed once, for its cells, hidden rows and columns and merged
//! areas together, with every cell reference checked against Excel's
//! limits.
//!
//! calamine read these files before. It gave neither hidden rows nor
//! checked references (`Z4294967295` wrapped to another row, and a merge
//! reaching row 2³² made the form reader walk four billion rows), so each
//! sheet was parsed twice, and calamine also read the theme, fonts, fills
//! and borders a form's values do not need: four fifths of the time a
//! folder of workbooks took. It also trusted the count of shared strings a
//! file states, so one 8 KB file could end the whole run. It still reads
//! .xls and .ods, and the tests compare this reader with it cell for cell.
//! Hidden rows and columns are what Excel does not show: a department could
//! hide a second 基本支出 there and have shenhe check a figure no one sees.

mod package;
mod sheet;
#[cfg(test)]
mod tests;
mod text;

use super::WorkbookError;
use super::grid::{Grid, MAX_SHEETS, not_workbook};
use calamine::Dimensions;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Excel's last row and column (1-based): 1,048,576 and XFD.
pub const MAX_ROW: u32 = 1_048_576;
pub const MAX_COL: u32 = 16_384;

/// A reference's row and column, 1-based, each when it has one (`A1`,
/// `A`, `1`, `$A$1`); `None` when it names a place beyond Excel's limits
/// or is not a reference.
pub fn parse_ref(text: &str) -> Option<(Option<u32>, Option<u32>)> {
    let text = text.trim();
    let letters = text
        .trim_start_matches('$')
        .bytes()
        .take_while(u8::is_ascii_alphabetic);
    let mut col: u32 = 0;
    let mut n_letters = 0;
    for b in letters {
        n_letters += 1;
        col = col
            .checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
        if col > MAX_COL {
            return None;
        }
    }
    let rest = text.trim_start_matches('$')[n_letters..].trim_start_matches('$');
    if rest.is_empty() && n_letters == 0 {
        return None;
    }
    let row = if rest.is_empty() {
        None
    } else {
        if !rest.bytes().all(|b| b.is_ascii_digit()) || rest.len() > 7 {
            return None;
        }
        let row: u32 = rest.parse().ok()?;
        if row == 0 || row > MAX_ROW {
            return None;
        }
        Some(row)
    };
    Some(((row), (n_letters > 0).then_some(col)))
}

/// Is every reference of a range (`A1`, `A1:B2`) within Excel's limits?
fn range_within(text: &str) -> bool {
    text.split(':').all(|part| parse_ref(part).is_some())
}

/// A merged area's `ref` (`A1:B2`, or one cell), 0-based; `None` when a
/// corner is not a cell (a whole row or column), which merges nothing.
fn merged_area(text: &str) -> Option<Dimensions> {
    let mut corners = text.split(':').map(|part| match parse_ref(part) {
        Some((Some(row), Some(col))) => Some((row - 1, col - 1)),
        _ => None,
    });
    let start = corners.next()??;
    let end = match corners.next() {
        Some(end) => end?,
        None => start,
    };
    corners
        .next()
        .is_none()
        .then_some(Dimensions { start, end })
}

/// A part of the package read whole, or `None` when there is none of that
/// name. Names are matched as calamine matched them: ignoring case, with
/// `\` for `/`, for writers that spell them so.
fn part(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<Vec<u8>>, WorkbookError> {
    let spelt = |n: &[u8]| {
        n.len() == name.len()
            && n.iter()
                .zip(name.bytes())
                .all(|(&a, b)| a.eq_ignore_ascii_case(&b) || (a == b'\\' && b == b'/'))
    };
    let found = zip
        .index_for_name(name)
        .or_else(|| zip.file_names_raw().position(spelt));
    let Some(index) = found else {
        return Ok(None);
    };
    let entry = zip.by_index(index).map_err(not_workbook)?;
    // The sizes the zip declares were checked against the cap before; the
    // zip crate reads no entry past its declared size.
    let size = entry.size();
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    entry
        .take(size)
        .read_to_end(&mut bytes)
        .map_err(not_workbook)?;
    Ok(Some(bytes))
}

/// The folder of the workbook part and its name: `xl/workbook.xml` in
/// every file Excel and WPS write, else where the package's relationships
/// say.
fn workbook_part(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(String, Vec<u8>), WorkbookError> {
    if let Some(bytes) = part(zip, "xl/workbook.xml")? {
        return Ok(("xl/".to_string(), bytes));
    }
    let rels = part(zip, "_rels/.rels")?.ok_or(WorkbookError::NoSheet)?;
    let target = package::office_document(&rels)?.ok_or(WorkbookError::NoSheet)?;
    let target = target.trim_start_matches('/');
    let base = target.rfind('/').map_or("", |i| &target[..=i]).to_string();
    let bytes = part(zip, target)?.ok_or(WorkbookError::NoSheet)?;
    Ok((base, bytes))
}

/// The sheets of a workbook, read one at a time until `wanted` says one is
/// the form; the first sheet if none is. `zip`'s sizes have been checked.
pub fn read(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    wanted: impl Fn(&Grid) -> bool,
) -> Result<Grid, WorkbookError> {
    let (base, workbook) = workbook_part(zip)?;
    let rels_name = format!("{base}_rels/workbook.xml.rels");
    let rels = part(zip, &rels_name)?.unwrap_or_default();
    let parts = package::parts(&workbook, &rels, &base)?;
    let named = |zip: &mut ZipArchive<Cursor<&[u8]>>, name: Option<&String>, default: &str| {
        let name = name.map_or_else(|| format!("{base}{default}"), String::clone);
        part(zip, &name).map(Option::unwrap_or_default)
    };
    let strings = package::strings(&named(zip, parts.strings.as_ref(), "sharedStrings.xml")?)?;
    let formats = package::formats(&named(zip, parts.styles.as_ref(), "styles.xml")?)?;
    let shared = sheet::Shared {
        strings: &strings,
        formats: &formats,
    };
    let mut first = None;
    for (name, part_name) in parts.sheets.iter().take(MAX_SHEETS) {
        let Some(xml) = part(zip, part_name)? else {
            continue;
        };
        let read = sheet::read(&xml, &shared)?;
        let mut grid = Grid::new(name, read.cells, read.merges);
        grid.set_percent(read.percent);
        grid.hide(read.hidden);
        if wanted(&grid) {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    first.ok_or(WorkbookError::NoSheet)
}
