//! Everything, for machines: each declaration with its flags (and their
//! cells), its budget checks, comments, dispositions, decision, who wrote
//! each record and whether the system vouches for it, and what changed
//! since the version sent back.

use super::Reviewed;
use crate::i18n::Lang;
use crate::review::journals::Vouch;
use crate::review::record::{Decision, Disposition, Place};
use crate::rules::{BudgetCheck, Totals};
use serde::Serialize;

#[derive(Serialize)]
struct JsonExport<'a> {
    catalogue_version: u32,
    declarations: Vec<JsonReviewed<'a>>,
    /// As `check --format json`'s: the flags by severity, then the
    /// batch's figures (`review::season`).
    summary: crate::report::JsonSummary<'a, crate::review::season::Season>,
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
    grade: Option<crate::review::record::Grade>,
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
    grade: Option<crate::review::record::Grade>,
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
    record: &'a crate::review::record::Body,
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

fn json_revision(
    rev: crate::review::revision::Revision,
    at: impl Fn(&str) -> String,
) -> JsonRevision {
    use crate::model::Location;
    use crate::review::revision::Change;
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
                    .and_then(|c| crate::review::revision::of(&r.review, c))
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
    let season = super::season(rows);
    let report = JsonExport {
        catalogue_version: crate::report::CATALOGUE_VERSION,
        declarations,
        summary: crate::report::JsonSummary {
            counts: crate::report::Summary::of_flags(
                rows.iter()
                    .map(|r| r.entry.outcome.as_ref().ok().map(|c| c.flags.as_slice())),
            ),
            season: Some(&season),
        },
    };
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
