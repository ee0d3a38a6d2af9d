//! The words of a point of the 审核意见: what is wrong, at the places the
//! notice names, and what the department should do about it. Beside each
//! flag's message (`flags`), written for the department rather than the
//! reviewer: a requirement of a document ends with the document cited, a
//! practice of this tool is advice (`建议…`) and names no threshold as a
//! rule. `rules::request` says which words each rule's point takes.
//!
//! `places` is already in its safe form (the notice builds it); every other
//! text from the file is quoted safe here, with ‘ ’ for quotes inside.

use super::{Lang, Phrase, pick};
use crate::amount::format_wan;
use rust_decimal::Decimal;

/// Text from the file in quotation marks: safe, shortened, and its own
/// double quotes turned single (`“服务单位对‘三支一扶’人员满意度”`).
pub fn quoted(lang: Lang, s: &str) -> String {
    let inner: String = crate::sanitize::quote(s.trim())
        .chars()
        .map(|c| match (lang, c) {
            (Lang::Zh, '“') => '‘',
            (Lang::Zh, '”') => '’',
            (Lang::En, '"') => '\'',
            _ => c,
        })
        .collect();
    pick(lang, format!("“{inner}”"), format!("\"{inner}\""))
}

/// Several values, each quoted: `“合规”“保持稳定”`.
pub fn values(lang: Lang, each: &[String]) -> String {
    let q: Vec<String> = each.iter().map(|v| quoted(lang, v)).collect();
    q.join(pick(lang, "", ", "))
}

/// The documents a requirement cites, briefly, as a letter cites them.
pub const DOC_88: Phrase = Phrase::new(
    "《中央部门预算绩效目标管理办法》",
    "the Measures for the Management of Budget Performance Targets (Caiyu [2015] No. 88)",
);
pub const DOC_285: Phrase = Phrase::new(
    "《财政支出绩效评价管理暂行办法》",
    "the Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285)",
);
pub const DOC_34: Phrase = Phrase::new(
    "《中共中央 国务院关于全面实施预算绩效管理的意见》",
    "the Opinions on Fully Implementing Budget Performance Management (Zhongfa [2018] No. 34)",
);

/// `依据《…》。`: the sentence a requirement ends with.
pub fn cited(lang: Lang, document: Phrase) -> String {
    pick(
        lang,
        format!("依据{}。", document.get(lang)),
        format!(" See {}.", document.get(lang)),
    )
}

// Where: the places as the notice names them.

/// `表中第28—31行` for a workbook's own rows (already joined).
pub fn sheet_rows(lang: Lang, rows: &str) -> String {
    let several = rows.contains(list_separator(lang)) || rows.contains('—');
    let en = if several { "Rows" } else { "Row" };
    pick(
        lang,
        format!("表中第{rows}行"),
        format!("{en} {rows} of the form, "),
    )
}

/// A range of rows: `28—31`.
pub fn row_range(first: u32, last: u32) -> String {
    format!("{first}—{last}")
}

/// The separator of a list of rows or values: `、`.
pub fn list_separator(lang: Lang) -> &'static str {
    pick(lang, "、", ", ")
}

/// Between clauses of a parenthesis: `；`.
pub fn clause_separator(lang: Lang) -> &'static str {
    pick(lang, "；", "; ")
}

/// Indicators by their names: `指标“A”`, `指标“A”“B”`, or `“A”“B”等4个指标`.
pub fn indicators_named(lang: Lang, names: &str, count: usize, all_named: bool) -> String {
    match (lang, all_named) {
        (Lang::Zh, true) => format!("指标{names}"),
        (Lang::Zh, false) => format!("{names}等{count}个指标"),
        (Lang::En, true) => format!("indicator {names}"),
        (Lang::En, false) => format!("indicators {names} and others ({count} in all)"),
    }
}

/// Key tasks by their names.
pub fn tasks_named(lang: Lang, names: &str, count: usize, all_named: bool) -> String {
    match (lang, all_named) {
        (Lang::Zh, true) => format!("重点工作任务{names}"),
        (Lang::Zh, false) => format!("重点工作任务{names}等{count}项"),
        (Lang::En, true) => format!("key task {names}"),
        (Lang::En, false) => format!("key tasks {names} and others ({count})"),
    }
}

