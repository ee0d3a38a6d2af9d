//! Load errors and configuration errors, in words a reviewer can act on.

use super::{Lang, pick};
use crate::config::{ConfigError, ConfigProblem, KeyProblem, ValueRule};
use crate::load::{Expected, LoadError, LoadProblem};
use crate::safe_fs::Kind;
use crate::sanitize::{display_line, display_path};

/// What stands under a declaration's name instead of a file.
pub fn file_kind(lang: Lang, k: Kind) -> &'static str {
    match k {
        Kind::Directory => pick(lang, "文件夹", "a folder"),
        Kind::Fifo => pick(lang, "命名管道 FIFO", "a FIFO"),
        Kind::Socket => pick(lang, "套接字", "a socket"),
        Kind::Device => pick(lang, "设备文件", "a device"),
        Kind::Other => pick(lang, "特殊文件", "a special file"),
    }
}

fn expected(lang: Lang, e: Expected) -> &'static str {
    match e {
        Expected::YearOrNull => pick(
            lang,
            "整数年份（如 2025）或 null",
            "a whole year such as 2025, or null",
        ),
        Expected::TextOrNull => pick(lang, "文本或 null", "text or null"),
        Expected::CountOrNull => pick(
            lang,
            "不小于 0 的整数或 null",
            "a whole number ≥ 0, or null",
        ),
        Expected::Amount => pick(
            lang,
            "金额（如 \"5105.47\"）或 null",
            "an amount such as \"5105.47\", or null",
        ),
        Expected::Object => pick(lang, "对象 {…} 或 null", "an object {…}, or null"),
        Expected::Array => pick(lang, "数组 […] 或 null", "an array […], or null"),
        Expected::Columns => pick(lang, "整数 1 或 2", "the integer 1 or 2"),
        Expected::Unknown => pick(lang, "规定的类型", "the type the format gives"),
    }
}

/// serde's "string \"18\"" → 文本 "18".
fn found(lang: Lang, text: &str) -> String {
    const KINDS: [(&str, &str); 8] = [
        ("string", "文本"),
        ("integer", "整数"),
        ("floating point", "小数"),
        ("boolean", "布尔值"),
        ("sequence", "数组"),
        ("map", "对象"),
        ("unit value", "null"),
        ("number", "数字"),
    ];
    let text = display_line(text);
    if lang == Lang::Zh {
        for (en, zh) in KINDS {
            if let Some(rest) = text.strip_prefix(en) {
                return format!("{zh}{rest}");
            }
        }
    }
    text.into_owned()
}

