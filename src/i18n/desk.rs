//! Words of the review desk's panes.

use super::{Lang, Phrase, pick};

pub fn flags_heading(lang: Lang, s: Phrase, n: usize) -> String {
    pick(
        lang,
        format!("{}（{n}）", s.get(lang)),
        format!("{} ({n})", s.get(lang)),
    )
}

pub fn budget_heading(lang: Lang) -> &'static str {
    pick(lang, "预算整体情况（万元）", "Budget (万元)")
}

pub fn reconciliation_columns(lang: Lang) -> [&'static str; 5] {
    pick(
        lang,
        ["核对", "金额", "对照", "差额", "占比"],
        ["check", "amount", "against", "difference", "share"],
    )
}

/// The sums of the reconciliation, each with what it is checked against
/// in the relation its rule uses: 支出合计 (T); income and the total by
/// level each equal to it (FUND-01/02); key-task funds at most 项目支出 +
/// 事业发展性支出 (FUND-04/05/06).
pub fn reconciliation_labels(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        [
            "支出合计",
            "收入来源合计 = 支出合计",
            "按预算级次合计 = 支出合计",
            "重点任务资金 ≤ 项目支出 + 事业发展性支出",
        ],
        [
            "spending total",
            "income total = spending total",
            "total by level = spending total",
            "key-task funds ≤ project + development",
        ],
    )
}

/// What 支出合计 is, in the form's words.
pub fn spending_in_words(lang: Lang) -> &'static str {
    pick(
        lang,
        "支出合计 = 基本支出 + 项目支出 + 财政专项资金 + 其他事业发展性支出",
        "spending total = basic + project + special fund + other development spending",
    )
}

/// A grade its decision does not take (a record written by hand or by an
/// older version), shown as it is with a mark.
pub fn contradicting_grade(lang: Lang, grade: &str) -> String {
    pick(
        lang,
        format!("{grade}（与结论不符）"),
        format!("{grade} (does not fit the decision)"),
    )
}

/// As [`contradicting_grade`], for the list's narrow column.
pub fn contradicting_grade_short(lang: Lang, grade: &str) -> String {
    pick(
        lang,
        format!("{grade}（不符）"),
        format!("{grade} (mismatch)"),
    )
}

/// Where a rule-wide judgement points: every flag of its rule.
pub fn every_flag_of_rule(lang: Lang) -> &'static str {
    pick(lang, "本申报表中该规则的全部问题", "every flag of the rule")
}

/// The flag cell of a sum whose check did not run.
pub fn not_checked(lang: Lang) -> &'static str {
    pick(lang, "未核对", "not checked")
}

/// Under a sum whose check did not run: the boxes it lacked.
pub fn check_not_run(lang: Lang, missing: &[String]) -> String {
    pick(
        lang,
        format!("未核对，缺少：{}", missing.join("、")),
        format!("not checked: missing {}", missing.join(", ")),
    )
}

/// Under a sum that read blank optional boxes as 0.
pub fn read_as_zero(lang: Lang, boxes: &[String]) -> String {
    pick(
        lang,
        format!("{}未填写，按0计", boxes.join("、")),
        format!("{} blank, read as 0", boxes.join(", ")),
    )
}

pub fn task_columns(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["序号", "名称", "拟投入资金（万元）", "占支出合计"],
        ["#", "name", "funds (万元)", "share of T"],
    )
}

/// Labels of a flag's explanation: its rule, its basis.
pub fn explain_labels(lang: Lang) -> [&'static str; 2] {
    pick(lang, ["规则", "依据"], ["rule", "basis"])
}

