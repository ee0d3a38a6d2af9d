//! What the sheets of an .xlsx package need from its other parts: which
//! part each sheet is, the shared strings, and what each cell format shows
//! (a date, a percentage).

use super::super::WorkbookError;
use super::super::grid::{not_workbook, percent_format};
use super::text::{attr, reader, string_item};
use quick_xml::events::Event;
use std::collections::HashMap;

/// The shared strings a package may hold: as many as the cells of all the
/// sheets read could use. (A count the file states is never trusted: one
/// of ten trillion made calamine ask for 240 TB and end the process.)
pub const MAX_STRINGS: usize = 1_000_000;

/// A relationship's target as a part name; `base` is the folder of the
/// part that names it (`xl/`).
fn part_name(base: &str, target: &str) -> String {
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    }
}

/// The parts the workbook names, from `workbook.xml` and its relationships.
#[derive(Debug, Default)]
pub struct Parts {
    /// Worksheets in the workbook's order: name and part.
    pub sheets: Vec<(String, String)>,
    pub strings: Option<String>,
    pub styles: Option<String>,
}

/// `workbook`: the workbook part's XML; `rels`: its relationships';
/// `base`: the folder both are in.
pub fn parts(workbook: &[u8], rels: &[u8], base: &str) -> Result<Parts, WorkbookError> {
    let mut out = Parts::default();
    let mut targets = HashMap::new();
    let mut xml = reader(rels);
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) else {
                    continue;
                };
                let part = part_name(base, &target);
                match attr(&e, "Type")
                    .as_deref()
                    .and_then(|t| t.rsplit('/').next())
                {
                    Some("worksheet") => {
                        targets.insert(id, part);
                    }
                    Some("sharedStrings") => out.strings = Some(part),
                    Some("styles") => out.styles = Some(part),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut xml = reader(workbook);
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                // The relationship's id, by whatever prefix names its namespace.
                let id = e.attributes().flatten().find_map(|a| {
                    (a.key.local_name().as_ref() == "id" && a.key.prefix().is_some())
                        .then(|| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .flatten()
                });
                // A chart sheet has no cells: it is no worksheet of ours.
                if let (Some(name), Some(part)) =
                    (attr(&e, "name"), id.and_then(|id| targets.get(&id)))
                {
                    out.sheets.push((name, part.clone()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The workbook part the package's relationships (`_rels/.rels`) name.
pub fn office_document(rels: &[u8]) -> Result<Option<String>, WorkbookError> {
    let mut xml = reader(rels);
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "Relationship"
                    && attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument")) =>
            {
                return Ok(attr(&e, "Target"));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// The shared strings, in order.
pub fn strings(xml: &[u8]) -> Result<Vec<String>, WorkbookError> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut xml = reader(xml);
    loop {
        let item = match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) if e.local_name().as_ref() == "si" => string_item(&mut xml, &mut run)?,
            Event::Empty(e) if e.local_name().as_ref() == "si" => String::new(),
            Event::Eof => return Ok(out),
            _ => continue,
        };
        if out.len() >= MAX_STRINGS {
            return Err(WorkbookError::TooManyStrings { max: MAX_STRINGS });
        }
        out.push(item);
    }
}

/// What a cell format shows its number as.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Format {
    pub date: bool,
    /// The decimals of the percentage it shows, if it shows one.
    pub percent: Option<u8>,
}

/// Cell formats read, as many as Excel allows; a cell naming one past
/// them is shown as the default is.
const MAX_FORMATS: usize = 64_000;

/// The cell formats (`cellXfs`) of the styles part, by index.
pub fn formats(xml: &[u8]) -> Result<Vec<Format>, WorkbookError> {
    let mut codes: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    // `xf` also lists the named styles (`cellStyleXfs`), which no cell uses directly.
    let mut in_cell_formats = false;
    let mut xml = reader(xml);
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) if e.local_name().as_ref() == "cellXfs" => in_cell_formats = true,
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_formats = false,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                        codes.insert(id.trim().to_string(), code);
                    }
                }
                "xf" if in_cell_formats && out.len() < MAX_FORMATS => {
                    out.push(format(attr(&e, "numFmtId").as_deref(), &codes));
                }
                _ => {}
            },
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// A format by its number format's id: one the file defines, else Excel's
/// built-in one of that id.
fn format(id: Option<&str>, codes: &HashMap<String, String>) -> Format {
    let Some(id) = id.map(str::trim) else {
        return Format::default();
    };
    let number: Option<u32> = id.parse().ok();
    match codes.get(id) {
        Some(code) => Format {
            date: shows_date(code),
            percent: number.and_then(|n| percent_format(code, Some(n))),
        },
        None => Format {
            date: number.is_some_and(|n| matches!(n, 14..=22 | 27..=36 | 45..=47 | 50..=58)),
            percent: number.and_then(|n| percent_format("", Some(n))),
        },
    }
}

/// Does a number format show a date or a time? Its first section (for
/// numbers above zero) holds a day, month, year, hour or second letter, or
/// an elapsed time in brackets (`[h]`), outside quotes and escapes.
fn shows_date(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => return false,
            '"' => {
                chars.by_ref().find(|&q| q == '"');
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&q| q != ']').collect();
                let lower = inside.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|q| matches!(q, 'h' | 'm' | 's')) {
                    return true;
                }
            }
            'd' | 'm' | 'y' | 'h' | 's' | 'D' | 'M' | 'Y' | 'H' | 'S' => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_told_from_numbers_by_the_first_section_of_their_format() {
        for date in [
            "yyyy-mm-dd",
            "yyyy\"年\"m\"月\"d\"日\"",
            "h:mm AM/PM",
            "[h]:mm:ss",
            "[Red]d-mmm",
        ] {
            assert!(shows_date(date), "{date}");
        }
        for number in [
            "0.00%",
            "#,##0.00_ ",
            "\"天\"0",
            "0.00E+00",
            "General",
            "[Red]#,##0;[Blue]-#,##0",
            "0;yyyy",
            "@",
            "[$-804]aaaa",
        ] {
            assert!(!shows_date(number), "{number}");
        }
    }

    #[test]
    fn a_format_is_the_files_own_before_the_built_in_one_of_its_id() {
        let codes = HashMap::from([("176".to_string(), "0.0%".to_string())]);
        let f = |id| format(Some(id), &codes);
        assert_eq!(f("176").percent, Some(1));
        assert_eq!(f("10").percent, Some(2));
        assert!(f("14").date && !f("176").date && !f("2").date);
        assert_eq!(format(None, &codes), Format::default());
    }

    #[test]
    fn the_strings_are_counted_as_they_are_read_not_as_the_file_says() {
        let xml = r#"<sst uniqueCount="10000000000000"><si><t>部门名称</t></si><si/></sst>"#;
        assert_eq!(strings(xml.as_bytes()).unwrap(), ["部门名称", ""]);
    }
}
