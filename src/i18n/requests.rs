//! The words points of the 审核意见 share: quoting, the places a point
//! names, the documents cited, blank boxes (COMP, INFO). A rule's own
//! point is spelled in its file (`rules/<section>/<id>.rs`, its
//! `request`), written for the department rather than the reviewer: a
//! requirement of a document ends with the document cited, a practice of
//! this tool is advice (`建议…`) and names no threshold as a rule.
//! `rules::request` says which words each rule's point takes.
//!
//! `places` is already in its safe form (the notice builds it); every other
//! text from the file is quoted safe here, with ‘ ’ for quotes inside.

use super::{Lang, Phrase, pick};
use crate::amount::format_wan;
use rust_decimal::Decimal;

/// Text from the file in quotation marks: safe, shortened, and its own
/// double quotes turned single (`“服务单位对‘三支一扶’人员满意度”`).
pub fn quoted(lang: Lang, s: &str) -> String {
    let inner: String = crate::sanitize::quote(s.trim())
        .chars()
        .map(|c| match (lang, c) {
            (Lang::Zh, '“') => '‘',
            (Lang::Zh, '”') => '’',
            (Lang::En, '"') => '\'',
            _ => c,
        })
        .collect();
    pick(lang, format!("“{inner}”"), format!("\"{inner}\""))
}

/// Several values, each quoted: `“合规”“保持稳定”`.
pub fn values(lang: Lang, each: &[String]) -> String {
    let q: Vec<String> = each.iter().map(|v| quoted(lang, v)).collect();
    q.join(pick(lang, "", ", "))
}

/// The documents a requirement cites, briefly, as a letter cites them.
pub const DOC_88: Phrase = Phrase::new(
    "《中央部门预算绩效目标管理办法》",
    "the Measures for the Management of Budget Performance Targets (Caiyu [2015] No. 88)",
);
pub const DOC_285: Phrase = Phrase::new(
    "《财政支出绩效评价管理暂行办法》",
    "the Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285)",
);
pub const DOC_34: Phrase = Phrase::new(
    "《中共中央 国务院关于全面实施预算绩效管理的意见》",
    "the Opinions on Fully Implementing Budget Performance Management (Zhongfa [2018] No. 34)",
);

/// `依据《…》。`: the sentence a requirement ends with.
pub fn cited(lang: Lang, document: Phrase) -> String {
    pick(
        lang,
        format!("依据{}。", document.get(lang)),
        format!(" See {}.", document.get(lang)),
    )
}

// Where: the places as the notice names them.

/// `表中第28—31行` for a workbook's own rows (already joined).
pub fn sheet_rows(lang: Lang, rows: &str) -> String {
    let several = rows.contains(list_separator(lang)) || rows.contains('—');
    let en = if several { "Rows" } else { "Row" };
    pick(
        lang,
        format!("表中第{rows}行"),
        format!("{en} {rows} of the form, "),
    )
}

/// A range of rows: `28—31`.
pub fn row_range(first: u32, last: u32) -> String {
    format!("{first}—{last}")
}

/// The separator of a list of rows or values: `、`.
pub fn list_separator(lang: Lang) -> &'static str {
    pick(lang, "、", ", ")
}

/// Between clauses of a parenthesis: `；`.
pub fn clause_separator(lang: Lang) -> &'static str {
    pick(lang, "；", "; ")
}

/// Indicators by their names: `指标“A”`, `指标“A”“B”`, or `“A”“B”等4个指标`.
pub fn indicators_named(lang: Lang, names: &str, count: usize, all_named: bool) -> String {
    match (lang, all_named) {
        (Lang::Zh, true) => format!("指标{names}"),
        (Lang::Zh, false) => format!("{names}等{count}个指标"),
        (Lang::En, true) => format!("indicator {names}"),
        (Lang::En, false) => format!("indicators {names} and others ({count} in all)"),
    }
}

/// Key tasks by their names.
pub fn tasks_named(lang: Lang, names: &str, count: usize, all_named: bool) -> String {
    match (lang, all_named) {
        (Lang::Zh, true) => format!("重点工作任务{names}"),
        (Lang::Zh, false) => format!("重点工作任务{names}等{count}项"),
        (Lang::En, true) => format!("key task {names}"),
        (Lang::En, false) => format!("key tasks {names} and others ({count})"),
    }
}

/// A task without a name: `第2项重点工作任务`.
pub fn task_numbered(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("第{n}项重点工作任务"),
        format!("key task {n}"),
    )
}

/// An indicator row without a name (a workbook row is named by its row).
pub const UNNAMED_INDICATOR: Phrase = Phrase::new("未填写名称的指标", "an unnamed indicator");

/// Budget boxes by their printed labels: `预算整体情况中“…”`.
pub fn boxes_named(lang: Lang, labels: &str) -> String {
    pick(
        lang,
        format!("预算整体情况中{labels}"),
        format!("The budget box {labels}"),
    )
}

/// A comment about one of several places of a point: `其中“X”：…`.
pub fn of_which(lang: Lang, place: &str, comment: &str) -> String {
    pick(
        lang,
        format!("其中{place}：{comment}"),
        format!("As to {place}: {comment}"),
    )
}

/// A comment on a place no flag names: `{place}：{comment}`.
pub fn at_place(lang: Lang, place: &str, comment: &str) -> String {
    pick(
        lang,
        format!("{place}：{comment}"),
        format!("{place}: {comment}"),
    )
}

// What rules share: a blank box of the form (COMP, INFO).

pub fn no_key_task(lang: Lang) -> String {
    pick(
        lang,
        "未填报年度重点工作任务。请填报年度重点工作任务及其主要实施内容、拟投入的资金和期望达到的目标".into(),
        "No key task is given. Please list the key tasks of the year with their content, funds and expected outcome".into(),
    )
}

/// `{places}的{fields}未填写`: blank cells of rows.
pub fn blank_cells(lang: Lang, places: &str, fields: &str) -> String {
    pick(
        lang,
        format!("{places}的{fields}未填写。请补充填写"),
        format!("{places}: {fields} blank. Please fill them in"),
    )
}

/// A required box left blank; `should_be` what the form's other sums make it.
pub fn blank_box(lang: Lang, places: &str, should_be: Option<Decimal>) -> String {
    match should_be {
        Some(v) => {
            let v = format_wan(v);
            pick(
                lang,
                format!(
                    "{places}未填写。请补充填写；按申报表的支出合计与收入来源合计，应为{v}万元"
                ),
                format!(
                    "{places} is blank. Please fill it in; by the form's spending and income totals it should be {v} 万元"
                ),
            )
        }
        None => pick(
            lang,
            format!("{places}未填写。请补充填写"),
            format!("{places} is blank. Please fill it in"),
        ),
    }
}

/// Optional boxes left blank, read as 0.
pub fn blank_read_as_zero(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}未填写，按0计算。如无此项资金，请填写0"),
        format!("{places} blank, counted as 0. If there is no such money, please write 0"),
    )
}

/// INFO-01, INFO-02, INFO-04: a box of the basic information, advice.
pub fn info_blank(lang: Lang, what: &str) -> String {
    pick(
        lang,
        format!("{what}未填写。建议补充填写"),
        format!("{what} is blank. We suggest filling it in"),
    )
}
