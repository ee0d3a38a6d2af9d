//! The words of last year's comparison: why a declaration has no
//! previous, what `check` says of last year's folder, the 上年对比 pane
//! (the YOY rules' own words are in their files).

use super::{Lang, Phrase, pick};

pub fn no_previous(lang: Lang) -> String {
    pick(
        lang,
        "上年文件夹中没有该部门上一年度的申报表".to_string(),
        "last year's folder holds no declaration of this department for the year before"
            .to_string(),
    )
}

pub fn several_previous(lang: Lang, files: &[String]) -> String {
    pick(
        lang,
        format!(
            "上年文件夹中该部门有 {} 份申报表（{}），无法确定是哪一份",
            files.len(),
            files.join("、")
        ),
        format!(
            "last year's folder holds {} declarations of this department ({}): which one is meant cannot be told",
            files.len(),
            files.join(", ")
        ),
    )
}

pub fn unreadable_previous(lang: Lang, file: &str) -> String {
    pick(
        lang,
        format!("该部门上年的申报表 {file} 无法读取"),
        format!("this department's declaration of last year, {file}, cannot be read"),
    )
}

pub fn nameless_previous(lang: Lang) -> String {
    pick(
        lang,
        "部门名称为空，无法查找上年的申报表".to_string(),
        "the department name is blank: last year's declaration cannot be looked for".to_string(),
    )
}

/// `check`'s line under a declaration: last year's file and how its rows
/// matched.
pub fn previous_line(lang: Lang, file: &str, matched: usize, dropped: usize) -> String {
    pick(
        lang,
        format!("上年：{file}（对应上年指标 {matched} 行，上年另有 {dropped} 行本年未设）"),
        format!("last year: {file} ({matched} rows matched, {dropped} of last year's dropped)"),
    )
}

/// `check`'s line under a declaration without a previous.
pub fn no_previous_line(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("上年：无（{why}）"),
        format!("last year: none ({why})"),
    )
}

/// `check`'s line on last year's folder, before the summary.
pub fn last_year_folder(lang: Lang, folder: &str, loaded: usize, broken: usize) -> String {
    pick(
        lang,
        format!("上年文件夹 {folder}：读取 {loaded} 份申报表，{broken} 个文件无法读取"),
        format!(
            "last year's folder {folder}: {loaded} declarations read, {broken} files unreadable"
        ),
    )
}

/// Last year's folder named cannot be read at all.
pub fn cannot_open_last_year(lang: Lang, folder: &str, why: &str) -> String {
    pick(
        lang,
        format!("无法读取上年文件夹 {folder}：{why}"),
        format!("cannot read last year's folder {folder}: {why}"),
    )
}

// The desk's 上年对比 pane.

pub fn no_folder_named(lang: Lang) -> String {
    pick(
        lang,
        "未指定上年文件夹。用 --previous DIR 或配置文件的 [compare] previous 指定后，这里显示与上年的对比。".to_string(),
        "No folder of last year named. Name one with --previous DIR or [compare] previous in the configuration to compare here.".to_string(),
    )
}

/// `上年：yx-jyj-2024.json · 2024年度`.
pub fn previous_heading(lang: Lang, file: &str, year: &str) -> String {
    pick(
        lang,
        format!("上年：{file} · {year}"),
        format!("Last year: {file} · {year}"),
    )
}

pub fn budget_columns(lang: Lang) -> [&'static str; 5] {
    pick(
        lang,
        ["预算（万元）", "上年", "本年", "增减", "增减%"],
        [
            "Budget (万元)",
            "last year",
            "this year",
            "change",
            "change %",
        ],
    )
}

pub fn task_columns(lang: Lang) -> [&'static str; 5] {
    pick(
        lang,
        ["重点任务", "上年", "本年", "增减", "增减%"],
        ["Key task", "last year", "this year", "change", "change %"],
    )
}

pub fn indicator_columns(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["绩效指标", "上年指标值", "本年指标值", "要求变化"],
        ["Indicator", "last year", "this year", "moved"],
    )
}

pub fn dropped_heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "上年有、本年未设的指标",
        "Last year's indicators, dropped",
    )
}

pub fn dropped_row(lang: Lang) -> &'static str {
    pick(lang, "本年未设", "dropped")
}

/// How a target moved: asks more, asks less, the same, changed otherwise.
pub const MOVED_UP: Phrase = Phrase::new("提高", "up");
pub const MOVED_DOWN: Phrase = Phrase::new("降低", "down");
pub const MOVED_SAME: Phrase = Phrase::new("不变", "same");
pub const MOVED_OTHERWISE: Phrase = Phrase::new("有变化", "changed");

pub fn new_row(lang: Lang) -> &'static str {
    pick(lang, "新增", "new")
}

pub fn dropped_task(lang: Lang) -> &'static str {
    pick(lang, "本年未列", "dropped")
}

/// Under the cursor: this year's row with last year's name.
pub fn was_named(lang: Lang, row: &str, old: &str) -> String {
    pick(
        lang,
        format!("{row}（上年为“{old}”）"),
        format!("{row} (last year “{old}”)"),
    )
}

/// `上年第9行 校园食品安全抽检`.
pub fn last_years_row(lang: Lang, n: usize, name: &str) -> String {
    pick(
        lang,
        format!("上年第{n}行 {name}"),
        format!("last year's row {n} {name}"),
    )
}

/// The list's state line, when it is filtered by last year: ` · 上年：有`.
pub fn list_filter(lang: Lang, has: Option<bool>) -> String {
    match has {
        None => String::new(),
        Some(true) => pick(lang, " · 上年：有", " · last year: found").to_string(),
        Some(false) => pick(lang, " · 上年：无", " · last year: none").to_string(),
    }
}

/// The desk's first word when last year's folder has files that did not
/// load (`shenhe check --previous` names them).
pub fn broken_last_year(lang: Lang, folder: &str, n: usize) -> String {
    pick(
        lang,
        format!("上年文件夹 {folder} 中有 {n} 个文件无法读取（shenhe check --previous 可列出）"),
        format!(
            "{n} files of last year's folder {folder} cannot be read (shenhe check --previous lists them)"
        ),
    )
}
