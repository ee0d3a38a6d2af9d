//! The rule catalogue, version 2, as data. IDs, severities and bases follow
//! docs/rules.md; titles are the project's own wording.

use super::{Rule, Severity};

/// A threshold or word list an organisation may change in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// A decimal tolerance in 万元 (default 0.01).
    Tolerance,
    /// FUND-06: the share of 项目支出 + 事业发展性支出 key tasks should reach.
    MinShare,
    /// COUNT-01: the most rows under 产出指标.
    MaxRows,
    /// SAT-02: below this percentage, a warning.
    WarningBelow,
    /// SAT-02: below this percentage, an info.
    InfoBelow,
    /// QUANT-04: the shortest common run of characters that counts as restating.
    MinCommon,
    /// QUANT-02 and CLASS-01: the words the rule looks for.
    Words,
}

impl Param {
    /// The key in config.toml.
    pub fn key(self) -> &'static str {
        match self {
            Param::Tolerance => "tolerance",
            Param::MinShare => "min_share",
            Param::MaxRows => "max_rows",
            Param::WarningBelow => "warning_below",
            Param::InfoBelow => "info_below",
            Param::MinCommon => "min_common",
            Param::Words => "words",
        }
    }
}

/// One entry of the catalogue.
#[derive(Debug)]
pub struct RuleInfo {
    pub rule: Rule,
    pub id: &'static str,
    /// The severities it can raise, most severe first.
    pub severities: &'static [Severity],
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// S: sourced (document named), J: the project's judgement.
    pub basis: &'static str,
    /// Settings besides `enabled`.
    pub params: &'static [Param],
}

impl RuleInfo {
    /// The rule's title in the reviewer's language (the catalogue gives both).
    pub fn title(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Zh => self.title_zh,
            crate::i18n::Lang::En => self.title_en,
        }
    }
}

impl RuleInfo {
    /// The most severe flag this rule raises.
    pub fn severity(&self) -> Severity {
        self.severities[0]
    }

    /// Rules on judgement (J) must be adjustable without a rebuild.
    pub fn is_judgement(&self) -> bool {
        self.basis.starts_with('J')
    }
}

use Param::*;
use Severity::*;

const fn entry(
    rule: Rule,
    id: &'static str,
    severities: &'static [Severity],
    title_zh: &'static str,
    title_en: &'static str,
    basis: &'static str,
    params: &'static [Param],
) -> RuleInfo {
    RuleInfo {
        rule,
        id,
        severities,
        title_zh,
        title_en,
        basis,
        params,
    }
}

