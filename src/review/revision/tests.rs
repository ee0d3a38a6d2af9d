//! Return, then resubmit: what 修改情况 says of each point, what else
//! changed, and what the second notice says.

use super::*;
use crate::config::Config;
use crate::review::act::{self, Guard};
use crate::review::record::{Decision, Grade};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// 教育局 in a folder of its own, returned 中 by 王审核.
fn returned(config: &Config) -> (tempfile::TempDir, PathBuf) {
    let dir = crate::testing::sample_copies(&["yx-jyj.json"]);
    let file = dir.path().join("yx-jyj.json");
    return_it(&file, Grade::Fair, config);
    (dir, file)
}

/// 王审核 returns `file` (again), graded `grade`.
fn return_it(file: &Path, grade: Grade, config: &Config) {
    act::decide(
        file,
        Decision::Return,
        Some(grade),
        "王审核",
        None,
        Guard::Forced,
        config,
    )
    .unwrap();
}

/// The department's resubmission: `edit` applied to the file's JSON.
fn resubmit(file: &Path, edit: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
}

fn revision_now(file: &Path, config: &Config) -> Option<Revision> {
    let checked = crate::check::check_file(file, config).outcome.unwrap();
    let review = crate::review::review_of(file, config);
    of(&review, &checked)
}

use crate::testing::resubmission_of_jyj as the_usual_resubmission;

#[test]
fn each_point_sent_is_fixed_untouched_or_still_flagged() {
    let config = Config::default();
    let (_dir, file) = returned(&config);
    assert_eq!(revision_now(&file, &config), None, "not resubmitted yet");
    resubmit(&file, the_usual_resubmission);
    let rev = revision_now(&file, &config).expect("a resubmission");
    assert!(rev.kept);
    assert_eq!(rev.reviewer, "王审核");
    let statuses: Vec<(usize, Status)> = rev.points.iter().map(|p| (p.n, p.status)).collect();
    assert_eq!(
        statuses,
        [
            (1, Status::Untouched),
            (2, Status::Fixed),
            (3, Status::StillFlagged),
            (4, Status::Untouched)
        ]
    );
    assert!(
        rev.points[1].text.contains("劳动教育实践基地"),
        "{:?}",
        rev.points[1]
    );
    assert_eq!(rev.unanswered(), [1, 3, 4]);
    assert_eq!(
        rev.changes,
        [
            Change::Box {
                b: BudgetBox::Basic,
                before: Some("186520.40".parse().unwrap()),
                after: Some("186600.40".parse().unwrap()),
            },
            Change::Target {
                row: 13,
                name: "劳动教育实践基地".into(),
                before: "≥12个".into(),
                after: "≥3个".into()
            },
            Change::Target {
                row: 18,
                name: "学位建设工程验收合格率".into(),
                before: "≥98".into(),
                after: "≥99".into()
            },
            Change::RowAdded {
                row: 29,
                name: "家校共育活动参与率".into()
            },
        ]
    );
}

#[test]
fn a_row_removed_is_a_point_answered_and_a_change() {
    let config = Config::default();
    let (_dir, file) = returned(&config);
    // The repeated row goes: DUP-01's places changed, its flag is gone.
    resubmit(&file, |v| {
        v["indicators"].as_array_mut().unwrap().remove(12);
    });
    let rev = revision_now(&file, &config).unwrap();
    assert_eq!(rev.points[0].status, Status::Fixed);
    assert!(rev.changes.contains(&Change::RowRemoved {
        row: 12,
        name: "课后服务覆盖学校".into()
    }));
}

#[test]
fn the_second_notice_names_the_points_not_answered() {
    let config = Config::default();
    let (dir, file) = returned(&config);
    resubmit(&file, the_usual_resubmission);
    return_it(&file, Grade::Fair, &config);
    let rows = crate::review::export::gather(dir.path(), &config).unwrap();
    let issue =
        crate::review::notice::Issue::on(jiff::civil::Date::constant(2026, 12, 1), &config.notice);
    let all =
        crate::review::export::notices(&rows, &config.notice, &issue, false, crate::i18n::Lang::Zh);
    let opening = &all[0].1.opening;
    assert!(
        opening.contains("上次退回意见第1、4点未修改，第3点修改后问题仍在。具体意见如下："),
        "{opening}"
    );
    // The second round is kept too, and answers the first: a third
    // version is held against the second.
    let review = crate::review::review_of(&file, &config);
    assert_eq!(review.returned.len(), 2);
}

