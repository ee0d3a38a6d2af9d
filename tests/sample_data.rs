//! The bundled batch gives exactly the flags it was designed to give.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use shenhe::check::load_folder;
use shenhe::config::Config;
use shenhe::rules::{CATALOGUE, Severity};
use std::collections::BTreeSet;

type Expected = &'static [(&'static str, Severity, &'static str)];

use Severity::{Error as E, Info as I, Warning as W};

/// What each file was written to show (see the design notes in README.md).
const EXPECTED: &[(&str, Expected)] = &[
    // The seed: exactly the nine flags of the catalogue's last table.
    (
        "tianhe-sfj.json",
        &[
            ("INFO-01", W, "department.staff_count"),
            ("INFO-04", I, "fiscal_year"),
            ("HIER-04", I, "indicators"),
            ("CLASS-01", I, "indicators[19]"),
            ("QUANT-01", W, "indicators[20]"),
            ("QUANT-01", W, "indicators[22]"),
            ("QUANT-04", W, "indicators[23]"),
            ("SAT-03", I, "indicators[27]"),
            ("REL-01", I, "overall_goal"),
        ],
    ),
    // The 市级 single-column workbook: its empty 成本指标 and 生态效益指标
    // lines are template rows, so it has no cost indicator either.
    (
        "ysh-tyj.xlsx",
        &[
            ("COMP-05", I, "indicators[4]"),
            ("COMP-05", I, "indicators[6]"),
            ("HIER-04", I, "indicators"),
        ],
    ),
    ("yx-daj.json", &[]),
    ("yx-jd-0614.json", &[("INFO-03", E, "department.name")]),
    (
        "yx-jtj.json",
        &[
            ("FUND-05", W, "key_tasks"),
            ("HIER-01", E, "indicators[4]"),
            ("HIER-03", W, "indicators"),
        ],
    ),
    (
        "yx-jyj.json",
        &[
            ("COUNT-01", I, "indicators"),
            ("DUP-01", W, "indicators[12]"),
            ("PERIOD-01", W, "indicators[13]"),
            ("QUANT-05", W, "indicators[18]"),
            ("CLASS-01", I, "indicators[19]"),
            // 生均公用经费标准 小学≥1150元: a cost row written as a floor.
            ("COST-01", W, "indicators[21]"),
        ],
    ),
    (
        "yx-mzj.json",
        &[
            ("FUND-04", E, "key_tasks"),
            ("FUND-07", I, "key_tasks[3].funds"),
            // 文广旅体局 copied its goal (XDUP-02, on both).
            ("XDUP-02", I, "overall_goal"),
            ("QUANT-02", W, "indicators[5]"),
            ("QUANT-03", E, "indicators[6]"),
        ],
    ),
    // The 区级 two-column workbook: 逐年提高 under 可持续影响指标.
    ("yx-nyj.xlsx", &[("QUANT-02", W, "indicators[6]")]),
    (
        "yx-rsj.json",
        &[
            ("COMP-01", E, "overall_goal"),
            ("COMP-02", E, "key_tasks[0].content"),
            // Catalogue v3: an optional box, read as 0.
            ("COMP-04", I, "budget.development.other"),
            ("INFO-02", W, "department.subordinate_units"),
        ],
    ),
    ("yx-scjgj-v2.json", &[("XDUP-01", W, "department.name")]),
    ("yx-scjgj.json", &[("XDUP-01", W, "department.name")]),
    ("yx-sjj.json", &[]),
    (
        "yx-sthj.json",
        &[
            ("FUND-03", E, "budget.development.other"),
            ("COMP-03", E, "indicators[5]"),
            ("COMP-03", W, "indicators[2]"),
        ],
    ),
    ("yx-tjj.json", &[]),
    (
        "yx-whj.json",
        &[
            ("FUND-06", I, "key_tasks"),
            ("HIER-02", E, "indicators"),
            ("HIER-04", I, "indicators"),
            // Its goal is 民政局's with the numbers changed.
            ("XDUP-02", I, "overall_goal"),
        ],
    ),
    (
        "yx-wjj.json",
        &[
            ("FUND-01", E, "budget"),
            ("FUND-02", E, "budget"),
            ("COST-01", W, "indicators[4]"),
            ("SAT-02", W, "indicators[8]"),
            ("SAT-02", I, "indicators[9]"),
        ],
    ),
    (
        "yx-zjj.json",
        &[
            ("SAFE-01", W, "key_tasks[0].content"),
            ("SAFE-01", W, "indicators[1].name"),
            ("SAFE-01", W, "indicators[6].annual_target"),
        ],
    ),
];

fn sample() -> Vec<shenhe::check::Entry> {
    let dir = common::sample_dir();
    load_folder(&dir, &Config::default()).expect("sample-data is readable")
}

#[test]
fn every_file_gives_exactly_its_designed_flags() {
    let entries = sample();
    for (file, expected) in EXPECTED {
        let entry = entries
            .iter()
            .find(|e| e.file == *file)
            .unwrap_or_else(|| panic!("{file} missing"));
        let checked = entry
            .outcome
            .as_ref()
            .unwrap_or_else(|e| panic!("{file} did not load: {e:?}"));
        let got: BTreeSet<(String, Severity, String)> = checked
            .flags
            .iter()
            .map(|f| {
                (
                    f.rule().id().to_string(),
                    f.severity,
                    f.location.to_string(),
                )
            })
            .collect();
        let want: BTreeSet<(String, Severity, String)> = expected
            .iter()
            .map(|(r, s, l)| (r.to_string(), *s, l.to_string()))
            .collect();
        assert_eq!(got, want, "{file}");
        assert_eq!(checked.flags.len(), expected.len(), "{file}: no flag twice");
    }
}

