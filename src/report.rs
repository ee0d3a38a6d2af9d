//! What `shenhe check` and `shenhe rules` print: text for people, JSON for
//! scripts. Text output shows only sanitised display forms; JSON carries
//! raw strings, escaped as JSON escapes them.

use crate::check::{Entry, Verdict};
use crate::i18n::{self, Lang};
use crate::model::cells::CellMap;
use crate::rules::{BudgetCheck, CATALOGUE, Counts, Flag, LastYear, Previous, Severity};
use crate::sanitize::display_line;
use rayon::prelude::*;
use serde::Serialize;
use std::fmt::Write as _;

/// The catalogue version the flags follow.
pub const CATALOGUE_VERSION: u32 = 3;

/// Totals over a checked folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub load_errors: usize,
    #[serde(flatten)]
    pub flags: Counts,
}

impl Summary {
    pub fn of(entries: &[Entry<Verdict>]) -> Summary {
        Summary::of_flags(entries.iter().map(|e| match &e.outcome {
            Ok(c) => Some(c.flags.as_slice()),
            Err(_) => None,
        }))
    }

    /// Over each file's flags, `None` for one that did not load.
    pub fn of_flags<'f>(files: impl Iterator<Item = Option<&'f [Flag]>>) -> Summary {
        let mut s = Summary {
            files: 0,
            load_errors: 0,
            flags: Counts::default(),
        };
        for flags in files {
            s.files += 1;
            match flags {
                Some(flags) => flags.iter().for_each(|f| s.flags.add(f.severity, 1)),
                None => s.load_errors += 1,
            }
        }
        s
    }

    /// 0 when nothing stops a declaration from passing, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        if self.load_errors > 0 || self.flags.error > 0 {
            1
        } else {
            0
        }
    }
}

/// The human report: one block per file, flags by severity, then a summary
/// (with last year's folder, when one was named).
pub fn text(entries: &[Entry<Verdict>], lang: Lang, last: Option<&LastYear>) -> String {
    let mut out = String::new();
    // The labels of one language share a script, so counting characters
    // lines them up (错误/警告/提示, or error/warning/info).
    let sev_width = Severity::ALL
        .iter()
        .map(|s| s.label().get(lang).chars().count())
        .max()
        .unwrap_or(0);
    for e in entries {
        let file = display_line(&e.file);
        match &e.outcome {
            Err(err) => {
                let _ = writeln!(out, "{file}  [{}]", i18n::load_failed(lang));
                let _ = writeln!(
                    out,
                    "  {}  {}",
                    Severity::Error.label().get(lang),
                    err.message(lang, &e.file)
                );
            }
            Ok(c) => {
                let name = c.department.as_deref();
                let name = name.map_or_else(|| i18n::unnamed_department(lang).into(), display_line);
                let _ = writeln!(
                    out,
                    "{file}  {name}  {}",
                    i18n::fiscal_year(lang, c.fiscal_year)
                );
                if let Some(p) = &c.previous {
                    let _ = writeln!(out, "  {}", previous_line(lang, p));
                }
                if c.flags.is_empty() {
                    let _ = writeln!(out, "  {}", i18n::no_flags(lang));
                }
                for f in &c.flags {
                    let _ = writeln!(
                        out,
                        "  {:<sev_width$}  {:<9}  {} ({})  {}",
                        f.severity.label().get(lang),
                        f.rule().id(),
                        i18n::place(lang, f.location, c.printed()),
                        f.location,
                        f.message(lang)
                    );
                }
            }
        }
        out.push('\n');
    }
    if let Some(last) = last {
        out.push_str(&last_year_text(lang, last));
    }
    let s = Summary::of(entries);
    out.push_str(&i18n::summary(
        lang,
        s.files,
        s.load_errors,
        [s.flags.error, s.flags.warning, s.flags.info],
    ));
    out.push('\n');
    out
}

/// A declaration's previous as the text report says it.
fn previous_line(lang: Lang, p: &Previous) -> String {
    match p {
        Previous::Found { file, rows } => i18n::years::previous_line(
            lang,
            &display_line(file),
            rows.rows.iter().filter(|r| r.is_some()).count(),
            rows.dropped.len(),
        ),
        other => i18n::years::no_previous_line(lang, &other.why_none(lang).unwrap_or_default()),
    }
}

