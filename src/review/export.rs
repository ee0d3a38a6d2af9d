//! What leaves the bureau: the folder gathered with its reviews
//! ([`gather`]), the 审核意见 of the declarations returned (all in one
//! Markdown, or one document each, docx or md: [`notice_files`]), a
//! summary for spreadsheets (CSV), the office's workbook (`xlsx`), and
//! everything for machines (JSON).

use super::journals::Vouch;
use super::notice::{Issue, Notice};
use super::record::{Decision, Disposition, Place};
use super::sha256_hex;
use super::state::Review;
use crate::check::{Entry, check_across_each, check_listed};
use crate::config::{Config, NoticeSettings};
use crate::i18n::{self, Lang};
use crate::load::declaration_files;
use crate::rules::{BudgetCheck, Counts, Severity, Totals};
use crate::sanitize::display_line;
use serde::Serialize;
use std::path::Path;

/// A declaration of the folder with its review.
pub struct Reviewed {
    pub entry: Entry,
    pub review: Review,
}

/// Loads a folder and the review journal of each declaration, on all
/// cores; each file is read once, through the capped reader. A journal
/// that cannot be read is that row's problem, not the export's.
pub fn gather(dir: &Path, config: &Config) -> std::io::Result<Vec<Reviewed>> {
    use rayon::prelude::*;
    let files = declaration_files(dir)?;
    let namesakes = crate::load::Namesakes::of(&files);
    let mut rows: Vec<Reviewed> = files
        .par_iter()
        .map(|path| {
            let (entry, bytes) = check_listed(path, &namesakes, config);
            let review = super::review_with(path, config, || {
                bytes.as_deref().map(sha256_hex).unwrap_or_default()
            });
            Reviewed { entry, review }
        })
        .collect();
    check_across_each(rows.iter_mut().map(|r| &mut r.entry), config);
    Ok(rows)
}

fn decision_word(lang: Lang, d: Decision) -> &'static str {
    d.label().get(lang)
}

/// The 审核意见 of the folder, one per returned declaration (and per
/// approved one with comments when `approved` asks): each with the file it
/// is about, for naming the document written beside the others.
pub fn notices<'r>(
    rows: &'r [Reviewed],
    settings: &NoticeSettings,
    issue: &Issue,
    approved: bool,
    lang: Lang,
) -> Vec<(&'r str, Notice)> {
    let mut out: Vec<(&str, Notice)> = rows
        .iter()
        .filter_map(|r| {
            let n = super::notice::of(&r.entry, &r.review, settings, issue, approved, lang)?;
            Some((r.entry.file.as_str(), n))
        })
        .collect();
    for (i, (_, n)) in out.iter_mut().enumerate() {
        n.number = issue.number_of(i);
    }
    out
}

/// All the notices in one Markdown text, each under its own title and
/// apart by a rule: for mail, or to read before writing the documents.
pub fn markdown(notices: &[(&str, Notice)], lang: Lang) -> String {
    notices
        .iter()
        .map(|(_, n)| super::notice::text::markdown(n, lang))
        .collect::<Vec<_>>()
        .join("---\n\n")
}

/// What a notice is written as, one file per notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFormat {
    Docx,
    Md,
}

/// Why a notice's document could not be made: its declaration's file, and
/// the writer's words.
#[derive(Debug)]
pub struct NoticeError {
    pub file: String,
    pub why: String,
}

impl NoticeError {
    pub fn message(&self, lang: Lang) -> String {
        i18n::notice::document_problem(lang, &self.file, &self.why)
    }
}