/// A task without a name: `第2项重点工作任务`.
pub fn task_numbered(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("第{n}项重点工作任务"),
        format!("key task {n}"),
    )
}

/// An indicator row without a name (a workbook row is named by its row).
pub const UNNAMED_INDICATOR: Phrase = Phrase::new("未填写名称的指标", "an unnamed indicator");

/// Budget boxes by their printed labels: `预算整体情况中“…”`.
pub fn boxes_named(lang: Lang, labels: &str) -> String {
    pick(
        lang,
        format!("预算整体情况中{labels}"),
        format!("The budget box {labels}"),
    )
}

/// A comment about one of several places of a point: `其中“X”：…`.
pub fn of_which(lang: Lang, place: &str, comment: &str) -> String {
    pick(
        lang,
        format!("其中{place}：{comment}"),
        format!("As to {place}: {comment}"),
    )
}

/// A comment on a place no flag names: `{place}：{comment}`.
pub fn at_place(lang: Lang, place: &str, comment: &str) -> String {
    pick(
        lang,
        format!("{place}：{comment}"),
        format!("{place}: {comment}"),
    )
}

// The budget (FUND): figures the department reconciles; this tool's practice.

pub fn fund01(lang: Lang, spending: Decimal, income: Decimal, gap: &str) -> String {
    let (s, i) = (format_wan(spending), format_wan(income));
    pick(
        lang,
        format!(
            "支出合计{s}万元与收入来源合计{i}万元不一致，相差{gap}万元。建议逐项核对支出和收入来源的金额，使两者相等"
        ),
        format!(
            "The spending total ({s} 万元) and the income total ({i} 万元) differ by {gap} 万元. We suggest checking each amount so that they are equal"
        ),
    )
}

pub fn fund02(lang: Lang, spending: Decimal, by_level: Decimal, gap: &str) -> String {
    let (s, b) = (format_wan(spending), format_wan(by_level));
    pick(
        lang,
        format!(
            "支出合计{s}万元与按预算级次划分的合计{b}万元不一致，相差{gap}万元。建议逐项核对本级使用资金和对下转移支付资金，使两者相等"
        ),
        format!(
            "The spending total ({s} 万元) and the total by budget level ({b} 万元) differ by {gap} 万元. We suggest checking own use and transfers so that they are equal"
        ),
    )
}

pub fn fund03(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}填写的金额为负数。建议核实后填写实际金额"),
        format!(
            "{places}: the amount is negative. We suggest checking it and giving the actual amount"
        ),
    )
}

pub fn fund04(lang: Lang, tasks: Decimal, spending: Decimal) -> String {
    let (t, s) = (format_wan(tasks), format_wan(spending));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，超过部门支出合计{s}万元。建议核实各项任务的资金，使合计不超过部门预算"
        ),
        format!(
            "The key tasks' funds ({t} 万元) exceed the department's spending total ({s} 万元). We suggest checking each task's funds so that they fit the budget"
        ),
    )
}

pub fn fund05(lang: Lang, tasks: Decimal, base: Decimal) -> String {
    let (t, b) = (format_wan(tasks), format_wan(base));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，超过项目支出与事业发展性支出之和{b}万元。建议核实任务资金中是否列入了基本支出"
        ),
        format!(
            "The key tasks' funds ({t} 万元) exceed project and development spending ({b} 万元). We suggest checking whether basic spending was counted in them"
        ),
    )
}

pub fn fund06(lang: Lang, tasks: Decimal, base: Decimal, share: &str) -> String {
    let (t, b) = (format_wan(tasks), format_wan(base));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，占项目支出与事业发展性支出之和{b}万元的{share}。建议补充未列入的重点工作任务或其资金"
        ),
        format!(
            "The key tasks' funds ({t} 万元) are {share} of project and development spending ({b} 万元). We suggest adding the key tasks or funds left out"
        ),
    )
}

pub fn fund07(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}拟投入的资金为0。建议填写任务所需资金，或说明不需要资金的原因"),
        format!(
            "{places}: no funds. We suggest giving the funds the task needs, or saying why it needs none"
        ),
    )
}

// Completeness (COMP, INFO): a blank box of the form.

pub fn comp01(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标未填写。请填写部门年度总体绩效目标".into(),
        "The overall performance goal is blank. Please state the department's goal for the year"
            .into(),
    )
}