pub fn folded_rows(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("（{n} 行已折叠，z 展开）"),
        format!("({n} rows folded, z unfolds)"),
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

// The panes of a declaration (`desk::panes::Pane::label`).
pub const PANE_OVERVIEW: Phrase = Phrase::new("概览", "Overview");
pub const PANE_BUDGET: Phrase = Phrase::new("预算", "Budget");
pub const PANE_TASKS: Phrase = Phrase::new("重点任务", "Key tasks");
pub const PANE_INDICATORS: Phrase = Phrase::new("绩效指标", "Indicators");
pub const PANE_PROBLEMS: Phrase = Phrase::new("问题", "Problems");
pub const PANE_REVIEW: Phrase = Phrase::new("审核意见", "Comments");
pub const PANE_LAST_YEAR: Phrase = Phrase::new("上年对比", "Last year");
pub const PANE_REVISION: Phrase = Phrase::new("修改情况", "Revision");

/// The list's column titles: status, name, year, total, the three counts, decision.
pub fn list_columns(lang: Lang) -> [&'static str; 9] {
    pick(
        lang,
        [
            "",
            "部门名称",
            "文件",
            "年度",
            "预算总额（万元）",
            "错",
            "警",
            "提",
            "审核",
        ],
        [
            "",
            "department",
            "file",
            "year",
            "total (万元)",
            "E",
            "W",
            "I",
            "decision",
        ],
    )
}

pub fn list_header(
    lang: Lang,
    folder: &str,
    files: usize,
    unreadable: usize,
    [errors, warnings, infos]: [usize; 3],
) -> String {
    let unread = match unreadable {
        0 => String::new(),
        n => pick(
            lang,
            format!(" · 无法读取 {n}"),
            format!(" · {n} unreadable"),
        ),
    };
    pick(
        lang,
        format!(
            "{folder} · {files} 个文件{unread} · 错误 {errors} · 警告 {warnings} · 提示 {infos}"
        ),
        format!(
            "{folder} · {files} files{unread} · {errors} errors · {warnings} warnings · {infos} info"
        ),
    )
}

/// The name column's title when the rows leave off the batch's region.
pub fn names_of_region(lang: Lang, title: &str, region: &str) -> String {
    pick(
        lang,
        format!("{title}（{region}）"),
        format!("{title} ({region})"),
    )
}

/// A declaration resubmitted after reviewers wrote about it.
pub fn resubmitted(lang: Lang) -> &'static str {
    pick(lang, "已重报", "resubmitted")
}

/// The dismissed flags, counted apart after the counts that stand
/// (` · 不采纳 2`); nothing when none were.
pub fn dismissed_apart(lang: Lang, n: usize) -> String {
    match n {
        0 => String::new(),
        n => pick(lang, format!(" · 不采纳 {n}"), format!(" · {n} dismissed")),
    }
}

pub fn loading(lang: Lang, loaded: usize, found: Option<usize>) -> String {
    match found {
        Some(n) => pick(
            lang,
            format!("正在读取 {loaded}/{n}…"),
            format!("loading {loaded}/{n}…"),
        ),
        None => pick(lang, "正在查找文件…".into(), "looking for files…".into()),
    }
}

// What the list is sorted by (`desk::Sort::label`).
pub const SORT_FILE: Phrase = Phrase::new("文件名", "file");
pub const SORT_NAME: Phrase = Phrase::new("部门名称", "department");
pub const SORT_TOTAL: Phrase = Phrase::new("预算总额", "total");
pub const SORT_ERRORS: Phrase = Phrase::new("错误数", "errors");
pub const SORT_WARNINGS: Phrase = Phrase::new("警告数", "warnings");
pub const SORT_DECISION: Phrase = Phrase::new("审核结论", "decision");

/// The list's second line: its sort, its filters (`None`: everything),
/// and how many of all it shows.
pub fn list_state(
    lang: Lang,
    sort: Phrase,
    reversed: bool,
    only: Option<Phrase>,
    decided: Option<Phrase>,
    shown: usize,
    all: usize,
) -> String {
    let every = pick(lang, "全部", "all");
    let only = only.map_or(every, |s| s.get(lang));
    let decided = decided.map_or(every, |d| d.get(lang));
    let sort = match (reversed, lang) {
        (false, _) => sort.get(lang).to_string(),
        (true, Lang::Zh) => format!("{}（倒序）", sort.get(lang)),
        (true, Lang::En) => format!("{}, reversed", sort.get(lang)),
    };
    pick(
        lang,
        format!("排序：{sort} · 级别：{only} · 结论：{decided} · 显示 {shown}/{all}"),
        format!("sort: {sort} · severity: {only} · decision: {decided} · showing {shown}/{all}"),
    )
}

/// After the list's second line while the checks across the folder run
/// (their flags are not in the counts yet).
pub const CHECKING_ACROSS: Phrase = Phrase::new(
    " · 跨文件检查（XDUP）进行中…",
    " · checking across files (XDUP)…",
);

pub fn filter_prompt(lang: Lang) -> &'static str {
    pick(
        lang,
        "筛选（拼音、首字母、文件名均可）：",
        "filter (name, pinyin, initials, file): ",
    )
}

pub fn no_match(lang: Lang) -> &'static str {
    pick(
        lang,
        "没有符合条件的申报表。Esc 清除筛选。",
        "Nothing matches. Esc clears the filter.",
    )
}

pub fn too_small(lang: Lang, min_w: u16, min_h: u16) -> String {
    pick(
        lang,
        format!("窗口太小，请至少 {min_w}×{min_h}"),
        format!("Window too small: at least {min_w}×{min_h}"),
    )
}

