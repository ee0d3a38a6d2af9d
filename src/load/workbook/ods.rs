//! An .ods file read before calamine opens it: how large its sheets would
//! be laid out (bounded, as calamine's own limit is 100 million cells), and
//! what calamine does not give for a sheet: its merged areas and which
//! numbers show as percentages. All from `content.xml` in one streaming pass (bounded like every part of a workbook: the zip is
//! never read past the sizes it declares, which were capped already).
//!
//! A cell spanning rows or columns carries `table:number-rows-spanned` /
//! `table:number-columns-spanned`; a percentage has `office:value-type=
//! "percentage"`, and its `<text:p>` is what the cell shows (`95.5%`), so
//! the decimals shown are counted there.

use super::WorkbookError;
use super::grid::{Hidden, MAX_CELLS, MAX_DENSE, MAX_MERGES, not_workbook};
use super::xlsx::{MAX_COL, MAX_ROW};
use crate::model::cells::CellRef;
use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Cursor};

/// Merged areas, percentage cells (with the decimals shown) and hidden
/// rows and columns of a sheet.
#[derive(Debug, Default)]
pub struct Extras {
    pub merges: Vec<Dimensions>,
    pub percent: Vec<(CellRef, u8)>,
    pub hidden: Hidden,
}

/// A place past Excel's last row or column (0-based here), as Excel
/// would write it: such a file is refused, not laid out.
fn beyond_excel(row: u64, col: u64) -> Option<WorkbookError> {
    (row >= u64::from(MAX_ROW) || col >= u64::from(MAX_COL)).then(|| {
        let at = CellRef::new(
            u32::try_from(row).unwrap_or(u32::MAX),
            u32::try_from(col).unwrap_or(u32::MAX),
        );
        WorkbookError::BeyondExcel(at.to_string())
    })
}

