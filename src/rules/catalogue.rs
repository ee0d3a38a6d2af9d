//! The rule catalogue, version 3, as data. IDs, severities and bases follow
//! docs/rules.md; titles are the project's own wording.

use super::{Rule, Severity};
use crate::i18n::{Lang, Phrase};

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
    /// XDUP-02: how alike two goals must be (1 − edit distance ÷ the
    /// longer length) to count as one copied from the other.
    MinSimilarity,
}

impl Param {
    /// The bounds the configuration holds the setting to, where they are
    /// worth saying (the docs print them beside the default).
    pub fn range(self) -> Option<(rust_decimal::Decimal, rust_decimal::Decimal)> {
        use rust_decimal::Decimal;
        match self {
            // Below one half, nearly every pair of goals would be "alike".
            Param::MinSimilarity => Some((Decimal::new(5, 1), Decimal::ONE)),
            _ => None,
        }
    }

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
            Param::MinSimilarity => "min_similarity",
        }
    }
}

/// What a rule rests on: documents (S in docs/rules.md), the tool's own
/// judgement with its reason (J), or both (a sourced rule whose threshold
/// is ours). At least one is given.
#[derive(Debug, Clone, Copy)]
pub struct Basis {
    pub cite: Option<Phrase>,
    pub reason: Option<Phrase>,
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
    /// The documents it rests on, or the reason it is this tool's own
    /// practice: what a reviewer is shown as its 依据.
    pub basis: Basis,
    /// Settings besides `enabled`.
    pub params: &'static [Param],
}

