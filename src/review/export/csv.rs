//! The summary for spreadsheets: one row per declaration, UTF-8 with a
//! BOM, every cell from a declaration or a reviewer made inert.

use super::Reviewed;
use super::summary::{MONEY_COLUMNS, TEXT_COLUMNS, summary_row};
use crate::i18n::{self, Lang};
use crate::sanitize::display_line;

/// A CSV field, quoted when it must be.
pub(super) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Text from a declaration or a reviewer, made inert for spreadsheets
/// and terminals: its safe one-line form (a CSV sent to a terminal must
/// not retitle the window), and a cell starting with = + - @ would run as
/// a formula in Excel (CSV injection), so it gets a leading apostrophe.
pub(super) fn csv_text(s: &str) -> String {
    let shown = display_line(s);
    if shown.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

/// Money in the CSV as the form shows it: two places, rounded half up, no
/// separators (the xlsx keeps the exact number under a two-place format;
/// the json export keeps the exact text).
fn shown_money(exact: &str) -> String {
    exact.parse::<rust_decimal::Decimal>().map_or_else(
        |_| exact.to_string(),
        |d| crate::amount::format_wan(d).replace(',', ""),
    )
}

/// One row per declaration; UTF-8 with a BOM so Excel reads the Chinese.
pub fn csv(rows: &[Reviewed], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&i18n::csv_header(lang).join(","));
    out.push_str("\r\n");
    for r in rows {
        let line: Vec<String> = summary_row(r, lang)
            .iter()
            .enumerate()
            .map(|(i, f)| {
                csv_field(&if TEXT_COLUMNS.contains(&i) {
                    csv_text(f)
                } else if MONEY_COLUMNS.contains(&i) {
                    shown_money(f)
                } else {
                    f.clone()
                })
            })
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