/// The document of each notice, named after its declaration's file
/// (`yx-jtj.审核意见.docx`): every one made before any is written.
pub fn notice_files(
    notices: &[(&str, Notice)],
    format: NoticeFormat,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, NoticeError> {
    notices
        .iter()
        .map(|(file, notice)| {
            let (extension, bytes) = match format {
                NoticeFormat::Docx => super::notice::docx::document(notice, lang)
                    .map(|b| ("docx", b))
                    .map_err(|why| NoticeError {
                        file: file.to_string(),
                        why,
                    })?,
                NoticeFormat::Md => (
                    "md",
                    super::notice::text::markdown(notice, lang).into_bytes(),
                ),
            };
            let stem = Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let suffix = i18n::notice::notice_file_suffix(lang);
            Ok((format!("{stem}.{suffix}.{extension}"), bytes))
        })
        .collect()
}

/// A CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
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
fn csv_text(s: &str) -> String {
    let shown = display_line(s);
    if shown.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

/// The summary of one declaration, in the columns of [`i18n::csv_header`]:
/// the flags that stand by severity, the dismissed ones apart with their
/// reasons; the total as a plain decimal (`6772.35`), as a spreadsheet
/// reads a number.
fn summary_row(r: &Reviewed, lang: Lang) -> [String; 13] {
    let c = r.entry.outcome.as_ref().ok();
    let mut n = Counts::default();
    let mut out = Vec::new();
    for f in c.map_or(&[][..], |c| c.flags.as_slice()) {
        match r.review.dismissal(f) {
            Some(j) => out.push(format!(
                "{} {}{}{}",
                f.rule().id(),
                i18n::location(lang, f.location),
                i18n::colon(lang),
                j.reason.as_deref().unwrap_or_default()
            )),
            None => n.add(f.severity, 1),
        }
    }
    let load_error = usize::from(c.is_none());
    let v = r.review.verdict.as_ref();
    [
        r.entry.file.clone(),
        c.map(|c| {
            crate::text::non_blank(&c.declaration.department.name)
                .unwrap_or(i18n::unnamed_department(lang))
                .to_string()
        })
        .unwrap_or_default(),
        c.and_then(|c| c.declaration.fiscal_year)
            .map(|y| y.to_string())
            .unwrap_or_default(),
        c.and_then(|c| Totals::of(&c.declaration).spending)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        (n.get(Severity::Error) + load_error).to_string(),
        n.get(Severity::Warning).to_string(),
        n.get(Severity::Info).to_string(),
        out.len().to_string(),
        decision_word(lang, r.review.decision()).to_string(),
        v.and_then(|v| {
            let label = v.grade?.label().get(lang);
            Some(if v.contradicts() {
                i18n::contradicting_grade(lang, label)
            } else {
                label.to_string()
            })
        })
        .unwrap_or_default(),
        v.map(|v| v.reviewer.clone()).unwrap_or_default(),
        r.review.standing().count().to_string(),
        out.join(i18n::list_separator(lang)),
    ]
}

/// Columns of the summary that hold text from a declaration or a reviewer.
const TEXT_COLUMNS: [usize; 4] = [0, 1, 10, 12];
/// Columns of the summary that hold counts.
const COUNT_COLUMNS: [usize; 5] = [4, 5, 6, 7, 11];
/// The column of the summary that holds money.
const MONEY_COLUMNS: [usize; 1] = [3];

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

mod xlsx;
pub use xlsx::{XlsxError, xlsx};

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
    flags: Vec<ExportFlag<'a>>,
    /// Which budget checks ran; those that did not, what they lacked.
    budget_checks: Vec<crate::report::JsonBudgetCheck>,
    /// Every disposition of a flag, earlier ones and those made on an
    /// earlier version of the file included.
    dispositions: Vec<JsonDisposition<'a>>,
    /// The reviewers' own words for the 审核意见, in the order written.
    notice_rewordings: Vec<JsonReworded<'a>>,
    /// A resubmission against what was sent back (修改情况).
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<JsonRevision>,
    /// Last year's declaration and the rows matched, when last year's
    /// folder was named.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<crate::report::JsonPrevious>,
    decision: Decision,
    grade: Option<super::record::Grade>,
    /// False where the record pairs the grade with a decision that does
    /// not take it (通过 with 中 or 差…): shown as it is, marked.
    grade_fits_decision: bool,
    decided_by: Option<&'a str>,
    /// The login that wrote the decision (records of earlier builds: null).
    decided_by_login: Option<&'a str>,
    decided_at: Option<String>,
    comments: Vec<JsonComment<'a>>,
    /// Why the journal could not be read; null when it could.
    journal_error: Option<String>,
    /// Journal lines that did not read and were skipped (1-based).
    skipped_lines: &'a [usize],
    /// The latest decision of the shared journal of earlier builds, which
    /// counts for nothing until it is made again: null when none.
    unconfirmed_decision: Option<JsonUnconfirmed<'a>>,
    /// Records claiming another account than the one that wrote them: not
    /// counted anywhere above.
    forged: Vec<JsonForged<'a>>,
    /// Journals named for one account and owned by another.
    misnamed_journals: Vec<JsonMisnamed<'a>>,
}

#[derive(Serialize)]
struct JsonUnconfirmed<'a> {
    decision: Decision,
    grade: Option<super::record::Grade>,
    decided_by: &'a str,
    decided_by_login: Option<&'a str>,
    decided_at: String,
}

#[derive(Serialize)]
struct JsonForged<'a> {
    /// The account that owns the file the record is in: who wrote it.
    written_by: &'a str,
    /// Whom the record claims.
    reviewer: &'a str,
    login: Option<&'a str>,
    at: String,
    record: &'a super::record::Body,
}

