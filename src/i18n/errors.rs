//! The words of errors: a file that did not load, a configuration file
//! that cannot be used, a review action refused. Each error type says
//! which words are its own (`LoadError::message`, `ConfigError::message`,
//! `ActError::message`, `JournalError::message`); the words are here.
//! Whatever comes from a file or the system is made safe here too.

use super::{Lang, Phrase, pick};
use crate::safe_fs::Kind;
use crate::sanitize::{display_line, display_path};
use std::path::Path;

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

// What a field of format v1 holds (`load::Expected::label`).
pub const EXPECTED_YEAR: Phrase = Phrase::new(
    "整数年份（如 2025）或 null",
    "a whole year such as 2025, or null",
);
pub const EXPECTED_TEXT: Phrase = Phrase::new("文本或 null", "text or null");
pub const EXPECTED_COUNT: Phrase =
    Phrase::new("不小于 0 的整数或 null", "a whole number ≥ 0, or null");
pub const EXPECTED_AMOUNT: Phrase = Phrase::new(
    "金额（如 \"5105.47\"）或 null",
    "an amount such as \"5105.47\", or null",
);
pub const EXPECTED_OBJECT: Phrase = Phrase::new("对象 {…} 或 null", "an object {…}, or null");
pub const EXPECTED_ARRAY: Phrase = Phrase::new("数组 […] 或 null", "an array […], or null");
pub const EXPECTED_COLUMNS: Phrase = Phrase::new("整数 1 或 2", "the integer 1 or 2");
pub const EXPECTED_UNKNOWN: Phrase = Phrase::new("规定的类型", "the type the format gives");

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

// Where in a file a load error is.

pub fn at_position(lang: Lang, line: u32, col: u32) -> String {
    pick(
        lang,
        format!(" 第{line}行第{col}列"),
        format!(" line {line} column {col}"),
    )
}

/// A workbook's cell, with the box it is in the form's words (`label`,
/// already worded) where known.
pub fn at_cell(lang: Lang, cell: &str, label: Option<&str>) -> String {
    let label = label
        .map(|l| super::in_brackets(lang, l))
        .unwrap_or_default();
    format!(" {}{label}", display_line(cell))
}

pub fn at_field(lang: Lang, field: &str) -> String {
    pick(
        lang,
        format!(" 字段 {}", display_line(field)),
        format!(" field {}", display_line(field)),
    )
}

/// `a.json 第4行第22列：…`: where, and what is wrong there.
pub fn load_error(lang: Lang, place: &str, what: &str) -> String {
    pick(lang, format!("{place}：{what}"), format!("{place}: {what}"))
}

// What is wrong with a file (`load::LoadErrorKind`).

pub fn unreadable(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("无法读取（{}）", display_line(why)),
        format!("cannot be read ({})", display_line(why)),
    )
}

pub const LINK: Phrase = Phrase::new(
    "是符号链接：共享文件夹中的链接一律不跟随，请放入文件本身",
    "is a symbolic link: links in a shared folder are never followed; put the file itself here",
);

pub fn not_regular(lang: Lang, kind: Kind) -> String {
    pick(
        lang,
        format!("不是普通文件（{}），未读取", file_kind(lang, kind)),
        format!("not a regular file ({}); not read", file_kind(lang, kind)),
    )
}

pub const NAME_NOT_UTF8: Phrase = Phrase::new(
    "文件名不是 UTF-8 编码（可能来自 Windows 的压缩包），未读取；请改用 UTF-8 文件名",
    "the file name is not UTF-8 (from a Windows zip?); not read; please rename it",
);

pub fn too_large(lang: Lang, size: u64, cap: u64) -> String {
    pick(
        lang,
        format!(
            "文件有 {size} 字节，超过上限 {cap} 字节，未读取（可在配置 [load] max_file_bytes 调整）"
        ),
        format!(
            "file is {size} bytes, over the {cap}-byte limit; not read (see [load] max_file_bytes)"
        ),
    )
}

pub fn not_json(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("不是有效的 JSON（{}）", display_line(why)),
        format!("not valid JSON ({})", display_line(why)),
    )
}