/// `n` past the last flag (`N` before the first) of the declaration.
pub fn no_more_flags(lang: Lang, forward: bool) -> &'static str {
    match forward {
        true => pick(lang, "后面没有问题了", "No more flags after this"),
        false => pick(lang, "前面没有问题了", "No flags before this"),
    }
}

pub fn help_title(lang: Lang) -> &'static str {
    pick(lang, "按键说明（按任意键关闭）", "Keys (any key closes)")
}

/// Help longer than the screen: which keys page it, and where it is.
/// `keys`: the moving keys, as the key table has them (`j/k/PgDn/PgUp`).
pub fn help_title_scrolling(lang: Lang, from: usize, of: usize, keys: &str) -> String {
    pick(
        lang,
        format!("按键说明（第 {from}/{of} 行；{keys} 翻页，其他键关闭）"),
        format!("Keys (line {from}/{of}; {keys} page, any other key closes)"),
    )
}

pub fn legend_heading(lang: Lang) -> &'static str {
    pick(lang, "标记", "marks")
}

/// The marks of the list and the panes, and what each means.
pub fn legend(lang: Lang) -> [(&'static str, &'static str); 5] {
    [
        (
            "E",
            pick(
                lang,
                "有错误：不能按原样通过",
                "errors: cannot pass as it is",
            ),
        ),
        (
            "W",
            pick(
                lang,
                "有警告：需要审核人员看一看",
                "warnings: a reviewer should look",
            ),
        ),
        (
            "I",
            pick(
                lang,
                "有提示：值得知道，常可接受",
                "info: worth knowing, often fine",
            ),
        ),
        (
            "✓",
            pick(
                lang,
                "没有问题；预算核对相符",
                "no flags; a budget sum that agrees",
            ),
        ),
        ("!!", pick(lang, "文件无法读取", "the file did not load")),
    ]
}

// The scopes of the key table, as the help screen heads them
// (`tui::keymap::Scope::label`).
pub const SCOPE_ALL: Phrase = Phrase::new("通用", "everywhere");
pub const SCOPE_LIST: Phrase = Phrase::new("列表", "list");
pub const SCOPE_DECLARATION: Phrase = Phrase::new("申报表", "declaration");
pub const SCOPE_FILTER: Phrase = Phrase::new("筛选", "filter");
pub const SCOPE_GRADE: Phrase = Phrase::new("等级", "grade");
pub const SCOPE_EDITOR: Phrase = Phrase::new("写意见", "comment editor");
pub const SCOPE_CONFIRM: Phrase = Phrase::new("确认", "question");
pub const SCOPE_PREVIEW: Phrase = Phrase::new("审核意见预览", "notice preview");
pub const SCOPE_SEASON: Phrase = Phrase::new("本批概况", "batch at a glance");
pub const SCOPE_SIGN: Phrase = Phrase::new("审核人姓名", "reviewer's name");

pub fn decision_label(lang: Lang) -> &'static str {
    pick(lang, "审核结论", "decision")
}

/// A name as a record gives it, followed by the login that wrote the
/// record where the two differ (`甲〔账号 zhang〕`): a name anyone can type
/// shows beside the account that typed it.
pub fn signed(lang: Lang, name: &str, login: Option<&str>) -> String {
    let shown = crate::sanitize::display_line(name);
    match login {
        Some(l) if l != name => {
            let l = crate::sanitize::display_line(l);
            pick(
                lang,
                format!("{shown}〔账号 {l}〕"),
                format!("{shown} [login {l}]"),
            )
        }
        _ => shown.into_owned(),
    }
}

/// A comment's author, `甲`, and who edited the words that stand after
/// somebody else wrote them: `甲（乙修改）`. Both are already signed.
pub fn edited_by(lang: Lang, author: &str, editor: Option<&str>) -> String {
    match editor {
        Some(by) => pick(
            lang,
            format!("{author}（{by}修改）"),
            format!("{author} (edited by {by})"),
        ),
        None => author.to_string(),
    }
}

/// The end of a spreadsheet cell cut at Excel's limit.
pub fn cell_cut(lang: Lang) -> &'static str {
    pick(
        lang,
        "…（已截断，全文见 json 导出）",
        "… (cut; the json export has it all)",
    )
}

/// The list's 审核 cell when the journal could not be read.
pub fn journal_bad_short(lang: Lang) -> &'static str {
    pick(lang, "记录有误", "journal!")
}

/// The journal could not be read at all.
/// `why`: the journal problem's own words.
pub fn journal_unreadable(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("审核记录无法读取（{why}），这里不显示任何意见"),
        format!("the review journal cannot be read ({why}); no comments are shown"),
    )
}