#[derive(Serialize)]
struct JsonMisnamed<'a> {
    file: &'a str,
    owner: &'a str,
}

/// A flag with the reviewer's disposition of it.
#[derive(Serialize)]
struct ExportFlag<'a> {
    #[serde(flatten)]
    flag: crate::report::JsonFlag,
    /// `accept` (it goes to the department) or `dismiss`.
    disposition: Disposition,
    /// Who judged it; null where the default for its severity stands.
    disposed_by: Option<&'a str>,
    disposed_at: Option<String>,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonDisposition<'a> {
    rule: &'a str,
    /// The flag's place; null for a judgement of every flag of the rule.
    location: Option<&'a str>,
    /// A judgement of every flag of the rule in this version of the file.
    every_place: bool,
    disposition: Disposition,
    reason: Option<&'a str>,
    reviewer: &'a str,
    login: Option<&'a str>,
    at: String,
    earlier_version: bool,
    verified: bool,
}

#[derive(Serialize)]
struct JsonReworded<'a> {
    part: &'a str,
    text: Option<&'a str>,
    dropped: bool,
    after: Option<&'a str>,
    reviewer: &'a str,
    login: Option<&'a str>,
    at: String,
    /// Written on an earlier version of the file: not applied to this one.
    earlier_version: bool,
}

#[derive(Serialize)]
struct JsonComment<'a> {
    id: &'a str,
    location: Option<&'a str>,
    rule: Option<&'a str>,
    reviewer: &'a str,
    login: Option<&'a str>,
    /// Who wrote the text that stands, when not the author.
    edited_by: Option<&'a str>,
    edited_by_login: Option<&'a str>,
    text: &'a str,
    at: String,
    edited: bool,
    withdrawn: bool,
    /// Who withdrew it, when not the author.
    withdrawn_by: Option<&'a str>,
    withdrawn_by_login: Option<&'a str>,
    earlier_version: bool,
    /// False for a comment from the shared journal of earlier builds.
    verified: bool,
}

/// 修改情况 as the JSON export writes it.
#[derive(Serialize)]
struct JsonRevision {
    returned_at: String,
    returned_by: String,
    /// The version sent back was kept (else the points alone).
    version_kept: bool,
    points: Vec<JsonPointCheck>,
    /// The numbers of the points not answered (未修改, 问题仍在).
    unanswered: Vec<usize>,
    changes: Vec<JsonChange>,
}

#[derive(Serialize)]
struct JsonPointCheck {
    n: usize,
    text: String,
    /// fixed, untouched, still_flagged or unplaced.
    status: &'static str,
}

#[derive(Serialize)]
struct JsonChange {
    /// budget_box, goal, task_added, task_removed, task_funds, row_added,
    /// row_removed, target.
    kind: &'static str,
    /// The path in this version (`budget.expenditure.basic`,
    /// `indicators[29]`); for a removed row, its path in the version
    /// sent back.
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<String>,
}

fn json_revision(rev: super::revision::Revision, at: impl Fn(&str) -> String) -> JsonRevision {
    use super::revision::Change;
    use crate::model::Location;
    let amount = |a: Option<rust_decimal::Decimal>| a.map(|d| d.to_string());
    let change =
        |kind, location: Option<Location>, name: Option<String>, before, after| JsonChange {
            kind,
            location: location.map(|l| l.to_string()),
            name,
            before,
            after,
        };
    JsonRevision {
        returned_at: at(&rev.at),
        returned_by: rev.reviewer.clone(),
        version_kept: rev.kept,
        unanswered: rev.unanswered(),
        points: rev
            .points
            .iter()
            .map(|p| JsonPointCheck {
                n: p.n,
                text: p.text.clone(),
                status: p.status.as_str(),
            })
            .collect(),
        changes: rev
            .changes
            .into_iter()
            .map(|c| match c {
                Change::Box { b, before, after } => change(
                    "budget_box",
                    Some(Location::BudgetBox(b)),
                    None,
                    amount(before),
                    amount(after),
                ),
                Change::Goal => change("goal", Some(Location::OverallGoal), None, None, None),
                Change::TaskAdded(n) => change("task_added", None, Some(n), None, None),
                Change::TaskRemoved(n) => change("task_removed", None, Some(n), None, None),
                Change::TaskFunds {
                    name,
                    before,
                    after,
                } => change(
                    "task_funds",
                    None,
                    Some(name),
                    amount(before),
                    amount(after),
                ),
                Change::RowAdded { row, name } => change(
                    "row_added",
                    Some(Location::Indicator(row, None)),
                    Some(name),
                    None,
                    None,
                ),
                Change::RowRemoved { row, name } => change(
                    "row_removed",
                    Some(Location::Indicator(row, None)),
                    Some(name),
                    None,
                    None,
                ),
                Change::Target {
                    row,
                    name,
                    before,
                    after,
                } => change(
                    "target",
                    Some(Location::Indicator(row, None)),
                    Some(name),
                    Some(before),
                    Some(after),
                ),
            })
            .collect(),
    }
}

