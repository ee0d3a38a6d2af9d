//! The real 湛江 pair as a year and its previous (catalogue v3, *Across
//! years*): read in place from `../shared/real/`, that folder named as
//! last year's, so 2024 finds 2023 and 2023 finds nothing (no 2022).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::real_dir;
use shenhe::check::{Entry, check_folder, compare_with_last_year};
use shenhe::config::Config;
use shenhe::i18n::Lang;
use shenhe::rules::{Previous, years::By};

fn checked_with_last_year() -> Option<Vec<Entry<shenhe::check::Verdict>>> {
    let dir = real_dir()?;
    let mut config = Config::default();
    compare_with_last_year(&mut config, &dir, Some(&dir)).unwrap();
    Some(check_folder(&dir, &config).unwrap())
}

fn yoy(v: &shenhe::check::Verdict) -> Vec<(String, String, String)> {
    v.flags
        .iter()
        .filter(|f| f.rule().id().starts_with("YOY"))
        .map(|f| {
            (
                f.rule().id().to_string(),
                f.location.to_string(),
                f.message(Lang::Zh),
            )
        })
        .collect()
}

#[test]
fn the_2024_form_gets_exactly_the_catalogues_yoy_flags() {
    let Some(entries) = checked_with_last_year() else {
        return;
    };
    let v2024 = entries[1].outcome.as_ref().unwrap();
    let mut got = yoy(v2024);
    got.sort();
    let want = [
        (
            "YOY-01",
            "indicators[0]",
            "指标值由上年的“≥200元每人每月”降为“≥190元每人每月”",
        ),
        (
            "YOY-01",
            "indicators[12]",
            "指标值由上年的“650”降为“350”（上年指标为“扶持创业企业（项目）数”）",
        ),
        (
            "YOY-01",
            "indicators[18]",
            "指标值由上年的“≧95%”降为“≧90%”（上年指标为“公共服务满意度”）",
        ),
        ("YOY-01", "indicators[7]", "指标值由上年的“100%”降为“≧95%”"),
        (
            "YOY-02",
            "indicators",
            "上年的指标“发放创业担保贷款金额”“创业担保贷款还款率”“资金支付规范性”“实际资金支出率”本年未再设置",
        ),
        (
            "YOY-03",
            "overall_goal",
            "总体绩效目标与上年的基本相同（去掉数字后，295 个字中仅有 3 处不同）",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    // YOY flags name their cells as any flag does.
    assert_eq!(
        v2024
            .cells
            .get(shenhe::model::Location::Indicator(12, None))
            .as_deref(),
        Some("Sheet1!D29")
    );
}

#[test]
fn the_2024_rows_match_last_years_by_name_then_by_a_common_run() {
    let Some(entries) = checked_with_last_year() else {
        return;
    };
    let Some(Previous::Found { file, rows }) = &entries[1].outcome.as_ref().unwrap().previous
    else {
        panic!("2024 has 2023 as its previous");
    };
    assert_eq!(file, "zhanjiang-rsj-2023.xlsx");
    let matched: Vec<(usize, usize, By)> = rows
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|(j, by)| (i, j, by)))
        .collect();
    assert_eq!(
        matched,
        [
            (0, 0, By::Name),     // 城乡居民基础养老金标准
            (1, 2, By::Name),     // 城镇新增就业人数（人） ← （万人）
            (2, 3, By::Name),     // 促进创业人数（人）
            (5, 5, By::Name),     // 补贴发放准确率
            (7, 6, By::Name),     // 资金在规定时间内下达率
            (9, 11, By::Common),  // 解决就业困难人员就业人数 ← 就业困难人员就业人数
            (10, 12, By::Name),   // 失业人员再就业人数（人）
            (11, 13, By::Name),   // 全市城乡居民养老保险覆盖面, now under 质量指标
            (12, 14, By::Common), // 扶持创业企业（项目）个数 ← …数
            (17, 19, By::Name),   // 群众满意度
            (18, 21, By::Common), // 就业服务满意度 ← 公共服务满意度
            (19, 20, By::Name),   // 享受创业担保贷款对象满意度
        ]
    );
    assert_eq!(rows.dropped, [1, 4, 7, 8]);
}

#[test]
fn the_2023_form_has_no_previous_and_no_yoy_flag() {
    let Some(entries) = checked_with_last_year() else {
        return;
    };
    let v2023 = entries[0].outcome.as_ref().unwrap();
    assert_eq!(v2023.previous, Some(Previous::None));
    assert!(yoy(v2023).is_empty());
    // Its other flags are those of a check without last year.
    let dir = real_dir().unwrap();
    let alone = check_folder(&dir, &Config::default()).unwrap();
    assert_eq!(alone[0].outcome.as_ref().unwrap().flags, v2023.flags);
    assert_eq!(alone[0].outcome.as_ref().unwrap().previous, None);
}
