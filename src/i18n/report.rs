//! The words of 审核情况报告, the report to the government on the season's
//! review (issue 24): Chinese only, as everything the bureau sends; and
//! what `shenhe report` tells the reviewer, in both languages.

use super::{Lang, pick};

/// The batch in figures, as 一、基本情况 says them.
pub struct Figures {
    pub files: usize,
    pub unreadable: usize,
    pub approve: usize,
    pub returned: usize,
    pub pending: usize,
    /// 优, 良, 中, 差.
    pub grades: [usize; 4],
    pub rows: usize,
    pub measurable: usize,
    pub per_mille: usize,
}

pub fn title(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("关于{y}年度部门整体预算绩效目标审核情况的报告"),
        None => "关于部门整体预算绩效目标审核情况的报告".into(),
    }
}

/// 主送, or a gap that shows it is to be filled in.
pub fn addressee(to: Option<&str>) -> String {
    format!("{}：", to.unwrap_or("（请填写主送机关）"))
}

pub fn issuer(issuer: Option<&str>) -> String {
    issuer.unwrap_or("（请填写发文机关）").to_string()
}

pub fn opening(files: usize, year: Option<i32>) -> String {
    let year = year.map_or_else(String::new, |y| format!("{y}年度"));
    format!(
        "按照预算绩效管理工作安排，我局对本批次报送的{files}份{year}部门整体预算绩效目标申报表进行了审核。现将审核情况报告如下："
    )
}

pub const BASIC: &str = "一、基本情况";
pub const RESULTS: &str = "二、审核结果";
pub const RESULTS_BELOW: &str = "各部门（单位）审核结果见下表。";
pub const RESULT_COLUMNS: [&str; 4] = ["序号", "部门（单位）", "审核结论", "等次"];
pub const PROBLEMS: &str = "三、主要问题";
pub const NO_PROBLEMS: &str = "本批次申报表未发现需要告知部门的问题。";
pub const NEXT: &str = "四、下一步工作建议";
pub const KEEP_ON: &str = "继续按照预算绩效管理要求做好绩效目标审核工作。";

/// 一、基本情况: the batch in figures, as of `today`.
pub fn basics(f: &Figures, today: &str) -> String {
    let files = f.files;
    let mut out = format!("本批次共收到申报表{files}份");
    if f.unreadable > 0 {
        out.push_str(&format!("，其中{}份文件无法读取", f.unreadable));
    }
    out.push_str(&format!(
        "。截至{today}，已作出审核结论{}份，其中通过{}份、退回修改{}份；尚待审核{}份。",
        f.approve + f.returned,
        f.approve,
        f.returned,
        f.pending
    ));
    let [e, g, m, p] = f.grades;
    if e + g + m + p > 0 {
        out.push_str(&format!(
            "评定等次为优的{e}份、良的{g}份、中的{m}份、差的{p}份。"
        ));
    }
    if f.rows > 0 {
        out.push_str(&format!(
            "申报表共列绩效指标{}行，其中已量化或分级表述的{}行，占{}。",
            f.rows,
            f.measurable,
            super::season::share(f.per_mille)
        ));
    }
    out
}

/// 三、主要问题: one problem, in how many declarations (two of one
/// department count twice: it is the declarations that are returned),
/// and examples (the department and what was found).
pub fn problem(title: &str, declarations: usize, examples: &[(String, String)]) -> String {
    let mut out = format!("{title}。共{declarations}份申报表存在此类问题");
    if !examples.is_empty() {
        let quoted: Vec<String> = examples
            .iter()
            .map(|(name, what)| format!("{name}：{what}"))
            .collect();
        out.push_str(&format!("，如{}", quoted.join("；")));
    }
    out.push('。');
    out
}

/// How many flags reviewers dismissed, and of which rules (their titles).
pub fn dismissed(flags: usize, rules: &[&str]) -> String {
    let rules: Vec<String> = rules.iter().map(|r| format!("“{r}”")).collect();
    format!(
        "另有{flags}处审核发现经审核人员核实不予采纳，涉及{}。",
        rules.join("、")
    )
}

/// 四、下一步工作建议: one rule's, with the document it rests on where it
/// cites one.
pub fn suggestion(title: &str, cite: Option<&str>) -> String {
    match cite {
        Some(cite) => {
            format!("针对“{title}”的问题，建议督促相关部门（单位）对照{cite}修改完善。")
        }
        None => format!("针对“{title}”的问题，建议督促相关部门（单位）按照审核意见逐项修改完善。"),
    }
}

/// A file of the batch that could not be read, in the table of results.
pub fn unreadable(file: &str) -> String {
    format!("{file}（文件无法读取）")
}

/// `report` without the settings a report names: said once.
pub fn settings_missing(lang: Lang, missing: &[&str]) -> String {
    let keys = missing.join(", ");
    pick(
        lang,
        format!("配置文件 [report] 未设置 {keys}：报告中留有待填写的空白"),
        format!("[report] {keys} not set in the config file: the report leaves blanks to fill in"),
    )
}

pub const DOCX_NAME: &str = "审核情况报告.docx";
pub const XLSX_NAME: &str = "审核情况统计.xlsx";

/// The report's document could not be made: the writer's words.
pub fn failed(lang: Lang, why: &str) -> String {
    let why = crate::sanitize::display_line(why);
    pick(
        lang,
        format!("无法生成审核情况报告：{why}"),
        format!("the report could not be made: {why}"),
    )
}
