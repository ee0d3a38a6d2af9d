//! The two real declarations in the province's Excel template (湛江市人力资源
//! 和社会保障局, 2023 and 2024), read in place from `../shared/real/`.
//!
//! CI always has that folder (`.ci/run` checks it); elsewhere these tests
//! say that they skipped and why.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::real_file as real;
use shenhe::check::{Checked, check_file};
use shenhe::config::Config;
use shenhe::model::{BudgetBox, Location, TargetColumns};
use shenhe::rules::{BudgetCheck, Severity, Totals};

fn load(name: &str) -> Option<Checked> {
    let path = real(name)?;
    match check_file(&path, &Config::default()).outcome {
        Ok(c) => Some(c),
        Err(e) => panic!("{name} does not load: {e:?}"),
    }
}

/// Both real forms copied into a folder of their own, named `name_2023`
/// and `name_2024`; `None` (skipped) where ../shared/real is absent.
fn both_in_a_folder(name_2023: &str, name_2024: &str) -> Option<tempfile::TempDir> {
    let (a, b) = (
        real("zhanjiang-rsj-2023.xlsx")?,
        real("zhanjiang-rsj-2024.xlsx")?,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(a, dir.path().join(name_2023)).unwrap();
    std::fs::copy(b, dir.path().join(name_2024)).unwrap();
    Some(dir)
}

fn amount(c: &Checked, b: BudgetBox) -> Option<String> {
    b.get(&c.declaration.budget).map(|d| d.to_string())
}

/// Each key task's funds, as exact decimals.
fn task_funds(d: &shenhe::model::Declaration) -> Vec<String> {
    d.key_tasks
        .iter()
        .map(|t| t.funds.map(|f| f.to_string()).unwrap_or_default())
        .collect()
}

/// How many rows stand under 产出指标, 效益指标 and 满意度指标.
fn rows_per_level1(d: &shenhe::model::Declaration) -> [usize; 3] {
    ["产出指标", "效益指标", "满意度指标"].map(|name| {
        d.indicators
            .iter()
            .filter(|r| r.level1.as_deref() == Some(name))
            .count()
    })
}

/// `(rule, location)` of every flag, sorted.
fn flags(c: &Checked) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = c
        .flags
        .iter()
        .map(|f| {
            (
                f.rule().id().to_string(),
                f.location.to_string(),
                f.severity.as_str().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn expect(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = list
        .iter()
        .map(|(r, l, s)| (r.to_string(), l.to_string(), s.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn the_2023_form_reads_box_by_box() {
    let Some(c) = load("zhanjiang-rsj-2023.xlsx") else {
        return;
    };
    let d = &c.declaration;
    assert_eq!(d.fiscal_year, Some(2023));
    assert_eq!(d.region.as_deref(), Some("湛江市"));
    assert_eq!(
        d.department.name.as_deref(),
        Some("湛江市人力资源和社会保障局")
    );
    assert_eq!(d.department.staff_count, Some(750));
    assert_eq!(d.department.subordinate_units, Some(10));
    assert_eq!(amount(&c, BudgetBox::Basic).as_deref(), Some("10596.35"));
    assert_eq!(amount(&c, BudgetBox::Project).as_deref(), Some("72204.57"));
    // =SUM(C5:C6), cached as 82800.920000000013.
    assert_eq!(
        amount(&c, BudgetBox::FiscalAppropriation).as_deref(),
        Some("82800.92")
    );
    assert_eq!(amount(&c, BudgetBox::OtherIncome).as_deref(), Some("0"));
    for blank in [
        BudgetBox::SpecialFund,
        BudgetBox::OtherDevelopment,
        BudgetBox::OwnUse,
        BudgetBox::TransferToLower,
    ] {
        assert_eq!(amount(&c, blank), None, "{blank:?}");
    }
    assert_eq!(
        d.budget.by_level.own_use_label.as_deref(),
        Some("市本级使用资金")
    );
    assert_eq!(task_funds(d), ["20140", "790", "500"]);
    assert_eq!(d.other_tasks, None);
    assert_eq!(d.target_columns, TargetColumns::One);
    assert_eq!(d.indicators.len(), 22);
    let levels = |i: usize| {
        let r = &d.indicators[i];
        (r.level1.as_deref(), r.level2.as_deref())
    };
    // B18:B28 (产出指标) and C27:C28 (成本指标) are merged: their labels hold
    // for every row they span, the empty template lines included.
    assert_eq!(levels(0), (Some("产出指标"), Some("数量指标")));
    assert_eq!(levels(3), (Some("产出指标"), Some("数量指标")));
    assert_eq!(levels(10), (Some("产出指标"), Some("成本指标")));
    assert_eq!(levels(11), (Some("效益指标"), Some("经济效益指标")));
    assert_eq!(levels(21), (Some("满意度指标"), Some("服务对象满意度指标")));
    assert_eq!(rows_per_level1(d), [11, 8, 3]);
    // E24 holds 1 with the format 0%: Excel shows 100%.
    assert_eq!(d.indicators[6].annual_target.as_deref(), Some("100%"));
    assert_eq!(d.indicators[14].annual_target.as_deref(), Some("650"));
    assert_eq!(d.indicators[0].period_target, None);
    assert!(d.indicators[9].is_template_row());
    // Places point at cells.
    assert_eq!(
        d.cells.get(Location::Indicator(6, None)).as_deref(),
        Some("Sheet1!D24")
    );
    assert_eq!(
        d.cells
            .get(Location::BudgetBox(BudgetBox::OwnUse))
            .as_deref(),
        Some("Sheet1!E8")
    );
}

#[test]
fn the_2023_form_gets_the_catalogues_flags() {
    let Some(c) = load("zhanjiang-rsj-2023.xlsx") else {
        return;
    };
    let want = expect(&[
        // 事业发展性支出 and 按预算级次划分 are empty boxes. Catalogue v3: the
        // three optional ones read as 0 (info); a blank 市本级使用资金 leaves
        // the budget unassigned to a level (warning), so FUND-02 does not run.
        ("COMP-04", "budget.development.special_fund", "info"),
        ("COMP-04", "budget.development.other", "info"),
        ("COMP-04", "budget.by_level.own_use", "warning"),
        ("COMP-04", "budget.by_level.transfer_to_lower", "info"),
        // With the blank development boxes read as 0, the key tasks
        // (21,430.00) are 29.7% of 项目支出 + 事业发展性支出 (72,204.57).
        ("FUND-06", "key_tasks", "info"),
        // 根据下达任务目标要求确定 (rows 20, 21, 29, 30), 合规 (25) and
        // 不低于上年度水平 (31): no number, no grade, no vague word, and no
        // restating of the name.
        ("QUANT-01", "indicators[2]", "warning"),
        ("QUANT-01", "indicators[3]", "warning"),
        ("QUANT-01", "indicators[7]", "warning"),
        ("QUANT-01", "indicators[11]", "warning"),
        ("QUANT-01", "indicators[12]", "warning"),
        ("QUANT-01", "indicators[13]", "warning"),
        // 群众满意度 ≥75%: below 85.
        ("SAT-02", "indicators[19]", "warning"),
        // The template's empty lines: 成本指标 (rows 27–28), 生态效益指标
        // (33–34), 可持续影响指标 (35–36), each line its own template row.
        ("COMP-05", "indicators[9]", "info"),
        ("COMP-05", "indicators[10]", "info"),
        ("COMP-05", "indicators[15]", "info"),
        ("COMP-05", "indicators[16]", "info"),
        ("COMP-05", "indicators[17]", "info"),
        ("COMP-05", "indicators[18]", "info"),
        // Its only cost lines are template rows, which count for no level
        // (and COST-01 sees no template row).
        ("HIER-04", "indicators", "info"),
        // 时效指标 rows 资金支付规范性 / 合规 and 实际资金支出率 / ≧95%:
        // no word of time in name or target.
        ("CLASS-01", "indicators[7]", "info"),
        ("CLASS-01", "indicators[8]", "info"),
    ]);
    assert_eq!(flags(&c), want);
    // No error is left: the form can pass once its warnings are judged.
    assert!(c.flags.iter().all(|f| f.severity != Severity::Error));
}

/// The budget checks of a real form: FUND-02 lacks 市本级使用资金, the
/// others ran on the boxes given (blank optional boxes read as 0).
fn assert_budget_checks(c: &Checked) {
    let checks: Vec<(&str, bool, Vec<String>)> = BudgetCheck::all(&c.declaration)
        .iter()
        .map(|k| {
            let missing = k.missing.iter().map(|l| l.to_string()).collect();
            (k.rule.id(), k.ran(), missing)
        })
        .collect();
    let ran = |id| (id, true, Vec::<String>::new());
    assert_eq!(
        checks,
        [
            ran("FUND-01"),
            (
                "FUND-02",
                false,
                vec!["budget.by_level.own_use".to_string()]
            ),
            ran("FUND-04"),
            ran("FUND-05"),
            ran("FUND-06"),
        ]
    );
}

#[test]
fn the_real_forms_budget_checks_run_where_their_boxes_allow() {
    for (name, total) in [
        ("zhanjiang-rsj-2023.xlsx", "82800.92"),
        ("zhanjiang-rsj-2024.xlsx", "72807.384975"),
    ] {
        let Some(c) = load(name) else {
            return;
        };
        assert_budget_checks(&c);
        let t = Totals::of(&c.declaration);
        assert_eq!(t.spending.map(|d| d.to_string()).as_deref(), Some(total));
        assert_eq!(
            t.read_as_zero,
            [
                BudgetBox::SpecialFund,
                BudgetBox::OtherDevelopment,
                BudgetBox::TransferToLower
            ]
        );
        assert_eq!(t.by_level, None, "{name}: own use is blank");
    }
}

#[test]
fn the_2024_form_reads_box_by_box() {
    let Some(c) = load("zhanjiang-rsj-2024.xlsx") else {
        return;
    };
    let d = &c.declaration;
    assert_eq!(d.fiscal_year, Some(2024));
    assert_eq!(d.department.staff_count, Some(737));
    assert_eq!(d.department.subordinate_units, Some(10));
    assert_eq!(
        amount(&c, BudgetBox::Basic).as_deref(),
        Some("10891.615675")
    );
    assert_eq!(
        amount(&c, BudgetBox::Project).as_deref(),
        Some("61915.7693")
    );
    // =C5+C6, its cached result: the budget balances on the stored values.
    assert_eq!(
        amount(&c, BudgetBox::FiscalAppropriation).as_deref(),
        Some("72807.384975")
    );
    assert_eq!(amount(&c, BudgetBox::OtherIncome).as_deref(), Some("0"));
    // 拟用于对下\n转移支付资金: the label wraps inside its cell.
    assert_eq!(amount(&c, BudgetBox::TransferToLower), None);
    assert_eq!(
        d.cells
            .get(Location::BudgetBox(BudgetBox::TransferToLower))
            .as_deref(),
        Some("Sheet1!E9")
    );
    assert_eq!(task_funds(d), ["18862", "587.81", "1140"]);
    assert_eq!(d.other_tasks, None);
    assert_eq!(d.indicators.len(), 21);
    assert_eq!(rows_per_level1(d), [9, 8, 4]);
    assert_eq!(d.indicators[5].annual_target.as_deref(), Some("100%"));
    assert_eq!(d.indicators[1].annual_target.as_deref(), Some("50000"));
    assert_eq!(d.indicators[11].level2.as_deref(), Some("质量指标"));
    assert_eq!(d.indicators[20].level2.as_deref(), Some("服务对象"));
}

#[test]
fn the_2024_form_gets_the_catalogues_flags() {
    let Some(c) = load("zhanjiang-rsj-2024.xlsx") else {
        return;
    };
    let want = expect(&[
        // As in 2023: three optional boxes read as 0, own use blank.
        ("COMP-04", "budget.development.special_fund", "info"),
        ("COMP-04", "budget.development.other", "info"),
        ("COMP-04", "budget.by_level.own_use", "warning"),
        ("COMP-04", "budget.by_level.transfer_to_lower", "info"),
        // Key tasks 20,589.81 of 61,915.7693: 33.3%.
        ("FUND-06", "key_tasks", "info"),
        // 效益指标 / 质量指标 (C28:C31): 质量 is not a kind of 效益.
        ("HIER-01", "indicators[11]", "error"),
        ("HIER-01", "indicators[12]", "error"),
        ("HIER-01", "indicators[13]", "error"),
        ("HIER-01", "indicators[14]", "error"),
        // 满意度指标 / 服务对象 (C34:C37): not 服务对象满意度指标.
        ("HIER-01", "indicators[17]", "error"),
        ("HIER-01", "indicators[18]", "error"),
        ("HIER-01", "indicators[19]", "error"),
        ("HIER-01", "indicators[20]", "error"),
        // 不低于上年度水平, 湛江市基层, 保持稳定: not quantified, not graded.
        ("QUANT-01", "indicators[11]", "warning"),
        ("QUANT-01", "indicators[14]", "warning"),
        ("QUANT-01", "indicators[16]", "warning"),
        // 群众满意度 ≥75%, still under 满意度指标 by its first level.
        ("SAT-02", "indicators[17]", "warning"),
        // Empty 成本指标 (row 25) and 生态效益指标 (row 32) lines.
        ("COMP-05", "indicators[8]", "info"),
        ("COMP-05", "indicators[15]", "info"),
        ("HIER-04", "indicators", "info"),
    ]);
    assert_eq!(flags(&c), want);
}

#[test]
fn the_two_real_forms_in_one_folder_are_one_department_so_no_copied_goal() {
    // 2024's goal is 2023's with the year changed, but it is the same
    // department: XDUP-02 is for another department's goal (YOY-03, across
    // years, is for this).
    let Some(dir) = both_in_a_folder("a.xlsx", "b.xlsx") else {
        return;
    };
    let entries = shenhe::check::load_folder(dir.path(), &Config::default()).unwrap();
    for e in &entries {
        let c = e.outcome.as_ref().unwrap();
        assert!(
            c.flags
                .iter()
                .all(|f| !matches!(f.rule().id(), "XDUP-01" | "XDUP-02")),
            "{}",
            e.file
        );
    }
}

#[test]
fn the_lists_total_and_every_amount_a_person_reads_has_two_decimals() {
    let Some(dir) = both_in_a_folder("2023.xlsx", "2024.xlsx") else {
        return;
    };
    let (a, b) = (dir.path().join("2023.xlsx"), dir.path().join("2024.xlsx"));
    use shenhe::amount::format_wan;
    use shenhe::desk::Item;
    use shenhe::desk::panes::{Pane, lines};
    use shenhe::i18n::Lang;
    let config = Config::default();
    // The list's 预算总额: filled although the optional boxes are blank.
    let total = |p: &std::path::Path| Item::from(check_file(p, &config)).total.map(format_wan);
    assert_eq!(total(&a).as_deref(), Some("82,800.92"));
    assert_eq!(total(&b).as_deref(), Some("72,807.38"));
    // The budget pane shows the stored 10891.615675 as the form does.
    let c = load("zhanjiang-rsj-2024.xlsx").unwrap();
    let pane: Vec<String> = lines(Lang::Zh, &c, Pane::Budget)
        .iter()
        .map(|l| l.cells.join(" | "))
        .collect();
    let basic = pane
        .iter()
        .find(|l| l.starts_with("部门预算支出·基本支出"))
        .unwrap();
    assert_eq!(basic, "部门预算支出·基本支出 | 10,891.62");
    assert!(
        pane.iter()
            .all(|l| !l.contains("615675") && !l.contains("7693")),
        "{pane:?}"
    );
    // And the flags' words (check's text, the notice) say 61,915.77.
    let fund06 = c.flags.iter().find(|f| f.rule().id() == "FUND-06").unwrap();
    assert_eq!(
        fund06.message(Lang::Zh),
        "重点任务资金合计 20,589.81 万元只占项目支出与事业发展性支出之和 61,915.77 万元的 33.3%，低于 90%"
    );
    // The json export keeps the exact amounts.
    let rows = shenhe::review::export::gather(dir.path(), &config).unwrap();
    let json = shenhe::review::export::Table::Json
        .write(&rows, Lang::Zh, &jiff::tz::TimeZone::UTC)
        .map(|b| String::from_utf8(b).unwrap())
        .unwrap();
    assert!(json.contains("\"total\": \"72807.384975\""), "{json}");
    assert!(json.contains("\"total\": \"82800.92\""), "{json}");
}
