//! Words of the review desk's panes.

use super::{Lang, pick, severity};
use crate::rules::Severity;

pub fn flags_heading(lang: Lang, s: Severity, n: usize) -> String {
    pick(
        lang,
        format!("{}（{n}）", severity(lang, s)),
        format!("{} ({n})", severity(lang, s)),
    )
}

pub fn budget_heading(lang: Lang) -> &'static str {
    pick(lang, "预算整体情况（万元）", "Budget (万元)")
}

pub fn reconciliation_columns(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["核对", "金额", "应等于", "差额"],
        ["check", "amount", "should match", "difference"],
    )
}

/// Spending total T; income total; total by budget level; key-task funds
/// (against 项目支出 + 事业发展性支出).
pub fn reconciliation_labels(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        [
            "支出合计 T",
            "收入来源合计",
            "按预算级次合计",
            "重点任务资金 / 项目+事业发展性支出",
        ],
        [
            "spending total T",
            "income total",
            "total by budget level",
            "key-task funds / project + development",
        ],
    )
}

pub fn task_columns(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["序号", "名称", "拟投入资金（万元）", "占支出合计"],
        ["#", "name", "funds (万元)", "share of T"],
    )
}

pub fn task_sum(lang: Lang) -> &'static str {
    pick(lang, "合计", "total")
}

pub fn indicator_columns(lang: Lang) -> [&'static str; 6] {
    pick(
        lang,
        [
            "行",
            "一级指标",
            "二级指标",
            "三级指标",
            "实施周期指标值",
            "年度指标值",
        ],
        [
            "row",
            "level 1",
            "level 2",
            "indicator",
            "period target",
            "annual target",
        ],
    )
}

pub fn pane_title(lang: Lang, index: usize) -> &'static str {
    let zh = ["概览", "预算", "重点任务", "绩效指标", "问题"];
    let en = ["Overview", "Budget", "Key tasks", "Indicators", "Problems"];
    pick(lang, zh, en).get(index).copied().unwrap_or("")
}
