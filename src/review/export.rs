//! What leaves the bureau: 退回修改意见 for the departments (Markdown), a
//! summary for spreadsheets (CSV), and everything for machines (JSON).

use super::journal::{journal_path, read};
use super::record::{Decision, Place};
use super::sha256_hex;
use super::state::{Comment, Review};
use crate::amount::format_wan;
use crate::config::Config;
use crate::i18n::{self, Lang};
use crate::load::{Checked, Entry, load_folder};
use crate::rules::{Counts, Flag, Severity, Totals};
use crate::sanitize::{display, display_line};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// A declaration of the folder with its review.
pub struct Reviewed {
    pub entry: Entry,
    pub review: Review,
}

/// Loads a folder and the review journal of each declaration.
pub fn gather(dir: &Path, config: &Config) -> std::io::Result<Vec<Reviewed>> {
    let entries = load_folder(dir, config)?;
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        let file = dir.join(&entry.file);
        let sha = std::fs::read(&file)
            .map(|b| sha256_hex(&b))
            .unwrap_or_default();
        let review = Review::of(&read(&journal_path(&file))?, &sha);
        out.push(Reviewed { entry, review });
    }
    Ok(out)
}

fn decision_word(lang: Lang, d: Decision) -> &'static str {
    i18n::decision(lang, d)
}

fn comment_line(lang: Lang, c: &Comment) -> String {
    let earlier = if c.earlier_version {
        i18n::on_earlier_version(lang)
    } else {
        ""
    };
    format!(
        "{}{}{earlier}{}{}",
        i18n::comment_word(lang),
        i18n::in_brackets(lang, &display_line(&c.reviewer)),
        i18n::colon(lang),
        display(&c.text).replace('\n', " / ")
    )
}

/// One 退回修改意见 per returned declaration, ready to send.
pub fn markdown(rows: &[Reviewed], lang: Lang) -> String {
    let mut out = String::new();
    for r in rows
        .iter()
        .filter(|r| r.review.decision() == Decision::Return)
    {
        let Ok(c) = &r.entry.outcome else { continue };
        let d = &c.declaration;
        let name = d
            .department
            .name
            .as_deref()
            .map(display_line)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "# {}{}{name}{}\n",
            i18n::return_notice(lang),
            i18n::colon(lang),
            i18n::in_brackets(lang, &i18n::fiscal_year(lang, d.fiscal_year))
        );
        if let Some(v) = &r.review.verdict {
            let grade = v.grade.map(|g| i18n::grade(lang, g)).unwrap_or("—");
            let colon = i18n::colon(lang);
            let _ = writeln!(
                out,
                "{}{colon}{} · {}{colon}{} · {}{colon}{} · {}\n",
                i18n::decision_label(lang),
                decision_word(lang, v.decision),
                i18n::grade_label(lang),
                grade,
                i18n::reviewer_label(lang),
                display_line(&v.reviewer),
                display_line(&r.entry.file)
            );
        }
        let standing: Vec<&Comment> = r.review.standing().collect();
        let _ = writeln!(out, "## {}\n", i18n::problems_heading(lang));
        for (n, f) in c.flags.iter().enumerate() {
            let on_it: Vec<&&Comment> = standing.iter().filter(|cm| about_flag(cm, f)).collect();
            let _ = writeln!(
                out,
                "{}. {}{}{}{}",
                n + 1,
                i18n::tag(
                    lang,
                    &format!("{} {}", i18n::severity(lang, f.severity), f.rule.id())
                ),
                i18n::location(lang, f.location),
                i18n::colon(lang),
                i18n::flag_message(lang, f)
            );
            for cm in on_it {
                let _ = writeln!(out, "   - {}", comment_line(lang, cm));
            }
        }
        let others: Vec<&&Comment> = standing
            .iter()
            .filter(|cm| !c.flags.iter().any(|f| about_flag(cm, f)))
            .collect();
        if !others.is_empty() {
            let _ = writeln!(out, "\n## {}\n", i18n::other_comments_heading(lang));
            for cm in others {
                let earlier = if cm.earlier_version {
                    i18n::on_earlier_version(lang)
                } else {
                    ""
                };
                let text = display(&cm.text).replace('\n', " / ");
                let _ = writeln!(
                    out,
                    "- {}{}{earlier}{}{text}",
                    i18n::comment_place(lang, &cm.place),
                    i18n::in_brackets(lang, &display_line(&cm.reviewer)),
                    i18n::colon(lang)
                );
            }
        }
        out.push('\n');
    }
    out
}

