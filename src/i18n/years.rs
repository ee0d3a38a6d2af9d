//! The words of last year's comparison: the YOY flags, why a declaration
//! has no previous, and what `check` says of last year's folder.

use super::{Lang, pick};
use crate::sanitize::quote;

/// YOY-01: a target made easier, with last year's name where it differs.
pub fn yoy01(
    lang: Lang,
    was_named: Option<&str>,
    before: &str,
    now: &str,
    ceiling: bool,
) -> String {
    let (before, now) = (quote(before), quote(now));
    let (zh_verb, en_verb) = if ceiling {
        ("放宽为", "raised to")
    } else {
        ("降为", "lowered to")
    };
    let (zh_was, en_was) = match was_named {
        Some(name) => (
            format!("（上年指标为“{}”）", quote(name)),
            format!(" (last year's indicator: “{}”)", quote(name)),
        ),
        None => (String::new(), String::new()),
    };
    pick(
        lang,
        format!("指标值由上年的“{before}”{zh_verb}“{now}”{zh_was}"),
        format!("target {en_verb} “{now}” from last year's “{before}”{en_was}"),
    )
}

/// YOY-02: last year's indicators that no row of this year is.
pub fn yoy02(lang: Lang, shown: &[String], more: usize) -> String {
    let names: Vec<String> = shown.iter().map(|n| format!("“{}”", quote(n))).collect();
    let (zh_more, en_more) = super::flags::and_more(shown.len(), more, "等 {} 个", " and {} more");
    pick(
        lang,
        format!("上年的指标{}{zh_more}本年未再设置", names.join("")),
        format!(
            "last year's indicators {}{en_more} are not set this year",
            names.join(", ")
        ),
    )
}

/// YOY-03: the goal is last year's, numbers aside.
pub fn yoy03(lang: Lang, edits: usize, chars: usize) -> String {
    if edits == 0 {
        return pick(
            lang,
            "总体绩效目标与上年的相同（只有数字不同）".to_string(),
            "the overall goal is last year's, only its numbers changed".to_string(),
        );
    }
    pick(
        lang,
        format!("总体绩效目标与上年的基本相同（去掉数字后，{chars} 个字中仅有 {edits} 处不同）"),
        format!(
            "the overall goal is last year's (numbers aside, {edits} edits in {chars} characters)"
        ),
    )
}

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
