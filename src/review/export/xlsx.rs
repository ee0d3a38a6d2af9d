//! The office's workbook: the summary (money as numbers the office can
//! sum, `#,##0.00`), every flag with its disposition, every comment, and
//! every disposition made. Each sheet has its header frozen, its columns
//! sized to what they hold and an autofilter on. Untrusted text goes in as
//! text cells in its safe form (never a formula), cut where a cell ends.

use super::Reviewed;
use super::summary::{COUNT_COLUMNS, MONEY_COLUMNS, summary_row};
use crate::i18n::{self, Lang};
use crate::model::cells::Printed;
use crate::review::record::Place;
use crate::sanitize::display;

/// Why the workbook could not be made: the file and the column whose cell
/// failed, where it was one, and the writer's words.
#[derive(Debug)]
pub struct XlsxError {
    pub file: Option<String>,
    pub field: Option<String>,
    pub why: String,
}

impl XlsxError {
    pub fn message(&self, lang: Lang) -> String {
        i18n::xlsx_problem(lang, self.file.as_deref(), self.field.as_deref(), &self.why)
    }
}

pub(super) fn failed(e: rust_xlsxwriter::XlsxError) -> XlsxError {
    XlsxError {
        file: None,
        field: None,
        why: e.to_string(),
    }
}

/// The most characters an Excel cell holds.
const CELL_CHARS: usize = 32_767;

/// The widest a column is made, in character widths: long texts wrap
/// in the cell rather than push everything right.
const MAX_COLUMN: usize = 60;

/// Untrusted text for a cell: its safe form, cut with a visible mark when
/// longer than a cell holds (the json export has it whole).
fn cell_text(lang: Lang, s: &str) -> String {
    let shown = display(s);
    let shown = crate::sanitize::xml_safe(&shown);
    if shown.chars().count() <= CELL_CHARS {
        return shown.into_owned();
    }
    let mark = i18n::cell_cut(lang);
    let keep = CELL_CHARS - mark.chars().count();
    let mut out: String = shown.chars().take(keep).collect();
    out.push_str(mark);
    out
}

/// What kind of value a column holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Count,
    Money,
}

/// A sheet with its titles, writing rows of cells and naming the file and
/// column of any cell that fails.
pub(super) struct Sheet<'b> {
    sheet: &'b mut rust_xlsxwriter::Worksheet,
    titles: &'b [&'b str],
    lang: Lang,
    rows: usize,
    /// The widest cell of each column so far, in character widths.
    widths: Vec<usize>,
    money: rust_xlsxwriter::Format,
}