/// Is a row or column with this `table:visibility` hidden?
fn is_hidden(e: &BytesStart) -> bool {
    attr(e, "table:visibility").is_some_and(|v| v == "collapse" || v == "filter")
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// A count attribute (`number-…-repeated`, `…-spanned`), 1 when absent or
/// unreadable.
fn count(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// How one sheet would be laid out by calamine: the rows and columns its
/// non-empty cells span (repeats expanded), and the cells of its row
/// buffer (each row element as wide as its last non-empty cell).
#[derive(Default)]
struct Size {
    span: Option<(u64, u64, u64, u64)>,
    rows_buffer: u64,
}

impl Size {
    fn add(&mut self, rows: (u64, u64), cols: (u64, u64)) {
        self.span = Some(match self.span {
            None => (rows.0, rows.1, cols.0, cols.1),
            Some((r0, r1, c0, c1)) => (
                r0.min(rows.0),
                r1.max(rows.1),
                c0.min(cols.0),
                c1.max(cols.1),
            ),
        });
    }
    fn cells(&self) -> u64 {
        let area = self.span.map_or(0, |(r0, r1, c0, c1)| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        });
        area.max(self.rows_buffer)
    }
}

/// Reads an .ods file's `content.xml` before calamine does: refuses one
/// whose sheets calamine would lay out in more than [`MAX_DENSE`] cells
/// (repeat counts let a few bytes claim millions), and gives each sheet's
/// merged areas and percentage cells.
pub fn scan(bytes: &[u8]) -> Result<HashMap<String, Extras>, WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_workbook)?;
    let content = zip.by_name("content.xml").map_err(not_workbook)?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut sheets: HashMap<String, Extras> = HashMap::new();
    let mut out = Extras::default();
    let mut name: Option<String> = None;
    let mut size = Size::default();
    let mut laid_out: u64 = 0;
    let (mut row, mut col, mut row_repeat) = (0u64, 0u64, 1u64);
    let mut row_last: Option<u64> = None;
    // A percentage cell whose shown text is being read.
    let mut shown: Option<(CellRef, String)> = None;
    let to_u32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    // The column a `table:table-column` element starts at.
    let mut table_col = 0u64;
    loop {
        let event = xml.read_event_into(&mut buf).map_err(not_workbook)?;
        // An element that opens (`Start`, with content) or stands alone (`Empty`).
        let (element, open) = match &event {
            Event::Start(e) => (Some(e), true),
            Event::Empty(e) => (Some(e), false),
            _ => (None, false),
        };
        if let Some(e) = element {
            match e.name().as_ref() {
                // A table inside a table's cell: calamine would read its
                // rows as the sheet's, and this count would lose its place.
                "table:table" if name.is_some() => return Err(WorkbookError::NestedTable),
                "table:table" if open => {
                    name = Some(attr(e, "table:name").unwrap_or_default());
                    (row, col, size, table_col) = (0, 0, Size::default(), 0);
                }
                "table:table-column" if name.is_some() => {
                    let repeat = u64::from(count(e, "table:number-columns-repeated"));
                    let last = table_col.saturating_add(repeat - 1);
                    if is_hidden(e) && table_col < u64::from(MAX_COL) {
                        let to_u32 = |n: u64| u32::try_from(n.min(u64::from(MAX_COL))).unwrap_or(0);
                        Hidden::push(&mut out.hidden.cols, (to_u32(table_col), to_u32(last)))?;
                    }
                    table_col = last.saturating_add(1);
                }
                "table:table-row" if open => {
                    row_repeat = u64::from(count(e, "table:number-rows-repeated"));
                    (col, row_last) = (0, None);
                    if is_hidden(e) {
                        let last = row.saturating_add(row_repeat - 1);
                        Hidden::push(&mut out.hidden.rows, (to_u32(row), to_u32(last)))?;
                    }
                }
                "table:table-row" => {
                    row = row.saturating_add(u64::from(count(e, "table:number-rows-repeated")));
                }
                "table:table-cell" | "table:covered-table-cell" if name.is_some() => {
                    let repeat = u64::from(count(e, "table:number-columns-repeated"));
                    let rows = count(e, "table:number-rows-spanned");
                    let cols = count(e, "table:number-columns-spanned");
                    if rows > 1 || cols > 1 {
                        let (end_row, end_col) = (
                            row.saturating_add(u64::from(rows) - 1),
                            col.saturating_add(u64::from(cols) - 1),
                        );
                        if let Some(p) = beyond_excel(end_row, end_col) {
                            return Err(p);
                        }
                        if out.merges.len() >= MAX_MERGES {
                            return Err(WorkbookError::TooManyMerges { max: MAX_MERGES });
                        }
                        let (r, c) = (to_u32(row), to_u32(col));
                        out.merges.push(Dimensions {
                            start: (r, c),
                            end: (r.saturating_add(rows - 1), c.saturating_add(cols - 1)),
                        });
                    }
                    let value_type = attr(e, "office:value-type");
                    // Counted as calamine may count it: any value, or any content.
                    if value_type.is_some() || open {
                        let last = col.saturating_add(repeat - 1);
                        if let Some(p) = beyond_excel(row.saturating_add(row_repeat - 1), last) {
                            return Err(p);
                        }
                        size.add((row, row.saturating_add(row_repeat - 1)), (col, last));
                        row_last = Some(row_last.map_or(last, |l| l.max(last)));
                    }
                    if value_type.as_deref() == Some("percentage") && open {
                        shown = Some((CellRef::new(to_u32(row), to_u32(col)), String::new()));
                    }
                    col = col.saturating_add(repeat);
                }
                _ => {}
            }
        }
        match &event {
            Event::Eof => break,
            Event::End(e) => match e.name().as_ref() {
                "table:table" => {
                    laid_out = laid_out.saturating_add(size.cells());
                    if laid_out > MAX_DENSE {
                        return Err(WorkbookError::SheetTooLarge { max: MAX_DENSE });
                    }
                    if let Some(n) = name.take() {
                        sheets.insert(n, std::mem::take(&mut out));
                    }
                }
                "table:table-row" => {
                    row = row.saturating_add(row_repeat);
                    if let Some(last) = row_last.take() {
                        size.rows_buffer = size.rows_buffer.saturating_add(last + 1);
                        if size.rows_buffer > MAX_DENSE {
                            return Err(WorkbookError::SheetTooLarge { max: MAX_DENSE });
                        }
                    }
                    row_repeat = 1;
                }
                "table:table-cell" => {
                    if let Some((at, text)) = shown.take() {
                        out.percent.push((at, decimals_shown(&text)));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, text)) = shown.as_mut()
                    && text.len() < 64
                {
                    text.push_str(&t.xml10_content());
                }
            }
            _ => {}
        }
        if out.percent.len() > MAX_CELLS {
            return Err(WorkbookError::TooManyCells { max: MAX_CELLS });
        }
        buf.clear();
    }
    Ok(sheets)
}

/// The digits after the point in a shown percentage (`95.5%` → 1).
fn decimals_shown(text: &str) -> u8 {
    let number = text.trim().trim_end_matches(['%', '％']).trim();
    number
        .split_once('.')
        .map_or(0, |(_, f)| {
            f.chars().take_while(char::is_ascii_digit).count()
        })
        .min(10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_counted_in_what_the_cell_shows() {
        assert_eq!(decimals_shown("100%"), 0);
        assert_eq!(decimals_shown(" 95.50% "), 2);
        assert_eq!(decimals_shown("90.0％"), 1);
        assert_eq!(decimals_shown(""), 0);
    }
}
