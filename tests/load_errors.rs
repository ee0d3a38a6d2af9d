//! Every way a file can fail to load becomes one clear error for that file,
//! naming the field and what was expected; the rest of the folder loads.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

use shenhe::check::load_folder;
use shenhe::config::Config;
use shenhe::i18n::Lang;
use shenhe::load::{Expected, LoadError, LoadErrorKind, parse, read};
use std::fs;

const GOOD: &str = r#"{"format_version": 1, "department": {"name": "广州市示例区档案馆"},
  "budget": {"expenditure": {"basic": "1.00", "project": "2.00"}}}"#;

fn err(json: &str) -> LoadError {
    match parse(json.as_bytes()) {
        Ok(_) => panic!("should not load: {json}"),
        Err(e) => e,
    }
}

fn with(field_json: &str) -> String {
    format!(r#"{{"format_version": 1, {field_json}}}"#)
}

#[test]
fn not_json_says_where() {
    let e = err("{\n  \"format_version\": 1,\n  \"region\": \"x\"\n  \"oops\": 1\n}");
    assert!(matches!(e.problem, LoadErrorKind::Syntax(_)), "{e:?}");
    assert_eq!(e.position, Some((4, 3)));
    let e = err("");
    assert!(matches!(e.problem, LoadErrorKind::Syntax(_)));
}

#[test]
fn wrong_types_name_the_path_and_the_expectation() {
    let cases = [
        (
            with(r#""department": {"staff_count": "18"}"#),
            "department.staff_count",
            Expected::CountOrNull,
        ),
        (
            with(r#""department": {"staff_count": -1}"#),
            "department.staff_count",
            Expected::CountOrNull,
        ),
        (
            with(r#""department": {"subordinate_units": 1.5}"#),
            "department.subordinate_units",
            Expected::CountOrNull,
        ),
        (
            with(r#""fiscal_year": "2025""#),
            "fiscal_year",
            Expected::YearOrNull,
        ),
        (
            with(r#""department": {"name": 5}"#),
            "department.name",
            Expected::TextOrNull,
        ),
        (with(r#""indicators": {}"#), "indicators", Expected::Array),
        (
            with(r#""indicators": [{"level1": "产出指标"}, {"annual_target": 100}]"#),
            "indicators[1].annual_target",
            Expected::TextOrNull,
        ),
        (
            with(r#""key_tasks": [7]"#),
            "key_tasks[0]",
            Expected::Object,
        ),
        (with(r#""budget": []"#), "budget", Expected::Object),
        (
            with(r#""budget": {"income": [1, 2]}"#),
            "budget.income",
            Expected::Object,
        ),
        (
            with(r#""department": ["x", 1]"#),
            "department",
            Expected::Object,
        ),
        (
            with(r#""budget": {"income": {"other": true}}"#),
            "budget.income.other",
            Expected::Amount,
        ),
    ];
    for (json, path, expected) in cases {
        let e = err(&json);
        assert_eq!(e.field.as_deref(), Some(path), "{json}");
        match &e.problem {
            LoadErrorKind::WrongType { expected: x, .. } => assert_eq!(*x, expected, "{json}"),
            other => panic!("{json}: {other:?}"),
        }
        assert!(e.position.is_some(), "{json}: position known");
    }
}

#[test]
fn the_message_names_file_field_position_and_what_was_found() {
    let e = err("{\"format_version\": 1,\n \"department\": {\"staff_count\": \"18\"}}");
    let zh = e.message(Lang::Zh, "a.json");
    assert!(zh.starts_with("a.json 第2行第"), "{zh}");
    assert!(
        zh.contains("字段 department.staff_count") && zh.contains("整数") && zh.contains("\"18\""),
        "{zh}"
    );
    let en = e.message(Lang::En, "a.json");
    assert!(
        en.contains("line 2")
            && en.contains("department.staff_count")
            && en.contains("expected a whole number"),
        "{en}"
    );
}

#[test]
fn bad_amount_text_names_the_field_and_the_text() {
    let cases = [
        (r#""1,234.00""#, "1,234.00"),
        (r#""5.""#, "5."),
        (r#"".5""#, ".5"),
        (r#""12万""#, "12万"),
        (r#""１２""#, "１２"),
        (r#""0.1234567""#, "0.1234567"),
        (r#""1e3""#, "1e3"),
        // serde_json re-spells a number's exponent with its sign; still refused.
        ("1e3", "1e+3"),
        ("1.5E2", "1.5e+2"),
        ("0.1234567", "0.1234567"),
        (r#"" -5.5x ""#, "-5.5x"),
    ];
    for (value, text) in cases {
        let e = err(&with(&format!(
            r#""budget": {{"income": {{"other": {value}}}}}"#
        )));
        assert_eq!(e.field.as_deref(), Some("budget.income.other"), "{value}");
        assert_eq!(e.problem, LoadErrorKind::BadAmount(text.into()), "{value}");
    }
    let e = err(&with(
        r#""key_tasks": [{"funds": "1"}, {"funds": "2,000"}]"#,
    ));
    assert_eq!(e.field.as_deref(), Some("key_tasks[1].funds"));
}

#[test]
fn amounts_beyond_decimal_range_are_refused_not_rounded() {
    let e = err(&with(
        r#""budget": {"income": {"other": 123456789012345678901234567890123}}"#,
    ));
    assert!(
        matches!(e.problem, LoadErrorKind::AmountTooLarge(_)),
        "{e:?}"
    );
}

#[test]
fn good_amounts_in_every_spelling() {
    let d = parse(with(r#""budget": {"expenditure": {"basic": " 5105.47 ", "project": 1432.880000}, "income": {"other": -0.5, "fiscal_appropriation": 999999999999}}"#).as_bytes()).unwrap();
    assert_eq!(d.budget.expenditure.basic.unwrap().to_string(), "5105.47");
    assert_eq!(
        d.budget.expenditure.project.unwrap().to_string(),
        "1432.880000"
    );
    assert_eq!(d.budget.income.other.unwrap().to_string(), "-0.5");
    assert_eq!(
        d.budget.income.fiscal_appropriation.unwrap().to_string(),
        "999999999999"
    );
}

#[test]
fn versions_other_than_1_are_refused_saying_which_is_understood() {
    for (v, shown) in [
        ("2", "2"),
        ("1.0", "1.0"),
        ("\"1\"", "\"1\""),
        ("null", "null"),
        ("1e0", "1e+0"),
    ] {
        let e = err(&format!(r#"{{"format_version": {v}}}"#));
        assert_eq!(
            e.problem,
            LoadErrorKind::UnsupportedVersion(shown.into()),
            "{v}"
        );
        assert!(e.message(Lang::En, "x.json").contains("reads version 1"));
    }
    assert_eq!(
        err(r#"{"department": {}}"#).problem,
        LoadErrorKind::MissingVersion
    );
    assert_eq!(err("[1, 2]").problem, LoadErrorKind::NotAnObject);
}

#[test]
fn a_key_given_twice_is_an_error_known_or_not() {
    let e = err(r#"{"format_version": 1, "department": {"name": "a", "name": "b"}}"#);
    assert_eq!(
        (e.field.as_deref(), &e.problem),
        (
            Some("department"),
            &LoadErrorKind::DuplicateKey("name".into())
        )
    );
    let e = err(r#"{"format_version": 1, "indicators": [{"note": 1, "note": 2}]}"#);
    assert_eq!(e.field.as_deref(), Some("indicators[0]"));
    let e = err(
        r#"{"format_version": 1, "department": {"name": "a", "extra": {"k": [{"v": 1, "v": 2}]}}}"#,
    );
    assert_eq!(e.field.as_deref(), Some("department.extra.k[0]"));
    let e = err(r#"{"format_version": 1, "format_version": 1}"#);
    assert_eq!(
        e.problem,
        LoadErrorKind::DuplicateKey("format_version".into())
    );
    let e = err(r#"{"format_version": 1, "region": "a", "region": "b"}"#);
    assert_eq!(
        (e.field.as_deref(), &e.problem),
        (None, &LoadErrorKind::DuplicateKey("region".into()))
    );
    assert!(e.position.is_some());
}

#[test]
fn bom_unknown_keys_and_newer_fields_are_fine() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        br#"{"format_version": 1, "submitted_by": {"system": "v9"}, "department": {"name": "x", "extra": [1]}}"#,
    );
    let d = parse(&bytes).unwrap();
    assert_eq!(d.department.name.as_deref(), Some("x"));
}

#[test]
fn invalid_utf8_is_a_load_error_not_a_crash() {
    // 广州 in GBK, as an old export would write it.
    let e = parse(b"{\"format_version\": 1,\n \"region\": \"\xb9\xe3\xd6\xdd\"}").unwrap_err();
    assert_eq!(
        (e.problem.clone(), e.position),
        (LoadErrorKind::NotUtf8, Some((2, 13)))
    );
    assert!(e.message(Lang::Zh, "gbk.json").contains("UTF-8"));
}

/// The default configuration with another file size limit.

#[test]
fn files_over_the_cap_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // A sparse 64 GiB file: reading it whole would take minutes and all memory.
    fs::File::create(&path).unwrap().set_len(64 << 30).unwrap();
    let e = read(&path, 8 << 20).unwrap_err();
    assert_eq!(
        e.problem,
        LoadErrorKind::TooLarge {
            size: 64 << 30,
            cap: 8 << 20
        }
    );
    let small = dir.path().join("small.json");
    fs::write(&small, GOOD).unwrap();
    assert!(matches!(
        read(&small, 10).unwrap_err().problem,
        LoadErrorKind::TooLarge { .. }
    ));
    assert!(read(&small, 1 << 20).is_ok());
}

#[test]
fn a_folder_with_broken_files_still_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("b-good.json"), GOOD).unwrap();
    fs::write(p.join("a-broken.json"), "{not json").unwrap();
    fs::write(p.join("c-upper.JSON"), GOOD).unwrap();
    fs::write(p.join("b-good.review.jsonl"), "{\"comment\": 1}\n").unwrap();
    fs::write(p.join("notes.txt"), "hello").unwrap();
    fs::create_dir(p.join("d-folder.json")).unwrap();
    let config = Config {
        max_file_bytes: 1 << 20,
        ..Config::default()
    };
    let entries = load_folder(p, &config).unwrap();
    let files: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "a-broken.json",
            "b-good.json",
            "c-upper.JSON",
            "d-folder.json"
        ],
        "sorted, declarations only; a folder under a declaration's name is listed"
    );
    assert!(entries[0].outcome.is_err());
    assert!(entries[1].outcome.is_ok() && entries[2].outcome.is_ok());
    assert!(matches!(
        &entries[3].outcome,
        Err(LoadError {
            problem: LoadErrorKind::NotRegular(shenhe::safe_fs::Kind::Directory),
            ..
        })
    ));
}

#[test]
fn a_missing_file_is_unreadable_with_the_system_reason() {
    let e = read(std::path::Path::new("/nonexistent/x.json"), 1024).unwrap_err();
    assert!(matches!(e.problem, LoadErrorKind::Unreadable(_)));
}

#[test]
fn deeply_nested_input_is_an_error_not_a_stack_overflow() {
    let json = format!(
        r#"{{"format_version": 1, "x": {}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(err(&json).problem, LoadErrorKind::Syntax(_)));
}

#[test]
fn every_link_under_a_declarations_name_is_an_error_row_never_followed() {
    // Issue 8: a link named *.json was followed (to a file) or silently
    // skipped (to a folder, dangling, a loop). In a folder the group can
    // write, a link can point at a colleague's private file: it is refused.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("real.json"), GOOD).unwrap();
    fs::create_dir(p.join("sub")).unwrap();
    let link = |to: &str, name: &str| std::os::unix::fs::symlink(p.join(to), p.join(name)).unwrap();
    link("real.json", "link.json");
    link("sub", "folder-link.json");
    link("nowhere", "dangling.json");
    link("loop.json", "loop.json");
    let entries = load_folder(p, &Config::default()).unwrap();
    let rows: Vec<(&str, bool)> = entries
        .iter()
        .map(|e| {
            let link = matches!(
                &e.outcome,
                Err(LoadError {
                    problem: LoadErrorKind::Link,
                    ..
                })
            );
            (e.file.as_str(), link)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("dangling.json", true),
            ("folder-link.json", true),
            ("link.json", true),
            ("loop.json", true),
            ("real.json", false)
        ]
    );
    let msg = entries[2]
        .outcome
        .as_ref()
        .unwrap_err()
        .message(Lang::Zh, "link.json");
    assert!(
        msg.contains("link.json") && msg.contains("符号链接"),
        "{msg}"
    );
}

#[test]
fn amounts_longer_than_twelve_integer_digits_are_the_files_error() {
    // Issue 8: these made check and export panic with "Addition overflowed".
    for (json, field) in [
        (
            r#""budget": {"expenditure": {"basic": "79228162514264337593543950335"}}"#,
            "budget.expenditure.basic",
        ),
        (
            r#""key_tasks": [{"funds": 50000000000000000000000000000}, {"funds": "5"}]"#,
            "key_tasks[0].funds",
        ),
        (
            r#""budget": {"income": {"other": -1000000000000}}"#,
            "budget.income.other",
        ),
        (
            r#""budget": {"income": {"other": "1000000000000.5"}}"#,
            "budget.income.other",
        ),
    ] {
        let e = err(&with(json));
        assert!(
            matches!(e.problem, LoadErrorKind::AmountTooLarge(_)),
            "{e:?}"
        );
        assert_eq!(e.field.as_deref(), Some(field), "{json}");
        let msg = e.message(Lang::Zh, "a.json");
        assert!(
            msg.contains("a.json") && msg.contains(field) && msg.contains("12 位"),
            "{msg}"
        );
    }
    let d = parse(with(r#""budget": {"income": {"other": "-999999999999.999999"}}"#).as_bytes())
        .expect("twelve digits load");
    assert_eq!(
        d.budget.income.other.map(|v| v.to_string()).as_deref(),
        Some("-999999999999.999999")
    );
}

#[test]
fn a_hostile_value_is_quoted_at_most_forty_characters() {
    // Issue 8: a 7 MB value of the wrong type was quoted whole.
    let huge = "九".repeat(7_000_000 / 3);
    for json in [
        format!(r#""department": {{"staff_count": "{huge}"}}"#),
        format!(r#""budget": {{"income": {{"other": "x{huge}"}}}}"#),
        format!(r#""format_version": "{huge}""#),
    ] {
        let text = format!("{{{json}}}");
        let text = if json.starts_with(r#""format_version""#) {
            text
        } else {
            with(&json)
        };
        let e = err(&text);
        let msg = e.message(Lang::Zh, "a.json");
        assert!(msg.chars().count() < 300, "{} chars", msg.chars().count());
        assert!(
            msg.contains(&format!("{}…", "九".repeat(39)))
                || msg.contains(&format!("x{}…", "九".repeat(39))),
            "{msg}"
        );
        assert!(
            format!("{e:?}").len() < 1000,
            "the error keeps no megabytes"
        );
    }
}

#[test]
fn format_v1_additions_load_and_are_checked() {
    let d = parse(
        with(
            r#""target_columns": 1, "other_tasks": "做好档案安全检查",
            "budget": {"by_level": {"own_use": "1", "own_use_label": "市本级使用资金"}},
            "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "a", "annual_target": "1次", "period_target": null}]"#,
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(d.target_columns, shenhe::model::TargetColumns::One);
    assert_eq!(d.other_tasks.as_deref(), Some("做好档案安全检查"));
    assert_eq!(
        d.budget.by_level.own_use_label.as_deref(),
        Some("市本级使用资金")
    );
    let absent = parse(with(r#""region": "x""#).as_bytes()).unwrap();
    assert_eq!(absent.target_columns, shenhe::model::TargetColumns::Two);

    for bad in ["3", "0", "\"2\"", "null", "1.0", "2e0"] {
        let e = err(&with(&format!(r#""target_columns": {bad}"#)));
        assert_eq!(e.field.as_deref(), Some("target_columns"), "{bad}: {e:?}");
        assert!(
            matches!(
                e.problem,
                LoadErrorKind::WrongType {
                    expected: Expected::Columns,
                    ..
                }
            ),
            "{bad}: {e:?}"
        );
    }
    let e = err(&with(
        r#""target_columns": 1, "indicators": [{"name": "a"}, {"name": "b", "period_target": "≥3次"}]"#,
    ));
    assert_eq!(e.field.as_deref(), Some("indicators[1].period_target"));
    assert_eq!(e.problem, LoadErrorKind::NoPeriodColumn);
    assert!(e.message(Lang::Zh, "a.json").contains("实施周期指标值"));
    let e = err(&with(r#""budget": {"by_level": {"own_use_label": 5}}"#));
    assert_eq!(e.field.as_deref(), Some("budget.by_level.own_use_label"));
    assert!(matches!(
        e.problem,
        LoadErrorKind::WrongType {
            expected: Expected::TextOrNull,
            ..
        }
    ));
}
