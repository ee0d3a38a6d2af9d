//! What docs/rules.md says of each rule: where it flags, when it fires,
//! what it rests on (in the docs' short form: S for a document, J for this
//! tool's judgement), and for the budget checks which inputs they need.
//! The catalogue's tables in docs/rules.md are made from this and from the
//! catalogue itself (severities, settings with their defaults), between
//! markers; `tests/docs.rs` fails when the committed file differs, and
//! `cargo run --example rules_doc` writes it again.

use super::{Param, Rule, RuleSettings, Severity};
use std::fmt::Write as _;

/// A part of the catalogue: one table of docs/rules.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Budget,
    Completeness,
    Tree,
    Values,
    Safety,
    Folder,
    Years,
}

impl Section {
    /// The name its table's markers carry (`<!-- catalogue: budget -->`).
    pub fn key(self) -> &'static str {
        match self {
            Section::Budget => "budget",
            Section::Completeness => "completeness",
            Section::Tree => "tree",
            Section::Values => "values",
            Section::Safety => "safety",
            Section::Folder => "folder",
            Section::Years => "years",
        }
    }
}

/// One rule as the docs describe it. Markdown; a `|` inside a cell is
/// written `\|`.
#[derive(Debug)]
pub struct RuleDoc {
    pub rule: Rule,
    pub location: &'static str,
    pub fires_when: &'static str,
    /// For a budget check: the boxes whose blank stops it.
    pub inputs: Option<&'static str>,
    pub basis: &'static str,
}