pub fn no_key_task(lang: Lang) -> String {
    pick(
        lang,
        "未填报年度重点工作任务。请填报年度重点工作任务及其主要实施内容、拟投入的资金和期望达到的目标".into(),
        "No key task is given. Please list the key tasks of the year with their content, funds and expected outcome".into(),
    )
}

/// `{places}的{fields}未填写`: blank cells of rows.
pub fn blank_cells(lang: Lang, places: &str, fields: &str) -> String {
    pick(
        lang,
        format!("{places}的{fields}未填写。请补充填写"),
        format!("{places}: {fields} blank. Please fill them in"),
    )
}

/// A required box left blank; `should_be` what the form's other sums make it.
pub fn blank_box(lang: Lang, places: &str, should_be: Option<Decimal>) -> String {
    match should_be {
        Some(v) => {
            let v = format_wan(v);
            pick(
                lang,
                format!(
                    "{places}未填写。请补充填写；按申报表的支出合计与收入来源合计，应为{v}万元"
                ),
                format!(
                    "{places} is blank. Please fill it in; by the form's spending and income totals it should be {v} 万元"
                ),
            )
        }
        None => pick(
            lang,
            format!("{places}未填写。请补充填写"),
            format!("{places} is blank. Please fill it in"),
        ),
    }
}

/// Optional boxes left blank, read as 0.
pub fn blank_read_as_zero(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}未填写，按0计算。如无此项资金，请填写0"),
        format!("{places} blank, counted as 0. If there is no such money, please write 0"),
    )
}

pub fn comp05(lang: Lang, places: &str, categories: &str) -> String {
    pick(
        lang,
        format!(
            "{places}为模板预留的{categories}指标行，未填写指标。建议按实际填写相应指标，或删除不需要的空行"
        ),
        format!(
            "{places}: the template's {categories} line is empty. We suggest giving an indicator or removing the empty line"
        ),
    )
}

/// INFO-01, INFO-02, INFO-04: a box of the basic information, advice.
pub fn info_blank(lang: Lang, what: &str) -> String {
    pick(
        lang,
        format!("{what}未填写。建议补充填写"),
        format!("{what} is blank. We suggest filling it in"),
    )
}

pub fn info03(lang: Lang) -> String {
    pick(
        lang,
        "部门名称未填写。请填写部门全称".into(),
        "The department's name is blank. Please give its full name".into(),
    )
}

// The indicator tree (HIER, DUP, COUNT).

/// HIER-01 with the 二级 it should be, inferred from what was typed.
pub fn hier01_to(lang: Lang, places: &str, level1: &str, level2: &str, to: &str) -> String {
    let (l1, l2) = (quoted(lang, level1), quoted(lang, level2));
    pick(
        lang,
        format!("{places}的二级指标填为{l2}，一级指标{l1}下没有此二级指标。请改为“{to}”"),
        format!("{places}: level 2 {l2} is not a level 2 of {l1}. Please change it to \"{to}\""),
    )
}

/// HIER-01 under a valid 一级, with the 二级 it may take; where the 二级
/// typed belongs to `another` 一级, that one as the other way out.
pub fn hier01_one_of(
    lang: Lang,
    places: &str,
    (level1, level2): (&str, &str),
    (canonical, valid): (&str, &[&str]),
    another: Option<&str>,
) -> String {
    let (l1, l2) = (quoted(lang, level1), quoted(lang, level2));
    let choices = one_of(lang, valid);
    let or = another.map_or_else(String::new, |other| {
        pick(
            lang,
            format!("；如确属{other}指标，请将一级指标改为{other}指标"),
            format!("; or, if it is one of {other}'s, change level 1 to {other}"),
        )
    });
    pick(
        lang,
        format!(
            "{places}的二级指标填为{l2}，一级指标{l1}下没有此二级指标。请改为{canonical}指标下的{choices}指标{or}"
        ),
        format!(
            "{places}: level 2 {l2} is not a level 2 of {l1}. Please use one of {canonical}'s: {choices}{or}"
        ),
    )
}

