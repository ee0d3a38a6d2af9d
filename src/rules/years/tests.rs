use super::*;
use crate::rules::Rule;
use crate::rules::test_support::{clean, row};

fn yoy(now: &Declaration, last: &Declaration) -> Vec<Flag> {
    let rows = Matching::of(&now.indicators, &last.indicators);
    run(now, last, &rows, &RuleSettings::default())
}

fn with_row(target: &str) -> Declaration {
    let mut d = clean();
    d.indicators = vec![row(
        "产出指标",
        "数量指标",
        "城乡居民基础养老金标准",
        "",
        target,
    )];
    d
}

/// The YOY-01 flags of `now` against `before` on one row.
fn yoy01(before: &str, now: &str) -> Vec<yoy_01::Finding> {
    yoy(&with_row(now), &with_row(before))
        .into_iter()
        .filter(|f| f.rule() == Rule::Yoy01)
        .map(|f| match f.finding() {
            crate::rules::Finding::Yoy01(y) => y.clone(),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn yoy01_a_floor_lowered() {
    assert_eq!(
        yoy01("≥200元每人每月", "≥190元每人每月"),
        [yoy_01::Finding {
            was_named: None,
            before: "≥200元每人每月".into(),
            now: "≥190元每人每月".into(),
            ceiling: false,
        }]
    );
    assert!(
        yoy01("≥190元每人每月", "≥200元每人每月").is_empty(),
        "raised"
    );
    assert!(yoy01("≥200元每人每月", "≥200元每人每月").is_empty(), "kept");
    assert_eq!(yoy01("100%", "≧95%").len(), 1, "a percentage lowered");
}

#[test]
fn yoy01_a_ceiling_raised() {
    let found = yoy01("≤3个工作日", "≤5个工作日");
    assert!(
        matches!(&found[..], [yoy_01::Finding { ceiling: true, .. }]),
        "{found:?}"
    );
    assert!(yoy01("≤5个工作日", "≤3个工作日").is_empty(), "tightened");
    assert_eq!(yoy01("控制在3天以内", "控制在4天以内").len(), 1);
}

#[test]
fn yoy01_never_across_kinds_or_units() {
    assert!(
        yoy01("≥95%", "90").is_empty(),
        "a percentage against a count"
    );
    assert!(
        yoy01("≤5天", "≥3天").is_empty(),
        "a ceiling against a floor"
    );
    assert!(
        yoy01("≥3天", "≤5天").is_empty(),
        "a floor against a ceiling"
    );
    assert!(yoy01("≥200元", "≥190万元").is_empty(), "units differ");
    assert!(
        yoy01("根据下达任务确定", "50000").is_empty(),
        "no number last year"
    );
    // 不低于 is a floor, though it holds 低于.
    assert_eq!(yoy01("不低于98%", "不低于95%").len(), 1);
}

#[test]
fn yoy01_names_last_years_row_when_its_name_differs() {
    let mut last = clean();
    last.indicators = vec![row(
        "满意度指标",
        "服务对象满意度指标",
        "公共服务满意度",
        "",
        "≧95%",
    )];
    let mut now = clean();
    now.indicators = vec![row("满意度指标", "服务对象", "就业服务满意度", "", "≧90%")];
    let flags: Vec<Flag> = yoy(&now, &last)
        .into_iter()
        .filter(|f| f.rule() == Rule::Yoy01)
        .collect();
    assert_eq!(flags.len(), 1);
    let zh = flags[0].message(Lang::Zh);
    assert_eq!(
        zh,
        "指标值由上年的“≧95%”降为“≧90%”（上年指标为“公共服务满意度”）"
    );
}

#[test]
fn yoy02_names_five_dropped_rows_then_counts() {
    let mut last = clean();
    last.indicators = (1..=7)
        .map(|i| row("产出指标", "数量指标", &format!("第{i}项工作量"), "", "1"))
        .collect();
    last.indicators
        .push(row("产出指标", "成本指标", "", "", ""));
    let mut now = clean();
    now.indicators = vec![row("产出指标", "数量指标", "第3项工作量", "", "1")];
    let flags = yoy(&now, &last);
    let f = flags
        .iter()
        .find(|f| f.rule() == Rule::Yoy02)
        .expect("YOY-02");
    assert_eq!(
        (f.severity, f.location),
        (Severity::Info, Location::Indicators)
    );
    assert_eq!(
        f.message(Lang::Zh),
        "上年的指标“第1项工作量”“第2项工作量”“第4项工作量”“第5项工作量”“第6项工作量”等 6 个本年未再设置"
    );
}

#[test]
fn yoy03_the_goal_with_the_year_changed() {
    let goal = "完成2023年度市政府工作报告下达就业目标任务，保持我市就业形势总体稳定，城乡居民养老金应发尽发。";
    let mut last = clean();
    last.overall_goal = Some(goal.into());
    let mut now = clean();
    now.overall_goal = Some(goal.replace("2023", "2024"));
    let flags = yoy(&now, &last);
    let f = flags
        .iter()
        .find(|f| f.rule() == Rule::Yoy03)
        .expect("YOY-03");
    assert_eq!(f.location, Location::OverallGoal);
    now.overall_goal =
        Some("围绕就业优先战略，新增城镇就业5万人，开展职业技能培训2万人次。".into());
    assert!(yoy(&now, &last).iter().all(|f| f.rule() != Rule::Yoy03));
    now.overall_goal = None;
    assert!(yoy(&now, &last).iter().all(|f| f.rule() != Rule::Yoy03));
}

fn folder(files: Vec<(&str, Declaration)>) -> LastYear {
    LastYear::new(
        "last".into(),
        files
            .into_iter()
            .map(|(f, d)| (f.to_string(), Ok(d)))
            .collect(),
    )
}

#[test]
fn the_previous_is_the_one_declaration_of_the_department_a_year_earlier() {
    let now = clean(); // 广州市示例区档案馆, 2025
    let mut last = clean();
    last.fiscal_year = Some(2024);
    last.department.name = Some(" 广州市示例区档案馆 ".into());
    let mut older = clean();
    older.fiscal_year = Some(2023);
    let mut other = clean();
    other.fiscal_year = Some(2024);
    other.department.name = Some("广州市示例区教育局".into());
    let year = folder(vec![
        ("a.json", last.clone()),
        ("b.json", older),
        ("c.json", other),
    ]);
    assert_eq!(year.previous_of(&now).file(), Some("a.json"));
    let mut blank_year = now.clone();
    blank_year.fiscal_year = None;
    assert!(
        matches!(year.previous_of(&blank_year), Previous::Several(f) if f == ["a.json", "b.json"]),
        "a blank year: the name alone decides"
    );
    let two = folder(vec![("a.json", last.clone()), ("a2.json", last)]);
    let why = two.previous_of(&now);
    assert_eq!(
        why,
        Previous::Several(vec!["a.json".into(), "a2.json".into()])
    );
    assert!(why.why_none(Lang::Zh).unwrap().contains("a2.json"));
    let mut nameless = now.clone();
    nameless.department.name = Some("  ".into());
    assert_eq!(year.previous_of(&nameless), Previous::Nameless);
    assert_eq!(folder(vec![]).previous_of(&now), Previous::None);
}
