//! Every user-facing string, in Chinese (the default) and English.
//!
//! Nothing else in the program spells out words a reviewer reads; it asks
//! here. Declaration text that appears in a message is always passed
//! through [`crate::sanitize`] first.

pub mod authorship;
pub mod catalogue;
mod cli;
pub mod commands;
pub mod compose;
pub mod decisions;
mod desk;
pub mod errors;
pub mod flags;
pub mod notice;
pub mod report;
pub mod requests;
pub mod revision;
pub mod season;
pub mod years;

pub use catalogue::rule_basis;

// Named re-exports of the words most callers reach as `i18n::…`.
pub use cli::{
    ABOUT, AFTER_HELP, HELP_ASCII, HELP_AT, HELP_CHECK, HELP_COLOR, HELP_COMMENT, HELP_CONFIG,
    HELP_CONVERT, HELP_CONVERT_FILES, HELP_DEADLINE, HELP_DECIDE, HELP_DESK, HELP_DIR,
    HELP_DISPOSE, HELP_DISPOSE_ALL, HELP_DISPOSE_AT, HELP_DISPOSE_FILE, HELP_DISPOSE_RULE,
    HELP_EDIT, HELP_EXPORT, HELP_EXPORT_FORMAT, HELP_FILE, HELP_FORCE, HELP_FORMAT, HELP_GRADE,
    HELP_ID, HELP_INCLUDE_APPROVED, HELP_INCLUDE_EARLIER, HELP_LANG, HELP_MOUSE, HELP_NUMBER,
    HELP_NUMBER_FROM, HELP_OUT, HELP_OUT_DIR, HELP_PREVIOUS, HELP_REASON, HELP_REPORT,
    HELP_REPORT_OUT, HELP_REVIEWER, HELP_RULE, HELP_RULES, HELP_TEXT, HELP_WITHDRAW, bad_deadline,
    cannot_open_folder, cannot_write, convert_beside_namesake, convert_needs_out,
    convert_nothing_written, convert_same_target, docx_needs_out, fiscal_year, load_failed,
    no_files, no_flags, no_notices, not_filled, past_deadline, recorded, recorded_at,
    refused_target, rule_judged_in_folder, rules_heading, summary, unnamed_department, written,
    xlsx_needs_out, xlsx_problem,
};
pub use compose::{
    approve_anyway_prompt, cannot_approve_unread, changed_since_seen, comment_is_empty,
    comment_saved, discard_prompt, dismiss_rule_prompt, draft_left_for_later, draft_not_kept,
    draft_restored, edited, edited_comment_gone, editor_title, flag_dismissed, judged_rule_wide,
    judgement_label, judgement_mark, name_needed, not_a_comment, not_a_flag, not_signed,
    rescanning, reviewer_shown, rule_dismissed, sign_prompt, signed_as, unreadable_title,
    withdraw_prompt, words_kept,
};
pub use desk::{
    CHECKING_ACROSS, PANE_BUDGET, PANE_INDICATORS, PANE_LAST_YEAR, PANE_OVERVIEW, PANE_PROBLEMS,
    PANE_REVIEW, PANE_REVISION, PANE_TASKS, SCOPE_ALL, SCOPE_CONFIRM, SCOPE_DECLARATION,
    SCOPE_EDITOR, SCOPE_FILTER, SCOPE_GRADE, SCOPE_LIST, SCOPE_PREVIEW, SCOPE_SEASON, SCOPE_SIGN,
    SORT_DECISION, SORT_ERRORS, SORT_FILE, SORT_NAME, SORT_TOTAL, SORT_WARNINGS, budget_heading,
    cell_cut, check_not_run, comment_sheet_header, contradicting_grade, contradicting_grade_short,
    csv_header, decision_label, dismissed_apart, disposition_sheet_header, edited_by,
    every_flag_of_rule, explain_labels, filter_prompt, flag_place, flag_sheet_header,
    flags_heading, folded_rows, grade_prompt, help_title, help_title_scrolling, indicator_columns,
    journal_bad_short, journal_lines_skipped, journal_unreadable, legend, legend_heading,
    list_columns, list_header, list_separator, list_state, loading, names_of_region, no_comments,
    no_match, no_more_flags, not_checked, on_earlier_version, read_as_zero, reconciliation_columns,
    reconciliation_labels, resubmitted, sheet_names, signed, spending_in_words, task_columns,
    task_sum, too_small, whole_declaration, withdrawn, yes,
};
pub use errors::file_kind;