pub const NOT_UTF8: Phrase = Phrase::new(
    "不是 UTF-8 编码的文本（可能是 GBK 导出），请以 UTF-8 重新导出",
    "not UTF-8 text (a GBK export?); export it again as UTF-8",
);
pub const UTF16: Phrase = Phrase::new(
    "是 UTF-16 编码的文本（Windows 记事本的“Unicode”），请以 UTF-8 重新保存",
    "is UTF-16 text (Windows Notepad's “Unicode”); save it again as UTF-8",
);
pub const NOT_AN_OBJECT: Phrase = Phrase::new(
    "文件顶层应为 JSON 对象 {…}",
    "the top level must be a JSON object {…}",
);

pub fn duplicate_key(lang: Lang, key: &str) -> String {
    pick(
        lang,
        format!("键“{}”在同一对象中出现了两次", display_line(key)),
        format!(
            "key “{}” appears twice in the same object",
            display_line(key)
        ),
    )
}

pub const MISSING_VERSION: Phrase = Phrase::new(
    "缺少 format_version；本程序读取格式版本 1",
    "format_version is missing; this program reads format version 1",
);

pub fn unsupported_version(lang: Lang, v: &str) -> String {
    pick(
        lang,
        format!("格式版本为 {}，本程序只读取格式版本 1", display_line(v)),
        format!(
            "format version {} is not supported; this program reads version 1",
            display_line(v)
        ),
    )
}

/// `found` is serde's words for the value (`string "18"`).
pub fn wrong_type(lang: Lang, expected: Phrase, found_: &str) -> String {
    let (e, f) = (expected.get(lang), found(lang, found_));
    pick(
        lang,
        format!("应为{e}，实际是{f}"),
        format!("expected {e}, found {f}"),
    )
}

pub fn bad_amount(lang: Lang, text: &str) -> String {
    pick(
        lang,
        format!(
            "金额“{}”写法不对：应为纯数字，如 5105.47（不带千位分隔符、单位或指数，最多 6 位小数）",
            display_line(text)
        ),
        format!(
            "amount “{}” is not a plain decimal such as 5105.47 (no separators, units or exponents; at most 6 decimals)",
            display_line(text)
        ),
    )
}

pub fn amount_too_large(lang: Lang, text: &str) -> String {
    pick(
        lang,
        format!(
            "金额“{}”整数部分超过 12 位：金额以万元为单位，不超过 999999999999.999999",
            display_line(text)
        ),
        format!(
            "amount “{}” has more than 12 digits before the point: amounts are in 万元, at most 999999999999.999999",
            display_line(text)
        ),
    )
}

pub fn same_stem(lang: Lang, others: &[String]) -> String {
    pick(
        lang,
        format!(
            "与 {} 同名（仅扩展名不同），两者的审核记录会写进同一个文件；请只保留一个，或改名",
            display_line(&others.join("、"))
        ),
        format!(
            "has the same name as {} but for the extension: their reviews would share one journal; keep one, or rename",
            display_line(&others.join(", "))
        ),
    )
}

pub const NO_PERIOD_COLUMN: Phrase = Phrase::new(
    "表格只有一列指标值（target_columns 为 1），不应填写实施周期指标值",
    "the form has a single target column (target_columns 1), so there is no period target",
);

// What is wrong with a workbook (`load::WorkbookError`).

pub fn not_a_workbook(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("不是可读取的 Excel/WPS 表格文件（{}）", display_line(why)),
        format!("not a workbook that can be read ({})", display_line(why)),
    )
}

pub fn unpacks_too_large(lang: Lang, cap: u64) -> String {
    pick(
        lang,
        format!(
            "解压后超过 {cap} 字节，未读取（可能是压缩炸弹；上限为 [load] max_file_bytes 的 8 倍）"
        ),
        format!(
            "unpacks to more than {cap} bytes; not read (a zip bomb? the limit is 8 × [load] max_file_bytes)"
        ),
    )
}

pub fn too_many_cells(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("工作表有超过 {max} 个非空单元格，不像一张申报表，未读取"),
        format!("the sheet has more than {max} cells in use; not a declaration form; not read"),
    )
}

pub fn too_many_merges(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("工作表有超过 {max} 个合并单元格，不像一张申报表，未读取"),
        format!("the sheet has more than {max} merged areas; not a declaration form; not read"),
    )
}

