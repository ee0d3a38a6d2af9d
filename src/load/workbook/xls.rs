//! An .xls file read before calamine opens it: how large its sheets would
//! be laid out (calamine allocates each sheet's bounding box, which a
//! damaged cell position makes billions of cells), and which numbers show
//! as percentages (calamine reads an .xls file's formats only for dates).
//! The BIFF8 records that say it are few — FORMAT (a format's code), XF (a cell style and its format),
//! BOUNDSHEET (where a sheet's records start) and the number cells with
//! the style they use — so they are read here, from the `Workbook` stream
//! of the compound file (`cfb`), bounded by the file's length.

use super::WorkbookError;
use super::grid::{Hidden, MAX_CELLS, MAX_DENSE, not_workbook, percent_format};
use crate::model::cells::CellRef;
use std::collections::HashMap;
use std::io::{Cursor, Read};

const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const EOF: u16 = 0x000A;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*d.get(i)?, *d.get(i + 1)?]))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?))
}

/// The records of a stream from `start`: (type, data), until the end or a
/// record that does not fit.
fn records(stream: &[u8], start: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = start;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

/// A BIFF8 string: `cch` characters, then a flags byte (bit 0: two bytes
/// per character), then the characters. Rich-text and phonetic parts,
/// which format codes and sheet names do not use, are not read.
fn biff_string(d: &[u8], cch: usize) -> Option<String> {
    let flags = *d.first()?;
    let chars = d.get(1..)?;
    if flags & 1 == 0 {
        Some(chars.get(..cch)?.iter().map(|&b| char::from(b)).collect())
    } else {
        let units: Vec<u16> = chars.get(..cch * 2)?.chunks_exact(2).map(le_u16).collect();
        Some(String::from_utf16_lossy(&units))
    }
}

/// Two bytes, little-endian (0 for fewer: `chunks_exact(2)` gives none).
fn le_u16(two: &[u8]) -> u16 {
    two.try_into().map_or(0, u16::from_le_bytes)
}

const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const BOOLERR: u16 = 0x0205;
const LABELSST: u16 = 0x00FD;
const DIMENSIONS: u16 = 0x0200;
const BOF: u16 = 0x0809;
const COLINFO: u16 = 0x007D;
const ROW: u16 = 0x0208;

/// What the scan gives of one sheet: its percentage cells (with the
/// decimals shown) and its hidden rows and columns.
pub type Sheet = (Vec<(CellRef, u8)>, Hidden);

/// Refuses a compound file in which calamine could read another
/// `Workbook` stream than the one measured here, or one longer than the
/// file. calamine takes the first directory entry of that name in the
/// directory's order, wherever the entry hangs (the `cfb` crate reads the
/// one in the directory tree), and reads as many bytes as the entry says,
/// round a looping chain of sectors if need be: two entries made a 20 KB
/// file cost 4.75 GB. Every directory entry sits on a 128-byte boundary of
/// the file, so every such place is looked at.
fn one_workbook_stream(bytes: &[u8]) -> Result<(), WorkbookError> {
    let wide = bytes.get(0x1E..0x20) == Some(&[12, 0][..]);
    let mut workbooks = 0;
    for entry in bytes.chunks_exact(128) {
        let units: Vec<u16> = entry
            .get(..64)
            .unwrap_or_default()
            .chunks_exact(2)
            .map(le_u16)
            .take_while(|&u| u != 0)
            .collect();
        let name = String::from_utf16_lossy(&units);
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if !(is("Workbook") || is("Book") || is("Root Entry")) {
            continue;
        }
        let len = match wide {
            true => entry
                .get(120..128)
                .and_then(|b| b.try_into().ok())
                .map_or(0, u64::from_le_bytes),
            false => u64::from(u32_at(entry, 120).unwrap_or(0)),
        };
        workbooks += usize::from(is("Workbook") || is("Book"));
        if len > bytes.len() as u64 || workbooks > 1 {
            return Err(WorkbookError::AmbiguousStream);
        }
    }
    Ok(())
}

/// Sheets an .xls file may have (calamine reads every one when it opens it).
const MAX_SHEETS: usize = 64;

/// The cells calamine would lay out densely for one DIMENSIONS record,
/// computed as calamine computes them (wrapping where it wraps): it
/// reserves that many cells before reading any.
fn dimensions_area(d: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match d.len() {
        10 => (
            u32::from(u16_at(d, 0).unwrap_or(0)),
            u32::from(u16_at(d, 2).unwrap_or(0)),
            u32::from(u16_at(d, 4).unwrap_or(0)),
            u32::from(u16_at(d, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(d, 0).unwrap_or(0),
            u32_at(d, 4).unwrap_or(0),
            u32::from(u16_at(d, 8).unwrap_or(0)),
            u32::from(u16_at(d, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (end_r, end_c) = if 1 <= rl && 1 <= cl {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    let rows = u64::from(end_r.wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from(end_c.wrapping_sub(cf).wrapping_add(1));
    rows.saturating_mul(cols)
}

/// The rows and columns a sheet's cells span, as calamine lays them out.
#[derive(Default)]
struct Span(Option<(u32, u32, u32, u32)>);

impl Span {
    fn add(&mut self, row: u16, first: u16, last: u16) {
        let (r, a, b) = (
            u32::from(row),
            u32::from(first.min(last)),
            u32::from(first.max(last)),
        );
        self.0 = Some(match self.0 {
            None => (r, r, a, b),
            Some((r0, r1, c0, c1)) => (r0.min(r), r1.max(r), c0.min(a), c1.max(b)),
        });
    }
    fn area(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1).saturating_mul(u64::from(c1 - c0 + 1))
        })
    }
}

/// Reads an .xls file before calamine does: refuses one whose sheets
/// calamine would lay out in more than [`MAX_DENSE`] cells (its reader
/// allocates a sheet's whole bounding box, and a damaged cell position
/// makes that box billions of cells), and gives the percentage cells of
/// each sheet, with the decimals their format shows.
pub fn scan(bytes: &[u8]) -> Result<HashMap<String, Sheet>, WorkbookError> {
    one_workbook_stream(bytes)?;
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(not_workbook)?;
    let name = if file.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let mut stream = Vec::new();
    // The stream is inside the file, so the file's size bounds it.
    file.open_stream(name)
        .map_err(not_workbook)?
        .take(bytes.len() as u64)
        .read_to_end(&mut stream)
        .map_err(not_workbook)?;

    // Globals: format codes, the format of each style, where each sheet is.
    let mut codes: HashMap<u16, String> = HashMap::new();
    let mut xf_format: Vec<u16> = Vec::new();
    let mut sheets: Vec<(String, usize)> = Vec::new();
    for (kind, d) in records(&stream, 0) {
        match kind {
            FORMAT => {
                if let (Some(id), Some(cch)) = (u16_at(d, 0), u16_at(d, 2))
                    && let Some(code) = d.get(4..).and_then(|s| biff_string(s, usize::from(cch)))
                {
                    codes.insert(id, code);
                }
            }
            XF => xf_format.extend(u16_at(d, 2)),
            BOUNDSHEET => {
                let named = d
                    .get(6)
                    .and_then(|&cch| biff_string(d.get(7..)?, usize::from(cch)));
                let at = u32_at(d, 0).and_then(|p| usize::try_from(p).ok());
                // A name that does not read still has its records measured.
                if let Some(at) = at {
                    sheets.push((named.unwrap_or_default(), at));
                }
                if sheets.len() > MAX_SHEETS {
                    return Err(WorkbookError::SheetTooLarge { max: MAX_DENSE });
                }
            }
            EOF => break,
            _ => {}
        }
    }
    let percent_of_xf = |xf: u16| -> Option<u8> {
        let id = *xf_format.get(usize::from(xf))?;
        let code = codes.get(&id).map(String::as_str).unwrap_or("");
        percent_format(code, Some(u32::from(id)))
    };
    let mut out = HashMap::new();
    let mut laid_out: u64 = 0;
    for (sheet, start) in sheets {
        let mut percent = Vec::new();
        let mut hidden = Hidden::default();
        // Records past the sheet's end count towards its span too: a
        // damaged file need not end its sheet where calamine stops.
        let (mut span, mut depth, mut ended) = (Span::default(), 0usize, false);
        let mut seen_bof = false;
        for (kind, d) in records(&stream, start) {
            let cell = |d: &[u8]| Some((u16_at(d, 0)?, u16_at(d, 2)?, u16_at(d, 4)?));
            match kind {
                BOF if seen_bof => depth += 1,
                BOF => seen_bof = true,
                EOF if depth > 0 => depth -= 1,
                EOF => ended = true,
                DIMENSIONS => laid_out = laid_out.max(dimensions_area(d)),
                // fHidden, bit 0 of the options after four words.
                COLINFO if !ended && depth == 0 => {
                    if let (Some(first), Some(last), Some(options)) =
                        (u16_at(d, 0), u16_at(d, 2), u16_at(d, 8))
                        && options & 1 != 0
                    {
                        Hidden::push(&mut hidden.cols, (first.into(), last.into()))?;
                    }
                }
                // fDyZero (0x20) of the options at byte 12: a hidden row.
                ROW if !ended && depth == 0 => {
                    if let (Some(r), Some(options)) = (u16_at(d, 0), u16_at(d, 12))
                        && options & 0x20 != 0
                    {
                        Hidden::push(&mut hidden.rows, (r.into(), r.into()))?;
                    }
                }
                NUMBER | RK | FORMULA | LABEL | RSTRING | BOOLERR | LABELSST => {
                    if let Some((r, c, xf)) = cell(d) {
                        span.add(r, c, c);
                        if !ended
                            && depth == 0
                            && matches!(kind, NUMBER | RK | FORMULA)
                            && let Some(decimals) = percent_of_xf(xf)
                        {
                            percent.push((CellRef::new(u32::from(r), u32::from(c)), decimals));
                        }
                    }
                }
                MULRK => {
                    let (Some(r), Some(first)) = (u16_at(d, 0), u16_at(d, 2)) else {
                        continue;
                    };
                    let last = u16_at(d, d.len().saturating_sub(2)).unwrap_or(first);
                    span.add(r, first, last);
                    // (style u16, value u32) per cell, the last column after them.
                    let cells = d.get(4..d.len().saturating_sub(2)).unwrap_or_default();
                    for (i, one) in cells.chunks_exact(6).enumerate() {
                        let col = u16::try_from(i).ok().and_then(|i| first.checked_add(i));
                        if let (false, 0, Some(col), Some(xf)) = (ended, depth, col, u16_at(one, 0))
                            && let Some(decimals) = percent_of_xf(xf)
                        {
                            percent.push((CellRef::new(u32::from(r), u32::from(col)), decimals));
                        }
                    }
                }
                _ => {}
            }
            if percent.len() > MAX_CELLS {
                return Err(WorkbookError::TooManyCells { max: MAX_CELLS });
            }
        }
        laid_out = laid_out.saturating_add(span.area());
        if laid_out > MAX_DENSE {
            return Err(WorkbookError::SheetTooLarge { max: MAX_DENSE });
        }
        out.insert(sheet, (percent, hidden));
    }
    if laid_out > MAX_DENSE {
        return Err(WorkbookError::SheetTooLarge { max: MAX_DENSE });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn biff_strings_in_both_widths() {
        assert_eq!(biff_string(b"\x000%", 2).as_deref(), Some("0%"));
        assert_eq!(biff_string(b"\x01S\x00h\x00", 2).as_deref(), Some("Sh"));
        assert_eq!(biff_string(b"\x00ab", 5), None, "cut short");
        assert_eq!(biff_string(b"", 1), None);
    }

    #[test]
    fn records_stop_at_one_that_does_not_fit() {
        let stream = [0x0A, 0x00, 0x02, 0x00, 1, 2, 0x03, 0x02, 0xFF, 0x00, 1];
        let got: Vec<(u16, usize)> = records(&stream, 0).map(|(k, d)| (k, d.len())).collect();
        assert_eq!(got, [(EOF, 2)]);
        assert_eq!(records(&stream, 100).count(), 0);
    }
}
