//! Property tests over everything untrusted (issue 8): arbitrary bytes,
//! arbitrary JSON-shaped declarations with extreme amounts, declarations
//! holding amounts beyond the format's bound, and arbitrary journal lines,
//! through loading, every rule, every pane and every export. Nothing may
//! panic; every failure is an error value. Case counts are small so that
//! CI stays quick; `PROPTEST_CASES=2000 cargo test --test properties`
//! searches harder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use shenhe::check::{Checked, Entry};
use shenhe::config::Config;
use shenhe::desk::panes::{self, Pane};
use shenhe::i18n::Lang;
use shenhe::review::export::{self, Reviewed};
use shenhe::review::{Journal, Review};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(48),
        ..ProptestConfig::default()
    }
}

/// Texts a hostile file might hold: Chinese, escapes, bidi, joiners,
/// Markdown and HTML, formula starts, very long runs.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\PC]{0,12}",
        "[一-龥]{0,8}(率|满意|提高|≥|%|个|万元){0,2}[0-9]{0,3}",
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{202e}%09\u{200b}\u{200d}👨\u{200d}👩".to_string()),
        Just("</h1><!--[x](https://e.cn) ![i](y) <details>".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        "[a-z]{0,3}".prop_map(|s| s.repeat(2_000)),
        any::<String>(),
    ]
}

/// Amounts as a file might write them: ordinary, at the bound, beyond it,
/// malformed, numbers and strings.
fn amount() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        "-?[0-9]{1,12}(\\.[0-9]{1,6})?".prop_map(Value::from),
        "-?[0-9]{13,35}".prop_map(Value::from),
        Just(json!("79228162514264337593543950335")),
        Just(json!("-999999999999.999999")),
        Just(json!("999999999999.999999")),
        Just(json!("1,234.00")),
        Just(json!(1e300)),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::from),
    ]
}

fn level1() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("产出指标")),
        Just(json!("效益指标")),
        Just(json!("满意度指标")),
        Just(json!("成本指标")),
        Just(Value::Null),
        text().prop_map(Value::from),
    ]
}

fn level2() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("数量指标")),
        Just(json!("质量指标")),
        Just(json!("时效指标")),
        Just(json!("社会效益指标")),
        Just(json!("服务对象满意度指标")),
        Just(Value::Null),
        text().prop_map(Value::from),
    ]
}

fn indicator() -> impl Strategy<Value = Value> {
    (level1(), level2(), text(), text(), text()).prop_map(|(l1, l2, name, period, annual)| {
        json!({"level1": l1, "level2": l2, "name": name,
               "period_target": period, "annual_target": annual})
    })
}

fn task() -> impl Strategy<Value = Value> {
    (text(), text(), amount(), text()).prop_map(|(name, content, funds, outcome)| {
        json!({"name": name, "content": content, "funds": funds, "expected_outcome": outcome})
    })
}

fn declaration() -> impl Strategy<Value = Value> {
    (
        (text(), text(), prop::option::of(any::<i32>()), prop::option::of(0u32..3000)),
        prop::collection::vec(amount(), 8),
        prop::collection::vec(task(), 0..6),
        prop::collection::vec(indicator(), 0..30),
        text(),
    )
        .prop_map(|((name, region, year, staff), a, tasks, indicators, goal)| {
            json!({
                "format_version": 1,
                "fiscal_year": year,
                "region": region,
                "department": {"name": name, "code": null, "staff_count": staff, "subordinate_units": 0},
                "budget": {
                    "expenditure": {"basic": a[0], "project": a[1]},
                    "development": {"special_fund": a[2], "other": a[3]},
                    "income": {"fiscal_appropriation": a[4], "other": a[5]},
                    "by_level": {"own_use": a[6], "transfer_to_lower": a[7]}
                },
                "overall_goal": goal,
                "key_tasks": tasks,
                "indicators": indicators
            })
        })
}

