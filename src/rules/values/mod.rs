//! QUANT-01 … QUANT-05, PERIOD-01, SAT-02, SAT-03, CLASS-01, REL-01,
//! COST-01: what the target values and the overall goal say.

pub(crate) mod class_01;
pub(crate) mod cost_01;
pub(crate) mod period_01;
pub(crate) mod quant_01;
pub(crate) mod quant_02;
pub(crate) mod quant_03;
pub(crate) mod quant_04;
pub(crate) mod quant_05;
pub(crate) mod rel_01;
pub(crate) mod sat_02;
pub(crate) mod sat_03;

use super::RuleSettings;
use super::tree::Levels;
use super::{Flags, Rule, Severity};
use crate::i18n::Lang;
use crate::model::{Declaration, Indicator, Location, TargetColumns};
use crate::text::{
    contains_word, first_percentage, has_number, is_graded, non_blank, normalise, numbers,
    shares_substring, strip_trailing_parenthesis,
};
use rust_decimal::Decimal;

/// What the rules of the target values may be told.
#[derive(Debug, Clone)]
pub struct Settings {
    /// QUANT-02: words that promise without measuring.
    pub quant02_words: Vec<String>,
    /// QUANT-04: characters a target shares with the name to restate it.
    pub quant04_min_common: usize,
    /// SAT-02: a satisfaction target below this is a warning…
    pub sat02_warning_below: Decimal,
    /// …and below this, information.
    pub sat02_info_below: Decimal,
    /// CLASS-01: words that name a time or a deadline.
    pub class01_words: Vec<String>,
}

const VAGUE_WORDS: [&str; 12] = [
    "提高",
    "提升",
    "改善",
    "加强",
    "增强",
    "优化",
    "进一步",
    "有效",
    "明显",
    "显著",
    "逐步",
    "不断",
];
const TIME_WORDS: [&str; 13] = [
    "及时", "按时", "时限", "时间", "期限", "日", "天", "周", "月", "年", "小时", "前", "内",
];

impl Default for Settings {
    fn default() -> Self {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        Settings {
            quant02_words: words(&VAGUE_WORDS),
            quant04_min_common: 4,
            sat02_warning_below: Decimal::from(85),
            sat02_info_below: Decimal::from(90),
            class01_words: words(&TIME_WORDS),
        }
    }
}

/// What a rule of the target values found. Targets are as submitted.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// Neither quantified nor graded.
    Quant01 {
        target: String,
    },
    /// A vague word and no number.
    Quant02 {
        target: String,
        word: String,
    },
    /// A placeholder, not a target.
    Quant03 {
        target: String,
    },
    /// The target only restates the indicator's name.
    Quant04 {
        target: String,
        name: String,
    },
    /// A rate whose target is not a percentage, or is over 100%.
    Quant05 {
        target: String,
        over_100: bool,
    },
    /// The annual target exceeds the implementation-period target.
    Period01 {
        annual: String,
        period: String,
        unit: String,
    },
    /// The lowest satisfaction percentage, and the floor it is below.
    Sat02 {
        lowest: Decimal,
        floor: Decimal,
    },
    Sat03,
    Class01,
    Rel01,
    /// A cost target written as a floor.
    Cost01 {
        target: String,
    },
}