/// One load error as a sentence that names the file, the field, the
/// position where known, and what was wrong.
pub fn load_error(lang: Lang, file: &str, err: &LoadError) -> String {
    let file = display_line(file);
    let mut place = file.to_string();
    if let Some((line, col)) = err.position {
        place.push_str(&pick(
            lang,
            format!(" 第{line}行第{col}列"),
            format!(" line {line} column {col}"),
        ));
    }
    match (&err.cell, &err.field) {
        // A workbook's cell, and the box in the form's words.
        (Some(cell), field) => {
            let label = field
                .as_deref()
                .and_then(crate::model::Location::parse)
                .map(|l| super::in_brackets(lang, &super::location(lang, l)))
                .unwrap_or_default();
            place.push_str(&format!(" {}{label}", display_line(cell)));
        }
        (None, Some(field)) => place.push_str(&pick(
            lang,
            format!(" 字段 {}", display_line(field)),
            format!(" field {}", display_line(field)),
        )),
        (None, None) => {}
    }
    let what = match &err.problem {
        LoadProblem::Unreadable(why) => pick(
            lang,
            format!("无法读取（{}）", display_line(why)),
            format!("cannot be read ({})", display_line(why)),
        ),
        LoadProblem::Link => pick(
            lang,
            "是符号链接：共享文件夹中的链接一律不跟随，请放入文件本身".into(),
            "is a symbolic link: links in a shared folder are never followed; put the file itself here".into(),
        ),
        LoadProblem::NotRegular(kind) => pick(
            lang,
            format!("不是普通文件（{}），未读取", file_kind(lang, *kind)),
            format!("not a regular file ({}); not read", file_kind(lang, *kind)),
        ),
        LoadProblem::NameNotUtf8 => pick(
            lang,
            "文件名不是 UTF-8 编码（可能来自 Windows 的压缩包），未读取；请改用 UTF-8 文件名".into(),
            "the file name is not UTF-8 (from a Windows zip?); not read; please rename it".into(),
        ),
        LoadProblem::TooLarge { size, cap } => pick(
            lang,
            format!(
                "文件有 {size} 字节，超过上限 {cap} 字节，未读取（可在配置 [load] max_file_bytes 调整）"
            ),
            format!(
                "file is {size} bytes, over the {cap}-byte limit; not read (see [load] max_file_bytes)"
            ),
        ),
        LoadProblem::Syntax(why) => pick(
            lang,
            format!("不是有效的 JSON（{}）", display_line(why)),
            format!("not valid JSON ({})", display_line(why)),
        ),
        LoadProblem::NotUtf8 => pick(
            lang,
            "不是 UTF-8 编码的文本（可能是 GBK 导出），请以 UTF-8 重新导出".into(),
            "not UTF-8 text (a GBK export?); export it again as UTF-8".into(),
        ),
        LoadProblem::Utf16 => pick(
            lang,
            "是 UTF-16 编码的文本（Windows 记事本的“Unicode”），请以 UTF-8 重新保存".into(),
            "is UTF-16 text (Windows Notepad's “Unicode”); save it again as UTF-8".into(),
        ),
        LoadProblem::NotAnObject => pick(
            lang,
            "文件顶层应为 JSON 对象 {…}".into(),
            "the top level must be a JSON object {…}".into(),
        ),
        LoadProblem::DuplicateKey(key) => pick(
            lang,
            format!("键“{}”在同一对象中出现了两次", display_line(key)),
            format!(
                "key “{}” appears twice in the same object",
                display_line(key)
            ),
        ),
        LoadProblem::MissingVersion => pick(
            lang,
            "缺少 format_version；本程序读取格式版本 1".into(),
            "format_version is missing; this program reads format version 1".into(),
        ),
        LoadProblem::UnsupportedVersion(v) => pick(
            lang,
            format!("格式版本为 {}，本程序只读取格式版本 1", display_line(v)),
            format!(
                "format version {} is not supported; this program reads version 1",
                display_line(v)
            ),
        ),
        LoadProblem::WrongType {
            expected: e,
            found: f,
        } => pick(
            lang,
            format!("应为{}，实际是{}", expected(lang, *e), found(lang, f)),
            format!("expected {}, found {}", expected(lang, *e), found(lang, f)),
        ),
        LoadProblem::BadAmount(t) => pick(
            lang,
            format!(
                "金额“{}”写法不对：应为纯数字，如 5105.47（不带千位分隔符、单位或指数，最多 6 位小数）",
                display_line(t)
            ),
            format!(
                "amount “{}” is not a plain decimal such as 5105.47 (no separators, units or exponents; at most 6 decimals)",
                display_line(t)
            ),
        ),
        LoadProblem::AmountTooLarge(t) => pick(
            lang,
            format!(
                "金额“{}”整数部分超过 12 位：金额以万元为单位，不超过 999999999999.999999",
                display_line(t)
            ),
            format!(
                "amount “{}” has more than 12 digits before the point: amounts are in 万元, at most 999999999999.999999",
                display_line(t)
            ),
        ),
        LoadProblem::SameStem(others) => pick(
            lang,
            format!(
                "与 {} 同名（仅扩展名不同），两者的审核记录会写进同一个文件；请只保留一个，或改名",
                display_line(&others.join("、"))
            ),
            format!(
                "has the same name as {} but for the extension: their reviews would share one journal; keep one, or rename",
                display_line(&others.join(", "))
            ),
        ),
        LoadProblem::NoPeriodColumn => pick(
            lang,
            "表格只有一列指标值（target_columns 为 1），不应填写实施周期指标值".into(),
            "the form has a single target column (target_columns 1), so there is no period target".into(),
        ),
        LoadProblem::Workbook(p) => workbook_problem(lang, p),
    };
    pick(lang, format!("{place}：{what}"), format!("{place}: {what}"))
}