/// `数量、质量、时效或成本`.
fn one_of(lang: Lang, choices: &[&str]) -> String {
    let (head, last) = choices.split_at(choices.len().saturating_sub(1));
    match head {
        [] => last.join(""),
        _ => pick(
            lang,
            format!("{}或{}", head.join("、"), last.join("")),
            format!("{} or {}", head.join(", "), last.join("")),
        ),
    }
}

/// HIER-01 where the 一级 itself is not one of the form's.
pub fn hier01_level1(lang: Lang, places: &str, level1: &str) -> String {
    let l1 = quoted(lang, level1);
    pick(
        lang,
        format!(
            "{places}的一级指标填为{l1}，不是申报表规定的一级指标。请改为产出指标、效益指标、满意度指标或成本指标"
        ),
        format!(
            "{places}: level 1 {l1} is not one of the form's. Please use output, benefit, satisfaction or cost indicators"
        ),
    )
}

pub fn hier02(lang: Lang, missing: &[String]) -> String {
    let (names, list) = (values(lang, missing), missing.join(list_separator(lang)));
    pick(
        lang,
        format!("绩效指标缺少一级指标{names}。请补充设置{list}"),
        format!("No indicator under {names}. Please add some"),
    )
}

pub fn hier03(lang: Lang, missing: &[String]) -> String {
    let (names, list) = (values(lang, missing), missing.join(list_separator(lang)));
    pick(
        lang,
        format!("产出指标下缺少二级指标{names}。请补充设置{list}"),
        format!("Output indicators have no {names}. Please add some"),
    )
}

pub fn hier04(lang: Lang) -> String {
    pick(
        lang,
        "绩效指标未设成本指标。建议按实际设置成本指标，反映履职成本的控制要求".into(),
        "No cost indicator is set. We suggest setting one for what the work may cost".into(),
    )
}

pub fn dup01(lang: Lang, places: &str, times: usize) -> String {
    pick(
        lang,
        format!("{places}名称相同，出现了{times}次。建议合并重复的指标，或改用能区分的名称"),
        format!(
            "{places}: the same name {times} times. We suggest merging them or naming them apart"
        ),
    )
}

pub fn count01(lang: Lang, rows: usize, max: usize) -> String {
    pick(
        lang,
        format!("产出指标共{rows}条，数量较多。建议精简至{max}条以内，保留最能反映产出的核心指标"),
        format!(
            "There are {rows} output indicators. We suggest keeping the {max} or fewer that best show the output"
        ),
    )
}

// Indicator values (QUANT, PERIOD, SAT, CLASS, REL, COST).

pub fn quant01(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!(
            "{places}的指标值{targets}既没有量化，也不是分级表述。请按实际量化为具体数值，或采用分级表述"
        ),
        format!(
            "{places}: the target {targets} is neither a number nor a graded level. Please give a number, or graded levels"
        ),
    )
}

pub fn quant02(lang: Lang, places: &str, targets: &str, words: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值{targets}使用{words}等模糊表述，没有量化。请改为可衡量的具体数值"),
        format!(
            "{places}: the target {targets} uses vague words ({words}) and no number. Please give a measurable number"
        ),
    )
}

pub fn quant03(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值填为{targets}，没有填写目标。请填写具体的目标值"),
        format!("{places}: the target is {targets}, not a target. Please give the target"),
    )
}

pub fn quant04(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值{targets}只是复述了指标名称。建议填写可衡量的目标值"),
        format!(
            "{places}: the target {targets} restates the indicator's name. We suggest a measurable target"
        ),
    )
}

pub fn quant05_over_100(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}为比率指标，指标值{targets}超过100%。建议核实后填写不超过100%的比率"),
        format!(
            "{places}: a rate whose target {targets} is above 100%. We suggest a rate of at most 100%"
        ),
    )
}

pub fn quant05_no_percent(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}为比率指标，指标值{targets}不是百分比。建议以百分比表示"),
        format!(
            "{places}: a rate whose target {targets} is not a percentage. We suggest a percentage"
        ),
    )
}

pub fn period01(lang: Lang, places: &str, pairs: &str) -> String {
    pick(
        lang,
        format!(
            "{places}的年度指标值大于实施周期指标值（{pairs}）。建议核实：年度指标值一般不超过实施周期指标值"
        ),
        format!(
            "{places}: the annual target is above the period target ({pairs}). We suggest checking them: the year is part of the period"
        ),
    )
}

