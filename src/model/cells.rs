//! Where a box of a workbook declaration sits in the file the department
//! sent (`Sheet1!D20`), so a reviewer can find what a flag points at.
//!
//! Flags and comments keep their model location (`indicators[3]`); this
//! map is only ever consulted to say, beside it, which cell that is.

use crate::model::Location;
use std::fmt;

/// Excel's longest sheet name; a longer one in a crafted file is cut.
const SHEET_CHARS: usize = 31;

/// A cell, counted from 0 as calamine counts (`(0, 0)` is A1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(row: u32, col: u32) -> CellRef {
        CellRef { row, col }
    }
}

impl fmt::Display for CellRef {
    /// `D20`: the column in letters, the row from 1, as Excel writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut letters = Vec::new();
        let mut n = u64::from(self.col) + 1;
        while n > 0 {
            letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
            n = (n - 1) / 26;
        }
        let column: String = letters.iter().rev().collect();
        write!(f, "{column}{}", u64::from(self.row) + 1)
    }
}

/// The cells of one declaration's boxes, on one sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellMap {
    /// The sheet's name as shown: made safe, quoted when Excel would quote it.
    sheet: String,
    /// In the order the reader noted them; a later note for a place wins.
    /// A form has a few hundred boxes, each noted once on reading and looked
    /// up only for the places flagged: a list costs less than a map.
    at: Vec<(Location, CellRef)>,
}

impl CellMap {
    /// An empty map for a sheet. The name comes from the file: anything but
    /// letters, digits and a few plain marks is shown as `_`, so it is safe
    /// on a screen, in Markdown and in a spreadsheet cell alike.
    pub fn on_sheet(name: &str) -> CellMap {
        let safe: String = name
            .chars()
            .take(SHEET_CHARS)
            .map(|c| {
                if c.is_alphanumeric() || " _-.()（）".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let quoted = safe.contains(' ') || safe.starts_with(|c: char| c.is_ascii_digit());
        CellMap {
            sheet: if quoted { format!("'{safe}'") } else { safe },
            at: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    pub fn insert(&mut self, at: Location, cell: CellRef) {
        self.at.push((at, cell));
    }

    pub fn cell(&self, at: Location) -> Option<CellRef> {
        self.at
            .iter()
            .rev()
            .find(|(l, _)| *l == at)
            .map(|(_, c)| *c)
    }

    /// The same sheet with only these places: what a verdict keeps.
    pub fn only(&self, places: impl IntoIterator<Item = Location>) -> CellMap {
        let at = places
            .into_iter()
            .filter_map(|p| Some((p, self.cell(p)?)))
            .collect();
        CellMap {
            sheet: self.sheet.clone(),
            at,
        }
    }

    /// `Sheet1!D20` for a place the map knows.
    pub fn get(&self, at: Location) -> Option<String> {
        self.cell(at).map(|c| format!("{}!{c}", self.sheet))
    }
}

/// How one declaration names its places beyond the model's words: the
/// cell each sits in (workbooks) and the label the form prints for own use.
#[derive(Debug, Clone, Copy)]
pub struct Printed<'a> {
    pub cells: &'a CellMap,
    pub own_use_label: Option<&'a str>,
}

/// No cells: a declaration that did not load, or one read from JSON.
static NO_CELLS: CellMap = CellMap {
    sheet: String::new(),
    at: Vec::new(),
};

impl<'a> Printed<'a> {
    /// The form's own words only: no cells, no printed label.
    pub fn none() -> Printed<'static> {
        Printed {
            cells: &NO_CELLS,
            own_use_label: None,
        }
    }

    pub fn of(d: &'a crate::model::Declaration) -> Printed<'a> {
        Printed {
            cells: &d.cells,
            own_use_label: crate::text::non_blank(&d.budget.by_level.own_use_label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_written_as_excel_writes_them() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(19, 3).to_string(), "D20");
        assert_eq!(CellRef::new(0, 25).to_string(), "Z1");
        assert_eq!(CellRef::new(0, 26).to_string(), "AA1");
        assert_eq!(CellRef::new(1_048_575, 16_383).to_string(), "XFD1048576");
        assert_eq!(CellRef::new(u32::MAX, u32::MAX).to_string().len(), 17);
    }

    #[test]
    fn a_sheet_name_from_the_file_is_made_safe_and_quoted() {
        let mut m = CellMap::on_sheet("Sheet1");
        m.insert(Location::Indicators, CellRef::new(15, 0));
        assert_eq!(m.get(Location::Indicators).as_deref(), Some("Sheet1!A16"));
        assert_eq!(m.get(Location::OverallGoal), None);
        let m = CellMap::on_sheet("my <b>sheet\u{1b}[2J*");
        assert_eq!(m.sheet, "'my _b_sheet__2J_'");
        assert_eq!(CellMap::on_sheet("x".repeat(100).as_str()).sheet.len(), 31);
    }
}