/// Everything, for machines.
/// Times carry the reviewer's offset (`zone`), as every export shows them.
pub fn json(rows: &[Reviewed], lang: Lang, zone: &jiff::tz::TimeZone) -> String {
    let at = |t: &str| crate::clock::with_offset(t, zone);
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
                    .map(|e| e.message(lang, &r.entry.file)),
                budget_checks: c.map_or_else(Vec::new, |c| {
                    crate::report::json_budget_checks(&BudgetCheck::all(&c.declaration))
                }),
                flags: c
                    .map(|c| {
                        c.flags
                            .iter()
                            .map(|f| {
                                let judged =
                                    r.review.judged(f.rule().id(), &f.location.to_string());
                                ExportFlag {
                                    flag: crate::report::json_flag(lang, f, &c.declaration.cells),
                                    disposition: r.review.disposition_of(f),
                                    disposed_by: judged.map(|j| j.reviewer.as_str()),
                                    disposed_at: judged.map(|j| at(&j.at)),
                                    reason: judged.and_then(|j| j.reason.as_deref()),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                dispositions: r
                    .review
                    .dispositions
                    .iter()
                    .map(|j| JsonDisposition {
                        rule: &j.rule,
                        location: j.path.as_deref(),
                        every_place: j.path.is_none(),
                        disposition: j.disposition,
                        reason: j.reason.as_deref(),
                        reviewer: &j.reviewer,
                        login: j.login.as_deref(),
                        at: at(&j.at),
                        earlier_version: j.earlier_version,
                        verified: j.vouch == Vouch::Vouched,
                    })
                    .collect(),
                notice_rewordings: r
                    .review
                    .rewordings
                    .iter()
                    .map(|w| JsonReworded {
                        part: &w.part,
                        text: w.text.as_deref(),
                        dropped: w.dropped,
                        after: w.after.as_deref(),
                        reviewer: &w.reviewer,
                        login: w.login.as_deref(),
                        at: at(&w.at),
                        earlier_version: w.earlier_version,
                    })
                    .collect(),
                revision: c
                    .and_then(|c| super::revision::of(&r.review, c))
                    .map(|rev| json_revision(rev, at)),
                previous: c
                    .and_then(|c| c.previous.as_ref())
                    .map(|p| crate::report::json_previous(lang, p)),
                decision: r.review.decision(),
                grade: v.and_then(|v| v.grade),
                grade_fits_decision: v.is_none_or(|v| !v.contradicts()),
                decided_by: v.map(|v| v.reviewer.as_str()),
                decided_by_login: v.and_then(|v| v.login.as_deref()),
                decided_at: v.map(|v| at(&v.at)),
                journal_error: r.review.journal_problem.as_ref().map(|p| p.message(lang)),
                skipped_lines: &r.review.skipped,
                unconfirmed_decision: r.review.unconfirmed.as_ref().map(|u| JsonUnconfirmed {
                    decision: u.decision,
                    grade: u.grade,
                    decided_by: &u.reviewer,
                    decided_by_login: u.login.as_deref(),
                    decided_at: at(&u.at),
                }),
                forged: r
                    .review
                    .forged
                    .iter()
                    .map(|(record, owner)| JsonForged {
                        written_by: owner,
                        reviewer: &record.reviewer,
                        login: record.login.as_deref(),
                        at: at(&record.at),
                        record: &record.body,
                    })
                    .collect(),
                misnamed_journals: r
                    .review
                    .misnamed
                    .iter()
                    .map(|(file, owner)| JsonMisnamed { file, owner })
                    .collect(),
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
                            login: cm.login.as_deref(),
                            edited_by: cm.editor.as_ref().map(|e| e.name.as_str()),
                            edited_by_login: cm.editor.as_ref().and_then(|e| e.login.as_deref()),
                            text: &cm.text,
                            at: at(&cm.at),
                            edited: cm.edited,
                            withdrawn: cm.withdrawn,
                            withdrawn_by: cm.withdrawn_by.as_ref().map(|w| w.name.as_str()),
                            withdrawn_by_login: cm
                                .withdrawn_by
                                .as_ref()
                                .and_then(|w| w.login.as_deref()),
                            earlier_version: cm.earlier_version,
                            verified: cm.vouch == Vouch::Vouched,
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

worded_error!(NoticeError);

#[cfg(test)]
mod tests;