pub fn too_many_strings(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("工作簿有超过 {max} 个共享字符串，不像一张申报表，未读取"),
        format!(
            "the workbook has more than {max} shared strings; not a declaration form; not read"
        ),
    )
}

pub fn bad_cell(lang: Lang, cell: &str, stored: &str) -> String {
    let (cell, stored) = (display_line(cell), display_line(stored));
    pick(
        lang,
        format!("单元格 {cell} 存的“{stored}”不是它的类型能有的值（文件可能已损坏），未读取"),
        format!(
            "cell {cell} stores “{stored}”, which its type cannot hold (the file may be damaged); not read"
        ),
    )
}

pub fn sheet_too_large(lang: Lang, max: u64) -> String {
    pick(
        lang,
        format!("工作表的范围超过 {max} 个单元格（可能是损坏的文件），不像一张申报表，未读取"),
        format!(
            "its sheets span more than {max} cells (a damaged file?); not a declaration form; not read"
        ),
    )
}

pub fn too_many_hidden(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("工作表隐藏的行或列分成了超过 {max} 段，不像一张申报表，未读取"),
        format!(
            "the sheet hides rows or columns in more than {max} separate ranges; not a declaration form; not read"
        ),
    )
}

pub fn too_many_rows(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("超过 {max} 行（申报表最多 {max} 行），未读取"),
        format!("more than {max} rows (a declaration has at most {max}); not read"),
    )
}

pub fn text_too_long(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("超过 {max} 个字（一栏最多 {max} 个字），未读取"),
        format!("more than {max} characters (a box holds at most {max}); not read"),
    )
}

pub fn beyond_excel(lang: Lang, reference: &str) -> String {
    let reference = crate::sanitize::display_line(reference);
    pick(
        lang,
        format!("单元格引用“{reference}”超出 Excel 的范围（最多 1,048,576 行、XFD 列），未读取"),
        format!(
            "the cell reference “{reference}” is beyond Excel's limits (row 1,048,576, column XFD); not read"
        ),
    )
}

pub const NESTED_TABLE: Phrase = Phrase::new(
    "单元格中嵌有表格，不像一张申报表，未读取",
    "a table is nested inside a cell; not a declaration form; not read",
);

pub const AMBIGUOUS_STREAM: Phrase = Phrase::new(
    "文件中有两个名为 Workbook 的数据流，或数据流长度超过文件本身，未读取",
    "the file holds two streams named Workbook, or a stream longer than the file; not read",
);

pub fn over_colleague(lang: Lang, who: &str, at: &str, decided: &str) -> String {
    pick(
        lang,
        format!("{who} 已于 {at} {decided}。要改为别的结论，请先与其商量，再加 --force"),
        format!(
            "{who} decided {decided} at {at}. To decide otherwise, talk to them first, then add --force"
        ),
    )
}

pub fn too_many_journals(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!(
            "这份申报表旁的审核记录文件超过 {max} 个，多于可能的审核人数，未读取；请管理员查看文件夹"
        ),
        format!(
            "more than {max} review journals beside this declaration, more than there can be reviewers; not read: ask the administrator to look at the folder"
        ),
    )
}

pub fn journal_not_ours(lang: Lang, owner: &str) -> String {
    let owner = crate::sanitize::display_line(owner);
    pick(
        lang,
        format!(
            "这份审核记录归账号 {owner} 所有，不是本账号的，未写入（可能是他人冒名预先建立的）"
        ),
        format!(
            "this review journal belongs to the account {owner}, not to this one; not written (someone may have planted it under this account's name)"
        ),
    )
}

pub fn record_too_long(lang: Lang, bytes: usize, max: usize) -> String {
    pick(
        lang,
        format!(
            "意见太长：写入审核记录有 {bytes} 字节，上限 {max} 字节（约 34 万个汉字），未保存；请删减后再保存"
        ),
        format!(
            "the comment is too long: {bytes} bytes as a review record, more than the limit of {max} (about 340,000 Chinese characters); not saved. Shorten it and save again"
        ),
    )
}

pub const NO_SHEET: Phrase = Phrase::new("工作簿中没有工作表", "the workbook has no sheet");
pub const READER_FAILED: Phrase = Phrase::new(
    "表格读取组件无法处理此文件（文件可能已损坏），未读取",
    "the workbook reader could not handle this file (damaged?); not read",
);

