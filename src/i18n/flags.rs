//! The words of each flag. A rule's finding says which words are its own
//! (`rules::…::Finding::message`, beside the rule's logic); here they are
//! spelled, in both languages. Texts from the file are quoted safe here.

use super::{Lang, Phrase, indicator_field, pick};
use crate::amount::{format_difference, format_wan, percent_of};
use crate::model::IndicatorField;
use crate::sanitize::quote;
use rust_decimal::Decimal;

fn money(v: Decimal) -> String {
    format_wan(v)
}

/// `left − right`, or `—` where the difference cannot be held.
fn gap(left: Decimal, right: Decimal) -> String {
    left.checked_sub(right)
        .map_or_else(|| "—".to_string(), format_difference)
}

fn pct(v: Decimal) -> String {
    v.normalize().to_string()
}

// The budget (FUND).

pub fn fund01(lang: Lang, spending: Decimal, income: Decimal) -> String {
    pick(
        lang,
        format!(
            "支出合计 {} 万元与收入来源合计 {} 万元不一致，相差 {} 万元",
            money(spending),
            money(income),
            gap(spending, income)
        ),
        format!(
            "spending total {} differs from income total {} by {} (万元)",
            money(spending),
            money(income),
            gap(spending, income)
        ),
    )
}

pub fn fund02(lang: Lang, spending: Decimal, by_level: Decimal) -> String {
    pick(
        lang,
        format!(
            "支出合计 {} 万元与按预算级次划分合计 {} 万元不一致，相差 {} 万元",
            money(spending),
            money(by_level),
            gap(spending, by_level)
        ),
        format!(
            "spending total {} differs from the total by budget level {} by {} (万元)",
            money(spending),
            money(by_level),
            gap(spending, by_level)
        ),
    )
}

/// `place`: the box, in the form's words.
pub fn fund03(lang: Lang, place: &str, amount: Decimal) -> String {
    pick(
        lang,
        format!("{place}为负数：{} 万元", money(amount)),
        format!("{place} is negative: {} 万元", money(amount)),
    )
}

pub fn fund04(lang: Lang, tasks: Decimal, spending: Decimal) -> String {
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元超过部门预算支出合计 {} 万元",
            money(tasks),
            money(spending)
        ),
        format!(
            "key-task funds {} exceed the spending total {} (万元)",
            money(tasks),
            money(spending)
        ),
    )
}

pub fn fund05(lang: Lang, tasks: Decimal, base: Decimal) -> String {
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元超过项目支出与事业发展性支出之和 {} 万元，可能挤占基本支出",
            money(tasks),
            money(base)
        ),
        format!(
            "key-task funds {} exceed project plus development spending {} (万元): basic spending may be claimed",
            money(tasks),
            money(base)
        ),
    )
}

pub fn fund06(lang: Lang, tasks: Decimal, base: Decimal, min_share: Decimal) -> String {
    // The share as every share shows (one decimal); the floor as configured.
    let share = percent_of(tasks, base).map_or_else(|| "—".to_string(), |p| p.to_string());
    let min = min_share
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or_else(|| "—".to_string(), pct);
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元只占项目支出与事业发展性支出之和 {} 万元的 {share}%，低于 {min}%",
            money(tasks),
            money(base)
        ),
        format!(
            "key-task funds {} are {share}% of project plus development spending {} (万元), below {min}%",
            money(tasks),
            money(base)
        ),
    )
}

pub const FUND07: Phrase = Phrase::new("该重点任务拟投入的资金为 0", "this key task has no funds");

// Completeness (COMP, INFO).

pub const NO_KEY_TASK: Phrase = Phrase::new("没有填报任何年度重点工作任务", "no key task at all");

/// A box left blank; `place` in the form's words.
pub fn blank(lang: Lang, place: &str) -> String {
    pick(lang, format!("{place}未填写"), format!("{place} is blank"))
}

/// COST-01: `target` as submitted.
pub fn cost01(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!(
            "成本指标的指标值“{}”是下限；成本指标应写最多花多少（上限，如“≤”）",
            quote(target)
        ),
        format!(
            "cost target “{}” is a floor; a cost target should say the most it may cost (a ceiling, e.g. ≤)",
            quote(target)
        ),
    )
}

