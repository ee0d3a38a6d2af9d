//! One pass over a worksheet's XML: its cells' values and formats, its
//! hidden rows and columns, its merged areas, every reference checked
//! against Excel's limits on the way.

use super::super::WorkbookError;
use super::super::grid::{Hidden, MAX_CELLS, MAX_MERGES, Value, not_workbook};
use super::package::Format;
use super::text::{attr, attrs, element_text, reader, string_item, unescape_into};
use super::{MAX_COL, MAX_ROW, merged_area, parse_ref, range_within};
use crate::load::bounds::cell_text;
use crate::model::cells::CellRef;
use calamine::Dimensions;
use quick_xml::Reader;
use quick_xml::events::Event;

/// A worksheet as read.
#[derive(Debug, Default)]
pub struct Sheet {
    /// Cells that hold something, in the order written.
    pub cells: Vec<(CellRef, Value)>,
    /// Number cells whose format shows a percentage, with its decimals.
    pub percent: Vec<(CellRef, u8)>,
    pub hidden: Hidden,
    /// Merged areas, 0-based, in the order written.
    pub merges: Vec<Dimensions>,
}

/// What a workbook's sheets share: its strings and its cell formats.
pub struct Shared<'a> {
    pub strings: &'a [String],
    pub formats: &'a [Format],
}

fn too_far(r: &str) -> WorkbookError {
    WorkbookError::BeyondExcel(crate::sanitize::shorten(r, 40))
}

fn is_true(v: &str) -> bool {
    matches!(v.trim(), "1" | "true")
}

pub fn read(xml: &[u8], shared: &Shared) -> Result<Sheet, WorkbookError> {
    let mut out = Sheet::default();
    // Rows and cells without `r` follow the one before.
    let (mut row, mut col) = (0u32, 0u32);
    let mut v = String::new();
    let mut xml = reader(xml);
    loop {
        let (e, has_content) = match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::Eof => return Ok(out),
            _ => continue,
        };
        match e.local_name().as_ref() {
            "row" => {
                let [r, hidden] = attrs(&e, ["r", "hidden"]);
                row = match r {
                    Some(r) => match r.trim().parse::<u32>() {
                        Ok(n) if (1..=MAX_ROW).contains(&n) => n,
                        _ => return Err(too_far(&r)),
                    },
                    None => row.saturating_add(1),
                };
                col = 0;
                if hidden.is_some_and(|h| is_true(&h)) {
                    Hidden::push(&mut out.hidden.rows, (row - 1, row - 1))?;
                }
            }
            "c" => {
                let [place, style, kind] = attrs(&e, ["r", "s", "t"]);
                let at_row = match place.as_deref() {
                    Some(r) => match parse_ref(r) {
                        Some((r_row, Some(c))) => {
                            col = c;
                            r_row.unwrap_or(row)
                        }
                        _ => return Err(too_far(r)),
                    },
                    None => {
                        col = col.saturating_add(1);
                        row
                    }
                };
                if !(1..=MAX_ROW).contains(&at_row) || col > MAX_COL {
                    return Err(too_far(&format!("R{at_row}C{col}")));
                }
                if has_content {
                    let at = CellRef::new(at_row - 1, col - 1);
                    let format = style
                        .map_or(Some(0), |s| s.trim().parse::<usize>().ok())
                        .and_then(|i| shared.formats.get(i))
                        .copied()
                        .unwrap_or_default();
                    cell(
                        &mut xml,
                        kind.as_deref(),
                        format,
                        at,
                        shared,
                        &mut out,
                        &mut v,
                    )?;
                }
            }
            "mergeCell" | "dimension" => {
                if let Some(r) = attr(&e, "ref") {
                    if !range_within(&r) {
                        return Err(too_far(&r));
                    }
                    if e.local_name().as_ref() == "mergeCell"
                        && let Some(area) = merged_area(&r)
                    {
                        if out.merges.len() >= MAX_MERGES {
                            return Err(WorkbookError::TooManyMerges { max: MAX_MERGES });
                        }
                        out.merges.push(area);
                    }
                }
            }
            "col" if attr(&e, "hidden").is_some_and(|h| is_true(&h)) => {
                let n = |k| attr(&e, k).and_then(|v| v.trim().parse::<u32>().ok());
                if let (Some(min), Some(max)) = (n("min"), n("max")) {
                    let (min, max) = (min.clamp(1, MAX_COL), max.clamp(1, MAX_COL));
                    Hidden::push(&mut out.hidden.cols, (min - 1, max - 1))?;
                }
            }
            _ => {}
        }
    }
}

