//! An .xlsx file read before calamine opens it: are its sheets' cell
//! references within Excel's own limits, and which rows and columns are
//! hidden (calamine gives neither).
//!
//! calamine reads a reference such as `Z4294967295` by multiplying in a
//! `u32` that wraps: a row past Excel's 1,048,576 becomes some other row,
//! and a merge reaching row 2³² made the form reader walk four billion
//! rows. Such a file is refused here, naming the reference. Hidden rows
//! and columns are what Excel does not show: a department could hide a
//! second 基本支出 there and have shenhe check a figure no one sees.

use super::WorkbookError;
use super::grid::{Hidden, MAX_MERGES, not_workbook};
use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

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

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// The sheets' parts by name: `xl/workbook.xml` names each sheet and its
/// relationship; `xl/_rels/workbook.xml.rels` says which part that is.
fn sheet_parts<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Vec<(String, String)>, WorkbookError> {
    let mut ids = Vec::new();
    each_element(zip, "xl/workbook.xml", |e| {
        if e.local_name().as_ref() == "sheet"
            && let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "r:id"))
        {
            ids.push((name, id));
        }
        Ok(())
    })?;
    let mut targets = HashMap::new();
    each_element(zip, "xl/_rels/workbook.xml.rels", |e| {
        if e.local_name().as_ref() == "Relationship"
            && let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target"))
        {
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            targets.insert(id, part);
        }
        Ok(())
    })?;
    Ok(ids
        .into_iter()
        .filter_map(|(name, id)| Some((name, targets.get(&id)?.clone())))
        .collect())
}

/// Calls `f` on every element of a part that opens or stands alone. A
/// part that is not there calls it on none (calamine says what is missing).
fn each_element<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    mut f: impl FnMut(&BytesStart) -> Result<(), WorkbookError>,
) -> Result<(), WorkbookError> {
    let Ok(entry) = zip.by_name(part) else {
        return Ok(());
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(not_workbook)? {
            Event::Start(e) | Event::Empty(e) => f(&e)?,
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// What one pass over a sheet's XML finds besides its cells.
#[derive(Debug, Default)]
pub struct Scanned {
    pub hidden: Hidden,
    /// The merged areas, 0-based, in the sheet's order: taken here rather
    /// than from calamine, which reads the whole sheet again to find them
    /// (an eighth of the time a folder of workbooks took).
    pub merges: Vec<Dimensions>,
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

/// Reads every sheet's references, hidden rows and columns and merged
/// areas. The zip's sizes were capped before: no part is read past what it
/// declares.
pub fn scan(bytes: &[u8]) -> Result<HashMap<String, Scanned>, WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_workbook)?;
    let mut out = HashMap::new();
    for (name, part) in sheet_parts(&mut zip)? {
        let mut hidden = Hidden::default();
        let mut merges = Vec::new();
        // Rows and cells without `r` follow the one before, as calamine counts.
        let (mut row, mut col) = (0u32, 0u32);
        let too_far = |r: &str| WorkbookError::BeyondExcel(crate::sanitize::shorten(r, 40));
        each_element(&mut zip, &part, |e| {
            match e.local_name().as_ref() {
                "row" => {
                    row = match attr(e, "r") {
                        Some(r) => match r.trim().parse::<u32>() {
                            Ok(n) if (1..=MAX_ROW).contains(&n) => n,
                            _ => return Err(too_far(&r)),
                        },
                        None => row.saturating_add(1),
                    };
                    col = 0;
                    if attr(e, "hidden").is_some_and(|h| is_true(&h)) {
                        Hidden::push(&mut hidden.rows, (row - 1, row - 1))?;
                    }
                }
                "c" => {
                    col = match attr(e, "r") {
                        Some(r) => match parse_ref(&r) {
                            Some((_, Some(c))) => c,
                            _ => return Err(too_far(&r)),
                        },
                        None => col.saturating_add(1),
                    };
                    if row > MAX_ROW || col > MAX_COL {
                        return Err(too_far(&format!("R{row}C{col}")));
                    }
                }
                "mergeCell" | "dimension" => {
                    if let Some(r) = attr(e, "ref") {
                        if !range_within(&r) {
                            return Err(too_far(&r));
                        }
                        if e.local_name().as_ref() == "mergeCell"
                            && let Some(area) = merged_area(&r)
                        {
                            if merges.len() >= MAX_MERGES {
                                return Err(WorkbookError::TooManyMerges { max: MAX_MERGES });
                            }
                            merges.push(area);
                        }
                    }
                }
                "col" if attr(e, "hidden").is_some_and(|h| is_true(&h)) => {
                    let n = |k| attr(e, k).and_then(|v| v.trim().parse::<u32>().ok());
                    if let (Some(min), Some(max)) = (n("min"), n("max")) {
                        let (min, max) = (min.clamp(1, MAX_COL), max.clamp(1, MAX_COL));
                        Hidden::push(&mut hidden.cols, (min - 1, max - 1))?;
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        out.insert(name, Scanned { hidden, merges });
    }
    Ok(out)
}

fn is_true(v: &str) -> bool {
    matches!(v.trim(), "1" | "true")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_within_excel_read_and_the_rest_do_not() {
        assert_eq!(parse_ref("A1"), Some((Some(1), Some(1))));
        assert_eq!(parse_ref("$Z$40"), Some((Some(40), Some(26))));
        assert_eq!(
            parse_ref("XFD1048576"),
            Some((Some(1_048_576), Some(16_384)))
        );
        assert_eq!(parse_ref("AB"), Some((None, Some(28))));
        assert_eq!(parse_ref("7"), Some((Some(7), None)));
        for beyond in [
            "Z4294967295",
            "Z4294967297",
            "A1048577",
            "XFE1",
            "AAAAAAAA1",
            "A0",
            "",
            "A1B",
        ] {
            assert_eq!(parse_ref(beyond), None, "{beyond}");
        }
        assert!(range_within("A1:F24"));
        assert!(!range_within("Z40:Z4294967295"));
    }

    #[test]
    fn merged_areas_are_cells_counted_from_zero() {
        let area = |start, end| Some(Dimensions { start, end });
        assert_eq!(merged_area("A1:B2"), area((0, 0), (1, 1)));
        assert_eq!(merged_area("$C$5:$C$9"), area((4, 2), (8, 2)));
        assert_eq!(merged_area("D4"), area((3, 3), (3, 3)));
        // A whole column or row, or three corners, merges nothing.
        for none in ["A:B", "3:4", "A1:B2:C3", "", "A1:"] {
            assert_eq!(merged_area(none), None, "{none}");
        }
    }
}
