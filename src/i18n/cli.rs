//! Texts of the command line: help, report headings, the summary line.

use super::{Lang, pick};

// clap help is shown before `--lang` is known, so it is bilingual.
pub const ABOUT: &str =
    "审核部门整体预算绩效目标申报表 / Review department budget performance-target declarations";
pub const HELP_DIR: &str = "申报文件所在文件夹（每个部门一个 .json 或 .xlsx/.xls/.ods 文件）/ folder of declarations (.json, .xlsx, .xls, .ods)";
pub const HELP_CHECK: &str =
    "检查文件夹中的每份申报表并列出问题 / check every declaration in a folder and list the flags";
pub const HELP_RULES: &str = "列出全部审核规则 / list the validation rules";
pub const HELP_FORMAT: &str =
    "输出格式：text 给人看，json 给程序用 / output: text for people, json for scripts";
pub const HELP_LANG: &str = "界面语言：zh 中文（默认），en 英文 / language: zh (default) or en";
pub const HELP_CONFIG: &str = "配置文件路径（默认为用户配置目录下的 shenhe/config.toml）/ config file (default: shenhe/config.toml in the user's config dir)";
pub const HELP_PREVIOUS: &str = "上年的申报表文件夹，用于与上年对比（默认为配置 [compare] previous）/ last year's folder, to compare with (default: [compare] previous in the configuration)";
pub const HELP_DESK: &str = "全屏审核界面（不带子命令的 shenhe DIR 在终端中即打开它）/ the full-screen review desk (what a bare `shenhe DIR` opens in a terminal)";
pub const HELP_COLOR: &str =
    "颜色：auto 跟随 NO_COLOR，always，never（单色）/ colour: auto follows NO_COLOR, always, never";
pub const HELP_ASCII: &str = "只用 ASCII 字符画标记，适合把歧义宽度字符画成双宽的终端 / ASCII marks only, for terminals that draw ambiguous-width characters double";
pub const HELP_MOUSE: &str = "启用鼠标（滚轮滚动）；默认关闭以便选择复制文字 / enable the mouse (wheel scrolls); off by default so text can be selected";
pub const HELP_COMMENT: &str = "给一份申报表写一条审核意见 / add a review comment to a declaration";
pub const HELP_DECIDE: &str = "记录审核结论（待审、通过、退回修改）和等级 / record the decision (pending, approve, return) and grade";
pub const HELP_EDIT: &str =
    "修改一条意见（原文留在历史中）/ edit a comment (the old text stays in the history)";
pub const HELP_WITHDRAW: &str =
    "撤回一条意见（记录留在历史中）/ withdraw a comment (it stays in the history)";
pub const HELP_ID: &str = "意见的编号：写意见时显示，也在 export --format json 中 / the comment's id: shown when it was made, and in export --format json";
pub const HELP_FILE: &str = "申报文件（.json、.xlsx、.xls、.ods）/ the declaration file";
pub const HELP_CONVERT: &str = "把省模板 Excel 申报表转换为交换格式 v1 的 JSON / write workbooks in the province's template as format v1 JSON";
pub const HELP_CONVERT_FILES: &str = "要转换的申报文件 / declaration files to convert";
pub const HELP_OUT_DIR: &str = "写入 NAME.json 的文件夹（只转换一个文件时可省略，输出到屏幕）/ folder to write NAME.json files into (default for one file: standard output)";

pub fn convert_needs_out(lang: Lang) -> &'static str {
    pick(
        lang,
        "转换多个文件时请用 --out DIR 指定输出文件夹",
        "converting more than one file needs --out DIR",
    )
}

/// Nothing was written: which files could not be converted comes before.
pub fn convert_nothing_written(lang: Lang, failed: usize) -> String {
    pick(
        lang,
        format!("{failed} 个文件无法转换，未写入任何文件"),
        format!("{failed} file(s) could not be converted; nothing was written"),
    )
}

/// The converted file would share a review journal with a declaration there.
pub fn convert_beside_namesake(lang: Lang, target: &str, other: &str) -> String {
    pick(
        lang,
        format!("{target} 会与同名的 {other} 共用审核记录，未写入；请换一个输出文件夹"),
        format!(
            "{target} would share a review journal with {other}; not written; choose another folder"
        ),
    )
}

pub fn convert_same_target(lang: Lang, first: &str, second: &str, target: &str) -> String {
    pick(
        lang,
        format!(
            "{first} 和 {second} 都会写成 {target}，后一个会覆盖前一个；未写入任何文件，请分两次转换到不同的文件夹"
        ),
        format!(
            "{first} and {second} would both be written as {target}, the second over the first; nothing written: convert them into different folders"
        ),
    )
}

pub fn written(lang: Lang, path: &str) -> String {
    pick(lang, format!("已写入 {path}"), format!("wrote {path}"))
}
pub const HELP_DISPOSE: &str = "判断一个问题：采纳（写入审核意见）或不采纳（须写原因）/ judge a flag: include it in the notice (accept) or leave it out (dismiss, with a reason)";
pub const HELP_DISPOSE_AT: &str =
    "问题所在的位置（路径，如 indicators[23]）/ where the flag is (a path such as indicators[23])";
