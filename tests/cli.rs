//! The `shenhe` binary as scripts and people use it: output shapes and exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::{sample_dir as sample, shenhe, shenhe_command};

use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// As [`shenhe`], with these environment variables set too.
fn shenhe_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    shenhe_command()
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs")
}

/// A throwaway folder with a copy of the seed, and the copy's path.
fn seed_copy() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tianhe-sfj.json");
    std::fs::copy(sample().join("tianhe-sfj.json"), &file).unwrap();
    let f = file.to_string_lossy().into_owned();
    (dir, f)
}

fn sample_str() -> String {
    sample().to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn check_json_has_the_documented_shape_and_exit_1() {
    let out = shenhe(&["check", &sample_str(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the sample has error flags and a load error"
    );
    let v: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(v["catalogue_version"], 3);
    let decls = v["declarations"].as_array().unwrap();
    assert!(decls.len() >= 14);
    let (mut e, mut w, mut i, mut load_errors) = (0, 0, 0, 0);
    for d in decls {
        for key in ["file", "department", "fiscal_year", "load_error", "flags"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(
            !d["file"].as_str().unwrap().contains('/'),
            "file is relative to DIR"
        );
        if d["load_error"].is_string() {
            load_errors += 1;
            assert!(d["flags"].as_array().unwrap().is_empty());
        }
        for f in d["flags"].as_array().unwrap() {
            for key in ["rule", "severity", "location", "message"] {
                assert!(f[key].is_string(), "{key} in {f}");
            }
            match f["severity"].as_str().unwrap() {
                "error" => e += 1,
                "warning" => w += 1,
                "info" => i += 1,
                other => panic!("severity {other}"),
            }
        }
    }
    let s = &v["summary"];
    assert_eq!(s["files"], decls.len());
    assert_eq!(
        (
            s["error"].as_u64(),
            s["warning"].as_u64(),
            s["info"].as_u64()
        ),
        (Some(e), Some(w), Some(i))
    );
    assert_eq!(s["load_errors"], load_errors);
    assert_eq!(load_errors, 2);

    let seed = decls
        .iter()
        .find(|d| d["file"] == "tianhe-sfj.json")
        .unwrap();
    assert_eq!(seed["department"], "广州市天河区司法局");
    assert_eq!(seed["fiscal_year"], Value::Null);
    let mut flags: Vec<String> = seed["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["location"].as_str().unwrap()
            )
        })
        .collect();
    flags.sort();
    assert_eq!(
        flags,
        [
            "CLASS-01 info indicators[19]",
            "HIER-04 info indicators",
            "INFO-01 warning department.staff_count",
            "INFO-04 info fiscal_year",
            "QUANT-01 warning indicators[20]",
            "QUANT-01 warning indicators[22]",
            "QUANT-04 warning indicators[23]",
            "REL-01 info overall_goal",
            "SAT-03 info indicators[27]",
        ]
    );
}

/// `check` keeps no declaration: the rows several departments wrote alike
/// are counted from their keys and their words read back from the files.
#[test]
fn check_json_names_the_rows_several_departments_wrote_alike() {
    let dir = tempfile::tempdir().unwrap();
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(sample().join("yx-daj.json")).unwrap())
            .unwrap();
    let row = |name: &str, target: &str| {
        serde_json::json!({"level1": "产出指标", "level2": "质量指标", "name": name,
            "annual_target": target, "period_target": "≥95%"})
    };
    for (file, department, rows) in [
        (
            "a.json",
            "甲局",
            vec![row("群众满意度", "≥90%"), row("独有", "1项")],
        ),
        ("b.json", "乙局", vec![row("群众满意度。", " ≥90%")]),
        ("b-v2.json", "乙局", vec![row("群众满意度", "≥90%")]),
        ("c.json", "丙局", vec![row("群众满意度", "≥85%")]),
    ] {
        let mut v = base.clone();
        v["department"]["name"] = department.into();
        v["indicators"] = rows.into();
        std::fs::write(dir.path().join(file), v.to_string()).unwrap();
    }
    let out = shenhe(&["check", &dir.path().to_string_lossy(), "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(
        v["summary"]["repeated"],
        serde_json::json!([{
            "name": "群众满意度",
            "annual_target": "≥90%",
            "period_target": "≥95%",
            "departments": 2,
            "files": ["a.json", "b-v2.json", "b.json"],
        }])
    );
}

#[test]
fn a_clean_folder_exits_0_and_bare_dir_means_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample().join("yx-daj.json"), dir.path().join("yx-daj.json")).unwrap();
    let d = dir.path().to_string_lossy().into_owned();
    let out = shenhe(&["check", &d]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("广州市云溪区档案馆"));
    assert_eq!(
        shenhe(&[&d]).status.code(),
        Some(0),
        "`shenhe DIR` runs the check"
    );
    // Warnings alone do not fail the run.
    std::fs::copy(sample().join("yx-zjj.json"), dir.path().join("yx-zjj.json")).unwrap();
    assert_eq!(shenhe(&[&d, "--format", "json"]).status.code(), Some(0));
}

