//! The message of each flag, from its facts.

use super::{Lang, indicator_field, location, pick};
use crate::amount::{format_wan, percent_of};
use crate::rules::{Detail, Flag, Rule};
use crate::sanitize::quote;
use rust_decimal::Decimal;

fn money(v: Decimal) -> String {
    format_wan(v)
}

/// `left − right`, or `—` where the difference cannot be held.
fn gap(left: Decimal, right: Decimal) -> String {
    left.checked_sub(right)
        .map_or_else(|| "—".to_string(), format_wan)
}

fn pct(v: Decimal) -> String {
    v.normalize().to_string()
}

/// What a flag says, in the reviewer's language.
pub fn flag_message(lang: Lang, flag: &Flag) -> String {
    let z = |zh: String, en: String| pick(lang, zh, en);
    match (&flag.rule, &flag.detail) {
        (Rule::Fund01, Detail::Totals { left, right }) => z(
            format!(
                "支出合计 {} 万元与收入来源合计 {} 万元不一致，相差 {} 万元",
                money(*left),
                money(*right),
                gap(*left, *right)
            ),
            format!(
                "spending total {} differs from income total {} by {} (万元)",
                money(*left),
                money(*right),
                gap(*left, *right)
            ),
        ),
        (Rule::Fund02, Detail::Totals { left, right }) => z(
            format!(
                "支出合计 {} 万元与按预算级次划分合计 {} 万元不一致，相差 {} 万元",
                money(*left),
                money(*right),
                gap(*left, *right)
            ),
            format!(
                "spending total {} differs from the total by budget level {} by {} (万元)",
                money(*left),
                money(*right),
                gap(*left, *right)
            ),
        ),
        (Rule::Fund03, Detail::Negative(v)) => z(
            format!(
                "{}为负数：{} 万元",
                location(lang, flag.location),
                money(*v)
            ),
            format!(
                "{} is negative: {} 万元",
                location(lang, flag.location),
                money(*v)
            ),
        ),
        (Rule::Fund04, Detail::Totals { left, right }) => z(
            format!(
                "重点任务资金合计 {} 万元超过部门预算支出合计 {} 万元",
                money(*left),
                money(*right)
            ),
            format!(
                "key-task funds {} exceed the spending total {} (万元)",
                money(*left),
                money(*right)
            ),
        ),
        (Rule::Fund05, Detail::Totals { left, right }) => z(
            format!(
                "重点任务资金合计 {} 万元超过项目支出与事业发展性支出之和 {} 万元，可能挤占基本支出",
                money(*left),
                money(*right)
            ),
            format!(
                "key-task funds {} exceed project plus development spending {} (万元): basic spending may be claimed",
                money(*left),
                money(*right)
            ),
        ),
        (
            Rule::Fund06,
            Detail::Share {
                tasks,
                base,
                min_share,
            },
        ) => {
            let share = percent_of(*tasks, *base).map_or_else(|| "—".to_string(), pct);
            let min = min_share
                .checked_mul(Decimal::ONE_HUNDRED)
                .map_or_else(|| "—".to_string(), pct);
            z(
                format!(
                    "重点任务资金合计 {} 万元只占项目支出与事业发展性支出之和 {} 万元的 {share}%，低于 {min}%",
                    money(*tasks),
                    money(*base)
                ),
                format!(
                    "key-task funds {} are {share}% of project plus development spending {} (万元), below {min}%",
                    money(*tasks),
                    money(*base)
                ),
            )
        }
        (Rule::Fund07, _) => z(
            "该重点任务拟投入的资金为 0".into(),
            "this key task has no funds".into(),
        ),
        (Rule::Comp02, Detail::None) if flag.location == crate::model::Location::KeyTasks => z(
            "没有填报任何年度重点工作任务".into(),
            "no key task at all".into(),
        ),
        (
            Rule::Comp01
            | Rule::Comp02
            | Rule::Comp04
            | Rule::Info01
            | Rule::Info02
            | Rule::Info03
            | Rule::Info04,
            _,
        ) => z(
            format!("{}未填写", location(lang, flag.location)),
            format!("{} is blank", location(lang, flag.location)),
        ),
        (Rule::Comp03, Detail::BlankCells(cells)) => {
            let names: Vec<&str> = cells.iter().map(|c| indicator_field(lang, *c)).collect();
            z(
                format!("{}未填写", names.join("、")),
                format!("blank: {}", names.join(", ")),
            )
        }
        (Rule::Comp05, Detail::Category(c)) => z(
            format!("模板预留的“{}”指标行未填写指标", quote(c)),
            format!("the template's line for “{}” has no indicator", quote(c)),
        ),
        (Rule::Hier01, Detail::Pair { level1, level2 }) => z(
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
        ),
        (Rule::Hier02, Detail::MissingLevel(l)) => z(
            format!("缺少一级指标“{l}”"),
            format!("no row under level-1 “{l}”"),
        ),
        (Rule::Hier03, Detail::MissingLevel(l)) => z(
            format!("产出指标下缺少二级指标“{l}”"),
            format!("output indicators have no “{l}” row"),
        ),
        (Rule::Hier04, _) => z(
            "未设成本指标（产出指标·成本指标，或一级指标“成本指标”）".into(),
            "no cost indicator (产出指标/成本指标, or level-1 成本指标)".into(),
        ),
        (Rule::Dup01, Detail::DuplicateOf(first)) => z(
            format!("三级指标名称与第{}行重复", first + 1),
            format!("same indicator name as row {}", first + 1),
        ),
        (Rule::Count01, Detail::Count { rows, max }) => z(
            format!("产出指标共 {rows} 条，多于 {max} 条"),
            format!("{rows} output indicators, more than {max}"),
        ),
        (Rule::Quant01, Detail::Target(t)) => z(
            format!("指标值“{}”既没有量化，也不是分级表述", quote(t)),
            format!("target “{}” is neither quantified nor graded", quote(t)),
        ),
        (Rule::Quant02, Detail::Vague { target, word }) => z(
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
        ),
        (Rule::Quant03, Detail::Target(t)) => z(
            format!("指标值“{}”是占位内容，不是目标", quote(t)),
            format!("target “{}” is a placeholder, not a target", quote(t)),
        ),
        (Rule::Quant04, Detail::Restates { target, name }) => z(
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
        ),
        (
            Rule::Quant05,
            Detail::Rate {
                target,
                over_100: true,
            },
        ) => z(
            format!("比率指标的指标值“{}”超过 100%", quote(target)),
            format!("rate target “{}” is above 100%", quote(target)),
        ),
        (Rule::Quant05, Detail::Rate { target, .. }) => z(
            format!("比率指标的指标值“{}”有数字但不是百分比", quote(target)),
            format!(
                "rate target “{}” has a number but no percentage",
                quote(target)
            ),
        ),
        (
            Rule::Period01,
            Detail::Period {
                annual,
                period,
                unit,
            },
        ) => {
            let unit = quote(unit);
            z(
                format!("年度指标值 {annual}{unit} 超过实施周期指标值 {period}{unit}"),
                format!("annual target {annual}{unit} exceeds the period target {period}{unit}"),
            )
        }
        (Rule::Sat02, Detail::Satisfaction { lowest, floor }) => z(
            format!("满意度目标 {}% 低于 {}%", pct(*lowest), pct(*floor)),
            format!(
                "satisfaction target {}% is below {}%",
                pct(*lowest),
                pct(*floor)
            ),
        ),
        (Rule::Sat03, _) => z(
            "满意度指标下的这一行名称不含“满意”".into(),
            "this row under 满意度指标 is not about satisfaction".into(),
        ),
        (Rule::Class01, _) => z(
            "时效指标的名称和指标值都看不出时间要求".into(),
            "timeliness indicator names no time or deadline".into(),
        ),
        (Rule::Rel01, _) => z(
            "总体绩效目标没有任何数字，难以衡量".into(),
            "the overall goal has no number to measure against".into(),
        ),
        (Rule::Safe01, Detail::Unsafe(chars)) => z(
            format!(
                "含控制字符或不可见字符 {}，已按可见形式显示",
                chars.join(" ")
            ),
            format!(
                "holds control or invisible characters {}, shown visibly",
                chars.join(" ")
            ),
        ),
        (Rule::Xdup01, Detail::OtherFiles { shown, more }) => {
            let files: Vec<String> = shown.iter().map(|f| quote(f)).collect();
            // "甲、乙等 N 个文件": N counts them all, as Chinese lists do.
            let (zh_more, en_more) = match more {
                0 => (String::new(), String::new()),
                n => (
                    format!(" 等 {} 个文件", shown.len() + n),
                    format!(" and {n} more files"),
                ),
            };
            z(
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
        (rule, _) => rule.info().title(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::rules::Severity;

    #[test]
    fn messages_never_carry_raw_control_characters() {
        let flag = Flag {
            rule: Rule::Quant01,
            severity: Severity::Warning,
            location: Location::Indicator(0, None),
            detail: Detail::Target("\u{1b}]0;x\u{7}好".into()),
        };
        let m = flag_message(Lang::Zh, &flag);
        assert!(!m.contains('\u{1b}') && m.contains("^[]0;x^G好"), "{m}");
    }

    #[test]
    fn fund_messages_show_the_exact_difference() {
        let flag = Flag {
            rule: Rule::Fund01,
            severity: Severity::Error,
            location: Location::Budget,
            detail: Detail::Totals {
                left: "6772.35".parse().unwrap(),
                right: "6771.25".parse().unwrap(),
            },
        };
        assert_eq!(
            flag_message(Lang::Zh, &flag),
            "支出合计 6,772.35 万元与收入来源合计 6,771.25 万元不一致，相差 1.10 万元"
        );
    }
}