/// Every rule, by section, in the order the docs read them (within
/// 指标值, the order in which QUANT-03/04/02/01 take a row).
pub static DOCS: [(Section, &[RuleDoc]); 7] = [
    (
        Section::Budget,
        &[
            RuleDoc {
                rule: Rule::Fund01,
                location: "`budget`",
                fires_when: "\\|T − (fiscal_appropriation + income.other)\\| > 0.01",
                inputs: Some("basic, project, fiscal_appropriation"),
                basis: "J: spending and income are the same money",
            },
            RuleDoc {
                rule: Rule::Fund02,
                location: "`budget`",
                fires_when: "\\|T − (own_use + transfer_to_lower)\\| > 0.01",
                inputs: Some("basic, project, own_use"),
                basis: "J: the same total cut by budget level",
            },
            RuleDoc {
                rule: Rule::Fund03,
                location: "the amount's path",
                fires_when: "an amount < 0, budget or key task",
                inputs: Some("—"),
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Fund04,
                location: "`key_tasks`",
                fires_when: "Σ key-task funds > T + 0.01",
                inputs: Some("basic, project, the tasks"),
                basis: "J: tasks cannot spend more than the department has",
            },
            RuleDoc {
                rule: Rule::Fund05,
                location: "`key_tasks`",
                fires_when: "Σ funds > project + development + 0.01, and FUND-04 did not fire",
                inputs: Some("project, the tasks"),
                basis: "J: the tasks would claim basic-spending money",
            },
            RuleDoc {
                rule: Rule::Fund06,
                location: "`key_tasks`",
                fires_when: "Σ funds < 90% of (project + development)",
                inputs: Some("project, the tasks"),
                basis: "J: key tasks are only the 重点 ones, a small gap is normal",
            },
            RuleDoc {
                rule: Rule::Fund07,
                location: "`key_tasks[i].funds`",
                fires_when: "a task's funds = 0",
                inputs: Some("—"),
                basis: "J",
            },
        ],
    ),
    (
        Section::Completeness,
        &[
            RuleDoc {
                rule: Rule::Comp01,
                location: "`overall_goal`",
                fires_when: "总体绩效目标 blank",
                inputs: None,
                basis: "S: 财预〔2015〕88号 完整性审核",
            },
            RuleDoc {
                rule: Rule::Comp02,
                location: "`key_tasks` or `key_tasks[i].FIELD`",
                fires_when: "no key task at all; or one flag per blank name, content, funds or expected_outcome",
                inputs: None,
                basis: "S: 完整性",
            },
            RuleDoc {
                rule: Rule::Comp03,
                location: "`indicators[i]`",
                fires_when: "not a template row, and — error: a level or the name blank, or every target blank; else, with two target columns, warning: exactly one target blank. One flag per row",
                inputs: None,
                basis: "S: 88号 中长期/年度目标",
            },
            RuleDoc {
                rule: Rule::Comp05,
                location: "`indicators[i]`",
                fires_when: "a template row: the category it names (its level2, else its level1) has no indicator on this line",
                inputs: None,
                basis: "J: real forms keep the template's empty lines; a reviewer may accept them or ask for an indicator",
            },
            RuleDoc {
                rule: Rule::Comp04,
                location: "the amount's path",
                fires_when: "a budget amount blank: error for a required box, warning for 本级使用资金, info for an optional box (its message says it is read as 0: `…未填写，按0计`)",
                inputs: None,
                basis: "S: 完整性; the severities J, after real forms",
            },
            RuleDoc {
                rule: Rule::Info01,
                location: "`department.staff_count`",
                fires_when: "财政供养人员数 blank",
                inputs: None,
                basis: "J (the seed leaves it blank)",
            },
            RuleDoc {
                rule: Rule::Info02,
                location: "`department.subordinate_units`",
                fires_when: "下属二级单位数 blank",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Info03,
                location: "`department.name`",
                fires_when: "部门名称 blank",
                inputs: None,
                basis: "S: 完整性",
            },
            RuleDoc {
                rule: Rule::Info04,
                location: "`fiscal_year`",
                fires_when: "预算年度 blank",
                inputs: None,
                basis: "J",
            },
        ],
    ),
    (
        Section::Tree,
        &[
            RuleDoc {
                rule: Rule::Hier01,
                location: "`indicators[i]`",
                fires_when: "both levels filled, and the pair is not in the table",
                inputs: None,
                basis: "S: 88号; 中发〔2018〕34号",
            },
            RuleDoc {
                rule: Rule::Hier02,
                location: "`indicators`",
                fires_when: "no row under 产出指标, 效益指标 or 满意度指标 (one flag per missing one)",
                inputs: None,
                basis: "S: 中发〔2018〕34号; 财预〔2011〕285号 第十三条",
            },
            RuleDoc {
                rule: Rule::Hier03,
                location: "`indicators`",
                fires_when: "产出指标 has rows but no 数量, 质量 or 时效 row (one flag per missing one)",
                inputs: None,
                basis: "S: 285号 第十四条",
            },
            RuleDoc {
                rule: Rule::Hier04,
                location: "`indicators`",
                fires_when: "no cost indicator (neither 产出/成本 nor 一级 成本)",
                inputs: None,
                basis: "J: 财预〔2021〕101号 adds it for project spending; not binding here",
            },
            RuleDoc {
                rule: Rule::Dup01,
                location: "`indicators[j]`",
                fires_when: "a later row whose normalised name equals an earlier row's",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Count01,
                location: "`indicators`",
                fires_when: "more than 20 rows under 产出指标",
                inputs: None,
                basis: "S: 赤峰市审计局 2023 \"产出指标条数繁多\"; threshold J",
            },
        ],
    ),
    (
        Section::Values,
        &[
            RuleDoc {
                rule: Rule::Quant03,
                location: "`indicators[i]`",
                fires_when: "a target normalises to nothing, or is a placeholder: 无 暂无 不涉及 略 / ／ - － — —— N/A (any case)",
                inputs: None,
                basis: "S: 赤峰市审计局 2023",
            },
            RuleDoc {
                rule: Rule::Quant04,
                location: "`indicators[i]`",
                fires_when: "a target, neither quantified nor graded, restates the indicator: one normalised text contains the other, or their longest common run is ≥ 4 characters and ≥ half the shorter (the name's trailing parenthesis such as `（场次）` removed first)",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Quant02,
                location: "`indicators[i]`",
                fires_when: "a target not quantified that contains a vague word: 提高 提升 改善 加强 增强 优化 进一步 有效 明显 显著 逐步 不断",
                inputs: None,
                basis: "S: 赤峰市审计局 2023 (改善、提高); the other words J",
            },
            RuleDoc {
                rule: Rule::Quant01,
                location: "`indicators[i]`",
                fires_when: "a target neither quantified nor graded",
                inputs: None,
                basis: "S: 财预〔2011〕285号 第十四条",
            },
            RuleDoc {
                rule: Rule::Quant05,
                location: "`indicators[i]`",
                fires_when: "the name contains 率, and a target has a number but no percentage, or a percentage above 100",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Period01,
                location: "`indicators[i]`",
                fires_when: "the form has two target columns; both targets have a first number, neither a percentage nor after ≤ ≦ < ＜, both with the same unit, and the annual one is larger",
                inputs: None,
                basis: "J: the annual target is a slice of the period's",
            },
            RuleDoc {
                rule: Rule::Sat02,
                location: "`indicators[i]`",
                fires_when: "a row under 满意度指标 whose lowest first percentage is below 85 (warning), else below 90 (info)",
                inputs: None,
                basis: "J: no official floor found; the seed uses ≥90%",
            },
            RuleDoc {
                rule: Rule::Sat03,
                location: "`indicators[i]`",
                fires_when: "a row under 满意度指标 whose name lacks 满意",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Class01,
                location: "`indicators[i]`",
                fires_when: "a 时效指标 row whose name and targets hold none of 及时 按时 时限 时间 期限 日 天 周 月 年 小时 前 内",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Rel01,
                location: "`overall_goal`",
                fires_when: "a non-blank 总体绩效目标 with no number",
                inputs: None,
                basis: "S: 88号 \"明确、清晰\"; judging by a number J",
            },
            RuleDoc {
                rule: Rule::Cost01,
                location: "`indicators[i]`",
                fires_when: "a cost row (产出指标 / 成本指标, or 一级 成本指标) whose name holds none of 节约 节省 降低 下降 压减 减少, with a target that is a floor: it holds ≥ ≧ ＞ > 不低于 不少于 大于 至少 以上 and no ceiling ≤ ≦ ＜ < 不高于 不超过 以内 以下 低于 少于 控制在 (see below)",
                inputs: None,
                basis: "J: a cost target says the most the work may cost",
            },
        ],
    ),
    (
        Section::Safety,
        &[RuleDoc {
            rule: Rule::Safe01,
            location: "the field's path",
            fires_when: "a string value holds a control character U+0000–U+001F or U+007F–U+009F (except line feed, a CR LF pair, tab), a bidi control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), an invisible format character (U+200B–U+200D, U+2060, U+00AD, U+FEFF), or U+2028/U+2029. One flag per field",
            inputs: None,
            basis: "J, after CVE-2021-42574 (Trojan Source), CVE-2021-25743, CVE-2024-52005",
        }],
    ),
    (
        Section::Folder,
        &[
            RuleDoc {
                rule: Rule::Xdup01,
                location: "`department.name`",
                fires_when: "another file of the folder has the same non-blank department name (trimmed) and the same fiscal year (two blanks are the same): a double submission. Every such file is flagged, naming five others and counting the rest",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Xdup02,
                location: "`overall_goal`",
                fires_when: "another file of a **different** department (normalised names differ) has a goal alike this one: both goals normalised, every run of digits removed, hold ≥ 20 characters, and 1 − edit distance ÷ the longer length ≥ 0.9. Every such file is flagged, naming five departments and counting the rest",
                inputs: None,
                basis: "S: 赤峰市审计局 2023 (targets set without regard to the department's work); the threshold J",
            },
        ],
    ),
    (
        Section::Years,
        &[
            RuleDoc {
                rule: Rule::Yoy01,
                location: "`indicators[i]`",
                fires_when: "a matched row whose target and last year's both have a number, in the same unit, both percentages or neither, and this year's is easier: lower where neither is a ceiling, higher where both are (a ceiling against a floor: no flag). The message names last year's target, and last year's name where it differs",
                inputs: None,
                basis: "S: 财预〔2015〕88号 适当性审核; 赤峰市审计局 2023 (targets \"无压力\")",
            },
            RuleDoc {
                rule: Rule::Yoy02,
                location: "`indicators`",
                fires_when: "last year's rows dropped (one flag, naming five and counting the rest)",
                inputs: None,
                basis: "J",
            },
            RuleDoc {
                rule: Rule::Yoy03,
                location: "`overall_goal`",
                fires_when: "the goal is non-blank and, both normalised with every run of digits removed, 1 − edit distance ÷ the longer length ≥ 0.9 against last year's; the message gives the edits and the length",
                inputs: None,
                basis: "J",
            },
        ],
    ),
];