/// Every pane, every line's detail, and the review pane.
fn every_pane(checked: &Checked, review: &Review) {
    for lang in [Lang::Zh, Lang::En] {
        for pane in Pane::ALL {
            for line in panes::lines(lang, checked, pane) {
                let _ = panes::detail(lang, checked, &line, true);
            }
        }
        let printed = shenhe::model::cells::Printed::of(&checked.declaration);
        let _ = panes::review_lines(lang, review, printed, &jiff::tz::TimeZone::UTC);
    }
}

/// Every export of these rows, in both languages.
fn every_export(rows: &[Reviewed]) {
    for lang in [Lang::Zh, Lang::En] {
        let issue = shenhe::review::notice::Issue::on(
            jiff::civil::Date::constant(2026, 12, 1),
            &shenhe::config::NoticeSettings::default(),
        );
        let settings = shenhe::config::NoticeSettings::default();
        let notices = export::notices(rows, &settings, &issue, true, lang);
        let _ = export::markdown(&notices, lang);
        for (_, notice) in &notices {
            if let Ok(docx) = shenhe::review::notice::docx::document(notice, lang) {
                common::assert_docx_opens(&docx);
            }
        }
        let utc = jiff::tz::TimeZone::UTC;
        let _ = export::Table::Csv.write(rows, lang, &utc);
        let _ = export::Table::Json.write(rows, lang, &utc);
        if let Ok(xlsx) = export::Table::Xlsx.write(rows, lang, &utc) {
            common::assert_docx_opens(&xlsx);
        }
    }
}

fn returned() -> Review {
    let line = r#"{"v":1,"id":"c1","reviewer":"甲","at":"2026-11-26T10:00:00.000Z","declaration_sha256":"x","kind":"comment","place":{"kind":"location","path":"budget"},"text":"意见"}
{"v":1,"id":"d1","reviewer":"甲","at":"2026-11-26T10:01:00.000Z","declaration_sha256":"x","kind":"decision","decision":"return","grade":"中"}"#;
    let records = line
        .lines()
        .map(|l| serde_json::from_str(l).expect("a record"))
        .collect();
    Review::of(
        &Journal {
            records,
            skipped: vec![],
            bytes: 0,
        },
        "x",
    )
}

fn through_everything(
    file: &str,
    outcome: Result<shenhe::model::Declaration, shenhe::load::LoadError>,
) {
    let config = Config::default();
    let outcome = outcome.map(|declaration| Checked::new(declaration, &config));
    let review = returned();
    match &outcome {
        Ok(c) => every_pane(c, &review),
        Err(e) => {
            for lang in [Lang::Zh, Lang::En] {
                let _ = e.message(lang, file);
            }
        }
    }
    let mut rows = vec![
        Reviewed {
            entry: Entry {
                file: file.into(),
                outcome: outcome.clone(),
            },
            review: review.clone(),
        },
        Reviewed {
            entry: Entry {
                file: format!("copy-{file}"),
                outcome,
            },
            review,
        },
    ];
    shenhe::check::check_across_each(rows.iter_mut().map(|r| &mut r.entry), &config);
    for row in &rows {
        if let Ok(c) = &row.entry.outcome {
            severities_are_the_catalogues(&c.flags);
        }
    }
    every_export(&rows);
}