/// Last year's folder: how much of it was read, and each file that was
/// not, said once here whichever declarations it might have been.
fn last_year_text(lang: Lang, last: &LastYear) -> String {
    let mut out = i18n::years::last_year_folder(
        lang,
        &display_line(&last.folder),
        last.loaded(),
        last.broken.len(),
    );
    out.push('\n');
    for (file, err) in &last.broken {
        let _ = writeln!(out, "  {}  {}", display_line(file), err.message(lang, file));
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonReport<'a, S: Serialize> {
    catalogue_version: u32,
    /// Last year's folder, when one was named.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_folder: Option<JsonLastYear>,
    declarations: Vec<JsonDeclaration<'a>>,
    summary: JsonSummary<'a, S>,
}

/// A report's summary: every flag found, by severity; with the review
/// layer's figures of the batch (decisions, grades, problems by rule,
/// measurability: `review::season`) when they were counted.
#[derive(Serialize)]
pub struct JsonSummary<'a, S: Serialize> {
    #[serde(flatten)]
    pub counts: Summary,
    #[serde(flatten)]
    pub season: Option<&'a S>,
}

#[derive(Serialize)]
struct JsonLastYear {
    folder: String,
    declarations: usize,
    load_errors: Vec<JsonLoadError>,
}

#[derive(Serialize)]
struct JsonLoadError {
    file: String,
    error: String,
}

/// A declaration's previous as the JSON report writes it.
#[derive(Serialize)]
pub(crate) struct JsonPrevious {
    /// found, none, several, unreadable or nameless.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    /// Why there is none, in the report's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// The files of the department when there are several, or the one
    /// that did not load.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<String>,
    /// For each of this year's rows (by index), last year's row it is,
    /// or null (a new row, a template row).
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_rows: Option<Vec<Option<usize>>>,
    /// This year's rows matched by a common run of their names rather
    /// than by the same name.
    #[serde(skip_serializing_if = "Option::is_none")]
    matched_by_common_run: Option<Vec<usize>>,
    /// Last year's rows no row of this year is.
    #[serde(skip_serializing_if = "Option::is_none")]
    dropped: Option<Vec<usize>>,
}

pub(crate) fn json_previous(lang: Lang, p: &Previous) -> JsonPrevious {
    use crate::rules::years::By;
    let mut out = JsonPrevious {
        status: p.as_str(),
        file: p.file().map(str::to_string),
        reason: p.why_none(lang),
        files: Vec::new(),
        previous_rows: None,
        matched_by_common_run: None,
        dropped: None,
    };
    match p {
        Previous::Found { rows, .. } => {
            out.previous_rows = Some(rows.rows.iter().map(|m| m.map(|(j, _)| j)).collect());
            out.matched_by_common_run = Some(
                (0..rows.rows.len())
                    .filter(|&i| matches!(rows.rows[i], Some((_, By::Common))))
                    .collect(),
            );
            out.dropped = Some(rows.dropped.clone());
        }
        Previous::Several(files) => out.files = files.clone(),
        Previous::Unreadable(file) => out.files = vec![file.clone()],
        Previous::None | Previous::Nameless => {}
    }
    out
}

#[derive(Serialize)]
struct JsonDeclaration<'a> {
    file: &'a str,
    department: Option<&'a str>,
    fiscal_year: Option<i32>,
    load_error: Option<String>,
    flags: Vec<JsonFlag>,
    /// Which budget checks ran; those that did not, what they lacked.
    budget_checks: Vec<JsonBudgetCheck>,
    /// Last year's declaration and the rows matched, when last year's
    /// folder was named.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<JsonPrevious>,
}

/// A budget check as the JSON outputs write it.
#[derive(Serialize)]
pub(crate) struct JsonBudgetCheck {
    rule: &'static str,
    ran: bool,
    /// The blank boxes' paths (or `key_tasks`, `key_tasks[i].funds`).
    missing: Vec<String>,
}

pub(crate) fn json_budget_checks(checks: &[BudgetCheck]) -> Vec<JsonBudgetCheck> {
    checks
        .iter()
        .map(|c| JsonBudgetCheck {
            rule: c.rule.id(),
            ran: c.ran(),
            missing: c.missing.iter().map(|l| l.to_string()).collect(),
        })
        .collect()
}

/// A flag as the JSON outputs (check report, export) write it.
#[derive(Serialize)]
pub(crate) struct JsonFlag {
    rule: &'static str,
    severity: Severity,
    location: String,
    /// For a workbook declaration, the cell (`Sheet1!D20`).
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    message: String,
}