/// Lines of the journal that did not read.
pub fn journal_lines_skipped(lang: Lang, lines: &[usize]) -> String {
    const SHOWN: usize = 10;
    let mut list: Vec<String> = lines.iter().take(SHOWN).map(|n| n.to_string()).collect();
    if lines.len() > SHOWN {
        list.push("…".into());
    }
    pick(
        lang,
        format!(
            "审核记录中有 {} 行无法读取，已跳过（第 {} 行）",
            lines.len(),
            list.join("、")
        ),
        format!(
            "{} journal line(s) could not be read and were skipped (line {})",
            lines.len(),
            list.join(", ")
        ),
    )
}

pub fn whole_declaration(lang: Lang) -> &'static str {
    pick(lang, "整份申报表", "the whole declaration")
}

pub fn on_earlier_version(lang: Lang) -> &'static str {
    pick(lang, "（针对此前提交的版本）", " (on an earlier version)")
}

pub fn csv_header(lang: Lang) -> [&'static str; 13] {
    pick(
        lang,
        [
            "文件",
            "部门名称",
            "年度",
            "预算总额（万元）",
            "错误",
            "警告",
            "提示",
            "不采纳",
            "审核结论",
            "等级",
            "审核人",
            "意见数",
            "不采纳的问题及原因",
        ],
        [
            "file",
            "department",
            "year",
            "total (万元)",
            "errors",
            "warnings",
            "info",
            "dismissed",
            "decision",
            "grade",
            "reviewer",
            "comments",
            "dismissed flags and why",
        ],
    )
}

pub fn sheet_names(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["汇总", "问题", "审核意见", "问题处理"],
        ["Summary", "Flags", "Comments", "Dispositions"],
    )
}

pub fn flag_sheet_header(lang: Lang) -> [&'static str; 10] {
    pick(
        lang,
        [
            "文件",
            "部门名称",
            "级别",
            "规则",
            "位置",
            "路径",
            "说明",
            "处理",
            "不采纳原因",
            "判断人",
        ],
        [
            "file",
            "department",
            "severity",
            "rule",
            "place",
            "path",
            "message",
            "disposition",
            "why dismissed",
            "judged by",
        ],
    )
}

pub fn disposition_sheet_header(lang: Lang) -> [&'static str; 10] {
    pick(
        lang,
        [
            "文件",
            "部门名称",
            "规则",
            "位置",
            "路径",
            "处理",
            "原因",
            "审核人",
            "时间",
            "针对此前版本",
        ],
        [
            "file",
            "department",
            "rule",
            "place",
            "path",
            "disposition",
            "reason",
            "reviewer",
            "time",
            "earlier version",
        ],
    )
}

/// Between items listed in one cell.
pub fn list_separator(lang: Lang) -> &'static str {
    pick(lang, "；", "; ")
}

pub fn comment_sheet_header(lang: Lang) -> [&'static str; 11] {
    pick(
        lang,
        [
            "文件",
            "部门名称",
            "位置",
            "路径",
            "规则",
            "审核人",
            "时间",
            "意见",
            "已修改",
            "已撤回",
            "针对此前版本",
        ],
        [
            "file",
            "department",
            "place",
            "path",
            "rule",
            "reviewer",
            "time",
            "comment",
            "edited",
            "withdrawn",
            "earlier version",
        ],
    )
}

pub fn yes(lang: Lang) -> &'static str {
    pick(lang, "是", "yes")
}

pub fn no_comments(lang: Lang) -> &'static str {
    pick(lang, "还没有审核意见。", "No comments yet.")
}

pub fn withdrawn(lang: Lang) -> &'static str {
    pick(lang, "（已撤回）", " (withdrawn)")
}

/// The grade question of a decision, offering the grades that fit it
/// (`grades`: each grade's key and its words), and none (under `none`).
pub fn grade_prompt(
    lang: Lang,
    decision: Phrase,
    grades: &[(String, Phrase)],
    none: &str,
) -> String {
    let offered: Vec<String> = grades
        .iter()
        .map(|(key, g)| format!("{key} {}", g.get(lang)))
        .collect();
    pick(
        lang,
        format!(
            "{}：请选等级 {} · {none} 不评（Esc 取消）",
            decision.get(lang),
            offered.join(" · ")
        ),
        format!(
            "{}: grade {} · {none} none (Esc cancels)",
            decision.get(lang),
            offered.join(" · ")
        ),
    )
}

/// Where a flag's comment points: its place in the form's words, and the rule.
pub fn flag_place(place: &str, rule: &str) -> String {
    format!("{place} · {}", crate::sanitize::display_line(rule))
}