/// An optional budget box left blank, which the sums read as 0.
pub fn blank_read_as_zero(lang: Lang, place: &str) -> String {
    pick(
        lang,
        format!("{place}未填写，按0计"),
        format!("{place} is blank; read as 0"),
    )
}

pub fn blank_cells(lang: Lang, cells: &[IndicatorField]) -> String {
    let names: Vec<&str> = cells.iter().map(|c| indicator_field(lang, *c)).collect();
    pick(
        lang,
        format!("{}未填写", names.join("、")),
        format!("blank: {}", names.join(", ")),
    )
}

pub fn template_row(lang: Lang, category: &str) -> String {
    pick(
        lang,
        format!("模板预留的“{}”指标行未填写指标", quote(category)),
        format!(
            "the template's line for “{}” has no indicator",
            quote(category)
        ),
    )
}

// The indicator tree (HIER, DUP, COUNT).

pub fn hier01(lang: Lang, level1: &str, level2: &str) -> String {
    pick(
        lang,
        format!(
            "一级指标“{}”下不能设二级指标“{}”",
            quote(level1),
            quote(level2)
        ),
        format!(
            "level-2 “{}” is not allowed under level-1 “{}”",
            quote(level2),
            quote(level1)
        ),
    )
}

pub fn hier02(lang: Lang, level1: &str) -> String {
    pick(
        lang,
        format!("缺少一级指标“{level1}”"),
        format!("no row under level-1 “{level1}”"),
    )
}

pub fn hier03(lang: Lang, level2: &str) -> String {
    pick(
        lang,
        format!("产出指标下缺少二级指标“{level2}”"),
        format!("output indicators have no “{level2}” row"),
    )
}

pub const HIER04: Phrase = Phrase::new(
    "未设成本指标（产出指标·成本指标，或一级指标“成本指标”）",
    "no cost indicator (产出指标/成本指标, or level-1 成本指标)",
);

/// `first`: the earlier row, counted from 0.
pub fn dup01(lang: Lang, first: usize) -> String {
    let row = first.saturating_add(1);
    pick(
        lang,
        format!("三级指标名称与第{row}行重复"),
        format!("same indicator name as row {row}"),
    )
}

pub fn count01(lang: Lang, rows: usize, max: usize) -> String {
    pick(
        lang,
        format!("产出指标共 {rows} 条，多于 {max} 条"),
        format!("{rows} output indicators, more than {max}"),
    )
}

// Target values (QUANT, PERIOD, SAT, CLASS, REL).

pub fn quant01(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("指标值“{}”既没有量化，也不是分级表述", quote(target)),
        format!(
            "target “{}” is neither quantified nor graded",
            quote(target)
        ),
    )
}

pub fn quant02(lang: Lang, target: &str, word: &str) -> String {
    pick(
        lang,
        format!(
            "指标值“{}”用了模糊词“{}”，又没有数字",
            quote(target),
            quote(word)
        ),
        format!(
            "target “{}” uses the vague word “{}” and has no number",
            quote(target),
            quote(word)
        ),
    )
}

pub fn quant03(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("指标值“{}”是占位内容，不是目标", quote(target)),
        format!("target “{}” is a placeholder, not a target", quote(target)),
    )
}

pub fn quant04(lang: Lang, target: &str, name: &str) -> String {
    pick(
        lang,
        format!(
            "指标值“{}”只是复述了指标名称“{}”",
            quote(target),
            quote(name)
        ),
        format!(
            "target “{}” only restates the indicator “{}”",
            quote(target),
            quote(name)
        ),
    )
}

pub fn quant05_over_100(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("比率指标的指标值“{}”超过 100%", quote(target)),
        format!("rate target “{}” is above 100%", quote(target)),
    )
}

pub fn quant05_no_percent(lang: Lang, target: &str) -> String {
    pick(
        lang,
        format!("比率指标的指标值“{}”有数字但不是百分比", quote(target)),
        format!(
            "rate target “{}” has a number but no percentage",
            quote(target)
        ),
    )
}