#[test]
fn a_journal_past_half_its_cap_keeps_the_points_alone() {
    // Room for the decision and the points, not for the version too.
    let config = Config {
        max_journal_bytes: 12_000,
        ..Config::default()
    };
    let (_dir, file) = returned(&config);
    let review = crate::review::review_of(&file, &config);
    assert_eq!(review.returned.len(), 1);
    assert!(review.returned[0].declaration.is_none());
    assert_eq!(review.returned[0].points.len(), 4);
    resubmit(&file, the_usual_resubmission);
    let rev = revision_now(&file, &config).unwrap();
    assert!(!rev.kept);
    assert!(rev.points.iter().all(|p| p.status == Status::Unplaced));
    assert!(rev.unanswered().is_empty(), "nothing claimed unanswered");
    // And the journal still reads: nothing written pushed it past its cap.
    let size = std::fs::metadata(crate::review::my_journal(&file))
        .unwrap()
        .len();
    assert!(size <= config.max_journal_bytes, "{size}");
}

#[test]
fn a_journal_at_its_cap_keeps_nothing_more_and_still_reads() {
    let mut config = Config::default();
    let (_dir, file) = returned(&Config::default());
    let size = std::fs::metadata(crate::review::my_journal(&file))
        .unwrap()
        .len();
    // The next decision fits; the points would not.
    config.max_journal_bytes = size + 400;
    return_it(&file, Grade::Poor, &config);
    let review = crate::review::review_of(&file, &config);
    assert!(
        review.journal_problem.is_none(),
        "{:?}",
        review.journal_problem
    );
    assert_eq!(
        review.returned.len(),
        1,
        "the first is still there, no second"
    );
}

#[test]
fn a_hand_written_version_beyond_the_formats_bounds_is_not_read() {
    // A colleague's (or a hand-edited) record whose version is no
    // declaration: the points are listed, none is judged.
    let config = Config::default();
    let (_dir, file) = returned(&config);
    let journal = crate::review::my_journal(&file);
    let mut text = std::fs::read_to_string(&journal).unwrap();
    // The version is kept as its text, a JSON string in the record.
    assert!(text.contains(r#"\"format_version\":1"#), "{text}");
    text = text.replace(r#"\"format_version\":1"#, r#"\"format_version\":7"#);
    std::fs::write(&journal, text).unwrap();
    resubmit(&file, the_usual_resubmission);
    let rev = revision_now(&file, &config).unwrap();
    assert!(!rev.kept);
}

#[test]
fn the_json_export_carries_the_comparison() {
    let config = Config::default();
    let (dir, file) = returned(&config);
    resubmit(&file, the_usual_resubmission);
    let rows = crate::review::export::gather(dir.path(), &config).unwrap();
    let json = crate::review::export::Table::Json
        .write(&rows, crate::i18n::Lang::Zh, &jiff::tz::TimeZone::UTC)
        .map(|b| String::from_utf8(b).unwrap())
        .unwrap();
    let v: Value = serde_json::from_str(&json).unwrap();
    let rev = &v["declarations"][0]["revision"];
    assert_eq!(rev["version_kept"], true);
    assert_eq!(rev["unanswered"], serde_json::json!([1, 3, 4]));
    assert_eq!(rev["points"][2]["status"], "still_flagged");
    assert_eq!(rev["changes"][0]["kind"], "budget_box");
    assert_eq!(rev["changes"][0]["location"], "budget.expenditure.basic");
    assert_eq!(rev["changes"][0]["after"], "186600.40");
    assert_eq!(rev["changes"][3]["location"], "indicators[29]");
}

#[test]
fn a_point_reworded_after_the_return_is_kept_as_it_will_be_sent() {
    let config = Config::default();
    let (_dir, file) = returned(&config);
    let review = crate::review::review_of(&file, &config);
    let key = review.returned[0].points[1].key.clone();
    act::reword(
        &file,
        &key,
        act::Rewording::Text("请核实劳动教育实践基地的年度目标。".into()),
        None,
        "王审核",
        None,
        &config,
    )
    .unwrap();
    let review = crate::review::review_of(&file, &config);
    assert_eq!(review.returned.len(), 2);
    assert_eq!(
        review.returned[1].points[1].text,
        "请核实劳动教育实践基地的年度目标。"
    );
    resubmit(&file, the_usual_resubmission);
    let rev = revision_now(&file, &config).unwrap();
    assert_eq!(rev.points[1].text, "请核实劳动教育实践基地的年度目标。");
    assert_eq!(rev.points[1].status, Status::Fixed);
}