use crate::model::{BudgetBox, DepartmentField, IndicatorField, Location, TaskField};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

/// Picks the Chinese or the English text.
pub(crate) fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A fixed phrase in each language, named where it is used
/// (`Command::label`) and spelled here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    zh: &'static str,
    en: &'static str,
}

impl Phrase {
    pub const fn new(zh: &'static str, en: &'static str) -> Phrase {
        Phrase { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.zh, self.en)
    }
}

/// The colon after a label: full width in Chinese, `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    pick(lang, "：", ": ")
}

/// A remark in brackets after a word: `（王审核）` / ` (Wang)`.
pub fn in_brackets(lang: Lang, s: &str) -> String {
    pick(lang, format!("（{s}）"), format!(" ({s})"))
}

pub fn budget_box(lang: Lang, b: BudgetBox) -> &'static str {
    match b {
        BudgetBox::Basic => pick(lang, "部门预算支出·基本支出", "spending: basic"),
        BudgetBox::Project => pick(lang, "部门预算支出·项目支出", "spending: project"),
        BudgetBox::SpecialFund => pick(
            lang,
            "事业发展性支出·财政专项资金",
            "development: special fund",
        ),
        BudgetBox::OtherDevelopment => pick(
            lang,
            "事业发展性支出·其他事业发展性支出",
            "development: other",
        ),
        BudgetBox::FiscalAppropriation => {
            pick(lang, "收入来源·财政拨款", "income: fiscal appropriation")
        }
        BudgetBox::OtherIncome => pick(lang, "收入来源·其他资金", "income: other"),
        BudgetBox::OwnUse => pick(lang, "按预算级次划分·本级使用资金", "by level: own use"),
        BudgetBox::TransferToLower => pick(
            lang,
            "按预算级次划分·拟用于对下转移支付资金",
            "by level: transfers to lower levels",
        ),
    }
}

/// A budget box as this form prints it: the own-use box under the label
/// the form gives it (`市本级使用资金`), the others as always.
pub fn budget_box_as_printed(lang: Lang, b: BudgetBox, budget: &crate::model::Budget) -> String {
    budget_box_labelled(lang, b, budget.by_level.own_use_label.as_deref())
}

/// As [`budget_box_as_printed`], given the form's own-use label (raw).
pub fn budget_box_labelled(lang: Lang, b: BudgetBox, own_use_label: Option<&str>) -> String {
    match (b, own_use_label.filter(|l| !l.trim().is_empty())) {
        (BudgetBox::OwnUse, Some(label)) => own_use_as_printed(lang, label),
        _ => budget_box(lang, b).to_string(),
    }
}

/// The own-use box under its printed label, made safe (it comes from the file).
fn own_use_as_printed(lang: Lang, label: &str) -> String {
    let label =
        crate::sanitize::display_line(&crate::sanitize::shorten(label.trim(), 20)).into_owned();
    pick(
        lang,
        format!("按预算级次划分·{label}"),
        format!("by level: own use ({label})"),
    )
}

/// The single 指标值 column of a form with one target column.
pub fn single_target(lang: Lang) -> &'static str {
    pick(lang, "指标值", "target")
}

/// The label of the line saying which workbook cell a place is in.
pub fn in_workbook(lang: Lang) -> &'static str {
    pick(lang, "所在单元格", "cell")
}

pub fn department_field(lang: Lang, f: DepartmentField) -> &'static str {
    match f {
        DepartmentField::Name => pick(lang, "部门名称", "department name"),
        DepartmentField::Code => pick(lang, "单位编码", "unit code"),
        DepartmentField::StaffCount => pick(lang, "财政供养人员数", "staff count"),
        DepartmentField::SubordinateUnits => pick(lang, "下属二级单位数", "subordinate units"),
    }
}

pub fn task_field(lang: Lang, f: TaskField) -> &'static str {
    match f {
        TaskField::Name => pick(lang, "名称", "name"),
        TaskField::Content => pick(lang, "主要实施内容", "content"),
        TaskField::Funds => pick(lang, "拟投入的资金", "funds"),
        TaskField::ExpectedOutcome => pick(lang, "期望达到的目标", "expected outcome"),
    }
}