#[test]
fn the_batch_is_a_believable_district() {
    let entries = sample();
    assert!(entries.len() >= 14);
    let loaded: Vec<_> = entries
        .iter()
        .filter_map(|e| e.outcome.as_ref().ok())
        .collect();
    let clean = loaded.iter().filter(|c| c.flags.is_empty()).count();
    assert!(
        clean >= 3,
        "at least three declarations pass clean, got {clean}"
    );
    let staff: Vec<u32> = loaded
        .iter()
        .filter_map(|c| c.declaration.department.staff_count)
        .collect();
    assert!(
        staff.iter().any(|&n| n <= 12) && staff.iter().any(|&n| n >= 2000),
        "{staff:?}"
    );
}

#[test]
fn two_files_fail_to_load_and_say_where() {
    let entries = sample();
    let failed: Vec<_> = entries.iter().filter(|e| e.outcome.is_err()).collect();
    assert_eq!(failed.len(), 2);
    assert_eq!(failed[0].file, "yx-gxj.json");
    let err = failed[0].outcome.as_ref().unwrap_err();
    assert_eq!(err.field.as_deref(), Some("budget.income.other"));
    assert_eq!(
        err.problem,
        shenhe::load::LoadErrorKind::BadAmount("1,234.00".into())
    );
    // The workbook names its sheet and cell too.
    assert_eq!(failed[1].file, "yx-lyj.xlsx");
    let err = failed[1].outcome.as_ref().unwrap_err();
    assert_eq!(err.field.as_deref(), Some("budget.expenditure.project"));
    assert_eq!(err.cell.as_deref(), Some("Sheet1!C6"));
    assert_eq!(
        err.problem,
        shenhe::load::LoadErrorKind::BadAmount("约120万元".into())
    );
}

/// The batch with its last year (`sample-data/2024`) named.
fn sample_with_last_year() -> Vec<shenhe::check::Entry> {
    let dir = common::sample_dir();
    let mut config = Config::default();
    shenhe::check::compare_with_last_year(&mut config, &dir, Some(&dir.join("2024")))
        .expect("sample-data/2024 is readable");
    load_folder(&dir, &config).expect("sample-data is readable")
}

#[test]
fn against_last_year_the_batch_gives_exactly_the_yoy_flags_designed() {
    use shenhe::rules::Previous;
    let alone = sample();
    let entries = sample_with_last_year();
    let yoy = |file: &str| -> Vec<(String, Severity, String)> {
        let c = entries.iter().find(|e| e.file == file).unwrap();
        c.outcome
            .as_ref()
            .unwrap()
            .flags
            .iter()
            .filter(|f| f.rule().id().starts_with("YOY"))
            .map(|f| {
                (
                    f.rule().id().to_string(),
                    f.severity,
                    f.location.to_string(),
                )
            })
            .collect()
    };
    let want = |v: &[(&str, Severity, &str)]| -> Vec<(String, Severity, String)> {
        v.iter()
            .map(|(r, s, l)| (r.to_string(), *s, l.to_string()))
            .collect()
    };
    // 教育局: three floors lowered (one on a row renamed 教师培训人数 →
    // 教师培训人次), a ceiling raised, two rows dropped, the goal kept.
    assert_eq!(
        yoy("yx-jyj.json"),
        want(&[
            ("YOY-01", W, "indicators[0]"),
            ("YOY-01", W, "indicators[2]"),
            ("YOY-01", W, "indicators[22]"),
            ("YOY-01", W, "indicators[27]"),
            ("YOY-03", I, "overall_goal"),
            ("YOY-02", I, "indicators"),
        ])
    );
    // 档案馆: found, every target as high or higher: nothing.
    assert_eq!(yoy("yx-daj.json"), []);
    let previous = |file: &str| {
        let c = entries.iter().find(|e| e.file == file).unwrap();
        c.outcome.as_ref().unwrap().previous.clone()
    };
    assert_eq!(
        previous("yx-daj.json").as_ref().and_then(|p| p.file()),
        Some("yx-daj-2024.json")
    );
    assert!(matches!(previous("yx-tjj.json"), Some(Previous::Several(f)) if f.len() == 2));
    assert_eq!(previous("yx-wjj.json"), Some(Previous::None));
    assert_eq!(previous("yx-jd-0614.json"), Some(Previous::Nameless));
    // Every other flag is what the batch gives without last year.
    for (a, b) in alone.iter().zip(&entries) {
        let (Ok(a), Ok(b)) = (&a.outcome, &b.outcome) else {
            continue;
        };
        let others: Vec<_> = b
            .flags
            .iter()
            .filter(|f| !f.rule().id().starts_with("YOY"))
            .cloned()
            .collect();
        assert_eq!(
            a.flags,
            others,
            "{}",
            a.declaration.department.name.as_deref().unwrap_or("")
        );
    }
}

#[test]
fn every_rule_of_the_catalogue_fires_somewhere() {
    let entries = sample_with_last_year();
    let fired: BTreeSet<&str> = entries
        .iter()
        .filter_map(|e| e.outcome.as_ref().ok())
        .flat_map(|c| c.flags.iter().map(|f| f.rule().id()))
        .collect();
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .map(|r| r.id)
        .filter(|id| !fired.contains(id))
        .collect();
    assert!(missing.is_empty(), "never fired: {missing:?}");
}

#[test]
fn every_file_in_the_folder_is_covered_by_this_test() {
    let entries = sample();
    for e in entries.iter().filter(|e| e.outcome.is_ok()) {
        assert!(
            EXPECTED.iter().any(|(f, _)| *f == e.file),
            "{} has no expected flags here",
            e.file
        );
    }
}