pub const HELP_DISPOSE_FILE: &str = "申报文件；与 --all 同用时也可以是文件夹（判断其中每份有该问题的申报表）/ the declaration file; with --all, a folder too (every declaration in it with such a flag)";
pub const HELP_DISPOSE_ALL: &str = "一次判断该规则的全部问题（文件中，或文件夹中每份申报表），不必逐个 --at / judge every flag of the rule at once (in the file, or in every declaration of the folder) instead of one --at";
pub const HELP_DISPOSE_RULE: &str = "问题的规则编号，如 QUANT-04 / the flag's rule, e.g. QUANT-04";
pub const HELP_REASON: &str = "不采纳的原因 / why the flag is dismissed";
pub const HELP_FORCE: &str = "仍有错误未处理也通过，或改变另一账号已作出的结论 / approve even though error flags still stand, or decide otherwise than another account's standing decision";
pub const HELP_AT: &str = "意见所指的位置：declaration（整份）或路径，如 budget.income.other、indicators[3]；序号从 0 起，indicators[3] 即绩效指标第4行 / where: declaration, or a path such as budget.income.other or indicators[3]; indices count from 0, so indicators[3] is the indicator table's row 4";
pub const HELP_RULE: &str =
    "意见针对的规则编号（该位置上的问题）/ the rule of the flag the comment is about";
pub const HELP_TEXT: &str = "意见内容 / the comment";
pub const HELP_REVIEWER: &str = "审核人（默认：配置中的 reviewer，否则登录名）/ reviewer (default: reviewer in config, else the login name)";
pub const HELP_GRADE: &str = "等级 / grade";

pub const HELP_REPORT: &str = "审核情况报告：给政府的报告（docx）和统计表（xlsx，含图表） / the report to the government (docx) and its statistics (xlsx, with charts)";
pub const HELP_REPORT_OUT: &str = "写入报告和统计表的文件夹（两者都写或都不写）；不给则打印报告正文 / folder for the report and the statistics (both or neither); without it, the report's text is printed";
pub const HELP_EXPORT: &str = "导出：md 退回修改意见，csv 汇总表，xlsx 工作簿，json 全部数据 / export: md return notices, csv summary, xlsx workbook, json everything";
pub const HELP_EXPORT_FORMAT: &str = "导出格式：docx、md 为发给部门的审核意见，csv、xlsx、json 为汇总 / format: docx and md are the notices for the departments; csv, xlsx and json the summary";
pub const HELP_OUT: &str = "写入的文件（csv、xlsx、json）或文件夹（docx、md：每份审核意见一个文件）；默认输出到屏幕 / file to write (csv, xlsx, json) or folder (docx, md: one file per notice); default: standard output";
pub const HELP_INCLUDE_APPROVED: &str = "为已通过且有意见的申报表也出具审核意见 / also write a notice for approved declarations that carry comments";
pub const HELP_INCLUDE_EARLIER: &str = "审核意见中也包括针对此前提交版本的意见 / include comments made on an earlier version of the file";
pub const HELP_DEADLINE: &str = "重新报送的截止日期（默认为 [notice] deadline_days 个工作日后）/ the resubmission deadline (default: [notice] deadline_days working days from today)";

pub fn docx_needs_out(lang: Lang) -> &'static str {
    pick(
        lang,
        "docx 审核意见每份一个文件，请用 --out 指定写入的文件夹",
        "docx notices are one file each: give --out FOLDER",
    )
}

pub fn bad_deadline(lang: Lang, given: &str) -> String {
    let given = crate::sanitize::display_line(given);
    pick(
        lang,
        format!("截止日期“{given}”不是日期，请写成 2026-12-08"),
        format!("the deadline \"{given}\" is not a date; write it as 2026-12-08"),
    )
}

/// A deadline before the notice's own date.
pub fn past_deadline(lang: Lang, given: &str, today: &str) -> String {
    let given = crate::sanitize::display_line(given);
    pick(
        lang,
        format!(
            "截止日期 {given} 早于今天（{today}），部门无法按期重新报送：请给一个今天或以后的日期"
        ),
        format!(
            "the deadline {given} is before today ({today}): the department could not meet it; give today or a later day"
        ),
    )
}

pub const HELP_NUMBER: &str = "发文字号，{n} 按本次导出的顺序编号（默认为 [notice] number）/ the notice's reference number, {n} counted in this export (default: [notice] number)";
pub const HELP_NUMBER_FROM: &str = "{n} 的起始编号 / the first {n}";

pub fn no_notices(lang: Lang) -> &'static str {
    pick(
        lang,
        "没有退回修改的申报表，没有写出审核意见",
        "no declaration is returned: no notice written",
    )
}

pub fn xlsx_needs_out(lang: Lang) -> &'static str {
    pick(
        lang,
        "xlsx 是二进制文件，请用 --out 指定文件名",
        "xlsx is binary: give a file with --out",
    )
}

