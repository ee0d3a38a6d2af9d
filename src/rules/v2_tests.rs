//! Catalogue version 2: template rows, COMP-05 and forms with a single
//! target column. A declaration with neither gets version 1's flags (the
//! seed's nine, tested in tests/sample_data.rs).

use super::test_support::*;
use super::{Finding, Rule, completeness};
use crate::model::{Location, TargetColumns};

/// `clean()` with an empty 成本 line added and the real 成本 row removed.
fn with_template_rows() -> crate::model::Declaration {
    let mut decl = clean();
    decl.indicators
        .retain(|r| r.level2.as_deref() != Some("成本指标"));
    decl.indicators
        .push(row("产出指标", "成本指标", "", "", ""));
    decl.indicators.push(row("满意度指标", "", "", " ", ""));
    decl.indicators
        .push(row("产出指标", "时效指标", "", "", ""));
    decl
}

#[test]
fn a_template_row_is_comp05_and_nothing_else_of_its_kind() {
    let decl = with_template_rows();
    let got = ids(&decl);
    let want: Vec<(String, String)> = [
        ("COMP-05", "indicators[5]"),
        ("COMP-05", "indicators[6]"),
        ("COMP-05", "indicators[7]"),
        // The empty 成本 line is no cost indicator.
        ("HIER-04", "indicators"),
    ]
    .iter()
    .map(|(r, l)| (r.to_string(), l.to_string()))
    .collect();
    let mut got_sorted = got.clone();
    got_sorted.sort();
    assert_eq!(got_sorted, want, "no COMP-03, SAT-03 or CLASS-01 on them");
    let f = fired(&decl, Rule::Comp05);
    assert_eq!(
        f.iter().map(|f| f.finding().clone()).collect::<Vec<_>>(),
        ["成本指标", "满意度指标", "时效指标"]
            .map(|c| { Finding::from(completeness::comp_05::Finding { category: c.into() }) }),
        "its level2, else its level1"
    );
}

#[test]
fn template_rows_count_for_no_level_but_hier01_still_sees_them() {
    let mut decl = clean();
    decl.indicators
        .retain(|r| r.level1.as_deref() != Some("满意度指标"));
    decl.indicators
        .push(row("满意度指标", "服务对象满意度指标", "", "", ""));
    decl.indicators
        .push(row("效益指标", "质量指标", "", "", ""));
    let got = ids(&decl);
    assert!(
        got.contains(&("HIER-02".into(), "indicators".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("HIER-01".into(), "indicators[6]".into())),
        "{got:?}"
    );
    // Two empty lines are no duplicates of each other.
    decl.indicators
        .push(row("效益指标", "质量指标", "", "", ""));
    assert!(fired(&decl, Rule::Dup01).is_empty());
}

#[test]
fn a_row_with_a_name_or_a_target_is_no_template_row() {
    let mut decl = clean();
    decl.indicators
        .push(row("产出指标", "数量指标", "", "", "10次"));
    decl.indicators.push(row("", "", "", "", ""));
    let f = fired(&decl, Rule::Comp03);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(fired(&decl, Rule::Comp05).is_empty());
}

#[test]
fn one_target_column_means_annual_alone() {
    let mut decl = clean();
    decl.target_columns = TargetColumns::One;
    for r in &mut decl.indicators {
        r.period_target = None;
    }
    assert_eq!(
        ids(&decl),
        Vec::<(String, String)>::new(),
        "no COMP-03 warnings"
    );
    decl.indicators[0].annual_target = None;
    let f = fired(&decl, Rule::Comp03);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, super::Severity::Error);
    assert_eq!(
        f[0].finding(),
        &completeness::comp_03::Finding {
            blank: vec![crate::model::IndicatorField::AnnualTarget]
        }
        .into()
    );
}

#[test]
fn period01_needs_two_columns() {
    let mut decl = clean();
    decl.indicators[0].period_target = Some("≥100万页".into());
    decl.indicators[0].annual_target = Some("≥120万页".into());
    assert_eq!(fired(&decl, Rule::Period01).len(), 1);
    decl.target_columns = TargetColumns::One;
    assert!(fired(&decl, Rule::Period01).is_empty());
    // A period target in a built one-column model is not read either.
    decl.indicators[0].annual_target = Some("提升".into());
    decl.indicators[0].period_target = Some("不涉及".into());
    let f: Vec<Rule> = run(&decl)
        .into_iter()
        .filter(|f| f.location == Location::Indicator(0, None))
        .map(|f| f.rule())
        .collect();
    assert_eq!(f, [Rule::Quant02]);
}