fn workbook_problem(lang: Lang, p: &crate::load::WorkbookProblem) -> String {
    use crate::load::WorkbookProblem as W;
    match p {
        W::NotAWorkbook(why) => pick(
            lang,
            format!("不是可读取的 Excel/WPS 表格文件（{}）", display_line(why)),
            format!("not a workbook that can be read ({})", display_line(why)),
        ),
        W::UnpacksTooLarge { cap } => pick(
            lang,
            format!(
                "解压后超过 {cap} 字节，未读取（可能是压缩炸弹；上限为 [load] max_file_bytes 的 8 倍）"
            ),
            format!(
                "unpacks to more than {cap} bytes; not read (a zip bomb? the limit is 8 × [load] max_file_bytes)"
            ),
        ),
        W::TooManyCells { max } => pick(
            lang,
            format!("工作表有超过 {max} 个非空单元格，不像一张申报表，未读取"),
            format!("the sheet has more than {max} cells in use; not a declaration form; not read"),
        ),
        W::TooManyMerges { max } => pick(
            lang,
            format!("工作表有超过 {max} 个合并单元格，不像一张申报表，未读取"),
            format!("the sheet has more than {max} merged areas; not a declaration form; not read"),
        ),
        W::SheetTooLarge { max } => pick(
            lang,
            format!("工作表的范围超过 {max} 个单元格（可能是损坏的文件），不像一张申报表，未读取"),
            format!(
                "its sheets span more than {max} cells (a damaged file?); not a declaration form; not read"
            ),
        ),
        W::TooManyRows { max } => pick(
            lang,
            format!("表格超过 {max} 行，不像一张申报表，未读取"),
            format!("a table has more than {max} rows; not a declaration form; not read"),
        ),
        W::NoSheet => pick(
            lang,
            "工作簿中没有工作表".into(),
            "the workbook has no sheet".into(),
        ),
        W::ReaderFailed => pick(
            lang,
            "表格读取组件无法处理此文件（文件可能已损坏），未读取".into(),
            "the workbook reader could not handle this file (damaged?); not read".into(),
        ),
        W::LabelMissing(label) => pick(
            lang,
            format!("找不到“{label}”：请用省里的申报表模板填写"),
            format!("cannot find the label “{label}”: fill in the province's template"),
        ),
        W::HeaderMissing { table, header } => pick(
            lang,
            format!("“{table}”表格缺少列标题“{header}”"),
            format!("the “{table}” table has no column headed “{header}”"),
        ),
    }
}

fn value_rule(lang: Lang, r: ValueRule) -> &'static str {
    match r {
        ValueRule::NotNegative => pick(lang, "不能为负数", "must not be negative"),
        ValueRule::ShareRange => pick(lang, "应在 0 到 1 之间", "must be between 0 and 1"),
        ValueRule::AtLeastOne => pick(lang, "至少为 1", "must be at least 1"),
        ValueRule::WarningAboveInfo => pick(
            lang,
            "warning_below 不能大于 info_below",
            "warning_below must not exceed info_below",
        ),
    }
}