impl<'b> Sheet<'b> {
    /// A new sheet named `name` whose row 0 holds `titles` in bold.
    pub(super) fn new(
        book: &'b mut rust_xlsxwriter::Workbook,
        name: &str,
        titles: &'b [&'b str],
        lang: Lang,
    ) -> Result<Sheet<'b>, XlsxError> {
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(failed)?;
        for (c, h) in titles.iter().enumerate() {
            sheet
                .write_string_with_format(0, col(c), *h, &bold)
                .map_err(failed)?;
        }
        Ok(Sheet {
            sheet,
            titles,
            lang,
            rows: 0,
            widths: titles.iter().map(|t| crate::width::width(t)).collect(),
            money: rust_xlsxwriter::Format::new().set_num_format("#,##0.00"),
        })
    }

    /// The next row, for `file`; `kind` says which columns hold counts and
    /// money (numbers) rather than text.
    pub(super) fn row(
        &mut self,
        file: &str,
        cells: &[String],
        kind: impl Fn(usize) -> Kind,
    ) -> Result<(), XlsxError> {
        use rust_decimal::prelude::ToPrimitive;
        let r = line(self.rows);
        for (c, value) in cells.iter().enumerate() {
            let written = match kind(c) {
                Kind::Count if let Ok(n) = value.parse::<u32>() => {
                    self.sheet.write_number(r, col(c), n).map(|_| ())
                }
                // Excel sums binary floats: the exact text is in the json
                // export; here the office gets a number it can add up.
                Kind::Money
                    if let Some(v) = value
                        .parse::<rust_decimal::Decimal>()
                        .ok()
                        .and_then(|d| d.to_f64()) =>
                {
                    self.sheet
                        .write_number_with_format(r, col(c), v, &self.money)
                        .map(|_| ())
                }
                _ => self
                    .sheet
                    .write_string(r, col(c), cell_text(self.lang, value))
                    .map(|_| ()),
            };
            written.map_err(|e| XlsxError {
                file: Some(file.to_string()),
                field: self.titles.get(c).map(|t| t.to_string()),
                why: e.to_string(),
            })?;
            let shown = match kind(c) {
                // `1,234,567.89`: the separators take room too.
                Kind::Money => value.len() + value.len() / 3,
                _ => crate::width::width(&crate::sanitize::display_line(value)),
            };
            if let Some(w) = self.widths.get_mut(c) {
                *w = (*w).max(shown);
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// A chart put with its top left corner at `row`, `column`.
    pub(super) fn chart(
        &mut self,
        row: u32,
        column: u16,
        chart: &rust_xlsxwriter::Chart,
    ) -> Result<(), XlsxError> {
        self.sheet
            .insert_chart(row, column, chart)
            .map(|_| ())
            .map_err(failed)
    }

    /// The header frozen, the columns sized, an autofilter over it all.
    pub(super) fn finish(self) -> Result<(), XlsxError> {
        for (c, w) in self.widths.iter().enumerate() {
            let width = u32::try_from((*w).min(MAX_COLUMN) + 2).unwrap_or(10);
            self.sheet.set_column_width(col(c), width).map_err(failed)?;
        }
        self.sheet.set_freeze_panes(1, 0).map_err(failed)?;
        let last_col = col(self.titles.len().saturating_sub(1));
        let last_row = u32::try_from(self.rows).unwrap_or(u32::MAX);
        self.sheet
            .autofilter(0, 0, last_row, last_col)
            .map_err(failed)?;
        Ok(())
    }
}

/// Row `i` of the data (row 0 holds the titles).
fn line(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn text(_: usize) -> Kind {
    Kind::Text
}

/// The department's name as a row shows it.
pub(super) fn department(r: &Reviewed, lang: Lang) -> String {
    r.entry
        .outcome
        .as_ref()
        .ok()
        .map(|c| {
            crate::text::non_blank(&c.declaration.department.name)
                .unwrap_or(i18n::unnamed_department(lang))
                .to_string()
        })
        .unwrap_or_default()
}

/// How the declaration's places are named (nothing to name for a file
/// that did not load).
fn printed(r: &Reviewed) -> Printed<'_> {
    r.entry
        .outcome
        .as_ref()
        .map_or_else(|_| Printed::none(), |c| Printed::of(&c.declaration))
}

/// The summary, every flag with its disposition, every comment and every
/// disposition made, as an Excel workbook.
/// Times are shown in the reviewer's `zone`.
pub fn xlsx(
    rows: &[Reviewed],
    lang: Lang,
    zone: &jiff::tz::TimeZone,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let [summary_name, flags_name, comments_name, dispositions_name] = i18n::sheet_names(lang);
    let yes = |b: bool| if b { i18n::yes(lang) } else { "" }.to_string();

    let titles = i18n::csv_header(lang);
    let mut sheet = Sheet::new(&mut book, summary_name, &titles, lang)?;
    for row in rows {
        let kind = |c| match c {
            c if COUNT_COLUMNS.contains(&c) => Kind::Count,
            c if MONEY_COLUMNS.contains(&c) => Kind::Money,
            _ => Kind::Text,
        };
        sheet.row(&row.entry.file, &summary_row(row, lang), kind)?;
    }
    sheet.finish()?;

    let titles = i18n::flag_sheet_header(lang);
    let mut sheet = Sheet::new(&mut book, flags_name, &titles, lang)?;
    for r in rows {
        let Ok(checked) = &r.entry.outcome else {
            continue;
        };
        let name = department(r, lang);
        for f in &checked.flags {
            let judged = r.review.judged(f.rule().id(), &f.location.to_string());
            let cells = [
                r.entry.file.clone(),
                name.clone(),
                f.severity.label().get(lang).to_string(),
                f.rule().id().to_string(),
                i18n::place(lang, f.location, Printed::of(&checked.declaration)),
                f.location.to_string(),
                f.message(lang),
                r.review.disposition_of(f).label().get(lang).to_string(),
                r.review
                    .dismissal(f)
                    .and_then(|j| j.reason.clone())
                    .unwrap_or_default(),
                judged
                    .map(|j| i18n::signed(lang, &j.reviewer, j.login.as_deref()))
                    .unwrap_or_default(),
            ];
            sheet.row(&r.entry.file, &cells, text)?;
        }
    }
    sheet.finish()?;

    let titles = i18n::comment_sheet_header(lang);
    let mut sheet = Sheet::new(&mut book, comments_name, &titles, lang)?;
    for r in rows {
        let name = department(r, lang);
        let printed = printed(r);
        for cm in &r.review.comments {
            let (path, rule) = match &cm.place {
                Place::Declaration => (String::new(), String::new()),
                Place::Location { path } => (path.clone(), String::new()),
                Place::Flag { rule, path } => (path.clone(), rule.clone()),
            };
            let cells = [
                r.entry.file.clone(),
                name.clone(),
                cm.place.shown(lang, printed),
                path,
                rule,
                // Who, and how far the system vouches for it.
                format!("{}{}", cm.author(lang, true), cm.vouch.mark(lang)),
                crate::clock::shown(&cm.at, zone),
                cm.text.clone(),
                yes(cm.edited),
                // Taken back by somebody else: who.
                match &cm.withdrawn_by {
                    Some(w) => {
                        let who = i18n::signed(lang, &w.name, w.login.as_deref());
                        yes(true) + &i18n::authorship::withdrawn_by(lang, &who)
                    }
                    None => yes(cm.withdrawn),
                },
                yes(cm.earlier_version),
            ];
            sheet.row(&r.entry.file, &cells, text)?;
        }
    }
    sheet.finish()?;

    let titles = i18n::disposition_sheet_header(lang);
    let mut sheet = Sheet::new(&mut book, dispositions_name, &titles, lang)?;
    for r in rows {
        let name = department(r, lang);
        let printed = printed(r);
        for j in &r.review.dispositions {
            // A rule-wide judgement names no place: every flag of its rule.
            let (shown, path) = match &j.path {
                Some(path) => {
                    let place = Place::Location { path: path.clone() };
                    (place.shown(lang, printed), path.clone())
                }
                None => (i18n::every_flag_of_rule(lang).to_string(), "*".to_string()),
            };
            let cells = [
                r.entry.file.clone(),
                name.clone(),
                j.rule.clone(),
                shown,
                path,
                j.disposition.label().get(lang).to_string(),
                j.reason.clone().unwrap_or_default(),
                i18n::signed(lang, &j.reviewer, j.login.as_deref()),
                crate::clock::shown(&j.at, zone),
                yes(j.earlier_version),
            ];
            sheet.row(&r.entry.file, &cells, text)?;
        }
    }
    sheet.finish()?;

    // What the system could not vouch for: forged records, journals
    // planted under another's name, decisions of the shared journal.
    let titles = i18n::authorship::alarm_sheet_header(lang);
    let alarms = i18n::authorship::alarm_sheet_name(lang);
    let mut sheet = Sheet::new(&mut book, alarms, &titles, lang)?;
    for r in rows {
        let name = department(r, lang);
        let review = &r.review;
        let mut put = |what: &str, owner: &str, claims: String, record: String, at: &str| {
            let cells = [
                r.entry.file.clone(),
                name.clone(),
                what.to_string(),
                owner.to_string(),
                claims,
                record,
                crate::clock::shown(at, zone),
            ];
            sheet.row(&r.entry.file, &cells, text)
        };
        for (record, owner) in &review.forged {
            let claims = i18n::signed(lang, &record.reviewer, record.login.as_deref());
            let what = i18n::authorship::forged_kind(lang);
            put(what, owner, claims, record.body.summary(lang), &record.at)?;
        }
        for (file, owner) in &review.misnamed {
            put(
                i18n::authorship::misnamed_kind(lang),
                owner,
                String::new(),
                file.clone(),
                "",
            )?;
        }
        if let Some(u) = &review.unconfirmed {
            let claims = i18n::signed(lang, &u.reviewer, u.login.as_deref());
            let what = i18n::authorship::unconfirmed_kind(lang);
            put(what, "", claims, u.decided(lang), &u.at)?;
        }
    }
    sheet.finish()?;

    book.save_to_buffer().map_err(failed)
}

worded_error!(XlsxError);
