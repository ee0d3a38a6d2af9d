//! 审核情况报告 (issue 24): the report on the season's review that a
//! finance bureau sends to the district government, set on the GB/T 9704
//! page as the 审核意见 are. In Chinese, as everything that leaves the
//! bureau. Its figures are the season's (`review::season`), counted the
//! way the desk and the JSON count them; its examples are quoted from the
//! batch — the department and what the flag found it wrote — and never
//! name a reviewer.

use super::Reviewed;
use crate::config::ReportSettings;
use crate::i18n::Lang;
use crate::i18n::report as words;
use crate::review::notice::Wording;
use crate::review::notice::docx::Grid;
use crate::review::notice::text::{Paragraph, Role};
use crate::review::season::Season;
use crate::rules::Rule;
use crate::sanitize::display_line;

const ZH: Lang = Lang::Zh;

/// The problems the report describes, most frequent first.
const PROBLEMS: usize = 5;
/// Examples quoted for each.
const EXAMPLES: usize = 3;

/// The report: its paragraphs, and the table of results after one.
pub struct Report {
    pub paragraphs: Vec<Paragraph>,
    pub results: Grid,
    /// The paragraph the table follows.
    pub table_after: usize,
}

fn para(role: Role, lead: &str, text: impl Into<String>) -> Paragraph {
    Paragraph {
        role,
        lead: lead.to_string(),
        text: text.into(),
        part: None,
        wording: Wording::Generated,
    }
}

/// The fiscal year most of the batch declares, if any does.
fn year_of(rows: &[Reviewed]) -> Option<i32> {
    let mut years = std::collections::BTreeMap::new();
    for r in rows {
        if let Some(y) = r
            .entry
            .outcome
            .as_ref()
            .ok()
            .and_then(|c| c.declaration.fiscal_year)
        {
            *years.entry(y).or_insert(0usize) += 1;
        }
    }
    years
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// Up to [`EXAMPLES`] departments with a flag of `rule` that goes out,
/// one example each: the department, and what the flag found.
fn examples(rows: &[Reviewed], rule: Rule) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for r in rows {
        let Ok(c) = r.entry.outcome.as_ref() else {
            continue;
        };
        let Some(flag) = r.review.standing_flags(&c.flags).find(|f| f.rule() == rule) else {
            continue;
        };
        let name = display_line(&super::xlsx::department(r, ZH)).into_owned();
        if out.iter().all(|(n, _)| *n != name) {
            out.push((name, flag.message(ZH)));
        }
        if out.len() == EXAMPLES {
            break;
        }
    }
    out
}

/// The department of a row of the results table; a file that could not
/// be read is named by its file.
fn named(r: &Reviewed) -> String {
    match &r.entry.outcome {
        Ok(_) => display_line(&super::xlsx::department(r, ZH)).into_owned(),
        Err(_) => words::unreadable(&display_line(&r.entry.file)),
    }
}

/// The report on `rows`, whose figures are `season` ([`super::season`] of
/// the same rows), dated `date`.
pub fn report(
    rows: &[Reviewed],
    season: &Season,
    settings: &ReportSettings,
    date: jiff::civil::Date,
) -> Report {
    let year = year_of(rows);
    let files = rows.len();
    let unreadable = rows.iter().filter(|r| r.entry.outcome.is_err()).count();
    let mut out = vec![para(Role::Title, "", words::title(year))];
    let to = settings.to.as_deref().map(display_line);
    out.push(para(Role::Addressee, "", words::addressee(to.as_deref())));
    out.push(para(Role::Body, "", words::opening(files, year)));
    out.push(para(Role::Heading, "", words::BASIC));
    let today = crate::i18n::notice::date(ZH, date.year(), date.month(), date.day());
    let (d, g, m) = (&season.decisions, &season.grades, season.measurability.all);
    let figures = words::Figures {
        files,
        unreadable,
        approve: d.approve,
        returned: d.returned,
        pending: d.pending,
        grades: [g.excellent, g.good, g.fair, g.poor],
        rows: m.rows,
        measurable: m.measurable,
        per_mille: m.per_mille(),
    };
    out.push(para(Role::Body, "", words::basics(&figures, &today)));
    out.push(para(Role::Heading, "", words::RESULTS));
    out.push(para(Role::Body, "", words::RESULTS_BELOW));
    let table_after = out.len().saturating_sub(1);
    out.push(para(Role::Heading, "", words::PROBLEMS));
    if season.rules.is_empty() {
        out.push(para(Role::Body, "", words::NO_PROBLEMS));
    }
    let lead = |i: usize| crate::i18n::notice::point_number(ZH, i + 1);
    for (i, c) in season.rules.iter().take(PROBLEMS).enumerate() {
        let text = words::problem(
            c.rule.info().title(ZH),
            c.declarations,
            &examples(rows, c.rule),
        );
        out.push(para(Role::Point, &lead(i), text));
    }
    if !season.dismissed.is_empty() {
        let flags = season.dismissed.iter().map(|c| c.flags).sum();
        let rules: Vec<&str> = season
            .dismissed
            .iter()
            .map(|c| c.rule.info().title(ZH))
            .collect();
        out.push(para(Role::Body, "", words::dismissed(flags, &rules)));
    }
    out.push(para(Role::Heading, "", words::NEXT));
    for (i, c) in season.rules.iter().take(PROBLEMS).enumerate() {
        // The document the rule rests on, where it cites one: a rule of
        // this tool's own practice gives no source to cite upward.
        let cite = c.rule.info().basis.cite.map(|c| c.get(ZH));
        let text = words::suggestion(c.rule.info().title(ZH), cite);
        out.push(para(Role::Point, &lead(i), text));
    }
    if season.rules.is_empty() {
        out.push(para(Role::Body, "", words::KEEP_ON));
    }
    let issuer = settings.issuer.as_deref().map(display_line);
    out.push(para(Role::Signature, "", words::issuer(issuer.as_deref())));
    out.push(para(Role::Signature, "", today));
    Report {
        paragraphs: out,
        results: results(rows),
        table_after,
    }
}

fn results(rows: &[Reviewed]) -> Grid {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let v = r.review.verdict.as_ref();
            vec![
                (i + 1).to_string(),
                named(r),
                r.review.decision().label().get(ZH).to_string(),
                v.and_then(|v| v.fitting_grade())
                    .map(|g| g.label().get(ZH).to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    Grid {
        header: words::RESULT_COLUMNS
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows,
        widths: vec![3, 18, 6, 4],
    }
}

/// The report as a Word document.
pub fn document(report: &Report) -> Result<Vec<u8>, String> {
    crate::review::notice::docx::official(
        &report.paragraphs,
        Some((report.table_after, &report.results)),
    )
}

/// The report as plain lines, the table where it stands: what the tests
/// compare, and what `report` prints without `--out`.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for (i, p) in report.paragraphs.iter().enumerate() {
        out.push_str(&p.lead);
        out.push_str(&p.text);
        out.push('\n');
        if i == report.table_after {
            out.push_str(&report.results.header.join(" | "));
            out.push('\n');
            for r in &report.results.rows {
                out.push_str(&r.join(" | "));
                out.push('\n');
            }
        }
    }
    out
}