pub fn cannot_write(lang: Lang, path: &str, why: &str) -> String {
    pick(
        lang,
        format!("无法写入 {path}：{why}"),
        format!("cannot write {path}: {why}"),
    )
}

/// Why `--out` was refused or failed: a link, a device or a folder there,
/// or the system's words.
pub fn refused_target(lang: Lang, r: &crate::safe_fs::OpenError) -> String {
    use crate::safe_fs::OpenError;
    match r {
        OpenError::Link => pick(
            lang,
            "它是符号链接，不会跟随它写入".into(),
            "it is a symbolic link, which is never written through".into(),
        ),
        OpenError::NotRegular(k) => pick(
            lang,
            format!("它是{}，只能写入普通文件", super::file_kind(lang, *k)),
            format!(
                "it is {}; only a regular file is replaced",
                super::file_kind(lang, *k)
            ),
        ),
        OpenError::Io(e) => crate::sanitize::display_line(&e.to_string()).into_owned(),
    }
}

/// The workbook could not be made: which file's which column would not
/// go into a cell, where that was the trouble, and the writer's words.
pub fn xlsx_problem(lang: Lang, file: Option<&str>, field: Option<&str>, why: &str) -> String {
    let why = crate::sanitize::display_line(why);
    match (file, field) {
        (Some(file), Some(field)) => pick(
            lang,
            format!(
                "无法生成 xlsx：{} 的“{field}”一栏写不进单元格（{why}）",
                crate::sanitize::display_line(file)
            ),
            format!(
                "cannot make the xlsx: {}, column “{field}”: {why}",
                crate::sanitize::display_line(file)
            ),
        ),
        _ => pick(
            lang,
            format!("无法生成 xlsx（{why}）"),
            format!("cannot make the xlsx ({why})"),
        ),
    }
}

/// A comment recorded, with its place in the form's words.
pub fn recorded_at(lang: Lang, id: &str, place: &str, journal: &str) -> String {
    pick(
        lang,
        format!("已记录（{id}）到 {journal}：{place}的意见"),
        format!("recorded ({id}) in {journal}: the comment on {place}"),
    )
}

/// After `dispose DIR --all`: what was judged.
pub fn rule_judged_in_folder(
    lang: Lang,
    rule: &str,
    disposition: &str,
    files: usize,
    flags: usize,
) -> String {
    let rule = crate::sanitize::display_line(rule);
    pick(
        lang,
        format!("已将 {files} 份申报表中 {rule} 的 {flags} 个问题全部判为“{disposition}”"),
        format!("{flags} {rule} flags in {files} declarations judged: {disposition}"),
    )
}

pub fn recorded(lang: Lang, id: &str, journal: &str) -> String {
    pick(
        lang,
        format!("已记录（{id}）到 {journal}"),
        format!("recorded ({id}) in {journal}"),
    )
}

pub const AFTER_HELP: &str = "退出状态 / exit status: 0 没有错误 no errors · 1 有错误级问题或无法读取的文件 error flags or load errors · 2 命令无法执行 could not run";

pub fn cannot_open_folder(lang: Lang, dir: &str, why: &str) -> String {
    pick(
        lang,
        format!("无法打开文件夹 {dir}：{why}"),
        format!("cannot open folder {dir}: {why}"),
    )
}

pub fn no_files(lang: Lang, dir: &str) -> String {
    pick(
        lang,
        format!("{dir} 中没有申报文件（.json、.xlsx、.xls、.ods）"),
        format!("no declarations (.json, .xlsx, .xls, .ods) in {dir}"),
    )
}

/// A box of the form left blank, where its text would be.
pub fn not_filled(lang: Lang) -> &'static str {
    pick(lang, "（未填写）", "(not filled in)")
}

pub fn unnamed_department(lang: Lang) -> &'static str {
    pick(lang, "（部门名称未填）", "(no department name)")
}

pub fn fiscal_year(lang: Lang, year: Option<i32>) -> String {
    match year {
        Some(y) => pick(lang, format!("{y}年度"), format!("FY{y}")),
        None => pick(lang, "年度未填", "no year").into(),
    }
}

pub fn load_failed(lang: Lang) -> &'static str {
    pick(lang, "无法读取", "not loaded")
}

pub fn no_flags(lang: Lang) -> &'static str {
    pick(lang, "未发现问题", "no flags")
}

/// `check`'s last line; `[errors, warnings, infos]` are the flags' counts.
pub fn summary(lang: Lang, files: usize, load_errors: usize, flags: [usize; 3]) -> String {
    let [errors, warnings, infos] = flags;
    pick(
        lang,
        format!(
            "共 {files} 个文件，{load_errors} 个无法读取；错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条"
        ),
        format!(
            "{files} files, {load_errors} not loaded; {errors} errors, {warnings} warnings, {infos} info"
        ),
    )
}

pub fn rules_heading(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["编号", "级别", "规则", "依据"],
        ["ID", "severity", "rule", "basis"],
    )
}
