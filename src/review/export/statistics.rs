//! 审核情况统计.xlsx (issue 24): the season's figures as sheets, with
//! native Excel charts an office can restyle — a column chart of the
//! decisions, one of the grades, a bar chart of the problems by rule —
//! each drawn from the cells beside it, so what the chart shows is what
//! the sheet says. In Chinese, as everything the bureau sends upward.

use super::Reviewed;
use super::xlsx::{Kind, Sheet, XlsxError, department, failed};
use crate::i18n::Lang;
use crate::i18n::season::workbook as words;
use crate::review::record::{Decision, Grade};
use crate::review::season::{RuleCount, Season};
use rust_xlsxwriter::{Chart, Workbook};

const ZH: Lang = Lang::Zh;

fn count(c: usize) -> Kind {
    if c == 0 { Kind::Text } else { Kind::Count }
}

/// A chart of `kind` titled `title`, its series `rows` of the sheet
/// `sheet` (0-based, inclusive): categories in column A, values in `values`.
fn chart(new: fn() -> Chart, title: &str, sheet: &str, rows: (u32, u32), values: u16) -> Chart {
    let mut c = new();
    c.title().set_name(title);
    c.legend().set_hidden();
    c.add_series()
        .set_categories((sheet, rows.0, 0, rows.1, 0))
        .set_values((sheet, rows.0, values, rows.1, values));
    c
}

fn overview(book: &mut Workbook, s: &Season) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(book, words::OVERVIEW, &words::OVERVIEW_TITLES, ZH)?;
    let d = &s.decisions;
    let g = &s.grades;
    let lines = [
        (Decision::Pending.label().get(ZH), d.pending),
        (Decision::Approve.label().get(ZH), d.approve),
        (Decision::Return.label().get(ZH), d.returned),
        (Grade::Excellent.label().get(ZH), g.excellent),
        (Grade::Good.label().get(ZH), g.good),
        (Grade::Fair.label().get(ZH), g.fair),
        (Grade::Poor.label().get(ZH), g.poor),
    ];
    for (word, n) in lines {
        sheet.row(words::OVERVIEW, &[word.to_string(), n.to_string()], count)?;
    }
    // Rows 1–3 are the decisions, 4–7 the grades (row 0 holds the titles).
    let decisions = chart(
        Chart::new_column,
        words::DECISIONS_CHART,
        words::OVERVIEW,
        (1, 3),
        1,
    );
    let grades = chart(
        Chart::new_column,
        words::GRADES_CHART,
        words::OVERVIEW,
        (4, 7),
        1,
    );
    sheet.chart(1, 3, &decisions)?;
    sheet.chart(17, 3, &grades)?;
    sheet.finish()
}

fn rules(book: &mut Workbook, name: &str, counts: &[RuleCount]) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(book, name, &words::PROBLEM_TITLES, ZH)?;
    for c in counts {
        let cells = [
            c.rule.id().to_string(),
            c.rule.info().title(ZH).to_string(),
            c.declarations.to_string(),
            c.flags.to_string(),
        ];
        sheet.row(
            name,
            &cells,
            |col| if col < 2 { Kind::Text } else { Kind::Count },
        )?;
    }
    if name == words::PROBLEMS && !counts.is_empty() {
        let last = u32::try_from(counts.len()).unwrap_or(u32::MAX);
        let mut bars = chart(Chart::new_bar, words::PROBLEMS_CHART, name, (1, last), 2);
        // Most frequent at the top, as the sheet lists them; a bar's room
        // each, not every rule squeezed into the default height.
        bars.y_axis().set_reverse();
        bars.set_width(640).set_height(
            u32::try_from(80 + 22 * counts.len())
                .unwrap_or(u32::MAX)
                .min(2_000),
        );
        sheet.chart(1, 5, &bars)?;
    }
    sheet.finish()
}

fn results(book: &mut Workbook, rows: &[Reviewed]) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(book, words::RESULTS, &words::RESULT_TITLES, ZH)?;
    for r in rows {
        let v = r.review.verdict.as_ref();
        let cells = [
            r.entry.file.clone(),
            department(r, ZH),
            r.review.decision().label().get(ZH).to_string(),
            v.and_then(|v| v.fitting_grade())
                .map(|g| g.label().get(ZH).to_string())
                .unwrap_or_default(),
            v.map(|v| v.reviewer.clone()).unwrap_or_default(),
        ];
        sheet.row(&r.entry.file, &cells, |_| Kind::Text)?;
    }
    sheet.finish()
}

fn measurability(book: &mut Workbook, rows: &[Reviewed]) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(book, words::MEASURABLE, &words::MEASURABLE_TITLES, ZH)?;
    let mut measured: Vec<(&Reviewed, crate::rules::Measurability)> = rows
        .iter()
        .filter_map(|r| Some((r, r.entry.outcome.as_ref().ok()?.measurability)))
        .filter(|(_, m)| m.rows > 0)
        .collect();
    // Least measurable first, as 本批概况 lists them.
    measured.sort_by(|(a, x), (b, y)| {
        x.cmp_share(*y)
            .then_with(|| a.entry.file.cmp(&b.entry.file))
    });
    for (r, m) in measured {
        let cells = [
            r.entry.file.clone(),
            department(r, ZH),
            m.rows.to_string(),
            m.measurable.to_string(),
        ];
        sheet.row(&r.entry.file, &cells, |col| {
            if col < 2 { Kind::Text } else { Kind::Count }
        })?;
    }
    sheet.finish()
}

/// The indicator rows several departments wrote alike, as 本批概况
/// lists them.
fn repeated(book: &mut Workbook, s: &Season) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(book, words::REPEATED, &words::REPEATED_TITLES, ZH)?;
    for r in &s.repeated {
        let cells = [
            r.row.name.clone(),
            r.row.annual_target.clone().unwrap_or_default(),
            r.row.period_target.clone().unwrap_or_default(),
            r.departments.to_string(),
            r.files.join("、"),
        ];
        let first = r.files.first().map_or("", String::as_str);
        sheet.row(first, &cells, |col| {
            if col == 3 { Kind::Count } else { Kind::Text }
        })?;
    }
    sheet.finish()
}

/// The statistics workbook of the folder's reviews, whose figures are
/// `season` ([`super::season`] of the same rows).
pub fn statistics(rows: &[Reviewed], season: &Season) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    overview(&mut book, season)?;
    rules(&mut book, words::PROBLEMS, &season.rules)?;
    rules(&mut book, words::DISMISSED, &season.dismissed)?;
    results(&mut book, rows)?;
    measurability(&mut book, rows)?;
    repeated(&mut book, season)?;
    book.save_to_buffer().map_err(failed)
}