pub fn indicator_field(lang: Lang, f: IndicatorField) -> &'static str {
    match f {
        IndicatorField::Level1 => pick(lang, "一级指标", "level 1"),
        IndicatorField::Level2 => pick(lang, "二级指标", "level 2"),
        IndicatorField::Name => pick(lang, "三级指标", "indicator name"),
        IndicatorField::PeriodTarget => pick(lang, "实施周期指标值", "period target"),
        IndicatorField::AnnualTarget => pick(lang, "年度指标值", "annual target"),
    }
}

/// Where a location is, in the form's words: 绩效指标第8行 for `indicators[7]`.
pub fn location(lang: Lang, loc: Location) -> String {
    match loc {
        Location::FiscalYear => pick(lang, "预算年度", "fiscal year").into(),
        Location::Region => pick(lang, "地区", "region").into(),
        Location::Department(f) => department_field(lang, f).into(),
        Location::Budget => pick(lang, "预算整体情况", "budget").into(),
        Location::BudgetBox(b) => budget_box(lang, b).into(),
        Location::OwnUseLabel => pick(lang, "本级使用资金的栏目名", "own-use label").into(),
        Location::OverallGoal => pick(lang, "总体绩效目标", "overall goal").into(),
        Location::KeyTasks => pick(lang, "年度重点工作任务", "key tasks").into(),
        Location::KeyTask(i, None) => pick(
            lang,
            format!("第{}项重点任务", nth(i)),
            format!("key task {}", nth(i)),
        ),
        Location::KeyTask(i, Some(f)) => pick(
            lang,
            format!("第{}项重点任务·{}", nth(i), task_field(lang, f)),
            format!("key task {}: {}", nth(i), task_field(lang, f)),
        ),
        Location::OtherTasks => pick(lang, "其他需完成的任务", "other tasks").into(),
        Location::Indicators => pick(lang, "绩效指标", "indicators").into(),
        Location::Indicator(i, None) => pick(
            lang,
            format!("绩效指标第{}行", nth(i)),
            format!("indicator row {}", nth(i)),
        ),
        Location::Indicator(i, Some(f)) => pick(
            lang,
            format!("绩效指标第{}行·{}", nth(i), indicator_field(lang, f)),
            format!("indicator row {}: {}", nth(i), indicator_field(lang, f)),
        ),
    }
}

/// A row's number counted from 1. The index may come from a colleague's
/// journal (`indicators[18446744073709551615]`), so it is counted in a
/// type one wider: it never wraps to 第0行.
fn nth(i: usize) -> u128 {
    i as u128 + 1
}

/// A place as this form names it, and for a workbook declaration the cell
/// it is in: `绩效指标第4行（Sheet1!D20）`, `按预算级次划分·市本级使用资金（Sheet1!E8）`.
pub fn place(lang: Lang, loc: Location, printed: crate::model::cells::Printed) -> String {
    let mut out = match (loc, printed.own_use_label) {
        (Location::BudgetBox(BudgetBox::OwnUse), Some(label)) => own_use_as_printed(lang, label),
        _ => location(lang, loc),
    };
    if let Some(cell) = printed.cells.get(loc) {
        out.push_str(&in_brackets(lang, &cell));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_read_as_the_form_counts() {
        assert_eq!(
            location(Lang::Zh, Location::Indicator(7, None)),
            "绩效指标第8行"
        );
        assert_eq!(
            location(Lang::En, Location::KeyTask(0, Some(TaskField::Funds))),
            "key task 1: funds"
        );
    }

    /// Issue 19, item 14: a colleague's journal may name any row; the
    /// largest index reads as the number it is, not as 第0行.
    #[test]
    fn a_row_number_from_a_journal_never_wraps() {
        let at = Location::parse("indicators[18446744073709551615]").expect("a place");
        assert_eq!(location(Lang::Zh, at), "绩效指标第18446744073709551616行");
        let at = Location::parse("key_tasks[18446744073709551615].name").expect("a place");
        assert!(location(Lang::En, at).starts_with("key task 18446744073709551616"));
    }
}
