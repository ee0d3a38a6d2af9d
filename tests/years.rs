//! Last year's folder named on the command line (`--previous`, `[compare]
//! previous`): how a declaration finds its previous, and last year's files
//! that are broken, doubled, links or FIFOs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::{sample_file, shenhe_measured};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// `sample-data/name` with its JSON edited, written to `dir/file`.
fn write_edited(dir: &Path, file: &str, name: &str, edit: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_slice(&std::fs::read(sample_file(name)).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(dir.join(file), serde_json::to_vec_pretty(&v).unwrap()).unwrap();
}

fn last_year(v: &mut Value) {
    v["fiscal_year"] = 2024.into();
}

fn check_json(args: &[&str]) -> Value {
    let run = shenhe_measured(Duration::from_secs(60), args);
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}: {}", run.stderr()))
}

fn previous_of<'a>(report: &'a Value, file: &str) -> &'a Value {
    let d = report["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == file)
        .unwrap();
    &d["previous"]
}

#[test]
fn each_declaration_says_its_previous_or_why_it_has_none() {
    let now = tempfile::tempdir().unwrap();
    let last = tempfile::tempdir().unwrap();
    for name in ["yx-jyj.json", "yx-wjj.json", "yx-jtj.json", "yx-mzj.json"] {
        std::fs::copy(sample_file(name), now.path().join(name)).unwrap();
    }
    // 教育局: found, one of its targets made easier.
    write_edited(last.path(), "jyj-2024.json", "yx-jyj.json", |v| {
        last_year(v);
        let t = v["indicators"][0]["annual_target"]
            .as_str()
            .unwrap()
            .to_string();
        v["indicators"][0]["annual_target"] = t.replace(|c: char| c.is_ascii_digit(), "9").into();
    });
    // 卫健局: twice.
    write_edited(last.path(), "wjj-a.json", "yx-wjj.json", last_year);
    write_edited(last.path(), "wjj-b.json", "yx-wjj.json", last_year);
    // 交通局: its file of last year does not load, though it names itself.
    write_edited(last.path(), "jtj-2024.json", "yx-jtj.json", |v| {
        last_year(v);
        v["budget"]["expenditure"]["basic"] = "十二万".into();
    });
    // And a broken workbook, a link and a FIFO, none of which may stop it.
    std::fs::write(
        last.path().join("broken.xlsx"),
        b"PK\x03\x04 not a workbook",
    )
    .unwrap();
    std::os::unix::fs::symlink(sample_file("yx-mzj.json"), last.path().join("link.json")).unwrap();
    let fifo = last.path().join("fifo.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let report = check_json(&[
        "check",
        now.path().to_str().unwrap(),
        "--previous",
        last.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let jyj = previous_of(&report, "yx-jyj.json");
    assert_eq!(jyj["status"], "found");
    assert_eq!(jyj["file"], "jyj-2024.json");
    assert_eq!(jyj["previous_rows"][0], 0);
    assert_eq!(jyj["matched_by_common_run"], Value::Array(vec![]));
    assert_eq!(jyj["dropped"], Value::Array(vec![]));
    let wjj = previous_of(&report, "yx-wjj.json");
    assert_eq!(wjj["status"], "several");
    assert_eq!(
        wjj["files"],
        serde_json::json!(["wjj-a.json", "wjj-b.json"])
    );
    assert!(wjj["reason"].as_str().unwrap().contains("2 份"), "{wjj}");
    let jtj = previous_of(&report, "yx-jtj.json");
    assert_eq!(jtj["status"], "unreadable");
    assert_eq!(jtj["files"], serde_json::json!(["jtj-2024.json"]));
    let mzj = previous_of(&report, "yx-mzj.json");
    assert_eq!(mzj["status"], "none", "a link is not read: {mzj}");
    // Last year's broken files, each said once.
    let broken: Vec<&str> = report["previous_folder"]["load_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert!(
        broken.contains(&"broken.xlsx") && broken.contains(&"jtj-2024.json"),
        "{broken:?}"
    );
    assert_eq!(report["previous_folder"]["declarations"], 3);
    // This year's flags are all there; YOY only where a previous was found.
    let yoy_files: Vec<&str> = report["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule"].as_str().unwrap().starts_with("YOY"))
        })
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(yoy_files, ["yx-jyj.json"]);
}

#[test]
fn the_configured_folder_is_relative_to_the_folder_reviewed_and_the_option_wins() {
    let root = tempfile::tempdir().unwrap();
    let (now, last) = (root.path().join("2025"), root.path().join("2024"));
    std::fs::create_dir_all(&now).unwrap();
    std::fs::create_dir_all(&last).unwrap();
    std::fs::copy(sample_file("yx-jyj.json"), now.join("yx-jyj.json")).unwrap();
    write_edited(&last, "jyj.json", "yx-jyj.json", last_year);
    let config = root.path().join("config.toml");
    std::fs::write(&config, "[compare]\nprevious = \"../2024\"\n").unwrap();
    let report = check_json(&[
        "check",
        now.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(previous_of(&report, "yx-jyj.json")["file"], "jyj.json");
    // No previous said at all without a folder named.
    let alone = check_json(&["check", now.to_str().unwrap(), "--format", "json"]);
    assert!(previous_of(&alone, "yx-jyj.json").is_null());
    assert!(alone.get("previous_folder").is_none());
    // A folder named that is not there: said, exit 2, nothing checked.
    let run = shenhe_measured(
        Duration::from_secs(60),
        &[
            "check",
            now.to_str().unwrap(),
            "--previous",
            "/nonexistent-last-year",
        ],
    );
    assert_eq!(run.out.status.code(), Some(2));
    assert!(
        run.stderr()
            .contains("无法读取上年文件夹 /nonexistent-last-year"),
        "{}",
        run.stderr()
    );
}