/// Is the comment about this flag (its rule at its place)?
fn about_flag(c: &Comment, f: &Flag) -> bool {
    matches!(&c.place, Place::Flag { rule, path } if rule == f.rule.id() && *path == f.location.to_string())
}

fn counts(c: Option<&Checked>) -> Counts {
    c.map(|c| Counts::of(&c.flags)).unwrap_or_default()
}

/// A CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Text from a declaration or a reviewer, made inert for spreadsheets: a
/// cell starting with = + - @ (or a tab or CR) would run as a formula in
/// Excel (CSV injection), so it gets a leading apostrophe.
fn csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The summary of one declaration, in the columns of [`i18n::csv_header`].
fn summary_row(r: &Reviewed, lang: Lang) -> [String; 11] {
    let c = r.entry.outcome.as_ref().ok();
    let n = counts(c);
    let load_error = usize::from(c.is_none());
    let v = r.review.verdict.as_ref();
    [
        r.entry.file.clone(),
        c.and_then(|c| c.declaration.department.name.clone())
            .unwrap_or_default(),
        c.and_then(|c| c.declaration.fiscal_year)
            .map(|y| y.to_string())
            .unwrap_or_default(),
        c.and_then(|c| Totals::of(&c.declaration).spending)
            .map(format_wan)
            .unwrap_or_default(),
        (n.get(Severity::Error) + load_error).to_string(),
        n.get(Severity::Warning).to_string(),
        n.get(Severity::Info).to_string(),
        decision_word(lang, r.review.decision()).to_string(),
        v.and_then(|v| v.grade)
            .map(|g| i18n::grade(lang, g).to_string())
            .unwrap_or_default(),
        v.map(|v| v.reviewer.clone()).unwrap_or_default(),
        r.review.standing().count().to_string(),
    ]
}

/// Columns of the summary that hold text from a declaration or a reviewer.
const TEXT_COLUMNS: [usize; 3] = [0, 1, 9];
/// Columns of the summary that hold counts.
const COUNT_COLUMNS: [usize; 4] = [4, 5, 6, 10];

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

/// The summary, every flag and every comment as an Excel workbook. Money
/// goes in as its exact text (Excel numbers are binary floats); counts as
/// numbers.
pub fn xlsx(rows: &[Reviewed], lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let bold = Format::new().set_bold();
    let mut book = Workbook::new();
    let [summary_name, flags_name, comments_name] = i18n::sheet_names(lang);

    let sheet = titled_sheet(&mut book, summary_name, &i18n::csv_header(lang), &bold)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in summary_row(row, lang).iter().enumerate() {
            match value.parse::<u32>() {
                Ok(n) if COUNT_COLUMNS.contains(&c) => sheet.write_number(line(r), col(c), n)?,
                _ => sheet.write_string(line(r), col(c), value)?,
            };
        }
    }

    let sheet = titled_sheet(&mut book, flags_name, &i18n::flag_sheet_header(lang), &bold)?;
    let mut at = 0;
    for r in rows {
        let Ok(checked) = &r.entry.outcome else {
            continue;
        };
        let name = checked
            .declaration
            .department
            .name
            .clone()
            .unwrap_or_default();
        for f in &checked.flags {
            let cells = [
                r.entry.file.clone(),
                name.clone(),
                i18n::severity(lang, f.severity).to_string(),
                f.rule.id().to_string(),
                i18n::location(lang, f.location),
                f.location.to_string(),
                i18n::flag_message(lang, f),
            ];
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(line(at), col(c), v)?;
            }
            at += 1;
        }
    }

    let sheet = titled_sheet(
        &mut book,
        comments_name,
        &i18n::comment_sheet_header(lang),
        &bold,
    )?;
    let mut at = 0;
    for r in rows {
        let name = r
            .entry
            .outcome
            .as_ref()
            .ok()
            .and_then(|c| c.declaration.department.name.clone())
            .unwrap_or_default();
        for cm in &r.review.comments {
            let (path, rule) = match &cm.place {
                Place::Declaration => (String::new(), String::new()),
                Place::Location { path } => (path.clone(), String::new()),
                Place::Flag { rule, path } => (path.clone(), rule.clone()),
            };
            let yes = |b: bool| if b { i18n::yes(lang) } else { "" }.to_string();
            let cells = [
                r.entry.file.clone(),
                name.clone(),
                i18n::comment_place(lang, &cm.place),
                path,
                rule,
                cm.reviewer.clone(),
                cm.at.clone(),
                cm.text.clone(),
                yes(cm.edited),
                yes(cm.withdrawn),
                yes(cm.earlier_version),
            ];
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(line(at), col(c), v)?;
            }
            at += 1;
        }
    }
    book.save_to_buffer()
}