/// Every rule, in [`Rule`] order.
pub static CATALOGUE: [RuleInfo; 34] = [
    entry(
        Rule::Fund01,
        "FUND-01",
        &[Error],
        "支出合计与收入合计不符",
        "Spending total differs from income total",
        "J: the form's spending and income totals are the same money; the seed balances exactly; generic 收支相等",
        &[Tolerance],
    ),
    entry(
        Rule::Fund02,
        "FUND-02",
        &[Error],
        "支出合计与按预算级次划分合计不符",
        "Spending total differs from the total by budget level",
        "J: the same total cut by budget level; the seed balances exactly",
        &[Tolerance],
    ),
    entry(
        Rule::Fund03,
        "FUND-03",
        &[Error],
        "金额为负数",
        "Negative amount",
        "J",
        &[],
    ),
    entry(
        Rule::Fund04,
        "FUND-04",
        &[Error],
        "重点任务资金超过部门预算总额",
        "Key-task funds exceed the department's total",
        "J: tasks cannot spend more than the department has",
        &[Tolerance],
    ),
    entry(
        Rule::Fund05,
        "FUND-05",
        &[Warning],
        "重点任务资金超过项目支出与事业发展性支出之和",
        "Key-task funds exceed project plus development spending",
        "J: tasks then claim basic-spending money",
        &[Tolerance],
    ),
    entry(
        Rule::Fund06,
        "FUND-06",
        &[Info],
        "重点任务资金明显少于项目支出与事业发展性支出之和",
        "Key-task funds well below project plus development spending",
        "J: key tasks are only the 重点 ones, so a small gap is normal",
        &[MinShare],
    ),
    entry(
        Rule::Fund07,
        "FUND-07",
        &[Info],
        "重点任务资金为零",
        "A key task with no funds",
        "J",
        &[],
    ),
    entry(
        Rule::Comp01,
        "COMP-01",
        &[Error],
        "总体绩效目标未填写",
        "Overall goal blank",
        "S: 财预〔2015〕88号 完整性审核",
        &[],
    ),
    entry(
        Rule::Comp02,
        "COMP-02",
        &[Error],
        "重点任务缺失或内容不全",
        "Key tasks missing or incomplete",
        "S: 完整性",
        &[],
    ),
    entry(
        Rule::Comp03,
        "COMP-03",
        &[Error, Warning],
        "绩效指标行内容不全",
        "Indicator row incomplete",
        "S: 88号 中长期/年度目标",
        &[],
    ),
    entry(
        Rule::Comp04,
        "COMP-04",
        &[Error],
        "预算金额未填写",
        "Budget amount blank",
        "S: 完整性",
        &[],
    ),
    entry(
        Rule::Comp05,
        "COMP-05",
        &[Info],
        "模板预留的指标行未填写",
        "Template indicator line left empty",
        "J: real forms keep the template's empty category lines; a reviewer may accept them or ask for an indicator",
        &[],
    ),
    entry(
        Rule::Info01,
        "INFO-01",
        &[Warning],
        "财政供养人员数未填写",
        "Staff count blank",
        "J (the seed leaves it blank)",
        &[],
    ),
    entry(
        Rule::Info02,
        "INFO-02",
        &[Warning],
        "下属二级单位数未填写",
        "Subordinate unit count blank",
        "J",
        &[],
    ),
    entry(
        Rule::Info03,
        "INFO-03",
        &[Error],
        "部门名称未填写",
        "Department name blank",
        "S: 完整性",
        &[],
    ),
    entry(
        Rule::Info04,
        "INFO-04",
        &[Info],
        "预算年度未填写",
        "Fiscal year blank",
        "J",
        &[],
    ),
    entry(
        Rule::Hier01,
        "HIER-01",
        &[Error],
        "一级/二级指标搭配不在规定范围内",
        "Level-1/level-2 pair not in the table",
        "S: 88号; 中发〔2018〕34号",
        &[],
    ),
    entry(
        Rule::Hier02,
        "HIER-02",
        &[Error],
        "缺少一级指标",
        "A required level-1 indicator is missing",
        "S: 中发〔2018〕34号 (产出、成本、效益、满意度); 财预〔2011〕285号 第十三条",
        &[],
    ),
    entry(
        Rule::Hier03,
        "HIER-03",
        &[Warning],
        "产出指标缺少数量、质量或时效指标",
        "Output indicators lack quantity, quality or timeliness",
        "S: 285号 第十四条 (数量、质量、成本和时效)",
        &[],
    ),
    entry(
        Rule::Hier04,
        "HIER-04",
        &[Info],
        "未设成本指标",
        "No cost indicator",
        "J: 财预〔2021〕101号 adds 成本指标 for project spending; not binding on this form",
        &[],
    ),
    entry(
        Rule::Dup01,
        "DUP-01",
        &[Warning],
        "三级指标名称重复",
        "Indicator name repeated",
        "J",
        &[],
    ),
    entry(
        Rule::Count01,
        "COUNT-01",
        &[Info],
        "产出指标条数过多",
        "Too many output indicators",
        "S: 赤峰市审计局 2023 \"产出指标条数繁多\"; threshold J",
        &[MaxRows],
    ),
    entry(
        Rule::Quant01,
        "QUANT-01",
        &[Warning],
        "指标值既未量化也未分级",
        "Target neither quantified nor graded",
        "S: 财预〔2011〕285号 第十四条 (定量表述, 否则定性的分级分档)",
        &[],
    ),
    entry(
        Rule::Quant02,
        "QUANT-02",
        &[Warning],
        "指标值用语模糊",
        "Target uses a vague word",
        "S: 赤峰市审计局 2023 (\"改善\"、\"提高\"); the other words J",
        &[Words],
    ),
    entry(
        Rule::Quant03,
        "QUANT-03",
        &[Error],
        "指标值为空话或占位符",
        "Target is a placeholder",
        "S: 赤峰市审计局 2023 (\"不涉及\"、\"无\")",
        &[],
    ),
    entry(
        Rule::Quant04,
        "QUANT-04",
        &[Warning],
        "指标值只是复述指标名称",
        "Target restates the indicator",
        "J (the seed's 法律援助受益人数 → 法律援助案件全年受援人数)",
        &[MinCommon],
    ),
    entry(
        Rule::Quant05,
        "QUANT-05",
        &[Warning],
        "比率类指标的指标值不是有效百分比",
        "Rate target is not a valid percentage",
        "J",
        &[],
    ),
    entry(
        Rule::Period01,
        "PERIOD-01",
        &[Warning],
        "年度指标值超过实施周期指标值",
        "Annual target exceeds the period target",
        "J: the annual target is a slice of the implementation-period target (88号 中长期/年度)",
        &[],
    ),
    entry(
        Rule::Sat02,
        "SAT-02",
        &[Warning, Info],
        "满意度目标偏低",
        "Satisfaction target low",
        "J: no official floor was found; the seed uses ≥90%",
        &[WarningBelow, InfoBelow],
    ),
    entry(
        Rule::Sat03,
        "SAT-03",
        &[Info],
        "满意度指标名称不含“满意”",
        "Satisfaction indicator not about satisfaction",
        "J (the seed's 法律援助案件质量评核)",
        &[],
    ),
    entry(
        Rule::Class01,
        "CLASS-01",
        &[Info],
        "时效指标看不出时间要求",
        "Timeliness indicator without a time",
        "J",
        &[Words],
    ),
    entry(
        Rule::Rel01,
        "REL-01",
        &[Info],
        "总体绩效目标没有量化内容",
        "Overall goal has no number",
        "J, after 88号 \"明确、清晰\"",
        &[],
    ),
    entry(
        Rule::Safe01,
        "SAFE-01",
        &[Warning],
        "文本含控制字符或不可见字符",
        "Text holds control or invisible characters",
        "J, after CVE-2021-42574 (Trojan Source), CVE-2021-25743 (kubectl), CVE-2024-52005 (git)",
        &[],
    ),
    entry(
        Rule::Xdup01,
        "XDUP-01",
        &[Warning],
        "同一部门同一年度重复申报",
        "Same department and year submitted twice",
        "J",
        &[],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_in_enum_order_with_unique_ids() {
        for (i, info) in CATALOGUE.iter().enumerate() {
            assert_eq!(info.rule as usize, i, "{} out of order", info.id);
            assert_eq!(Rule::from_id(info.id), Some(info.rule));
        }
        let mut ids: Vec<_> = CATALOGUE.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), CATALOGUE.len());
    }

    #[test]
    fn every_rule_with_a_threshold_rests_on_judgement_or_names_it() {
        for info in CATALOGUE.iter().filter(|r| !r.params.is_empty()) {
            assert!(
                info.basis.contains('J'),
                "{} has settings but no judgement in its basis",
                info.id
            );
        }
    }
}