/// A `[keys]` entry of the config file the desk cannot use.
pub fn key_config_error(lang: Lang, path: &str, p: &KeyProblem) -> String {
    let what = match p {
        KeyProblem::UnknownScope(s) => pick(
            lang,
            format!("[keys.{s}]：没有这个范围；可用 all、list、declaration、filter"),
            format!("[keys.{s}]: no such scope; use all, list, declaration or filter"),
        ),
        KeyProblem::UnknownBinding { scope, name, known } => pick(
            lang,
            format!(
                "[keys.{scope}] 没有按键设置 {name}；可用：{}",
                known.join(", ")
            ),
            format!(
                "[keys.{scope}] has no binding {name}; it has: {}",
                known.join(", ")
            ),
        ),
        KeyProblem::BadKey { scope, name, key } => pick(
            lang,
            format!(
                "[keys.{scope}] {name}：无法识别按键“{key}”（例：j、G、Down、PgDn、Enter、Esc、Tab、Ctrl-n、F1）"
            ),
            format!(
                "[keys.{scope}] {name}: cannot read key “{key}” (e.g. j, G, Down, PgDn, Enter, Esc, Tab, Ctrl-n, F1)"
            ),
        ),
        KeyProblem::NeedsAlt { scope, name, key } => pick(
            lang,
            format!(
                "[keys.{scope}] {name}：“{key}”用到 Alt；经 SSH 的终端常收不到 Alt，请换用其他按键"
            ),
            format!(
                "[keys.{scope}] {name}: “{key}” needs Alt, which terminals over SSH often lose; choose another key"
            ),
        ),
    };
    let path = display_line(path);
    pick(
        lang,
        format!("配置文件 {path}：{what}"),
        format!("config file {path}: {what}"),
    )
}

pub fn config_error(lang: Lang, err: &ConfigError) -> String {
    let path = display_path(&err.path);
    let what = match &err.problem {
        ConfigProblem::Missing => pick(lang, "文件不存在".into(), "no such file".into()),
        ConfigProblem::Unreadable(why) => pick(
            lang,
            format!("无法读取（{why}）"),
            format!("cannot be read ({why})"),
        ),
        ConfigProblem::Syntax(why) => {
            pick(lang, format!("格式错误：{why}"), format!("invalid: {why}"))
        }
        ConfigProblem::UnknownRule(id) => pick(
            lang,
            format!(
                "没有编号为 {} 的规则（用 shenhe rules 查看全部规则）",
                display_line(id)
            ),
            format!(
                "there is no rule {} (shenhe rules lists them)",
                display_line(id)
            ),
        ),
        ConfigProblem::UnknownSetting { rule, key, allowed } => pick(
            lang,
            format!(
                "[rules.{rule}] 没有设置项 {key}；可用：{}",
                allowed.join(", ")
            ),
            format!(
                "[rules.{rule}] has no setting {key}; it takes: {}",
                allowed.join(", ")
            ),
        ),
        ConfigProblem::BadValue { rule, key, reason } => pick(
            lang,
            format!(
                "[rules.{rule}] {key} 取值不对：{}",
                value_rule(lang, *reason)
            ),
            format!("[rules.{rule}] {key}: {}", value_rule(lang, *reason)),
        ),
    };
    pick(
        lang,
        format!("配置文件 {path}：{what}"),
        format!("config file {path}: {what}"),
    )
}