impl Finding {
    pub fn rule(&self) -> Rule {
        match self {
            Finding::Quant01 { .. } => Rule::Quant01,
            Finding::Quant02 { .. } => Rule::Quant02,
            Finding::Quant03 { .. } => Rule::Quant03,
            Finding::Quant04 { .. } => Rule::Quant04,
            Finding::Quant05 { .. } => Rule::Quant05,
            Finding::Period01 { .. } => Rule::Period01,
            Finding::Sat02 { .. } => Rule::Sat02,
            Finding::Sat03 => Rule::Sat03,
            Finding::Class01 => Rule::Class01,
            Finding::Rel01 => Rule::Rel01,
            Finding::Cost01 { .. } => Rule::Cost01,
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        match self {
            Finding::Quant01 { target } => quant_01::message(lang, target),
            Finding::Quant02 { target, word } => quant_02::message(lang, target, word),
            Finding::Quant03 { target } => quant_03::message(lang, target),
            Finding::Quant04 { target, name } => quant_04::message(lang, target, name),
            Finding::Quant05 {
                target,
                over_100: true,
            } => quant_05::over_100(lang, target),
            Finding::Quant05 { target, .. } => quant_05::no_percent(lang, target),
            Finding::Period01 {
                annual,
                period,
                unit,
            } => period_01::message(lang, annual, period, unit),
            Finding::Sat02 { lowest, floor } => sat_02::message(lang, *lowest, *floor),
            Finding::Sat03 => sat_03::MESSAGE.get(lang).into(),
            Finding::Class01 => class_01::MESSAGE.get(lang).into(),
            Finding::Rel01 => rel_01::MESSAGE.get(lang).into(),
            Finding::Cost01 { target } => cost_01::message(lang, target),
        }
    }
}

const PLACEHOLDERS: [&str; 11] = [
    "无",
    "暂无",
    "不涉及",
    "略",
    "/",
    "／",
    "-",
    "－",
    "—",
    "——",
    "n/a",
];

/// The non-blank target cells of a row, annual first as the catalogue orders them.
fn targets(row: &Indicator) -> impl Iterator<Item = &str> {
    [&row.annual_target, &row.period_target]
        .into_iter()
        .filter_map(non_blank)
}

pub(super) fn run(decl: &Declaration, levels: &Levels, s: &RuleSettings, flags: &mut Flags) {
    let two = decl.target_columns == TargetColumns::Two;
    for (i, row) in decl.indicators.iter().enumerate() {
        if row.is_template_row() {
            continue;
        }
        // The targets of a row: with one column, annual_target alone (the
        // loader refuses a period target there; a built model may hold one).
        let single;
        let row = if !two && row.period_target.is_some() {
            single = Indicator {
                period_target: None,
                ..row.clone()
            };
            &single
        } else {
            row
        };
        let at = Location::Indicator(i, None);
        quantified(row, s, at, flags);
        quant_05::check(row, at, flags);
        if two {
            period_01::check(row, at, flags);
        }
        if levels.under(i, "满意度") {
            sat_02::check(row, s, at, flags);
            sat_03::check(row, at, flags);
        }
        if levels.level2(i) == Some("时效") {
            class_01::check(row, s, at, flags);
        }
        let cost_row = levels.level1(i) == Some("成本")
            || (levels.level1(i) == Some("产出") && levels.level2(i) == Some("成本"));
        if cost_row {
            cost_01::check(row, at, flags);
        }
    }
    rel_01::check(decl, flags);
}

/// One target cell with the facts the QUANT rules share, computed once.
struct Cell<'a> {
    raw: &'a str,
    normalised: std::borrow::Cow<'a, str>,
    quantified: bool,
    graded: bool,
}

impl<'a> Cell<'a> {
    fn new(raw: &'a str) -> Self {
        Cell {
            raw,
            normalised: normalise(raw),
            quantified: has_number(raw),
            graded: is_graded(raw),
        }
    }

    /// QUANT-03: a placeholder such as 无 or 不涉及, or nothing but punctuation.
    fn is_placeholder(&self) -> bool {
        let n = &self.normalised;
        n.is_empty() || PLACEHOLDERS.iter().any(|p| n.eq_ignore_ascii_case(p))
    }

    /// QUANT-04: neither quantified nor graded, and only restating the name
    /// (given normalised, its trailing parenthesis removed).
    fn restates(&self, name: &str, min_common: usize) -> bool {
        let t = &self.normalised;
        if self.quantified || self.graded || name.is_empty() || t.is_empty() {
            return false;
        }
        if name.contains(t.as_ref()) || t.contains(name) {
            return true;
        }
        // A common run of at least min_common and at least half the shorter text.
        let shorter = name.chars().count().min(t.chars().count());
        shares_substring(name, t, min_common.max(shorter.div_ceil(2)))
    }

    /// QUANT-02: not quantified, and leaning on a vague word. Returns the word.
    fn vague_word<'w>(&self, words: &'w [String]) -> Option<&'w str> {
        if self.quantified {
            return None;
        }
        words
            .iter()
            .find(|w| contains_word(&self.normalised, w))
            .map(String::as_str)
    }
}