/// A new sheet named `name` whose row 0 holds `titles` in bold.
fn titled_sheet<'b>(
    book: &'b mut rust_xlsxwriter::Workbook,
    name: &str,
    titles: &[&str],
    bold: &rust_xlsxwriter::Format,
) -> Result<&'b mut rust_xlsxwriter::Worksheet, rust_xlsxwriter::XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (c, h) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), *h, bold)?;
    }
    Ok(sheet)
}

/// Row `i` of the data (row 0 holds the titles).
fn line(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

#[derive(Serialize)]
struct JsonExport<'a> {
    catalogue_version: u32,
    declarations: Vec<JsonReviewed<'a>>,
}

#[derive(Serialize)]
struct JsonReviewed<'a> {
    file: &'a str,
    department: Option<&'a str>,
    fiscal_year: Option<i32>,
    total: Option<String>,
    load_error: Option<String>,
    flags: Vec<crate::report::JsonFlag>,
    decision: Decision,
    grade: Option<super::record::Grade>,
    decided_by: Option<&'a str>,
    decided_at: Option<&'a str>,
    comments: Vec<JsonComment<'a>>,
}

#[derive(Serialize)]
struct JsonComment<'a> {
    id: &'a str,
    location: Option<&'a str>,
    rule: Option<&'a str>,
    reviewer: &'a str,
    text: &'a str,
    at: &'a str,
    edited: bool,
    withdrawn: bool,
    earlier_version: bool,
}

/// Everything, for machines.
pub fn json(rows: &[Reviewed], lang: Lang) -> String {
    let declarations = rows
        .iter()
        .map(|r| {
            let c = r.entry.outcome.as_ref().ok();
            let v = r.review.verdict.as_ref();
            JsonReviewed {
                file: &r.entry.file,
                department: c.and_then(|c| c.declaration.department.name.as_deref()),
                fiscal_year: c.and_then(|c| c.declaration.fiscal_year),
                total: c
                    .and_then(|c| Totals::of(&c.declaration).spending)
                    .map(|t| t.to_string()),
                load_error: r
                    .entry
                    .outcome
                    .as_ref()
                    .err()
                    .map(|e| i18n::load_error(lang, &r.entry.file, e)),
                flags: c
                    .map(|c| {
                        c.flags
                            .iter()
                            .map(|f| crate::report::json_flag(lang, f))
                            .collect()
                    })
                    .unwrap_or_default(),
                decision: r.review.decision(),
                grade: v.and_then(|v| v.grade),
                decided_by: v.map(|v| v.reviewer.as_str()),
                decided_at: v.map(|v| v.at.as_str()),
                comments: r
                    .review
                    .comments
                    .iter()
                    .map(|cm| {
                        let (location, rule) = match &cm.place {
                            Place::Declaration => (None, None),
                            Place::Location { path } => (Some(path.as_str()), None),
                            Place::Flag { rule, path } => {
                                (Some(path.as_str()), Some(rule.as_str()))
                            }
                        };
                        JsonComment {
                            id: &cm.id,
                            location,
                            rule,
                            reviewer: &cm.reviewer,
                            text: &cm.text,
                            at: &cm.at,
                            edited: cm.edited,
                            withdrawn: cm.withdrawn,
                            earlier_version: cm.earlier_version,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let report = JsonExport {
        catalogue_version: crate::report::CATALOGUE_VERSION,
        declarations,
    };
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests;