impl RuleInfo {
    /// The rule's title in the reviewer's language (the catalogue gives both).
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.title_zh,
            Lang::En => self.title_en,
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
        self.basis.reason.is_some()
    }

    /// The 依据 as a finance office reads it: the documents as officials
    /// cite them; for the tool's own practice, that it is one, that the
    /// office can change or switch it off in configuration, and why.
    pub fn basis_text(&self, lang: Lang) -> String {
        crate::i18n::rule_basis(
            lang,
            self.basis.cite.map(|c| c.get(lang)),
            self.basis.reason.map(|r| r.get(lang)),
            !self.params.is_empty(),
        )
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
    basis: Basis,
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
pub static CATALOGUE: [RuleInfo; 39] = [
    entry(
        Rule::Fund01,
        "FUND-01",
        &[Error],
        "支出合计与收入合计不符",
        "Spending total differs from income total",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "申报表的支出合计与收入来源合计是同一笔钱的两种分法，应当相等。",
                "The form's spending total and income total are the same money counted two ways, so they must be equal.",
            )),
        },
        &[Tolerance],
    ),
    entry(
        Rule::Fund02,
        "FUND-02",
        &[Error],
        "支出合计与按预算级次划分合计不符",
        "Spending total differs from the total by budget level",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "按预算级次划分的合计是同一笔支出按级次的分法，应当等于支出合计。",
                "The total by budget level is the same spending counted by level, so it must equal the spending total.",
            )),
        },
        &[Tolerance],
    ),
    entry(
        Rule::Fund03,
        "FUND-03",
        &[Error],
        "金额为负数",
        "Negative amount",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "预算金额不应为负数，负数多为填写错误。",
                "A budget amount cannot be negative; a negative one is almost always a slip.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Fund04,
        "FUND-04",
        &[Error],
        "重点任务资金超过部门预算总额",
        "Key-task funds exceed the department's total",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "重点任务所需资金不能超过部门的支出合计。",
                "Key tasks cannot spend more than the department has.",
            )),
        },
        &[Tolerance],
    ),
    entry(
        Rule::Fund05,
        "FUND-05",
        &[Warning],
        "重点任务资金超过项目支出与事业发展性支出之和",
        "Key-task funds exceed project plus development spending",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "重点任务资金超过项目支出与事业发展性支出之和，意味着占用了基本支出。",
                "Key-task funds above project plus development spending would take basic-spending money.",
            )),
        },
        &[Tolerance],
    ),
    entry(
        Rule::Fund06,
        "FUND-06",
        &[Info],
        "重点任务资金明显少于项目支出与事业发展性支出之和",
        "Key-task funds well below project plus development spending",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "重点任务只列重点，资金略少于项目支出与事业发展性支出之和属正常；差得太多，可能漏列了任务。",
                "Key tasks list only the main ones, so a small shortfall is normal; a large one may mean tasks were left out.",
            )),
        },
        &[MinShare],
    ),
    entry(
        Rule::Fund07,
        "FUND-07",
        &[Info],
        "重点任务资金为零",
        "A key task with no funds",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "列为重点任务却不安排资金，需要核实。",
                "A key task with no money needs checking.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Comp01,
        "COMP-01",
        &[Error],
        "总体绩效目标未填写",
        "Overall goal blank",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on reviewing targets for completeness",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Comp02,
        "COMP-02",
        &[Error],
        "重点任务缺失或内容不全",
        "Key tasks missing or incomplete",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on reviewing targets for completeness",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Comp03,
        "COMP-03",
        &[Error, Warning],
        "绩效指标行内容不全",
        "Indicator row incomplete",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求，以及绩效目标分为中长期目标和年度目标的规定",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on completeness, and on targets for the whole period and for the year",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Comp04,
        "COMP-04",
        &[Error, Warning, Info],
        "预算金额未填写",
        "Budget amount blank",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on reviewing targets for completeness",
            )),
            reason: Some(Phrase::new(
                "按栏目分轻重是本工具的做法：基本支出、项目支出、财政拨款未填为错误；本级使用资金未填则整笔预算没有分到级次，为警告；省模板常不填没有此项资金的栏目（财政专项资金、其他事业发展性支出、其他资金、拟用于对下转移支付资金），未填按0计，只作提示。",
                "Grading by box is this tool's practice: a blank basic spending, project spending or fiscal appropriation is an error; a blank own-use box leaves the budget unassigned to a level, a warning; the province's template is routinely sent without the boxes for money the department does not have (special fund, other development spending, other income, transfers to lower levels), so those read as 0 and are only noted.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Comp05,
        "COMP-05",
        &[Info],
        "模板预留的指标行未填写",
        "Template indicator line left empty",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "省里的模板为各类指标预留了空行；部门没有填写时，可以接受，也可以要求补充指标。",
                "The province's template keeps an empty line for each kind of indicator; a reviewer may accept it left empty or ask for an indicator.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Info01,
        "INFO-01",
        &[Warning],
        "财政供养人员数未填写",
        "Staff count blank",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "财政供养人员数是核定部门预算规模的基本信息。",
                "The staff count is basic to judging the size of the budget.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Info02,
        "INFO-02",
        &[Warning],
        "下属二级单位数未填写",
        "Subordinate unit count blank",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "下属二级单位数是了解部门规模的基本信息。",
                "The number of subordinate units is basic to knowing the department.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Info03,
        "INFO-03",
        &[Error],
        "部门名称未填写",
        "Department name blank",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on reviewing targets for completeness",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Info04,
        "INFO-04",
        &[Info],
        "预算年度未填写",
        "Fiscal year blank",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "不填预算年度，就无法确认申报表属于哪一年。",
                "Without the fiscal year the form cannot be placed in its year.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Hier01,
        "HIER-01",
        &[Error],
        "一级/二级指标搭配不在规定范围内",
        "Level-1/level-2 pair not in the table",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88); Opinions of the CPC Central Committee and the State Council on Fully Implementing Budget Performance Management (Zhongfa [2018] No. 34)",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Hier02,
        "HIER-02",
        &[Error],
        "缺少一级指标",
        "A required level-1 indicator is missing",
        Basis {
            cite: Some(Phrase::new(
                "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）（绩效目标涵盖产出、成本、效益和服务对象满意度）；《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十三条",
                "Opinions of the CPC Central Committee and the State Council on Fully Implementing Budget Performance Management (Zhongfa [2018] No. 34) (targets cover outputs, cost, benefits and satisfaction); Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285), Article 13",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Hier03,
        "HIER-03",
        &[Warning],
        "产出指标缺少数量、质量或时效指标",
        "Output indicators lack quantity, quality or timeliness",
        Basis {
            cite: Some(Phrase::new(
                "《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条（数量、质量、成本和时效）",
                "Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285), Article 14 (quantity, quality, cost and timeliness)",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Hier04,
        "HIER-04",
        &[Info],
        "未设成本指标",
        "No cost indicator",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）为项目支出设有成本指标；它对本表没有约束力，因此只作提示。",
                "Guidelines for Core Performance Targets and Indicators of Central Departments' Project Spending (Trial) (Caiyu [2021] No. 101) sets cost indicators for project spending; it does not bind this form, so this is only a note.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Dup01,
        "DUP-01",
        &[Warning],
        "三级指标名称重复",
        "Indicator name repeated",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "同名的三级指标多为重复填写。",
                "Two indicators of the same name are usually one entered twice.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Count01,
        "COUNT-01",
        &[Info],
        "产出指标条数过多",
        "Too many output indicators",
        Basis {
            cite: Some(Phrase::new(
                "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（“产出指标条数繁多”）",
                "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (\"too many output indicators\")",
            )),
            reason: Some(Phrase::new(
                "条数上限是本工具的做法。",
                "The number allowed is this tool's practice.",
            )),
        },
        &[MaxRows],
    ),
    entry(
        Rule::Quant01,
        "QUANT-01",
        &[Warning],
        "指标值既未量化也未分级",
        "Target neither quantified nor graded",
        Basis {
            cite: Some(Phrase::new(
                "《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条（绩效指标应尽可能定量表述，不能定量的，可采用定性的分级分档形式表述）",
                "Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285), Article 14 (indicators are quantified where possible, otherwise graded qualitatively)",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Quant02,
        "QUANT-02",
        &[Warning],
        "指标值用语模糊",
        "Target uses a vague word",
        Basis {
            cite: Some(Phrase::new(
                "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（指标值用“改善”“提高”等模糊表述）",
                "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (vague targets such as 改善, 提高)",
            )),
            reason: Some(Phrase::new(
                "“改善”“提高”以外的词是本工具补充的。",
                "The words besides 改善 and 提高 are this tool's addition.",
            )),
        },
        &[Words],
    ),
    entry(
        Rule::Quant03,
        "QUANT-03",
        &[Error],
        "指标值为空话或占位符",
        "Target is a placeholder",
        Basis {
            cite: Some(Phrase::new(
                "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（指标值填“不涉及”“无”）",
                "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets given as 不涉及 or 无)",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Quant04,
        "QUANT-04",
        &[Warning],
        "指标值只是复述指标名称",
        "Target restates the indicator",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "指标值只是重复指标名称，等于没有给出目标。",
                "A target that only repeats the indicator's name sets no target.",
            )),
        },
        &[MinCommon],
    ),
    entry(
        Rule::Quant05,
        "QUANT-05",
        &[Warning],
        "比率类指标的指标值不是有效百分比",
        "Rate target is not a valid percentage",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "比率类指标的目标值应是不超过100%的百分比。",
                "A rate's target should be a percentage of at most 100%.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Period01,
        "PERIOD-01",
        &[Warning],
        "年度指标值超过实施周期指标值",
        "Annual target exceeds the period target",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于中长期绩效目标与年度绩效目标的规定",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on medium-term and annual targets",
            )),
            reason: Some(Phrase::new(
                "年度指标值是实施周期指标值的一部分，一般不应超过后者；按数字和单位比较是本工具的做法。",
                "The annual target is a slice of the period target, so it should not exceed it; comparing their numbers and units is this tool's practice.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Sat02,
        "SAT-02",
        &[Warning, Info],
        "满意度目标偏低",
        "Satisfaction target low",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "没有找到官方规定的满意度下限，常见申报表以不低于90%为目标。",
                "No official floor was found; forms commonly aim at 90% or more.",
            )),
        },
        &[WarningBelow, InfoBelow],
    ),
    entry(
        Rule::Sat03,
        "SAT-03",
        &[Info],
        "满意度指标名称不含“满意”",
        "Satisfaction indicator not about satisfaction",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "满意度指标下的指标应衡量服务对象是否满意。",
                "An indicator under satisfaction should measure whether people are satisfied.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Class01,
        "CLASS-01",
        &[Info],
        "时效指标看不出时间要求",
        "Timeliness indicator without a time",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "时效指标应写明时间要求（如“按时”“××日内”）。",
                "A timeliness indicator should say its time (on time, within so many days).",
            )),
        },
        &[Words],
    ),
    entry(
        Rule::Rel01,
        "REL-01",
        &[Info],
        "总体绩效目标没有量化内容",
        "Overall goal has no number",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标应当明确、清晰的要求",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on targets being clear and definite",
            )),
            reason: Some(Phrase::new(
                "总体目标中没有任何数字就难以衡量，以“有无数字”来判断是本工具的做法。",
                "An overall goal without a single number is hard to measure; judging by the presence of a number is this tool's practice.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Cost01,
        "COST-01",
        &[Warning],
        "成本指标写成了下限",
        "Cost target written as a floor",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "成本指标是花钱的上限（最多花多少），写成“≥”“不低于”等下限就失去了控制成本的意义；同类审核工具也把成本指标的“≥”列为问题。",
                "A cost target is a ceiling (what the work may at most cost); written as a floor (≥, 不低于) it controls nothing, and peer review tools flag ≥ on cost indicators.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Safe01,
        "SAFE-01",
        &[Warning],
        "文本含控制字符或不可见字符",
        "Text holds control or invisible characters",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "不可见字符和控制字符会使屏幕上的文字与实际内容不一致（参见已公开的漏洞 CVE-2021-42574 等）；本工具显示时已作安全处理。",
                "Invisible and control characters can make text on screen differ from what it holds (see published flaws such as CVE-2021-42574); the desk shows it safely.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Xdup01,
        "XDUP-01",
        &[Warning],
        "同一部门同一年度重复申报",
        "Same department and year submitted twice",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "同一部门同一年度有两份申报表，多为重复提交，应只审其中一份。",
                "Two forms of one department for one year are usually a double submission; only one should be reviewed.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Xdup02,
        "XDUP-02",
        &[Info],
        "总体绩效目标与其他部门雷同",
        "Overall goal copied from another department",
        Basis {
            cite: Some(Phrase::new(
                "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（绩效目标设定未结合部门自身职能）",
                "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets set without regard to the department's own work)",
            )),
            reason: Some(Phrase::new(
                "两个部门的总体目标去掉数字后九成以上相同，多为照抄；相似度的界限是本工具的做法。",
                "Two departments' goals that are nine-tenths the same once numbers are removed are usually a copy; the similarity required is this tool's practice.",
            )),
        },
        &[MinSimilarity],
    ),
    entry(
        Rule::Yoy01,
        "YOY-01",
        &[Warning],
        "指标值比上年降低",
        "Target made easier than last year's",
        Basis {
            cite: Some(Phrase::new(
                "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）适当性审核（绩效目标与资金量是否匹配）；赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（目标设定“无压力”）",
                "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), review of appropriateness (is the target in keeping with the money); the common defects published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets set without pressure)",
            )),
            reason: None,
        },
        &[],
    ),
    entry(
        Rule::Yoy02,
        "YOY-02",
        &[Info],
        "上年的指标本年未再设置",
        "Last year's indicators dropped",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "上年设置的指标本年不再设置，可能是工作已完成，也可能是回避考核，值得问一问。",
                "An indicator set last year and dropped this year may be work finished, or a target avoided; worth a question.",
            )),
        },
        &[],
    ),
    entry(
        Rule::Yoy03,
        "YOY-03",
        &[Info],
        "总体绩效目标照抄上年",
        "Overall goal copied from last year",
        Basis {
            cite: None,
            reason: Some(Phrase::new(
                "总体目标去掉数字后与上年九成以上相同，多为改了年份照抄；相似度的界限是本工具的做法。",
                "A goal nine-tenths the same as last year's once numbers are removed is usually last year's with the year changed; the similarity required is this tool's practice.",
            )),
        },
        &[MinSimilarity],
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
                info.is_judgement(),
                "{} has settings but no judgement in its basis",
                info.id
            );
        }
    }

    #[test]
    fn every_basis_reads_as_a_finance_office_cites_it() {
        for info in CATALOGUE.iter() {
            assert!(
                info.basis.cite.is_some() || info.basis.reason.is_some(),
                "{}",
                info.id
            );
            let zh = info.basis_text(Lang::Zh);
            // Never the letters S/J, never an English note in Chinese.
            assert!(
                !zh.is_ascii() && !zh.contains("J:") && !zh.contains("S:"),
                "{}: {zh}",
                info.id
            );
            let latin = zh.chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert!(
                latin <= 12,
                "{}: English in the Chinese basis: {zh}",
                info.id
            );
            if let Some(cite) = info.basis.cite {
                assert!(
                    cite.get(Lang::Zh).contains('《') || cite.get(Lang::Zh).contains("审计局"),
                    "{}",
                    info.id
                );
            }
            if info.is_judgement() {
                assert!(zh.contains("本工具"), "{}: says it is ours: {zh}", info.id);
                assert!(
                    zh.contains("配置"),
                    "{}: the office can change it: {zh}",
                    info.id
                );
            }
        }
        // A document is cited by its full title and number, never a bare
        // 88号 (issue 18: PERIOD-01 and REL-01 said 88号 alone).
        for info in CATALOGUE.iter() {
            let zh = info.basis_text(Lang::Zh);
            for (at, _) in zh.match_indices("号") {
                let before = &zh[..at];
                let cited = before.rfind('〔').is_some_and(|open| {
                    let title = before[..open].rfind('《');
                    title.is_some() && before[..open].rfind('》') > title
                });
                let numeric = before.chars().last().is_some_and(|c| c.is_ascii_digit());
                assert!(
                    !numeric || cited,
                    "{}: a number without its document: {zh}",
                    info.id
                );
            }
        }
        let q1 = Rule::Quant01.info().basis_text(Lang::Zh);
        assert!(
            q1.starts_with("《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条"),
            "{q1}"
        );
    }
}
