//! Declarations written from the format spec alone, by someone who never
//! saw this program, load and get exactly the catalogue's flags.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

use shenhe::load::parse;
use shenhe::rules::RuleSettings;
use shenhe::rules::check;

/// The example of the format spec, verbatim.
const SPEC_EXAMPLE: &str = r#"{
  "format_version": 1,
  "fiscal_year": 2025,
  "region": "广州市示例区",
  "department": { "name": "广州市示例区档案馆", "code": null, "staff_count": 18, "subordinate_units": 0 },
  "budget": {
    "expenditure": { "basic": "420.10", "project": "96.00" },
    "development": { "special_fund": "0.00", "other": "30.00" },
    "income": { "fiscal_appropriation": "546.10", "other": "0.00" },
    "by_level": { "own_use": "546.10", "transfer_to_lower": "0.00" }
  },
  "overall_goal": "完成馆藏档案数字化，提升档案利用服务水平。",
  "key_tasks": [
    { "name": "馆藏档案数字化", "content": "完成1950-1990年文书档案扫描与著录。", "funds": "96.00", "expected_outcome": "数字化率达到80%。" },
    { "name": "档案开放利用", "content": "举办档案展览，开展查档服务。", "funds": "30.00", "expected_outcome": "查档服务群众满意。" }
  ],
  "indicators": [
    { "level1": "产出指标", "level2": "数量指标", "name": "档案数字化页数", "period_target": "≥120万页", "annual_target": "≥120万页" },
    { "level1": "产出指标", "level2": "时效指标", "name": "查档申请办结时限", "period_target": "≤3个工作日", "annual_target": "≤3个工作日" },
    { "level1": "效益指标", "level2": "社会效益指标", "name": "档案开放利用人次", "period_target": "≥5000人次", "annual_target": "≥5000人次" },
    { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "查档群众满意度", "period_target": "≥90%", "annual_target": "≥90%" }
  ]
}"#;

fn flags_of(json: &str) -> Vec<(String, String)> {
    let decl = parse(json.as_bytes()).expect("loads");
    check(&decl, &RuleSettings::default())
        .into_iter()
        .map(|f| (f.rule().id().to_string(), f.location.to_string()))
        .collect()
}

#[test]
fn the_spec_example_gets_the_flags_the_catalogue_defines() {
    // No 质量指标 under 产出 (HIER-03), no cost indicator (HIER-04), and a
    // goal without a number (REL-01). Everything else balances.
    let mut got = flags_of(SPEC_EXAMPLE);
    got.sort();
    assert_eq!(
        got,
        [
            ("HIER-03".to_string(), "indicators".to_string()),
            ("HIER-04".to_string(), "indicators".to_string()),
            ("REL-01".to_string(), "overall_goal".to_string()),
        ]
    );
}

#[test]
fn amounts_as_json_numbers_read_exactly_like_strings() {
    let numbers = SPEC_EXAMPLE
        .replace("\"420.10\"", "420.10")
        .replace("\"546.10\"", "546.1")
        .replace("\"0.00\"", "0")
        .replace("\"96.00\"", "96");
    let decl = parse(numbers.as_bytes()).expect("loads");
    assert_eq!(
        decl.budget.expenditure.basic.map(|d| d.to_string()),
        Some("420.10".into())
    );
    assert_eq!(
        flags_of(&numbers).len(),
        3,
        "the same three flags, nothing from rounding"
    );
}

#[test]
fn a_minimal_file_loads_and_every_blank_box_is_flagged_not_rejected() {
    let got: Vec<String> = flags_of(r#"{"format_version": 1}"#)
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    for id in [
        "INFO-01", "INFO-02", "INFO-03", "INFO-04", "COMP-01", "COMP-02", "COMP-04", "HIER-02",
    ] {
        assert!(got.contains(&id.to_string()), "{id} missing from {got:?}");
    }
    assert_eq!(
        got.iter().filter(|r| *r == "COMP-04").count(),
        8,
        "one per amount box"
    );
    assert_eq!(got.iter().filter(|r| *r == "HIER-02").count(), 3);
}

#[test]
fn nulls_and_white_space_are_blank_boxes() {
    let json = r#"{"format_version": 1, "fiscal_year": null, "region": null,
        "department": null, "budget": {"expenditure": null, "income": {"other": "  "}},
        "overall_goal": " ", "key_tasks": null, "indicators": null}"#;
    let got: Vec<String> = flags_of(json).into_iter().map(|(r, _)| r).collect();
    assert_eq!(got.iter().filter(|r| *r == "COMP-04").count(), 8);
    assert!(got.contains(&"COMP-01".to_string()));
}