pub fn label_missing(lang: Lang, label: &str) -> String {
    pick(
        lang,
        format!("找不到“{label}”：请用省里的申报表模板填写"),
        format!("cannot find the label “{label}”: fill in the province's template"),
    )
}

pub fn header_missing(lang: Lang, table: &str, header: &str) -> String {
    pick(
        lang,
        format!("“{table}”表格缺少列标题“{header}”"),
        format!("the “{table}” table has no column headed “{header}”"),
    )
}

// The configuration file (`config::ConfigError`, `config::KeyError`).

/// `配置文件 PATH：…`.
pub fn in_config_file(lang: Lang, path: &str, what: &str) -> String {
    let path = display_line(path);
    pick(
        lang,
        format!("配置文件 {path}：{what}"),
        format!("config file {path}: {what}"),
    )
}

pub const NO_SUCH_FILE: Phrase = Phrase::new("文件不存在", "no such file");

pub fn config_unreadable(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("无法读取（{why}）"),
        format!("cannot be read ({why})"),
    )
}

pub fn config_syntax(lang: Lang, why: &str) -> String {
    pick(lang, format!("格式错误：{why}"), format!("invalid: {why}"))
}

pub fn config_unknown_rule(lang: Lang, id: &str) -> String {
    pick(
        lang,
        format!(
            "没有编号为 {} 的规则（用 shenhe rules 查看全部规则）",
            display_line(id)
        ),
        format!(
            "there is no rule {} (shenhe rules lists them)",
            display_line(id)
        ),
    )
}

pub fn unknown_setting(lang: Lang, rule: &str, key: &str, allowed: &[&str]) -> String {
    pick(
        lang,
        format!(
            "[rules.{rule}] 没有设置项 {key}；可用：{}",
            allowed.join(", ")
        ),
        format!(
            "[rules.{rule}] has no setting {key}; it takes: {}",
            allowed.join(", ")
        ),
    )
}

pub fn bad_value(lang: Lang, rule: &str, key: &str, reason: Phrase) -> String {
    let reason = reason.get(lang);
    pick(
        lang,
        format!("[rules.{rule}] {key} 取值不对：{reason}"),
        format!("[rules.{rule}] {key}: {reason}"),
    )
}

// Why a value of `[rules.ID]` makes no sense (`rules::configured::ValueRule::label`).
pub const NOT_NEGATIVE: Phrase = Phrase::new("不能为负数", "must not be negative");
pub const SHARE_RANGE: Phrase = Phrase::new("应在 0 到 1 之间", "must be between 0 and 1");
/// A decision and a grade that do not go together (catalogue v3, after
/// 财预〔2015〕88号): `fitting` are the grades the decision takes.
pub fn grade_does_not_fit(lang: Lang, decision: &str, grade: &str, fitting: &[&str]) -> String {
    let zh_takes = if fitting.is_empty() {
        format!("“{decision}”不评等级")
    } else {
        format!("“{decision}”只能评为{}或不评等级", fitting.join("、"))
    };
    let en_takes = if fitting.is_empty() {
        format!("“{decision}” takes no grade")
    } else {
        format!("“{decision}” takes {} or no grade", fitting.join(" or "))
    };
    pick(
        lang,
        format!(
            "审核结论“{decision}”与等级“{grade}”不相符：{zh_takes}（优、良予以通过，中、差退回修改）"
        ),
        format!(
            "the decision “{decision}” does not go with the grade “{grade}”: {en_takes} (excellent and good pass; fair and poor are returned)"
        ),
    )
}

pub const SIMILARITY_RANGE: Phrase = Phrase::new("应在 0.5 到 1 之间", "must be between 0.5 and 1");
pub const AT_LEAST_ONE: Phrase = Phrase::new("至少为 1", "must be at least 1");
pub const WARNING_ABOVE_INFO: Phrase = Phrase::new(
    "warning_below 不能大于 info_below",
    "warning_below must not exceed info_below",
);

pub fn unknown_scope(lang: Lang, scope: &str) -> String {
    pick(
        lang,
        format!("[keys.{scope}]：没有这个范围；可用 all、list、declaration、filter"),
        format!("[keys.{scope}]: no such scope; use all, list, declaration or filter"),
    )
}