/// Every flag's severity is one the catalogue lists for its rule.
fn severities_are_the_catalogues(flags: &[shenhe::rules::Flag]) {
    for f in flags {
        let info = f.rule().info();
        assert!(
            info.severities.contains(&f.severity),
            "{} raised {:?}; the catalogue lists {:?}",
            info.id,
            f.severity,
            info.severities
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_load_or_fail_with_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        through_everything("bytes.json", shenhe::load::parse(&bytes));
    }

    #[test]
    fn json_shaped_declarations_with_extreme_amounts_never_panic(v in declaration()) {
        let bytes = serde_json::to_vec(&v).unwrap();
        through_everything("shaped.json", shenhe::load::parse(&bytes));
    }

    #[test]
    fn amounts_beyond_the_bound_never_panic_the_rules_panes_or_exports(
        picks in prop::collection::vec(0usize..6, 8),
        tasks in prop::collection::vec(0usize..6, 0..5),
    ) {
        // As if the bound moved: amounts the loader would refuse today.
        let extremes = [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ZERO,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::new(999_999_999_999, 0),
        ];
        let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/tianhe-sfj.json")).unwrap();
        let mut d = shenhe::load::parse(&seed).unwrap();
        let b = &mut d.budget;
        let boxes = [
            &mut b.expenditure.basic,
            &mut b.expenditure.project,
            &mut b.development.special_fund,
            &mut b.development.other,
            &mut b.income.fiscal_appropriation,
            &mut b.income.other,
            &mut b.by_level.own_use,
            &mut b.by_level.transfer_to_lower,
        ];
        for (slot, pick) in boxes.into_iter().zip(&picks) {
            *slot = Some(extremes[*pick]);
        }
        for (task, pick) in d.key_tasks.iter_mut().zip(&tasks) {
            task.funds = Some(extremes[*pick]);
        }
        through_everything("beyond.json", Ok(d));
    }

    #[test]
    fn arbitrary_journal_lines_read_as_records_or_skipped_lines(
        lines in prop::collection::vec(journal_line(), 0..40)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.review.jsonl");
        std::fs::write(&path, lines.join("\n")).unwrap();
        let journal = shenhe::review::read(&path, 1 << 20).expect("a regular file reads");
        prop_assert!(journal.records.len() + journal.skipped.len() <= lines.len() + 1);
        let review = Review::of(&journal, "x");
        let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/tianhe-sfj.json")).unwrap();
        let declaration = shenhe::load::parse(&seed).unwrap();
        let checked = Checked::new(declaration, &Config::default());
        every_pane(&checked, &review);
        every_export(&[Reviewed {
            entry: Entry { file: "a.json".into(), outcome: Ok(checked) },
            review,
        }]);
    }
}

/// A journal line: a well-formed record with arbitrary fields, a mangled
/// one, or arbitrary text.
fn journal_line() -> impl Strategy<Value = String> {
    let id = prop_oneof![
        Just("c1".to_string()),
        Just("c2".to_string()),
        "[a-z0-9-]{0,8}"
    ];
    let at = prop_oneof![
        Just("2026-11-26T10:00:00.000Z".to_string()),
        Just("昨天".to_string()),
        "[0-9TZ:.-]{0,30}",
    ];
    let place = prop_oneof![
        Just(json!({"kind": "declaration"})),
        text().prop_map(|p| json!({"kind": "location", "path": p})),
        (text(), text()).prop_map(|(r, p)| json!({"kind": "flag", "rule": r, "path": p})),
    ];
    let body = prop_oneof![
        (place, text())
            .prop_map(|(place, t)| json!({"kind": "comment", "place": place, "text": t})),
        (id.clone(), text()).prop_map(|(of, t)| json!({"kind": "edit", "of": of, "text": t})),
        id.clone()
            .prop_map(|of| json!({"kind": "withdraw", "of": of})),
        prop_oneof![
            Just("approve"),
            Just("return"),
            Just("pending"),
            Just("maybe")
        ]
        .prop_map(|d| json!({"kind": "decision", "decision": d, "grade": "中"})),
    ];
    let record =
        (id, text(), prop::option::of(text()), at, body).prop_map(|(id, who, login, at, body)| {
            let mut v = json!({"v": 1, "id": id, "reviewer": who, "login": login, "at": at,
                           "declaration_sha256": "x"});
            if let (Some(v), Some(b)) = (v.as_object_mut(), body.as_object()) {
                v.extend(b.clone());
            }
            v.to_string()
        });
    prop_oneof![
        4 => record,
        1 => any::<String>().prop_map(|s| s.replace('\n', " ")),
        1 => "[{}\":,a-z0-9 ]{0,60}",
    ]
}

/// A template workbook of each kind, to be damaged: the sample batch's
/// .xlsx and LibreOffice's .ods and .xls of it.
fn sample_books() -> Vec<(shenhe::load::workbook::Kind, Vec<u8>)> {
    use shenhe::load::workbook::Kind;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        (Kind::Xlsx, "sample-data/yx-nyj.xlsx"),
        (Kind::Ods, "tests/fixtures/nyj-ods.ods"),
        (Kind::Xls, "tests/fixtures/nyj-xls.xls"),
    ]
    .into_iter()
    .map(|(k, p)| (k, std::fs::read(root.join(p)).expect("the sample workbook")))
    .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_damaged_workbook_loads_or_fails_with_an_error(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        for (kind, mut bytes) in sample_books() {
            for (at, b) in &flips {
                let i = at.index(bytes.len());
                bytes[i] = *b;
            }
            if truncate {
                bytes.truncate(cut.index(bytes.len()));
            }
            let outcome = shenhe::load::workbook::parse(&bytes, kind, 64 << 20);
            through_everything("damaged.xlsx", outcome);
        }
    }

    #[test]
    fn arbitrary_bytes_as_any_workbook_kind_fail_with_an_error(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
    ) {
        use shenhe::load::workbook::{Kind, parse};
        for kind in [Kind::Xlsx, Kind::Xls, Kind::Ods] {
            through_everything("bytes.xlsx", parse(&bytes, kind, 64 << 20));
        }
    }
}