/// Reads a cell's content, from just after its start to its end, and keeps
/// its value if it holds one.
/// `kind`: its type (`t`); `format`: its cell format (`s`, else the first);
/// `v`: room for the value as stored, kept from cell to cell.
fn cell(
    xml: &mut Reader<&[u8]>,
    kind: Option<&str>,
    format: Format,
    at: CellRef,
    shared: &Shared,
    out: &mut Sheet,
    v: &mut String,
) -> Result<(), WorkbookError> {
    let mut stored = false;
    let mut inline: Option<String> = None;
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Start(child) => match child.local_name().as_ref() {
                "v" => {
                    v.clear();
                    element_text(xml, v)?;
                    stored = true;
                }
                "is" => inline = Some(string_item(xml, &mut String::new())?),
                // A formula, or what a later Excel adds: its cached value is in `v`.
                _ => {
                    xml.read_to_end(child.name()).map_err(not_workbook)?;
                }
            },
            Event::End(end) if end.local_name().as_ref() == "c" => break,
            Event::Eof => return Err(not_workbook("the XML ends inside a cell")),
            _ => {}
        }
    }
    let value = match kind.map(str::trim) {
        Some("inlineStr") => inline.map_or(Value::Empty, |t| Value::Text(cell_text(&t))),
        kind if stored => value(kind, v, at, shared, format)?,
        _ => Value::Empty,
    };
    if value == Value::Empty {
        return Ok(());
    }
    if out.cells.len() >= MAX_CELLS {
        return Err(WorkbookError::TooManyCells { max: MAX_CELLS });
    }
    if let (Value::Number(_), Some(decimals)) = (&value, format.percent) {
        out.percent.push((at, decimals));
    }
    out.cells.push((at, value));
    Ok(())
}

/// What a cell's stored text `v` is, by its type `t`.
fn value(
    kind: Option<&str>,
    v: &str,
    at: CellRef,
    shared: &Shared,
    format: Format,
) -> Result<Value, WorkbookError> {
    let bad = || WorkbookError::BadCell {
        at,
        stored: crate::sanitize::shorten(v, 40),
    };
    let v_trimmed = v.trim();
    Ok(match kind {
        Some("s") if v_trimmed.is_empty() => Value::Empty,
        Some("s") => {
            let i: usize = v_trimmed.parse().map_err(|_| bad())?;
            let text = shared.strings.get(i).ok_or_else(bad)?;
            Value::Text(cell_text(text))
        }
        Some("b") => match v_trimmed {
            "" => Value::Empty,
            "0" => Value::Bool(false),
            "1" => Value::Bool(true),
            t if t.eq_ignore_ascii_case("false") => Value::Bool(false),
            t if t.eq_ignore_ascii_case("true") => Value::Bool(true),
            _ => return Err(bad()),
        },
        Some("e") => match v_trimmed {
            "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" => {
                Value::Error(v_trimmed.to_string())
            }
            _ => return Err(bad()),
        },
        Some("d") => Value::Text(cell_text(v)),
        Some("str") => {
            let mut text = String::new();
            unescape_into(v, &mut text);
            Value::Text(cell_text(&text))
        }
        Some("n") | None if v.is_empty() => Value::Empty,
        Some("n") | None => match v.parse::<f64>() {
            Ok(n) if format.date => Value::Date(n),
            Ok(n) => Value::Number(n),
            // With no type, what is not a number is the text written.
            Err(_) if kind.is_none() => Value::Text(cell_text(v)),
            Err(_) => return Err(bad()),
        },
        Some(_) => return Err(bad()),
    })
}