pub fn unknown_binding(lang: Lang, scope: &str, name: &str, known: &[&str]) -> String {
    pick(
        lang,
        format!(
            "[keys.{scope}] 没有按键设置 {name}；可用：{}",
            known.join(", ")
        ),
        format!(
            "[keys.{scope}] has no binding {name}; it has: {}",
            known.join(", ")
        ),
    )
}

pub fn bad_key(lang: Lang, scope: &str, name: &str, key: &str) -> String {
    pick(
        lang,
        format!(
            "[keys.{scope}] {name}：无法识别按键“{key}”（例：j、G、Down、PgDn、Enter、Esc、Tab、Ctrl-n、F1）"
        ),
        format!(
            "[keys.{scope}] {name}: cannot read key “{key}” (e.g. j, G, Down, PgDn, Enter, Esc, Tab, Ctrl-n, F1)"
        ),
    )
}

pub fn key_needs_alt(lang: Lang, scope: &str, name: &str, key: &str) -> String {
    pick(
        lang,
        format!(
            "[keys.{scope}] {name}：“{key}”用到 Alt；经 SSH 的终端常收不到 Alt，请换用其他按键"
        ),
        format!(
            "[keys.{scope}] {name}: “{key}” needs Alt, which terminals over SSH often lose; choose another key"
        ),
    )
}

/// Two bindings answer one key: `first` and `second` are (scope, name).
pub fn key_conflict(
    lang: Lang,
    key: &str,
    (s1, n1): &(String, String),
    (s2, n2): &(String, String),
) -> String {
    pick(
        lang,
        format!(
            "“{key}”同时分给了 [keys.{s1}] {n1} 和 [keys.{s2}] {n2}：两者在同一处都会响应这个键，其中一个将无法使用；请给其中一个换一个键"
        ),
        format!(
            "“{key}” is given to both [keys.{s1}] {n1} and [keys.{s2}] {n2}, which answer keys in the same place, so one of them could never be used; give one of them another key"
        ),
    )
}

// A refused review action (`review::act::ActError`).

pub fn cannot_read(lang: Lang, path: &Path, why: &str) -> String {
    pick(
        lang,
        format!("无法读取 {}（{why}）", display_path(path)),
        format!("cannot read {} ({why})", display_path(path)),
    )
}

/// `load_error`: the load error's own sentence.
pub fn not_a_declaration(lang: Lang, file: &str, load_error: &str) -> String {
    pick(
        lang,
        format!("{file} 不是可读取的申报表：{load_error}"),
        format!("{file} is not a declaration that loads: {load_error}"),
    )
}

pub fn bad_location(lang: Lang, at: &str) -> String {
    pick(
        lang,
        format!(
            "位置“{}”写法不对；例：declaration、budget.income.other、key_tasks[2]、indicators[7]",
            display_line(at)
        ),
        format!(
            "location “{}” is not a path; e.g. declaration, budget.income.other, key_tasks[2], indicators[7]",
            display_line(at)
        ),
    )
}

pub fn no_such_place(lang: Lang, at: &str) -> String {
    pick(
        lang,
        format!("申报表中没有“{}”这一行", display_line(at)),
        format!("the declaration has no row “{}”", display_line(at)),
    )
}

pub fn unknown_rule(lang: Lang, id: &str) -> String {
    pick(
        lang,
        format!(
            "没有编号为 {} 的规则（shenhe rules 列出全部规则）",
            display_line(id)
        ),
        format!(
            "there is no rule {} (shenhe rules lists them)",
            display_line(id)
        ),
    )
}

pub fn no_such_comment(lang: Lang, id: &str) -> String {
    pick(
        lang,
        format!("没有这条意见（{}），或它已被撤回", display_line(id)),
        format!(
            "there is no such comment ({}), or it was withdrawn",
            display_line(id)
        ),
    )
}

pub const EMPTY_TEXT: Phrase = Phrase::new("意见内容为空", "the comment is empty");
pub const EMPTY_REVIEWER: Phrase = Phrase::new(
    "不知道审核人是谁：请用 --reviewer 或在配置文件中写 reviewer = \"姓名\"",
    "no reviewer name: give --reviewer, or reviewer = \"name\" in the config file",
);
pub const RETURN_WITH_NOTHING: Phrase = Phrase::new(
    "没有可退回的内容：既没有意见，也没有采纳的问题。退回修改前请写一条意见或采纳一个问题，告诉部门要改什么",
    "nothing to return: no comment and no included flag; write a comment or include a flag first, so the department knows what to change",
);
pub const DISMISS_WITHOUT_REASON: Phrase =
    Phrase::new("不采纳需要写明原因", "dismissing a flag needs a reason");