/// QUANT-03, QUANT-04, QUANT-02, QUANT-01: a row gets at most one of these,
/// the first in that order that fires on any of its cells. A rule switched
/// off does not fire, so the next one gets its turn.
fn quantified(row: &Indicator, s: &RuleSettings, at: Location, flags: &mut Flags) {
    // A target with a digit is never a placeholder (none has one) and is
    // quantified, so no rule of this chain can fire on it.
    if targets(row).all(has_number) {
        return;
    }
    // Annual first, as the catalogue orders the cells; no allocation per row.
    let slots = [&row.annual_target, &row.period_target].map(|t| non_blank(t).map(Cell::new));
    let cells = || slots.iter().flatten();
    let name = non_blank(&row.name);
    let name_key = name
        .map(|n| normalise(strip_trailing_parenthesis(n)))
        .unwrap_or_default();
    let name_key = name_key.as_ref();
    let on = |r| s.enabled(r);
    let found = if let Some(c) = cells().find(|c| on(Rule::Quant03) && c.is_placeholder()) {
        let target = c.raw.to_string();
        Some((Severity::Error, Finding::Quant03 { target }))
    } else if let Some(c) =
        cells().find(|c| on(Rule::Quant04) && c.restates(name_key, s.values.quant04_min_common))
    {
        let found = Finding::Quant04 {
            target: c.raw.to_string(),
            name: name.unwrap_or_default().to_string(),
        };
        Some((Severity::Warning, found))
    } else if let Some((c, w)) = cells()
        .filter(|_| on(Rule::Quant02))
        .find_map(|c| c.vague_word(&s.values.quant02_words).map(|w| (c, w)))
    {
        let found = Finding::Quant02 {
            target: c.raw.to_string(),
            word: w.to_string(),
        };
        Some((Severity::Warning, found))
    } else {
        cells().find(|c| !c.quantified && !c.graded).map(|c| {
            let target = c.raw.to_string();
            (Severity::Warning, Finding::Quant01 { target })
        })
    };
    if let Some((severity, found)) = found {
        flags.push(severity, at, found);
    }
}