/// A section's table, as docs/rules.md holds it.
pub fn table(section: Section) -> String {
    let docs = DOCS
        .iter()
        .find(|(s, _)| *s == section)
        .map_or(&[][..], |(_, d)| d);
    let inputs = docs.iter().any(|d| d.inputs.is_some());
    let settings = docs.iter().any(|d| !d.rule.info().params.is_empty());
    let mut head = vec!["ID", "severity", "location", "fires when"];
    if inputs {
        head.push("inputs");
    }
    head.push("basis");
    if settings {
        head.push("settings");
    }
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    let defaults = RuleSettings::default();
    for d in docs {
        let info = d.rule.info();
        let mut cells = vec![
            info.id.to_string(),
            severities(info.severities),
            d.location.to_string(),
            d.fires_when.to_string(),
        ];
        if inputs {
            cells.push(d.inputs.unwrap_or("—").to_string());
        }
        cells.push(d.basis.to_string());
        if settings {
            cells.push(settings_cell(d.rule, info.params, &defaults));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

fn severities(s: &[Severity]) -> String {
    s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" / ")
}

/// `` `tolerance` (0.01) ``: each setting with its default, and its range
/// where the configuration holds it to one.
fn settings_cell(rule: Rule, params: &[Param], defaults: &RuleSettings) -> String {
    if params.is_empty() {
        return "—".into();
    }
    params
        .iter()
        .map(|&p| {
            let mut said: Vec<String> = defaults.default_shown(rule, p).into_iter().collect();
            if let Some((low, high)) = p.range() {
                said.push(format!("from {low} to {high}"));
            }
            match said.is_empty() {
                true => format!("`{}`", p.key()),
                false => format!("`{}` ({})", p.key(), said.join(", ")),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

const BEGIN: &str = "<!-- catalogue: ";
const END: &str = "<!-- end of catalogue table -->";

/// `text` (docs/rules.md) with every marked table made anew; `None` when
/// a marker names no section or is not closed.
pub fn refresh(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(BEGIN) {
        let (before, from) = rest.split_at(at);
        let line_end = from.find('\n')? + 1;
        let key = from[BEGIN.len()..line_end]
            .trim()
            .strip_suffix("-->")?
            .trim();
        let section = DOCS.iter().map(|(s, _)| *s).find(|s| s.key() == key)?;
        let end = from.find(END)?;
        out.push_str(before);
        out.push_str(&from[..line_end]);
        out.push_str(&table(section));
        out.push_str(END);
        rest = &from[end + END.len()..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CATALOGUE;

    #[test]
    fn every_rule_is_described_once() {
        let described: Vec<Rule> = DOCS
            .iter()
            .flat_map(|(_, d)| d.iter().map(|d| d.rule))
            .collect();
        for info in &CATALOGUE {
            assert_eq!(
                described.iter().filter(|r| **r == info.rule).count(),
                1,
                "{}",
                info.id
            );
        }
        assert_eq!(described.len(), CATALOGUE.len());
    }

    #[test]
    fn only_budget_checks_list_inputs() {
        for (section, docs) in &DOCS {
            for d in docs.iter() {
                assert_eq!(
                    d.inputs.is_some(),
                    *section == Section::Budget,
                    "{:?}",
                    d.rule
                );
            }
        }
    }

    #[test]
    fn a_table_shows_defaults_and_ranges_from_the_code() {
        let t = table(Section::Folder);
        assert!(t.contains("| XDUP-02 | info |"), "{t}");
        assert!(t.contains("`min_similarity` (0.9, from 0.5 to 1)"), "{t}");
        let t = table(Section::Values);
        assert!(t.contains("`warning_below` (85), `info_below` (90)"), "{t}");
    }

    #[test]
    fn refresh_replaces_only_what_is_between_markers() {
        let text =
            "a\n<!-- catalogue: safety -->\nSTALE TABLE\n<!-- end of catalogue table -->\nb\n";
        let new = refresh(text).unwrap();
        assert!(
            new.starts_with("a\n<!-- catalogue: safety -->\n| ID |"),
            "{new}"
        );
        assert!(
            new.ends_with("<!-- end of catalogue table -->\nb\n"),
            "{new}"
        );
        assert!(!new.contains("STALE TABLE"));
        assert_eq!(refresh("<!-- catalogue: nowhere -->\n"), None);
    }
}