/// Approving while error flags stand: they are named, and how to go on.
pub fn standing_errors(lang: Lang, named: &[String]) -> String {
    let list = named.join(pick(lang, "；", "; "));
    pick(
        lang,
        format!(
            "仍有 {} 个错误未处理：{list}。请先处理（不采纳需写明原因），或加 --force 仍然通过",
            named.len()
        ),
        format!(
            "{} error flag(s) still stand: {list}; dismiss them with a reason first, or give --force to approve anyway",
            named.len()
        ),
    )
}

/// A disposition for a flag the file does not have.
pub fn no_such_flag(lang: Lang, rule: &str, at: &str) -> String {
    let (rule, at) = (display_line(rule), display_line(at));
    pick(
        lang,
        format!("{at} 没有 {rule} 的问题，无从采纳或不采纳"),
        format!("there is no {rule} flag at {at} to include or dismiss"),
    )
}

/// `dispose --all` names a rule the file has no flag of.
pub fn no_flag_of_rule(lang: Lang, rule: &str) -> String {
    let rule = display_line(rule);
    pick(
        lang,
        format!("这份申报表没有 {rule} 的问题，无从采纳或不采纳"),
        format!("this declaration has no {rule} flag to include or dismiss"),
    )
}

/// `dispose DIR --all` names a rule no declaration of the folder has.
pub fn no_flag_of_rule_in_folder(lang: Lang, rule: &str) -> String {
    let rule = display_line(rule);
    pick(
        lang,
        format!("文件夹中没有哪份申报表有 {rule} 的问题，未作任何记录"),
        format!("no declaration in the folder has a {rule} flag; nothing was recorded"),
    )
}

/// `comment --rule` names a flag the file does not have at that place.
pub fn no_flag_to_comment_on(lang: Lang, rule: &str, at: &str) -> String {
    let (rule, at) = (display_line(rule), display_line(at));
    pick(
        lang,
        format!("{at} 没有 {rule} 的问题，无法针对它写意见；可去掉 --rule，写在这个位置上"),
        format!(
            "there is no {rule} flag at {at} to comment on; leave out --rule to comment on the place"
        ),
    )
}

/// `why`: the journal problem's own words.
pub fn cannot_write_journal(lang: Lang, path: &Path, why: &str) -> String {
    pick(
        lang,
        format!(
            "无法写入审核记录 {}（{why}），什么也没有写",
            display_path(path)
        ),
        format!(
            "cannot write the review journal {} ({why}); nothing was written",
            display_path(path)
        ),
    )
}

pub fn cannot_read_journal(lang: Lang, path: &Path, why: &str) -> String {
    pick(
        lang,
        format!(
            "无法读取审核记录 {}（{why}），什么也没有写",
            display_path(path)
        ),
        format!(
            "cannot read the review journal {} ({why}); nothing was written",
            display_path(path)
        ),
    )
}

// Why a review journal was not read or written (`review::JournalError`).

pub const JOURNAL_LINK: Phrase = Phrase::new(
    "它是符号链接：共享文件夹中的链接一律不跟随，请删除链接",
    "it is a symbolic link: links in a shared folder are never followed; remove it",
);

pub fn journal_not_regular(lang: Lang, kind: Kind) -> String {
    pick(
        lang,
        format!("它不是普通文件，而是{}", file_kind(lang, kind)),
        format!("it is not a regular file but {}", file_kind(lang, kind)),
    )
}

pub fn journal_too_large(lang: Lang, size: u64, cap: u64) -> String {
    pick(
        lang,
        format!("有 {size} 字节，超过上限 {cap} 字节（配置 [load] max_journal_bytes）"),
        format!("{size} bytes, over the {cap}-byte limit ([load] max_journal_bytes)"),
    )
}

/// The operating system's own words, made safe.
pub fn os_words(why: &str) -> String {
    display_line(why).into_owned()
}