pub fn period01(lang: Lang, annual: &str, period: &str, unit: &str) -> String {
    let unit = quote(unit);
    pick(
        lang,
        format!("年度指标值 {annual}{unit} 超过实施周期指标值 {period}{unit}"),
        format!("annual target {annual}{unit} exceeds the period target {period}{unit}"),
    )
}

pub fn sat02(lang: Lang, lowest: Decimal, floor: Decimal) -> String {
    pick(
        lang,
        format!("满意度目标 {}% 低于 {}%", pct(lowest), pct(floor)),
        format!(
            "satisfaction target {}% is below {}%",
            pct(lowest),
            pct(floor)
        ),
    )
}

pub const SAT03: Phrase = Phrase::new(
    "满意度指标下的这一行名称不含“满意”",
    "this row under 满意度指标 is not about satisfaction",
);
pub const CLASS01: Phrase = Phrase::new(
    "时效指标的名称和指标值都看不出时间要求",
    "timeliness indicator names no time or deadline",
);
pub const REL01: Phrase = Phrase::new(
    "总体绩效目标没有任何数字，难以衡量",
    "the overall goal has no number to measure against",
);

// Safety and the folder (SAFE, XDUP).

/// `shown`: the characters as they are shown (`^[`, `<U+202E>`).
pub fn safe01(lang: Lang, shown: &[String]) -> String {
    pick(
        lang,
        format!(
            "含控制字符或不可见字符 {}，已按可见形式显示",
            shown.join(" ")
        ),
        format!(
            "holds control or invisible characters {}, shown visibly",
            shown.join(" ")
        ),
    )
}

/// The other files of a double submission: the first few, and how many more.
pub fn xdup01(lang: Lang, shown: &[String], more: usize) -> String {
    let files: Vec<String> = shown.iter().map(|f| quote(f)).collect();
    let (zh_more, en_more) = and_more(shown.len(), more, " 等 {} 个文件", " and {} more files");
    pick(
        lang,
        format!(
            "同一部门同一年度还有申报文件：{}{zh_more}",
            files.join("、")
        ),
        format!(
            "the same department and year is also declared in {}{en_more}",
            files.join(", ")
        ),
    )
}

/// The tail of a list cut at `shown`: "甲、乙等 N 个…", where N counts them
/// all, as Chinese lists do; "… and M more" in English. `{}` in each
/// pattern takes the number.
pub(super) fn and_more(shown: usize, more: usize, zh: &str, en: &str) -> (String, String) {
    match more {
        0 => (String::new(), String::new()),
        n => (
            zh.replacen("{}", &shown.saturating_add(n).to_string(), 1),
            en.replacen("{}", &n.to_string(), 1),
        ),
    }
}

/// XDUP-02: the other departments whose goal is alike, by name.
pub fn xdup02(lang: Lang, shown: &[String], more: usize) -> String {
    let names: Vec<String> = shown.iter().map(|f| format!("“{}”", quote(f))).collect();
    let (zh_more, en_more) = and_more(shown.len(), more, "等 {} 个部门", " and {} more");
    pick(
        lang,
        format!(
            "总体绩效目标与{}{zh_more}的总体绩效目标雷同（去掉数字后几乎相同），请结合本部门职能填写",
            names.join("")
        ),
        format!(
            "the overall goal is nearly the same as that of {}{en_more} (numbers aside); it should be the department's own",
            names.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_never_carry_raw_control_characters() {
        let m = quant01(Lang::Zh, "\u{1b}]0;x\u{7}好");
        assert!(!m.contains('\u{1b}') && m.contains("^[]0;x^G好"), "{m}");
    }

    #[test]
    fn fund_messages_show_the_exact_difference() {
        assert_eq!(
            fund01(
                Lang::Zh,
                "6772.35".parse().unwrap(),
                "6771.25".parse().unwrap()
            ),
            "支出合计 6,772.35 万元与收入来源合计 6,771.25 万元不一致，相差 1.10 万元"
        );
    }
}