/// COST-01: words in a cost indicator's name that make a floor right
/// (the cost is to come down).
const SAVING_WORDS: [&str; 6] = ["节约", "节省", "降低", "下降", "压减", "减少"];

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use rust_decimal::Decimal;

    /// The clean example plus one 效益 row with these cells.
    fn with_row(name: &str, period: &str, annual: &str) -> Declaration {
        let mut decl = clean();
        decl.indicators
            .push(row("效益指标", "社会效益指标", name, period, annual));
        decl
    }

    fn rules_on_new_row(decl: &Declaration) -> Vec<String> {
        let last = decl.indicators.len() - 1;
        super::super::test_support::run(decl)
            .into_iter()
            .filter(|f| f.location == Location::Indicator(last, None))
            .map(|f| f.rule().id().to_string())
            .collect()
    }

    #[test]
    fn quant03_placeholders_in_any_case_and_punctuation_only() {
        for p in ["无", "不涉及", " N/a ", "——", "／", "。", "暂无。"] {
            assert_eq!(
                rules_on_new_row(&with_row("宣传覆盖面", p, "≥10场")),
                ["QUANT-03"],
                "{p}"
            );
        }
        assert_eq!(
            rules_on_new_row(&with_row("宣传覆盖面", "无差错", "≥10场")),
            ["QUANT-01"]
        );
    }

    #[test]
    fn quant04_restating_the_name_beats_vague_and_plain() {
        assert_eq!(
            rules_on_new_row(&with_row(
                "法律援助受益人数",
                "法律援助案件全年受援人数",
                "法律援助案件全年受援人数"
            )),
            ["QUANT-04"]
        );
        // Containment either way.
        assert_eq!(
            rules_on_new_row(&with_row(
                "群众法治意识（程度）",
                "提高群众法治意识",
                "≥1次"
            )),
            ["QUANT-04"]
        );
        // Three common characters is not a restatement.
        assert_eq!(
            rules_on_new_row(&with_row("安全生产事故", "事故少发生", "事故少发生")),
            ["QUANT-01"]
        );
        // A graded or quantified target never restates.
        assert!(
            rules_on_new_row(&with_row(
                "法律援助受益人数",
                "法律援助受益达标",
                "法律援助受益人数100人"
            ))
            .is_empty()
        );
    }

    #[test]
    fn quant04_common_run_must_reach_half_of_the_shorter_text() {
        // Common "行政规范性文件" (7) of a 17-character target: 7 < 8.5.
        let decl = with_row(
            "提升行政规范性文件影响力，优化区营商环境。",
            "完成年度行政规范性文件英文翻译数量",
            "完成年度行政规范性文件英文翻译数量",
        );
        assert_eq!(rules_on_new_row(&decl), ["QUANT-01"]);
    }

    #[test]
    fn quant02_vague_word_without_number() {
        let decl = with_row("营商环境", "营造环境明显改善", "营造环境明显改善");
        assert_eq!(rules_on_new_row(&decl), ["QUANT-02"]);
        let f = fired(&decl, Rule::Quant02);
        assert_eq!(
            f[0].finding(),
            &Finding::Quant02 {
                target: "营造环境明显改善".into(),
                word: "改善".into()
            }
            .into()
        );
        assert!(
            rules_on_new_row(&with_row("营商环境", "满意率提高5个百分点", "提高5%")).is_empty()
        );
    }

    #[test]
    fn quant01_neither_quantified_nor_graded() {
        assert_eq!(
            rules_on_new_row(&with_row(
                "社会稳定",
                "符合省市考核标准",
                "符合省市考核标准"
            )),
            ["QUANT-01"]
        );
        assert!(rules_on_new_row(&with_row("考评等级", "良好以上", "良好以上")).is_empty());
        assert!(rules_on_new_row(&with_row("考评等级", "良", "优等")).is_empty());
        assert!(rules_on_new_row(&with_row("排查次数", "≥２０００次", "全年排查")).len() == 1);
    }

    #[test]
    fn quant_rules_give_way_when_switched_off() {
        let decl = with_row("服务情况", "不涉及", "不涉及");
        let mut s = RuleSettings::default();
        s.set_enabled(Rule::Quant03, false);
        let got: Vec<_> = super::super::check(&decl, &s)
            .into_iter()
            .map(|f| f.rule())
            .collect();
        assert_eq!(got, [Rule::Quant01]);
    }

    #[test]
    fn quant05_rates_need_percentages_up_to_100() {
        assert_eq!(
            rules_on_new_row(&with_row("案件办结率", "≥95", "≥95")),
            ["QUANT-05"]
        );
        assert_eq!(
            rules_on_new_row(&with_row("案件办结率", "120%", "100%")),
            ["QUANT-05"]
        );
        let f = fired(&with_row("案件办结率", "100%", "101％"), Rule::Quant05);
        assert_eq!(
            f[0].finding(),
            &Finding::Quant05 {
                target: "101％".into(),
                over_100: true
            }
            .into()
        );
        assert!(rules_on_new_row(&with_row("案件办结率", "100%", "完成率100%")).is_empty());
        assert!(rules_on_new_row(&with_row("办结情况", "≥95", "≥95")).is_empty());
    }

    #[test]
    fn period01_annual_above_period_in_the_same_unit() {
        assert_eq!(
            rules_on_new_row(&with_row("培训人次", "≥500人次", "≥600人次")),
            ["PERIOD-01"]
        );
        assert!(rules_on_new_row(&with_row("培训人次", "≥600人次", "≥600人次")).is_empty());
        assert!(
            rules_on_new_row(&with_row("培训人次", "≥5百人次", "≥600人次")).is_empty(),
            "units differ"
        );
        assert!(
            rules_on_new_row(&with_row("办结时限", "≤3个工作日", "≤5个工作日")).is_empty(),
            "upper bound"
        );
        assert!(
            rules_on_new_row(&with_row("覆盖面", "80%", "90%")).is_empty(),
            "percentage"
        );
        let f = fired(
            &with_row("培训人次", "500.5人", "500.50001人"),
            Rule::Period01,
        );
        assert_eq!(
            f[0].finding(),
            &Finding::Period01 {
                annual: "500.50001".into(),
                period: "500.5".into(),
                unit: "人".into()
            }
            .into()
        );
    }

    fn with_satisfaction(name: &str, period: &str, annual: &str) -> Declaration {
        let mut decl = clean();
        decl.indicators.push(row(
            "满意度指标",
            "服务对象满意度指标",
            name,
            period,
            annual,
        ));
        decl
    }

    #[test]
    fn sat02_thresholds_at_their_edges() {
        let sev = |p: &str, a: &str| {
            fired(&with_satisfaction("群众满意度", p, a), Rule::Sat02)
                .iter()
                .map(|f| f.severity)
                .collect::<Vec<_>>()
        };
        assert_eq!(sev("≥84.9%", "≥95%"), [Severity::Warning]);
        assert_eq!(sev("≥85%", "≥85%"), [Severity::Info]);
        assert_eq!(sev("≥89.99%", "≥90%"), [Severity::Info]);
        assert_eq!(sev("≥90%", "≥90%"), []);
        assert_eq!(sev("良好", "满意"), []);
        let f = fired(&with_satisfaction("群众满意度", "80%", "88%"), Rule::Sat02);
        assert_eq!(
            f[0].finding(),
            &Finding::Sat02 {
                lowest: Decimal::from(80),
                floor: Decimal::from(85)
            }
            .into()
        );
    }

    #[test]
    fn sat03_satisfaction_rows_about_something_else() {
        assert_eq!(
            rules_on_new_row(&with_satisfaction(
                "法律援助案件质量评核",
                "通过评核",
                "通过评核"
            )),
            ["SAT-03"]
        );
        assert!(rules_on_new_row(&with_satisfaction("服务对象满意率", "≥90%", "≥90%")).is_empty());
    }

    #[test]
    fn class01_timeliness_without_time_words() {
        let mut decl = clean();
        decl.indicators.push(row(
            "产出指标",
            "时效指标",
            "法律援助案件承办完成率",
            "完成率100%",
            "完成率100%",
        ));
        assert_eq!(rules_on_new_row(&decl), ["CLASS-01"]);
        decl.indicators.pop();
        decl.indicators
            .push(row("产出指标", "时效", "案件办结", "≤30日", "≤30日"));
        assert!(rules_on_new_row(&decl).is_empty());
    }

    #[test]
    fn rel01_goal_without_digits_even_chinese_numerals() {
        let mut decl = clean();
        decl.overall_goal = Some("做到“两个维护”，贯彻二十大精神".into());
        assert_eq!(fired(&decl, Rule::Rel01).len(), 1);
        decl.overall_goal = Some("完成１项".into());
        assert!(fired(&decl, Rule::Rel01).is_empty());
        decl.overall_goal = Some("  ".into());
        assert!(fired(&decl, Rule::Rel01).is_empty(), "blank is COMP-01's");
    }

    fn cost_row(name: &str, target: &str) -> Declaration {
        let mut decl = clean();
        decl.indicators
            .push(row("产出指标", "成本指标", name, target, target));
        decl
    }

    #[test]
    fn cost01_a_floor_on_a_cost_row() {
        for t in [
            "≥89元",
            "≧89元",
            "不低于89元",
            "89元以上",
            "至少89元",
            ">89元",
        ] {
            assert_eq!(
                rules_on_new_row(&cost_row("人均服务成本", t)),
                ["COST-01"],
                "{t}"
            );
        }
        // Under 一级 成本指标 too.
        let mut decl = clean();
        decl.indicators
            .push(row("成本指标", "经济成本指标", "单位成本", "≥5元", "≥5元"));
        assert_eq!(rules_on_new_row(&decl), ["COST-01"]);
        let f = fired(&decl, Rule::Cost01);
        assert_eq!(
            f[0].message(Lang::Zh),
            "成本指标的指标值“≥5元”是下限；成本指标应写最多花多少（上限，如“≤”）"
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn cost01_not_on_a_ceiling_a_saving_or_another_row() {
        for t in [
            "≤89元",
            "控制在89元以内",
            "不超过89元",
            "89元以下",
            "不大于89元",
            "89元",
        ] {
            assert!(
                rules_on_new_row(&cost_row("人均服务成本", t)).is_empty(),
                "{t}"
            );
        }
        // A saving rate is meant to be at least so much.
        for name in ["经费节约率", "运行成本降低率", "公用经费压减比例"] {
            assert!(
                !rules_on_new_row(&cost_row(name, "≥5%")).contains(&"COST-01".to_string()),
                "{name}"
            );
        }
        // A floor under another level is no cost target.
        assert!(rules_on_new_row(&with_row("带动就业人数", "≥50人", "≥50人")).is_empty());
    }
}
