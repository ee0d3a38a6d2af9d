//! The panes as lines: what each shows, and what the cursor shows more.

use super::*;
use crate::check::check_file;
use crate::config::Config;

fn seed() -> Checked {
    check_file(&crate::testing::seed(), &Config::default())
        .outcome
        .expect("the seed loads")
}

#[test]
fn a_task_line_gives_its_content_and_outcome_in_full() {
    let c = seed();
    let lines = lines(Lang::Zh, &c, Pane::Tasks);
    let first = lines
        .iter()
        .find(|l| l.location == Some(Location::KeyTask(0, None)))
        .unwrap();
    assert_eq!(first.cells[1], "建设更高水平的法治天河", "the row names it");
    let d = detail(Lang::Zh, &c, first, false);
    assert_eq!(d[0].0, "主要实施内容");
    assert!(d[0].1.starts_with("推动天河区落实广州市法治建设") && d[0].1.ends_with("专栏。"));
    assert!(d[1].1.ends_with("法治化营商环境进一步优化。"));
    assert_eq!(d.len(), 2);
}

#[test]
fn an_indicator_line_names_its_levels_whole_and_the_detail_adds_only_its_flags() {
    let c = seed();
    let lines = lines(Lang::Zh, &c, Pane::Indicators);
    let row = lines
        .iter()
        .find(|l| l.location == Some(Location::Indicator(23, None)))
        .unwrap();
    assert_eq!(row.cells[1], "", "the tree shows 效益指标 where it starts");
    let whole = row.whole.as_ref().expect("the row in full");
    assert_eq!(
        whole[1..4],
        ["效益指标", "社会效益指标", "法律援助受益人数"]
    );
    assert_eq!(whole[5], "法律援助案件全年受援人数");
    let d = detail(Lang::Zh, &c, row, false);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "警告 QUANT-04");
    assert!(d[0].1.contains("只是复述了指标名称"));
    let explained = detail(Lang::Zh, &c, row, true);
    assert_eq!(explained[1].1, "QUANT-04 指标值只是复述指标名称（警告）");
    assert_eq!(explained.len(), 3);
}

#[test]
fn a_flag_line_is_not_repeated_below_itself() {
    let c = seed();
    let lines = lines(Lang::Zh, &c, Pane::Problems);
    let d = detail(Lang::Zh, &c, &lines[0], false);
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_blank_overall_goal_says_so_under_its_heading() {
    let mut c = seed();
    c.declaration.overall_goal = Some("  ".into());
    let lines = lines(Lang::Zh, &c, Pane::Overview);
    let goal = lines
        .iter()
        .find(|l| l.location == Some(Location::OverallGoal))
        .unwrap();
    assert_eq!(goal.cells, ["（未填写）"]);
}

#[test]
fn the_budget_pane_shows_the_gap_of_the_seed() {
    let c = seed();
    let lines = lines(Lang::En, &c, Pane::Budget);
    let tasks = lines
        .iter()
        .find(|l| l.location == Some(Location::KeyTasks))
        .unwrap();
    assert_eq!(tasks.cells[3], "-1.10");
    assert_eq!(tasks.cells[4], "99.9%", "of 项目支出 + 事业发展性支出");
    assert_eq!(tasks.cells[0], "key-task funds ≤ project + development");
}

#[test]
fn a_check_that_lacked_a_box_says_so_and_never_passes() {
    // The real forms' shape: 事业发展性支出 and 按预算级次划分 left blank.
    let mut c = seed();
    let b = &mut c.declaration.budget;
    b.development.special_fund = None;
    b.development.other = None;
    b.by_level.own_use = None;
    b.by_level.transfer_to_lower = None;
    b.by_level.own_use_label = Some("市本级使用资金".into());
    c.flags = crate::rules::check(&c.declaration, &Default::default());
    let lines = lines(Lang::Zh, &c, Pane::Budget);
    let row = |label: &str| {
        let i = lines
            .iter()
            .position(|l| l.cells.first().is_some_and(|c| c == label))
            .unwrap_or_else(|| panic!("{label}"));
        (&lines[i], lines.get(i + 1))
    };
    let (by_level, under) = row("按预算级次合计 = 支出合计");
    assert_eq!(
        by_level.check,
        Some(CheckMark::NotRun("未核对".into())),
        "never a check mark"
    );
    assert_eq!(by_level.cells[1], "—");
    assert_eq!(
        under.unwrap().cells[0],
        "未核对，缺少：按预算级次划分·市本级使用资金"
    );
    // The sums read the blank development boxes as 0 and say so once.
    let (spending, _) = row("支出合计");
    let e = &c.declaration.budget.expenditure;
    let basic_and_project = e.basic.unwrap() + e.project.unwrap();
    assert_eq!(spending.cells[1], format_wan(basic_and_project));
    let said: Vec<&Line> = lines
        .iter()
        .filter(|l| l.cells[0].contains("按0计"))
        .collect();
    assert_eq!(said.len(), 1);
    assert_eq!(
        said[0].cells[0],
        "事业发展性支出·财政专项资金、事业发展性支出·其他事业发展性支出未填写，按0计"
    );
    let (income, _) = row("收入来源合计 = 支出合计");
    assert_eq!(income.check, Some(CheckMark::Passed));
    let (tasks, _) = row("重点任务资金 ≤ 项目支出 + 事业发展性支出");
    assert_eq!(tasks.check, Some(CheckMark::Passed));
    // Every check runs on the seed as it is.
    let seed_lines = super::lines(Lang::Zh, &seed(), Pane::Budget);
    assert!(
        seed_lines
            .iter()
            .filter_map(|l| l.check.as_ref())
            .all(|m| *m == CheckMark::Passed)
    );
    assert!(seed_lines.iter().all(|l| !l.cells[0].contains("按0计")));
}

/// The renderer aligns by what a cell is, not by how its text looks: a
/// task named with digits is still words, a target of `100` still a target.
#[test]
fn cells_say_what_they_hold() {
    let mut c = seed();
    c.declaration.key_tasks[0].name = Some("2024".into());
    let tasks = lines(Lang::Zh, &c, Pane::Tasks);
    let first = tasks
        .iter()
        .find(|l| l.location == Some(Location::KeyTask(0, None)))
        .unwrap();
    let kinds: Vec<CellKind> = first.cells.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CellKind::Number,
            CellKind::Text,
            CellKind::Amount,
            CellKind::Share
        ]
    );
    assert!(
        !first.cells[1].right_aligned(),
        "a name of digits is a name"
    );
    let budget = lines(Lang::Zh, &c, Pane::Budget);
    assert!(
        budget
            .iter()
            .filter(|l| matches!(l.location, Some(Location::BudgetBox(_))))
            .all(|l| l.cells[1].kind == CellKind::Amount),
        "every box's amount, blank or not"
    );
    c.declaration.indicators[0].annual_target = Some("100".into());
    let rows = lines(Lang::Zh, &c, Pane::Indicators);
    assert!(
        rows.iter()
            .flat_map(|l| &l.cells)
            .all(|c| c.kind == CellKind::Text),
        "targets are words, whatever they say"
    );
}