/// The sample .xls with the directory entry of its `Workbook` stream
/// copied onto another 128-byte place of the file (a second entry of one
/// name, as issue 19 found, wherever it lands).
fn xls_with_a_second_workbook_entry(at: prop::sample::Index) -> Vec<u8> {
    let mut bytes = sample_books().remove(2).1;
    let name: Vec<u8> = "Workbook"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let own = (0..bytes.len() / 128)
        .find(|i| bytes[i * 128..].starts_with(&name))
        .expect("the Workbook entry");
    let entry = bytes[own * 128..own * 128 + 128].to_vec();
    let to = at.index(bytes.len() / 128);
    bytes[to * 128..to * 128 + 128].copy_from_slice(&entry);
    bytes
}

proptest! {
    #![proptest_config(config())]

    /// Issue 19's shapes, varied: references past Excel's limits (which
    /// calamine wraps), spans and nesting in .ods, a second `Workbook`.
    #[test]
    fn wrapped_references_nesting_and_twin_streams_load_or_fail_with_an_error(
        row in 1u64..=3 * u64::from(u32::MAX),
        col in "[A-Z]{1,4}",
        as_merge in any::<bool>(),
        span in 1u64..=u64::from(u32::MAX) + 2,
        nest in any::<bool>(),
        entry in any::<prop::sample::Index>(),
    ) {
        use shenhe::load::workbook::{Kind, parse};
        let books = sample_books();
        let xlsx = common::rezip(&books[0].1, "xl/worksheets/sheet1.xml", |x| {
            if as_merge {
                x.replacen("<mergeCells count=\"10\">",
                    &format!("<mergeCells count=\"11\"><mergeCell ref=\"{col}40:{col}{row}\"/>"), 1)
            } else {
                x.replacen("<c r=\"A1\"", &format!("<c r=\"{col}{row}\""), 1)
            }
        });
        let within = row <= 1_048_576 && col.len() < 4 && col.as_str() <= "XFD";
        let outcome = parse(&xlsx, Kind::Xlsx, 64 << 20);
        prop_assert!(within || outcome.is_err(), "{col}{row} read");
        through_everything("wrapped.xlsx", outcome);

        let ods = common::rezip(&books[1].1, "content.xml", |x| {
            let cell = if nest {
                format!("<table:table-cell table:number-rows-spanned=\"{span}\"><table:table table:name=\"n\"/></table:table-cell><table:table-cell ")
            } else {
                format!("<table:table-cell table:number-rows-spanned=\"{span}\" ")
            };
            x.replacen("<table:table-cell ", &cell, 1)
        });
        through_everything("spanned.ods", parse(&ods, Kind::Ods, 64 << 20));

        let xls = xls_with_a_second_workbook_entry(entry);
        through_everything("twin.xls", parse(&xls, Kind::Xls, 64 << 20));
    }
}