#[test]
fn a_missing_folder_or_bad_config_exits_2_with_a_reason() {
    let out = shenhe(&["check", "/nonexistent/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/folder"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[rules.FUND-01]\nthreshold = 3\n").unwrap();
    let out = shenhe(&["check", &sample_str(), "--config", &bad.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml") && err.contains("threshold"),
        "{err}"
    );

    let out = shenhe(&["check", &sample_str(), "--config", "/nonexistent/c.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn config_switches_rules_off_and_moves_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        "[rules.REL-01]\nenabled = false\n[rules.COUNT-01]\nmax_rows = 10\n",
    )
    .unwrap();
    let out = shenhe(&[
        "check",
        &sample_str(),
        "--format",
        "json",
        "--config",
        &cfg.to_string_lossy(),
    ]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<&str> = v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "tianhe-sfj.json")
        .flat_map(|d| {
            d["flags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["rule"].as_str().unwrap())
        })
        .collect();
    assert!(!rules.contains(&"REL-01"));
    assert!(rules.contains(&"COUNT-01"), "20 output rows > 10");
}

#[test]
fn text_output_never_carries_raw_control_characters() {
    let out = shenhe(&["check", &sample_str()]);
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{200b}'));
    assert!(text.contains("^[") && text.contains("<U+202E>") && text.contains("<U+200B>"));
    let json = stdout(&shenhe(&["check", &sample_str(), "--format", "json"]));
    assert!(!json.contains('\u{1b}'), "JSON escapes control characters");
}

#[test]
fn english_on_request() {
    let text = stdout(&shenhe(&["check", &sample_str(), "--lang", "en"]));
    assert!(text.contains("staff count is blank"), "{text}");
    assert!(text.contains("not loaded"));
    // The rule column lines up whatever the severity.
    assert!(
        text.contains("\n  info     INFO-04    ") && text.contains("\n  warning  INFO-01    "),
        "{text}"
    );
    let zh = stdout(&shenhe(&["check", &sample_str()]));
    assert!(
        zh.contains("\n  提示  INFO-04    ") && zh.contains("\n  警告  INFO-01    "),
        "{zh}"
    );
}

#[test]
fn rules_lists_the_catalogue() {
    let out = shenhe(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules = v.as_array().unwrap();
    assert_eq!(rules.len(), 39);
    for r in rules {
        for key in [
            "id", "severity", "title_zh", "title_en", "basis_zh", "basis_en",
        ] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
        assert!(r["judgement"].is_boolean());
    }
    let comp03 = rules.iter().find(|r| r["id"] == "COMP-03").unwrap();
    assert_eq!(comp03["severity"], "error");
    assert_eq!(
        comp03["severities"],
        serde_json::json!(["error", "warning"])
    );
    let text = stdout(&shenhe(&["rules"]));
    assert!(text.contains("FUND-01") && text.contains("支出合计与收入合计不符"));
    // The 依据 in Chinese for a finance office, never the developers' notes.
    assert!(text.contains("《中央部门预算绩效目标管理办法》（财预〔2015〕88号）"));
    assert!(!text.contains("J:") && !text.contains("the seed"), "{text}");
    // Columns line up by display width: every title starts in one column.
    let starts: std::collections::BTreeSet<usize> = text
        .lines()
        .filter(|l| l.contains('-') && !l.starts_with(' '))
        .map(|l| {
            let title = l.split_whitespace().nth(2).unwrap();
            let before = &l[..l.find(title).unwrap()];
            before
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum()
        })
        .collect();
    assert_eq!(starts.len(), 1, "{starts:?}\n{text}");
}

#[test]
fn help_speaks_to_reviewers() {
    let out = shenhe(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(
        help.contains("申报") && help.contains("check") && help.contains("rules"),
        "{help}"
    );
}

#[test]
fn comment_and_decide_from_the_command_line() {
    let (dir, f) = seed_copy();
    let journal = shenhe::review::my_journal(&dir.path().join("tianhe-sfj.json"));

    // Returning a declaration with no flag and nothing said is refused,
    // and writes nothing.
    let clean = dir.path().join("yx-daj.json");
    std::fs::copy(sample().join("yx-daj.json"), &clean).unwrap();
    let c = clean.to_string_lossy().into_owned();
    let out = shenhe(&[
        "decide",
        &c,
        "return",
        "--grade",
        "中",
        "--reviewer",
        "王审核",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("既没有意见，也没有采纳的问题"));
    assert!(!shenhe::review::my_journal(&dir.path().join("yx-daj.json")).exists());
    std::fs::remove_file(&clean).unwrap();

    for bad in [
        vec![
            "comment",
            &f,
            "--at",
            "indicators[99]",
            "--text",
            "x",
            "--reviewer",
            "a",
        ],
        vec![
            "comment",
            &f,
            "--at",
            "budget.nope",
            "--text",
            "x",
            "--reviewer",
            "a",
        ],
        vec![
            "comment",
            &f,
            "--at",
            "budget",
            "--rule",
            "NOPE-1",
            "--text",
            "x",
            "--reviewer",
            "a",
        ],
        // QUANT-04 is on row 24 (indicators[23]), not on row 4.
        vec![
            "comment",
            &f,
            "--at",
            "indicators[3]",
            "--rule",
            "QUANT-04",
            "--text",
            "x",
            "--reviewer",
            "a",
        ],
        vec![
            "comment",
            "/nonexistent/x.json",
            "--at",
            "budget",
            "--text",
            "x",
            "--reviewer",
            "a",
        ],
    ] {
        let out = shenhe(&bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        if bad.contains(&"indicators[3]") {
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(
                said.contains("没有 QUANT-04 的问题，无法针对它写意见"),
                "{said}"
            );
        }
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
    assert!(!journal.exists(), "bad input never writes a record");

    let out = shenhe(&[
        "comment",
        &f,
        "--at",
        "indicators[23]",
        "--rule",
        "QUANT-04",
        "--text",
        "请改为可衡量的目标值\n第二行",
        "--reviewer",
        "王审核",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The confirmation names the place as the form does.
    assert!(stdout(&out).contains("绩效指标第24行"), "{}", stdout(&out));
    let out = shenhe(&[
        "decide",
        &f,
        "return",
        "--grade",
        "中",
        "--reviewer",
        "王审核",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> = std::fs::read_to_string(&journal)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    // The comment, the decision, and what was sent back.
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["kind"], "returned");
    // The version returned, as the text of its format v1 document.
    let kept: Value = serde_json::from_str(lines[2]["declaration"].as_str().unwrap()).unwrap();
    assert_eq!(kept["format_version"], 1);
    assert!(lines[2]["points"][0]["text"].is_string(), "{}", lines[2]);
    assert_eq!(lines[0]["place"]["rule"], "QUANT-04");
    assert_eq!(lines[0]["text"], "请改为可衡量的目标值\n第二行");
    assert_eq!(lines[1]["decision"], "return");
    assert_eq!(lines[1]["grade"], "中");
    assert_eq!(lines[0]["reviewer"], "王审核");

    // The journal is not a declaration: the folder still checks as one file.
    let v: Value = serde_json::from_str(&stdout(&shenhe(&[
        "check",
        &dir.path().to_string_lossy(),
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn comment_help_says_indices_count_from_zero() {
    let help = stdout(&shenhe(&["comment", "--help"]));
    assert!(
        help.contains("序号从 0 起") && help.contains("count from 0"),
        "{help}"
    );
}

#[test]
fn exported_times_are_in_the_reviewers_zone_from_tz() {
    let (dir, f) = seed_copy();
    let said = shenhe(&[
        "comment",
        &f,
        "--at",
        "budget",
        "--text",
        "请核对",
        "--reviewer",
        "王审核",
    ]);
    assert_eq!(said.status.code(), Some(0));
    let journal = std::fs::read_to_string(shenhe::review::my_journal(
        &dir.path().join("tianhe-sfj.json"),
    ))
    .unwrap();
    let kept: Value = serde_json::from_str(journal.lines().next().unwrap()).unwrap();
    let utc = kept["at"].as_str().unwrap().to_string();
    assert!(utc.ends_with('Z'), "the journal keeps UTC: {utc}");
    let export_in = |tz: &str| -> Value {
        let folder = dir.path().to_string_lossy();
        let out = shenhe_with(&["export", &folder, "--format", "json"], &[("TZ", tz)]);
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    for (tz, offset) in [("CST-8", "+08:00"), ("UTC0", "+00:00"), ("EST5", "-05:00")] {
        let v = export_in(tz);
        let at = v["declarations"][0]["comments"][0]["at"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(at.ends_with(offset), "TZ={tz}: {at}");
        assert_eq!(
            at.parse::<jiff::Timestamp>().unwrap(),
            utc.parse::<jiff::Timestamp>().unwrap(),
            "the same instant"
        );
    }
}

#[test]
fn export_writes_notices_summary_and_everything() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["tianhe-sfj.json", "yx-daj.json", "yx-gxj.json"] {
        std::fs::copy(sample().join(f), dir.path().join(f)).unwrap();
    }
    let d = dir.path().to_string_lossy().into_owned();
    let seed = dir
        .path()
        .join("tianhe-sfj.json")
        .to_string_lossy()
        .into_owned();
    shenhe(&[
        "comment",
        &seed,
        "--at",
        "fiscal_year",
        "--text",
        "请填写预算年度",
        "--reviewer",
        "王审核",
    ]);
    shenhe(&[
        "decide",
        &seed,
        "return",
        "--grade",
        "中",
        "--reviewer",
        "王审核",
    ]);

    let md = stdout(&shenhe(&["export", &d, "--format", "md"]));
    assert!(
        md.starts_with("# 关于广州市天河区司法局部门整体预算绩效目标的审核意见"),
        "{md}"
    );
    assert!(md.contains("（一）预算年度：请填写预算年度。"), "{md}");

    let out = dir.path().join("汇总.csv");
    let status = shenhe(&[
        "export",
        &d,
        "--format",
        "csv",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(status.status.code(), Some(0));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), 4);
    assert!(
        csv.contains("tianhe-sfj.json,广州市天河区司法局,,6772.35,0,4,5,0,退回修改,中,王审核,1,"),
        "{csv}"
    );

    let v: Value =
        serde_json::from_str(&stdout(&shenhe(&["export", &d, "--format", "json"]))).unwrap();
    assert_eq!(
        v["declarations"][0]["comments"][0]["location"],
        "fiscal_year"
    );
    assert!(
        v["declarations"][1]["load_error"].is_null()
            && v["declarations"][1]["decision"] == "pending"
    );

    let bad = shenhe(&[
        "export",
        &d,
        "--format",
        "csv",
        "--out",
        "/nonexistent/dir/x.csv",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn edit_and_withdraw_from_the_command_line_by_the_comments_id() {
    let (dir, f) = seed_copy();
    let who = ["--reviewer", "王审核", "--lang", "en"];
    let said = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(who);
        let out = shenhe(&all);
        assert!(out.status.success(), "{out:?}");
        stdout(&out)
    };
    let made = said(&["comment", &f, "--at", "budget", "--text", "预算不平衡"]);
    // "recorded (ID) in …"
    let id = made
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(id, _)| id.to_string())
        .expect("the id is said");
    said(&["edit", &f, &id, "--text", "预算不平衡，差1.10万元"]);
    let export = |d: &Path| {
        let out = shenhe(&["export", &d.to_string_lossy(), "--format", "json"]);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let json = export(dir.path());
    let comment = &json["declarations"][0]["comments"][0];
    assert_eq!(comment["id"], id.as_str());
    assert_eq!(comment["text"], "预算不平衡，差1.10万元");
    assert_eq!(comment["edited"], true);
    said(&["withdraw", &f, &id]);
    assert_eq!(
        export(dir.path())["declarations"][0]["comments"][0]["withdrawn"],
        true
    );
    // Withdrawn: neither edited nor withdrawn again; nothing written.
    let lines = || {
        std::fs::read_to_string(shenhe::review::my_journal(
            &dir.path().join("tianhe-sfj.json"),
        ))
        .unwrap()
        .lines()
        .count()
    };
    let before = lines();
    for args in [
        vec!["withdraw", &f, &id],
        vec!["edit", &f, "no-such-id", "--text", "x"],
    ] {
        let out = shenhe(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("没有这条意见"));
    }
    assert_eq!(lines(), before);
}

#[test]
fn a_grade_that_contradicts_the_decision_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["yx-tjj.json", "yx-jyj.json"] {
        std::fs::copy(sample().join(name), dir.path().join(name)).unwrap();
    }
    let f = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--reviewer", "王审核"]);
        shenhe(&all)
    };
    // The two: 通过 with 差, 退回修改 with 优.
    let out = run(&["decide", &f("yx-tjj.json"), "approve", "--grade", "差"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("“通过”") && said.contains("“差”") && said.contains("优、良"),
        "{said}"
    );
    let out = run(&["decide", &f("yx-jyj.json"), "return", "--grade", "优"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("“退回修改”") && said.contains("“优”") && said.contains("中、差"),
        "{said}"
    );
    let out = run(&["decide", &f("yx-tjj.json"), "pending", "--grade", "良"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !shenhe::review::my_journal(&dir.path().join("yx-tjj.json")).exists(),
        "nothing written"
    );
    assert!(
        !shenhe::review::my_journal(&dir.path().join("yx-jyj.json")).exists(),
        "nothing written"
    );
    // Pairs that fit are written.
    for (file, decision, grade) in [
        ("yx-tjj.json", "approve", "优"),
        ("yx-tjj.json", "approve", "良"),
        ("yx-jyj.json", "return", "中"),
        ("yx-jyj.json", "return", "差"),
    ] {
        let out = run(&["decide", &f(file), decision, "--grade", grade]);
        assert_eq!(out.status.code(), Some(0), "{decision} {grade}");
    }
    assert_eq!(
        run(&["decide", &f("yx-tjj.json"), "approve"]).status.code(),
        Some(0)
    );
}

#[test]
fn a_rule_is_judged_at_once_in_a_file_or_a_folder_and_one_place_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "tianhe-sfj.json",
        "ysh-tyj.xlsx",
        "yx-whj.json",
        "yx-daj.json",
    ] {
        std::fs::copy(sample().join(f), dir.path().join(f)).unwrap();
    }
    let d = dir.path().to_string_lossy().into_owned();
    let seed = dir.path().join("tianhe-sfj.json");
    let s = seed.to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--reviewer", "王审核"]);
        shenhe(&all)
    };
    // The flags of a rule in a file, as the json export judges them.
    let judged = |file: &str, rule: &str| -> Vec<(String, String)> {
        let v: Value =
            serde_json::from_str(&stdout(&shenhe(&["export", &d, "--format", "json"]))).unwrap();
        let decl = v["declarations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["file"] == file)
            .unwrap()
            .clone();
        decl["flags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .map(|f| {
                let at = f["location"].as_str().unwrap().to_string();
                (at, f["disposition"].as_str().unwrap().to_string())
            })
            .collect()
    };
    let pair = |at: &str, how: &str| (at.to_string(), how.to_string());

    // The folder: HIER-04 (a note, left out by default) sent to all three
    // declarations that have it, in one step; yx-daj has none.
    let out = run(&["dispose", &d, "--rule", "HIER-04", "--all", "accept"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = stdout(&out);
    assert!(
        said.contains("已将 3 份申报表中 HIER-04 的 3 个问题全部判为“采纳”"),
        "{said}"
    );
    assert_eq!(said.lines().filter(|l| l.starts_with("已记录")).count(), 3);
    for f in ["tianhe-sfj.json", "ysh-tyj.xlsx", "yx-whj.json"] {
        assert_eq!(judged(f, "HIER-04"), [pair("indicators", "accept")], "{f}");
    }
    assert!(!shenhe::review::my_journal(&dir.path().join("yx-daj.json")).exists());
    // A rule no file of the folder has: refused, nothing written.
    let out = run(&["dispose", &d, "--rule", "FUND-01", "--all", "accept"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有哪份申报表有 FUND-01"));

    // The file: both QUANT-01 of the seed left out with one reason.
    let dismiss = ["dispose", &s, "--rule", "QUANT-01", "--all", "dismiss"];
    assert_eq!(run(&dismiss).status.code(), Some(2), "a reason is needed");
    let mut with_reason = dismiss.to_vec();
    with_reason.extend(["--reason", "定性指标，考核标准另有规定"]);
    assert_eq!(run(&with_reason).status.code(), Some(0));
    assert_eq!(
        judged("tianhe-sfj.json", "QUANT-01"),
        [
            pair("indicators[20]", "dismiss"),
            pair("indicators[22]", "dismiss")
        ]
    );
    assert_eq!(
        run(&["decide", &s, "return", "--grade", "中"])
            .status
            .code(),
        Some(0)
    );
    let md = stdout(&shenhe(&["export", &d, "--format", "md"]));
    assert!(!md.contains("符合省市考核标准"), "{md}");
    assert!(md.contains("法律援助受益人数"), "QUANT-04 still goes: {md}");

    // A later judgement of one place overrides the rule's there alone.
    let one = [
        "dispose",
        &s,
        "--rule",
        "QUANT-01",
        "--at",
        "indicators[20]",
        "accept",
    ];
    assert_eq!(run(&one).status.code(), Some(0));
    assert_eq!(
        judged("tianhe-sfj.json", "QUANT-01"),
        [
            pair("indicators[20]", "accept"),
            pair("indicators[22]", "dismiss")
        ]
    );
    let md = stdout(&shenhe(&["export", &d, "--format", "md"]));
    assert!(md.contains("符合省市考核标准"), "{md}");
    let v: Value =
        serde_json::from_str(&stdout(&shenhe(&["export", &d, "--format", "json"]))).unwrap();
    let history = v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["file"] == "tianhe-sfj.json")
        .unwrap()["dispositions"]
        .clone();
    let kinds: Vec<(Value, Value)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["rule"].clone(), h["every_place"].clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Value::from("HIER-04"), Value::from(true)),
            (Value::from("QUANT-01"), Value::from(true)),
            (Value::from("QUANT-01"), Value::from(false)),
        ]
    );

    // Resubmitted, the judgements pinned to the old version do not carry.
    let mut bytes = std::fs::read(&seed).unwrap();
    bytes.extend_from_slice(b"\n");
    std::fs::write(&seed, bytes).unwrap();
    assert_eq!(
        judged("tianhe-sfj.json", "QUANT-01"),
        [
            pair("indicators[20]", "accept"),
            pair("indicators[22]", "accept")
        ]
    );
    assert_eq!(
        judged("tianhe-sfj.json", "HIER-04"),
        [pair("indicators", "dismiss")]
    );
}

#[test]
fn flags_are_judged_and_approving_over_an_error_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("yx-jtj.json");
    std::fs::copy(sample().join("yx-jtj.json"), &file).unwrap();
    let f = file.to_string_lossy().into_owned();
    let journal = shenhe::review::my_journal(&dir.path().join("yx-jtj.json"));
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--reviewer", "王审核"]);
        shenhe(&all)
    };

    let out = run(&["decide", &f, "approve", "--grade", "良"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("仍有 1 个错误未处理") && said.contains("HIER-01"),
        "{said}"
    );
    assert!(!journal.exists(), "nothing written");

    // Dismissing needs a reason; a rule where it has no flag is refused.
    let dismiss = [
        "dispose",
        &f,
        "--rule",
        "HIER-01",
        "--at",
        "indicators[4]",
        "dismiss",
    ];
    let out = run(&dismiss);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不采纳需要写明原因"));
    let out = run(&[
        "dispose",
        &f,
        "--rule",
        "HIER-01",
        "--at",
        "indicators[3]",
        "accept",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有 HIER-01 的问题"));
    assert!(!journal.exists(), "nothing written");

    let mut with_reason = dismiss.to_vec();
    with_reason.extend(["--reason", "该指标口径已与部门确认"]);
    assert_eq!(run(&with_reason).status.code(), Some(0));
    assert_eq!(
        run(&["decide", &f, "approve", "--grade", "良"])
            .status
            .code(),
        Some(0)
    );

    // Included again, the error stands; --force approves over it.
    let accept = [
        "dispose",
        &f,
        "--rule",
        "HIER-01",
        "--at",
        "indicators[4]",
        "accept",
    ];
    assert_eq!(run(&accept).status.code(), Some(0));
    assert_eq!(run(&["decide", &f, "approve"]).status.code(), Some(2));
    assert_eq!(
        run(&["decide", &f, "approve", "--force"]).status.code(),
        Some(0)
    );

    // Every disposition is in the json export, with its reason.
    let out = shenhe(&["export", &dir.path().to_string_lossy(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flag = &json["declarations"][0]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "HIER-01")
        .unwrap()
        .clone();
    assert_eq!(flag["disposition"], "accept", "{flag}");
    assert_eq!(flag["disposed_by"], "王审核", "{flag}");
    let history = json["declarations"][0]["dispositions"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["reason"], "该指标口径已与部门确认");
}

#[test]
fn notices_as_word_documents_one_per_returned_declaration_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["tianhe-sfj.json", "yx-daj.json", "yx-gxj.json"] {
        std::fs::copy(sample().join(f), dir.path().join(f)).unwrap();
    }
    let d = dir.path().to_string_lossy().into_owned();
    let file = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    let who = ["--reviewer", "王审核"];
    for args in [
        vec![
            "decide",
            &file("tianhe-sfj.json"),
            "return",
            "--grade",
            "中",
        ],
        vec![
            "comment",
            &file("yx-gxj.json"),
            "--at",
            "declaration",
            "--text",
            "请修正金额",
        ],
        vec!["decide", &file("yx-gxj.json"), "return", "--grade", "差"],
    ] {
        let mut all = args.clone();
        all.extend(who);
        assert_eq!(shenhe(&all).status.code(), Some(0), "{args:?}");
    }
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[notice]\nissuer = \"广州市云溪区财政局\"\ncontact = \"张三\"\nphone = \"020-1234\"\n",
    )
    .unwrap();
    let c = config.to_string_lossy().into_owned();

    let out = shenhe(&["export", &d, "--format", "docx", "--config", &c]);
    assert_eq!(out.status.code(), Some(2), "docx needs a folder");

    let notices = dir.path().join("notices");
    let n = notices.to_string_lossy().into_owned();
    let args = [
        "export", &d, "--format", "docx", "--out", &n, "--config", &c,
    ];
    let mut with_deadline = args.to_vec();
    with_deadline.extend(["--deadline", "2026-12-15"]);
    let out = shenhe(&with_deadline);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "no warning with [notice] set: {out:?}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&notices)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["tianhe-sfj.审核意见.docx", "yx-gxj.审核意见.docx"]);
    for name in &names {
        common::assert_docx_opens(&std::fs::read(notices.join(name)).unwrap());
    }
    let docx = std::fs::read(notices.join("tianhe-sfj.审核意见.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains("请于2026年12月15日前修改完善后重新报送"),
        "the deadline given"
    );
    assert!(xml.contains("广州市云溪区财政局"));

    // Whole or not at all: a folder where one document goes stops both.
    std::fs::remove_dir_all(&notices).unwrap();
    std::fs::create_dir(&notices).unwrap();
    std::fs::create_dir(notices.join("yx-gxj.审核意见.docx")).unwrap();
    let out = shenhe(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !notices.join("tianhe-sfj.审核意见.docx").exists(),
        "nothing written"
    );
    assert_eq!(
        std::fs::read_dir(&notices).unwrap().count(),
        1,
        "no temporary file left"
    );

    let out = shenhe(&["export", &d, "--format", "md", "--deadline", "12月8日"]);
    assert_eq!(out.status.code(), Some(2));
    // Unset [notice]: it works, shows the gap and says so once.
    let out = shenhe(&["export", &d, "--format", "md"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("（请填写财政局名称）"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.matches("[notice]").count(), 1, "{said}");
}

#[test]
fn report_writes_the_document_and_the_workbook_together_or_neither() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["tianhe-sfj.json", "yx-daj.json", "yx-mzj.json"] {
        std::fs::copy(sample().join(f), dir.path().join(f)).unwrap();
    }
    let d = dir.path().to_string_lossy().into_owned();
    let out = tempfile::tempdir().unwrap();
    let o = out.path().to_string_lossy().into_owned();
    // No [report] settings: the blanks are said once, and left visible.
    let run = shenhe(&["report", &d, "--out", &o]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let said = String::from_utf8_lossy(&run.stderr);
    assert_eq!(said.matches("[report]").count(), 1, "{said}");
    assert!(said.contains("to, issuer"), "{said}");
    let docx = out.path().join("审核情况报告.docx");
    let xlsx = out.path().join("审核情况统计.xlsx");
    assert!(docx.is_file() && xlsx.is_file());
    let text = stdout(&shenhe(&["report", &d]));
    assert!(
        text.contains("（请填写主送机关）：") && text.contains("（请填写发文机关）"),
        "{text}"
    );
    assert!(text.contains("共收到申报表3份"), "{text}");

    // The workbook's name taken by a folder: neither file is written.
    let blocked = tempfile::tempdir().unwrap();
    std::fs::create_dir(blocked.path().join("审核情况统计.xlsx")).unwrap();
    let b = blocked.path().to_string_lossy().into_owned();
    let run = shenhe(&["report", &d, "--out", &b]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!blocked.path().join("审核情况报告.docx").exists());
}
