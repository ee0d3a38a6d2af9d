//! The words of 修改情况: what became of each point sent back, and what
//! else a resubmission changed.

use super::{Lang, Phrase, pick};

pub const FIXED: Phrase = Phrase::new("已修改", "fixed");
pub const UNTOUCHED: Phrase = Phrase::new("未修改", "untouched");
pub const STILL_FLAGGED: Phrase = Phrase::new("问题仍在", "still flagged");
pub const UNPLACED: Phrase = Phrase::new("请核对", "check");

pub const BUDGET: Phrase = Phrase::new("预算", "budget");
pub const GOAL: Phrase = Phrase::new("总体目标", "goal");
pub const TASK: Phrase = Phrase::new("重点任务", "task");
pub const ROW: Phrase = Phrase::new("绩效指标", "indicator");
pub const ADDED: Phrase = Phrase::new("新增", "added");
pub const REMOVED: Phrase = Phrase::new("删除", "removed");
pub const CHANGED: Phrase = Phrase::new("已改动", "changed");

/// `上次退回：2026-12-04 15:00 · 王审核 · 4 点意见`.
pub fn heading(lang: Lang, at: &str, reviewer: &str, points: usize) -> String {
    pick(
        lang,
        format!("上次退回：{at} · {reviewer} · {points} 点意见"),
        format!("Last returned: {at} · {reviewer} · {points} points"),
    )
}

/// `第1点 未修改`.
pub fn point_status(lang: Lang, n: usize, status: &str) -> String {
    pick(
        lang,
        format!("第{n}点 {status}"),
        format!("point {n}: {status}"),
    )
}

pub fn other_changes(lang: Lang) -> &'static str {
    pick(lang, "其他改动", "Other changes")
}

/// `预算 · 部门预算支出·基本支出：186,520.40 → 186,600.40`.
pub fn change(lang: Lang, what: &str, place: &str, detail: &str) -> String {
    let colon = super::colon(lang);
    match place.is_empty() {
        true => format!("{what}{colon}{detail}"),
        false => format!("{what} · {place}{colon}{detail}"),
    }
}

/// `第30行 学生近视率下降`: a row of this version.
pub fn row(lang: Lang, n: usize, name: &str) -> String {
    pick(lang, format!("第{n}行 {name}"), format!("row {n} {name}"))
}

/// A row of the version sent back.
pub fn earlier_row(lang: Lang, n: usize, name: &str) -> String {
    pick(
        lang,
        format!("原第{n}行 {name}"),
        format!("was row {n} {name}"),
    )
}

pub fn never_returned(lang: Lang) -> &'static str {
    pick(
        lang,
        "这份申报表没有退回过。退回时会留存退回的版本和审核意见，部门重报后在这里逐点对照。",
        "This declaration was never returned. When it is, the version and the notice are kept, and the resubmission is held against them here.",
    )
}

pub fn not_resubmitted(lang: Lang) -> &'static str {
    pick(
        lang,
        "已退回，部门尚未重报（文件仍是退回时的版本）。",
        "Returned; the department has not resubmitted (the file is the version returned).",
    )
}

pub fn not_kept(lang: Lang) -> &'static str {
    pick(
        lang,
        "退回时的版本未留存（审核记录已接近大小上限），只能列出上次的意见，请逐点核对。",
        "The version returned was not kept (the journal was near its size cap): the points are listed, to be checked by hand.",
    )
}