pub(crate) fn json_flag(lang: Lang, f: &Flag, cells: &CellMap) -> JsonFlag {
    JsonFlag {
        rule: f.rule().id(),
        severity: f.severity,
        location: f.location.to_string(),
        cell: cells.get(f.location),
        message: f.message(lang),
    }
}

/// The machine report, in the documented shape.
pub fn json(entries: &[Entry<Verdict>], lang: Lang, last: Option<&LastYear>) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_json::<()>(entries, lang, last, None, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The machine report, written as it is serialised (no 8 MB string first);
/// `season`: the batch's figures, joined to the summary.
pub fn write_json<S: Serialize>(
    entries: &[Entry<Verdict>],
    lang: Lang,
    last: Option<&LastYear>,
    season: Option<&S>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    // The messages are most of the work: written on all cores.
    let declarations = entries
        .par_iter()
        .map(|e| match &e.outcome {
            Ok(c) => JsonDeclaration {
                file: &e.file,
                department: c.department.as_deref(),
                fiscal_year: c.fiscal_year,
                load_error: None,
                flags: c
                    .flags
                    .iter()
                    .map(|f| json_flag(lang, f, &c.cells))
                    .collect(),
                budget_checks: json_budget_checks(&c.budget_checks()),
                previous: c.previous.as_ref().map(|p| json_previous(lang, p)),
            },
            Err(err) => JsonDeclaration {
                file: &e.file,
                department: None,
                fiscal_year: None,
                load_error: Some(err.message(lang, &e.file)),
                flags: Vec::new(),
                budget_checks: Vec::new(),
                previous: None,
            },
        })
        .collect();
    let previous_folder = last.map(|l| JsonLastYear {
        folder: l.folder.clone(),
        declarations: l.loaded(),
        load_errors: l
            .broken
            .iter()
            .map(|(file, e)| JsonLoadError {
                file: file.clone(),
                error: e.message(lang, file),
            })
            .collect(),
    });
    let report = JsonReport {
        catalogue_version: CATALOGUE_VERSION,
        previous_folder,
        declarations,
        summary: JsonSummary {
            counts: Summary::of(entries),
            season,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

/// The catalogue as a table, aligned by display width (Chinese takes two
/// cells): ID, severities, title; the 依据 on the line below, under the title.
pub fn rules_text(lang: Lang) -> String {
    use crate::width::{fit, width};
    let head = i18n::rules_heading(lang);
    let severities = |r: &crate::rules::RuleInfo| -> String {
        let sev: Vec<&str> = r.severities.iter().map(|s| s.label().get(lang)).collect();
        sev.join("/")
    };
    let id_w = CATALOGUE
        .iter()
        .map(|r| width(r.id))
        .chain([width(head[0])])
        .max()
        .unwrap_or(0);
    let sev_w = CATALOGUE
        .iter()
        .map(|r| width(&severities(r)))
        .chain([width(head[1])])
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(id_w + sev_w + 2);
    let mut out = format!(
        "{} {} {} / {}\n",
        fit(head[0], id_w),
        fit(head[1], sev_w),
        head[2],
        head[3]
    );
    for r in CATALOGUE.iter() {
        let _ = writeln!(
            out,
            "{} {} {}",
            fit(r.id, id_w),
            fit(&severities(r), sev_w),
            r.title(lang)
        );
        let _ = writeln!(out, "{indent}{}", r.basis_text(lang));
    }
    out
}

#[derive(Serialize)]
struct JsonRule {
    id: &'static str,
    severity: Severity,
    severities: &'static [Severity],
    title_zh: &'static str,
    title_en: &'static str,
    /// The 依据 as a reviewer reads it, in each language.
    basis_zh: String,
    basis_en: String,
    /// The rule is this tool's practice (its threshold can be changed).
    judgement: bool,
    settings: Vec<&'static str>,
}

/// The catalogue as a JSON array.
pub fn rules_json() -> String {
    let rules: Vec<JsonRule> = CATALOGUE
        .iter()
        .map(|r| JsonRule {
            id: r.id,
            severity: r.severity(),
            severities: r.severities,
            title_zh: r.title_zh,
            title_en: r.title_en,
            basis_zh: r.basis_text(Lang::Zh),
            basis_en: r.basis_text(Lang::En),
            judgement: r.is_judgement(),
            settings: std::iter::once("enabled")
                .chain(r.params.iter().map(|p| p.key()))
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
}
