//! One row per declaration, as the CSV and the workbook both show it:
//! who, the total, the flags that stand by severity, those dismissed, the
//! decision and the grade.

use super::Reviewed;
use crate::i18n::{self, Lang};
use crate::review::record::Decision;
use crate::rules::{Counts, Severity, Totals};

fn decision_word(lang: Lang, d: Decision) -> &'static str {
    d.label().get(lang)
}

/// The summary of one declaration, in the columns of [`i18n::csv_header`]:
/// the flags that stand by severity, the dismissed ones apart with their
/// reasons; the total as a plain decimal (`6772.35`), as a spreadsheet
/// reads a number.
pub(super) fn summary_row(r: &Reviewed, lang: Lang) -> [String; 13] {
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
pub(super) const TEXT_COLUMNS: [usize; 4] = [0, 1, 10, 12];
/// Columns of the summary that hold counts.
pub(super) const COUNT_COLUMNS: [usize; 5] = [4, 5, 6, 7, 11];
/// The column of the summary that holds money.
pub(super) const MONEY_COLUMNS: [usize; 1] = [3];
