//! The words of 本批概况, the batch at a glance (issue 24).

use super::{Lang, Phrase, pick};

pub const TITLE: Phrase = Phrase::new("本批概况", "The batch at a glance");

/// The share of a per-mille figure as the screen shows it (`96.5%`).
pub fn share(per_mille: usize) -> String {
    format!("{}.{}%", per_mille / 10, per_mille % 10)
}

pub fn files(lang: Lang, files: usize, unreadable: usize, loading: bool) -> String {
    let loading = match (loading, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（读取中，数字会变）",
        (true, Lang::En) => " (still reading: the figures will change)",
    };
    pick(
        lang,
        format!("进度：文件 {files} 个，无法读取 {unreadable} 个{loading}"),
        format!("progress: {files} files, {unreadable} unreadable{loading}"),
    )
}

/// `待审 16 · 通过 1 · 退回修改 2`: each decision's word and count.
pub fn counted(parts: &[(&str, usize)]) -> String {
    parts
        .iter()
        .map(|(word, n)| format!("{word} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn grades(lang: Lang, counted: &str) -> String {
    pick(
        lang,
        format!("等次：{counted}"),
        format!("grades: {counted}"),
    )
}

pub fn deciders(lang: Lang, counted: &str) -> String {
    match counted.is_empty() {
        true => pick(lang, "审核人：尚无审核结论", "decided by: nobody yet").to_string(),
        false => pick(
            lang,
            format!("审核人：{counted}"),
            format!("decided by: {counted}"),
        ),
    }
}

pub const PROBLEMS: Phrase = Phrase::new(
    "问题（告知部门的，按申报表数）",
    "Problems departments are told, by declarations",
);

pub const NO_PROBLEMS: Phrase = Phrase::new("没有告知部门的问题", "nothing to tell departments");

pub fn dismissed(lang: Lang, counted: &str) -> String {
    pick(
        lang,
        format!("不采纳：{counted}"),
        format!("dismissed: {counted}"),
    )
}

pub fn measurable(lang: Lang, measurable: usize, rows: usize, per_mille: usize) -> String {
    let share = share(per_mille);
    pick(
        lang,
        format!("可衡量性：指标 {measurable}/{rows} 行已量化或分级（{share}）"),
        format!(
            "measurability: {measurable} of {rows} indicator rows quantified or graded ({share})"
        ),
    )
}

pub const LOWEST: Phrase = Phrase::new("最低的部门：", "least measurable:");

/// After the list's second line when it is narrowed from 本批概况: to the
/// declarations of a rule's problems, or to one file.
pub fn only(lang: Lang, what: &str) -> String {
    pick(lang, format!(" · 只看：{what}"), format!(" · only: {what}"))
}

/// A department's measurable rows of all, and the share: `7/9（77.8%）`.
pub fn rows_measurable(lang: Lang, measurable: usize, rows: usize, per_mille: usize) -> String {
    let share = share(per_mille);
    pick(
        lang,
        format!("{measurable}/{rows}（{share}）"),
        format!("{measurable}/{rows} ({share})"),
    )
}

pub const COPIES: Phrase = Phrase::new(
    "总体绩效目标雷同（XDUP-02）",
    "Overall goals alike (XDUP-02)",
);

pub const VAGUE: Phrase = Phrase::new(
    "多个部门写法相同的模糊指标值",
    "Vague targets written alike by several departments",
);

pub const REPEATED: Phrase = Phrase::new(
    "多个部门相同的指标（名称与指标值均相同）",
    "Indicator rows several departments wrote alike (same name and target)",
);

/// A row several departments wrote: its name, its targets (the period's
/// after a slash where it differs) and how many departments.
pub fn repeated(lang: Lang, name: &str, targets: &str, departments: usize) -> String {
    pick(
        lang,
        format!("{name}：{targets} · {departments} 个部门"),
        format!("{name}: {targets} · {departments} departments"),
    )
}

/// A group of declarations, by file: `a.json、b.json · 2 份`.
pub fn group(lang: Lang, files: &[&str]) -> String {
    let n = files.len();
    pick(
        lang,
        format!("{} · {n} 份", files.join("、")),
        format!("{} · {n} files", files.join(", ")),
    )
}

/// A vague target and how many declarations wrote it.
pub fn vague(lang: Lang, target: &str, n: usize) -> String {
    pick(
        lang,
        format!("“{target}” · {n} 份"),
        format!("“{target}” · {n} declarations"),
    )
}

/// The list narrowed to the declarations that wrote a row or a target
/// (how many, the line says already: `显示 3/5`).
pub fn wrote(what: &str) -> String {
    format!("“{what}”")
}

/// The list narrowed to several files.
pub fn files_only(lang: Lang, n: usize) -> String {
    pick(lang, format!("{n} 份申报表"), format!("{n} declarations"))
}

/// The statistics workbook sent with the report to the government, in
/// Chinese like everything that leaves the bureau: its sheets, their
/// column titles and its charts' titles.
pub mod workbook {
    pub const OVERVIEW: &str = "概况";
    pub const OVERVIEW_TITLES: [&str; 2] = ["项目", "份数"];
    pub const PROBLEMS: &str = "问题";
    pub const DISMISSED: &str = "不采纳";
    pub const PROBLEM_TITLES: [&str; 4] = ["规则", "名称", "申报表份数", "问题条数"];
    pub const RESULTS: &str = "审核结果";
    pub const RESULT_TITLES: [&str; 5] = ["文件", "部门", "审核结论", "等次", "审核人"];
    pub const MEASURABLE: &str = "可衡量性";
    pub const MEASURABLE_TITLES: [&str; 4] = ["文件", "部门", "指标行", "已量化或分级"];
    pub const REPEATED: &str = "相同指标";
    pub const REPEATED_TITLES: [&str; 5] =
        ["三级指标", "年度指标值", "实施期指标值", "部门数", "文件"];
    pub const DECISIONS_CHART: &str = "审核结论";
    pub const GRADES_CHART: &str = "等次";
    pub const PROBLEMS_CHART: &str = "主要问题（按申报表份数）";
}