/// `年度120人、实施周期100人`.
pub fn period_pair(lang: Lang, annual: &str, period: &str, unit: &str) -> String {
    pick(
        lang,
        format!("年度{annual}{unit}、实施周期{period}{unit}"),
        format!("annual {annual}{unit}, period {period}{unit}"),
    )
}

pub fn sat02(lang: Lang, places: &str, lowest: &str, floor: Decimal) -> String {
    let floor = floor.normalize();
    pick(
        lang,
        format!("{places}的满意度目标值为{lowest}，建议不低于{floor}%"),
        format!("{places}: the satisfaction target is {lowest}; we suggest at least {floor}%"),
    )
}

pub fn sat03(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!(
            "{places}列在满意度指标下，但名称没有体现满意度。建议改为反映服务对象满意程度的指标"
        ),
        format!(
            "{places}: under satisfaction, but the name is not about satisfaction. We suggest an indicator of how satisfied those served are"
        ),
    )
}

pub fn class01(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!(
            "{places}列为时效指标，但名称和指标值都没有体现时间要求。建议写明完成时限，或调整到相应的二级指标下"
        ),
        format!(
            "{places}: a timeliness indicator with no time in its name or target. We suggest stating the deadline, or moving it"
        ),
    )
}

pub fn rel01(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标没有可衡量的内容。建议写明主要工作的数量、质量、时效等可衡量的目标".into(),
        "The overall goal has nothing measurable. We suggest stating measurable aims: how much, how well, by when".into(),
    )
}

pub fn cost01(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!(
            "{places}为成本指标，指标值{targets}写为下限。建议改为成本控制的上限（如“≤”“不超过”）"
        ),
        format!(
            "{places}: a cost target {targets} written as a floor. We suggest a ceiling (≤, at most)"
        ),
    )
}

// Text safety and the folder.

pub fn safe01(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}含有不可见字符或控制字符。建议删除这些字符后重新报送"),
        format!("{places} holds invisible or control characters. We suggest removing them"),
    )
}

pub fn xdup01(lang: Lang) -> String {
    pick(
        lang,
        "本批次收到你单位同一年度的申报表不止一份。建议确认以哪一份为准，并撤回其余各份".into(),
        "More than one declaration of yours for this year was received. We suggest saying which one stands and withdrawing the others".into(),
    )
}

pub fn xdup02(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标与本批次其他部门的基本相同。建议结合本部门职能和年度工作重新表述".into(),
        "The overall goal is nearly the same as another department's. We suggest stating it from the department's own work".into(),
    )
}

/// `“城乡居民基础养老金标准”上年为“≥200元每人每月”、本年为“≥190元每人每月”`:
/// a target made easier, by its row's name.
pub fn year_pair(lang: Lang, name: &str, before: &str, now: &str) -> String {
    let (before, now) = (quoted(lang, before), quoted(lang, now));
    match name.is_empty() {
        true => pick(
            lang,
            format!("上年为{before}、本年为{now}"),
            format!("{before} last year, {now} now"),
        ),
        false => pick(
            lang,
            format!("{}上年为{before}、本年为{now}", quoted(lang, name)),
            format!("{}: {before} last year, {now} now", quoted(lang, name)),
        ),
    }
}

pub fn yoy01(lang: Lang, places: &str, pairs: &str) -> String {
    pick(
        lang,
        format!(
            "{places}的目标要求低于上年（{pairs}）。请说明降低的理由，或按不低于上年的水平设定指标值"
        ),
        format!(
            "{places}: the target asks less than last year's ({pairs}). Please explain why, or set it no lower than last year's"
        ),
    )
}

pub fn yoy02(lang: Lang, names: &str, count: usize, cut: bool) -> String {
    let and = if cut { "等" } else { "" };
    pick(
        lang,
        format!(
            "上年设置的{names}{and}{count}个指标本年未再设置。建议说明原因；相关工作仍在开展的，建议保留相应指标"
        ),
        format!(
            "Last year's indicators {names} ({count}) are not set this year. We suggest explaining why, and keeping those whose work goes on"
        ),
    )
}

pub fn yoy03(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标与上年的基本相同。建议结合本年度的工作任务重新拟定".into(),
        "The overall goal is nearly last year's. We suggest stating it from this year's work"
            .into(),
    )
}