/// A refused review action, in words that say what to fix.
pub fn act_error(lang: Lang, e: &crate::review::act::ActError) -> String {
    use crate::review::act::ActError as E;
    match e {
        E::Unreadable(p, why) => pick(
            lang,
            format!("无法读取 {}（{why}）", display_path(p)),
            format!("cannot read {} ({why})", display_path(p)),
        ),
        E::NotADeclaration(p, err) => {
            let file = display_path(p);
            pick(
                lang,
                format!(
                    "{file} 不是可读取的申报表：{}",
                    load_error(lang, &file, err)
                ),
                format!(
                    "{file} is not a declaration that loads: {}",
                    load_error(lang, &file, err)
                ),
            )
        }
        E::BadLocation(at) => pick(
            lang,
            format!(
                "位置“{}”写法不对；例：declaration、budget.income.other、key_tasks[2]、indicators[7]",
                display_line(at)
            ),
            format!(
                "location “{}” is not a path; e.g. declaration, budget.income.other, key_tasks[2], indicators[7]",
                display_line(at)
            ),
        ),
        E::NoSuchPlace(at) => pick(
            lang,
            format!("申报表中没有“{}”这一行", display_line(at)),
            format!("the declaration has no row “{}”", display_line(at)),
        ),
        E::UnknownRule(id) => pick(
            lang,
            format!(
                "没有编号为 {} 的规则（shenhe rules 列出全部规则）",
                display_line(id)
            ),
            format!(
                "there is no rule {} (shenhe rules lists them)",
                display_line(id)
            ),
        ),
        E::NoSuchComment(id) => pick(
            lang,
            format!("没有这条意见（{}），或它已被撤回", display_line(id)),
            format!(
                "there is no such comment ({}), or it was withdrawn",
                display_line(id)
            ),
        ),
        E::EmptyText => pick(lang, "意见内容为空".into(), "the comment is empty".into()),
        E::EmptyReviewer => pick(
            lang,
            "不知道审核人是谁：请用 --reviewer 或在配置文件中写 reviewer = \"姓名\"".into(),
            "no reviewer name: give --reviewer, or reviewer = \"name\" in the config file".into(),
        ),
        E::ReturnWithoutComment => pick(
            lang,
            "退回修改前请至少写一条意见，告诉部门要改什么".into(),
            "write at least one comment before returning, so the department knows what to change"
                .into(),
        ),
        E::Write(p, why) => {
            let why = journal_problem(lang, why);
            pick(
                lang,
                format!(
                    "无法写入审核记录 {}（{why}），什么也没有写",
                    display_path(p)
                ),
                format!(
                    "cannot write the review journal {} ({why}); nothing was written",
                    display_path(p)
                ),
            )
        }
        E::JournalUnreadable(p, why) => {
            let why = journal_problem(lang, why);
            pick(
                lang,
                format!(
                    "无法读取审核记录 {}（{why}），什么也没有写",
                    display_path(p)
                ),
                format!(
                    "cannot read the review journal {} ({why}); nothing was written",
                    display_path(p)
                ),
            )
        }
    }
}

/// Why a review journal was not read or written.
pub fn journal_problem(lang: Lang, p: &crate::review::JournalProblem) -> String {
    use crate::review::JournalProblem as P;
    match p {
        P::Link => pick(
            lang,
            "它是符号链接：共享文件夹中的链接一律不跟随，请删除链接".into(),
            "it is a symbolic link: links in a shared folder are never followed; remove it".into(),
        ),
        P::NotRegular(k) => pick(
            lang,
            format!("它不是普通文件，而是{}", file_kind(lang, *k)),
            format!("it is not a regular file but {}", file_kind(lang, *k)),
        ),
        P::TooLarge { size, cap } => pick(
            lang,
            format!("有 {size} 字节，超过上限 {cap} 字节（配置 [load] max_journal_bytes）"),
            format!("{size} bytes, over the {cap}-byte limit ([load] max_journal_bytes)"),
        ),
        P::Io(why) => display_line(why).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_error_names_file_position_field_and_expectation() {
        let err = LoadError {
            field: Some("department.staff_count".into()),
            position: Some((4, 22)),
            cell: None,
            problem: LoadProblem::WrongType {
                expected: Expected::CountOrNull,
                found: "string \"18\"".into(),
            },
        };
        assert_eq!(
            load_error(Lang::Zh, "a.json", &err),
            "a.json 第4行第22列 字段 department.staff_count：应为不小于 0 的整数或 null，实际是文本 \"18\""
        );
        assert_eq!(
            load_error(Lang::En, "a.json", &err),
            "a.json line 4 column 22 field department.staff_count: expected a whole number ≥ 0, or null, found string \"18\""
        );
    }

    #[test]
    fn hostile_file_names_are_shown_safely() {
        let err = LoadError::whole_file(LoadProblem::NotAnObject);
        let m = load_error(Lang::En, "x\u{1b}[2J.json", &err);
        assert!(m.starts_with("x^[[2J.json"));
    }
}
