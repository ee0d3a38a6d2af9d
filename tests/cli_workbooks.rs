//! Workbooks through the binary: `convert`, `check` on a folder of JSON
//! and workbooks together, and a comment on a workbook declaration.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::{real_file as real, sample_file as sample, shenhe};
use std::path::Path;

macro_rules! run {
    ($($a:expr),* $(,)?) => { shenhe(&[$(std::ffi::OsStr::new(&$a)),*]) };
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("UTF-8")
}

/// The flags `check --format json` gives each file of a folder.
fn flags_of(dir: &Path) -> Vec<(String, serde_json::Value)> {
    let out = run!(dir, "--format", "json");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut flags = d["flags"].clone();
            for f in flags.as_array_mut().unwrap() {
                f.as_object_mut().unwrap().remove("cell");
            }
            (d["file"].as_str().unwrap().to_string(), flags)
        })
        .collect()
}

#[test]
fn converted_json_gets_exactly_the_workbooks_flags() {
    let mut books = vec![sample("yx-nyj.xlsx"), sample("ysh-tyj.xlsx")];
    books.extend(real("zhanjiang-rsj-2023.xlsx"));
    books.extend(real("zhanjiang-rsj-2024.xlsx"));
    let as_books = tempfile::tempdir().unwrap();
    let as_json = tempfile::tempdir().unwrap();
    for b in &books {
        std::fs::copy(b, as_books.path().join(b.file_name().unwrap())).unwrap();
    }
    let mut args: Vec<std::ffi::OsString> = vec!["convert".into()];
    args.extend(books.iter().map(|b| b.clone().into_os_string()));
    args.extend(["--out".into(), as_json.path().as_os_str().to_owned()]);
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = shenhe(&refs);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), books.len());
    let strip = |v: Vec<(String, serde_json::Value)>| -> Vec<(String, serde_json::Value)> {
        v.into_iter()
            .map(|(f, flags)| (f.rsplit_once('.').unwrap().0.to_string(), flags))
            .collect()
    };
    let from_books = strip(flags_of(as_books.path()));
    let from_json = strip(flags_of(as_json.path()));
    assert_eq!(from_books.len(), books.len());
    assert_eq!(from_json, from_books);
    // The written files are format v1 and private to the group.
    let one = std::fs::read_to_string(as_json.path().join("ysh-tyj.json")).unwrap();
    assert!(one.contains("\"target_columns\": 1") && one.contains("市本级使用资金"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(as_json.path().join("ysh-tyj.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o007, 0, "not world-readable: {mode:o}");
}

#[test]
fn convert_one_file_to_standard_output() {
    let out = run!("convert", sample("yx-nyj.xlsx"));
    assert!(out.status.success());
    let d = shenhe::load::parse(&out.stdout).expect("format v1 JSON");
    assert_eq!(d.department.name.as_deref(), Some("广州市云溪区农业农村局"));
    assert_eq!(d.key_tasks.len(), 3);
}

#[test]
fn convert_writes_whole_batches_or_nothing() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = run!(
        "convert",
        sample("yx-nyj.xlsx"),
        sample("yx-lyj.xlsx"),
        "--out",
        out_dir.path()
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("Sheet1!C6（部门预算支出·项目支出）"), "{err}");
    assert!(err.contains("未写入任何文件"), "{err}");
    assert_eq!(std::fs::read_dir(out_dir.path()).unwrap().count(), 0);

    let out = run!("convert", sample("yx-nyj.xlsx"), sample("ysh-tyj.xlsx"));
    assert_eq!(out.status.code(), Some(2), "two files need --out");

    // Beside its own workbook, NAME.json would share NAME's journal.
    let folder = tempfile::tempdir().unwrap();
    let book = folder.path().join("yx-nyj.xlsx");
    std::fs::copy(sample("yx-nyj.xlsx"), &book).unwrap();
    let out = run!("convert", book, "--out", folder.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("共用审核记录"));
    assert!(!folder.path().join("yx-nyj.json").exists());
}

#[test]
fn convert_writes_a_batch_whole_or_not_at_all_into_a_folder_it_makes() {
    // The second file's place is taken by a folder: the first is not
    // written either.
    let parent = tempfile::tempdir().unwrap();
    let out_dir = parent.path().join("json");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::create_dir(out_dir.join("ysh-tyj.json")).unwrap();
    let out = run!(
        "convert",
        sample("yx-nyj.xlsx"),
        sample("ysh-tyj.xlsx"),
        "--out",
        out_dir
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("ysh-tyj.json"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out_dir.join("yx-nyj.json").exists(), "nothing written");
    // A folder not there yet is made, for the reviewer and the group.
    let fresh = parent.path().join("new");
    let out = run!("convert", sample("yx-nyj.xlsx"), "--out", fresh);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(fresh.join("yx-nyj.json").is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&fresh) & 0o007, 0, "not for everyone");
        assert_eq!(mode(&fresh.join("yx-nyj.json")), 0o640);
    }
}

#[test]
fn check_on_a_mixed_folder_points_at_cells() {
    let out = run!("check", sample("").as_os_str());
    let t = text(&out.stdout);
    assert!(
        t.contains("yx-nyj.xlsx  广州市云溪区农业农村局  2025年度")
            && t.contains("QUANT-02   绩效指标第7行（Sheet1!D23） (indicators[6])"),
        "{t}"
    );
    assert!(t.contains("tianhe-sfj.json  广州市天河区司法局"), "{t}");
    let out = run!("check", sample(""), "--format", "json");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nyj = v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "yx-nyj.xlsx")
        .unwrap();
    assert_eq!(nyj["flags"][0]["cell"], "Sheet1!D23");
    let seed = v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "tianhe-sfj.json")
        .unwrap();
    assert!(seed["flags"][0].get("cell").is_none(), "JSON has no cells");
}

#[test]
fn a_comment_on_a_workbook_goes_to_its_journal_and_its_export() {
    let folder = tempfile::tempdir().unwrap();
    let book = folder.path().join("yx-nyj.xlsx");
    std::fs::copy(sample("yx-nyj.xlsx"), &book).unwrap();
    let out = run!(
        "comment",
        book,
        "--at",
        "indicators[6]",
        "--rule",
        "QUANT-02",
        "--text",
        "请把“逐年提高”写成可衡量的等级",
        "--reviewer",
        "王审核"
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let journal = std::fs::read_to_string(shenhe::review::my_journal(
        &folder.path().join("yx-nyj.json"),
    ))
    .unwrap();
    assert!(journal.contains("逐年提高"), "{journal}");
    // A comment on a place, not a flag: a point of its own, in the form's words.
    let out = run!(
        "comment",
        book,
        "--at",
        "budget",
        "--text",
        "请核对预算",
        "--reviewer",
        "王审核"
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run!(
        "decide",
        book,
        "return",
        "--grade",
        "中",
        "--reviewer",
        "王审核"
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run!("export", folder.path(), "--format", "md");
    let md = text(&out.stdout);
    assert!(
        md.contains("表中第23行指标“耕地质量等级”")
            && md.contains("逐年提高")
            && !md.contains("Sheet1"),
        "{md}"
    );
    assert!(md.contains("（一）预算整体情况：请核对预算。"), "{md}");
    // A JSON namesake arriving makes both error rows; nothing is lost.
    std::fs::copy(sample("yx-daj.json"), folder.path().join("yx-nyj.json")).unwrap();
    let out = run!("check", folder.path());
    let t = text(&out.stdout);
    assert_eq!(t.matches("同名（仅扩展名不同）").count(), 2, "{t}");
    let out = run!(
        "comment",
        book,
        "--at",
        "budget",
        "--text",
        "x",
        "--reviewer",
        "王审核"
    );
    assert_eq!(out.status.code(), Some(2), "refused while the names clash");
    assert!(
        std::fs::read_to_string(shenhe::review::my_journal(
            &folder.path().join("yx-nyj.json")
        ))
        .unwrap()
        .contains("逐年提高")
    );
}

#[test]
fn check_says_which_budget_checks_of_the_real_forms_ran() {
    let (Some(a), Some(b)) = (
        real("zhanjiang-rsj-2023.xlsx"),
        real("zhanjiang-rsj-2024.xlsx"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(a, dir.path().join("2023.xlsx")).unwrap();
    std::fs::copy(b, dir.path().join("2024.xlsx")).unwrap();
    let out = run!("check", dir.path(), "--format", "json");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["catalogue_version"], 3);
    for d in v["declarations"].as_array().unwrap() {
        let checks = &d["budget_checks"];
        assert_eq!(
            checks[1],
            serde_json::json!({"rule": "FUND-02", "ran": false, "missing": ["budget.by_level.own_use"]}),
            "{}",
            d["file"]
        );
        let ran: Vec<bool> = checks
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["ran"].as_bool().unwrap())
            .collect();
        assert_eq!(ran, [true, false, true, true, true]);
        // No error stands on 2023; 2024 has only its eight HIER-01.
        let errors: Vec<&str> = d["flags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        match d["file"].as_str().unwrap() {
            "2023.xlsx" => assert!(errors.is_empty(), "{errors:?}"),
            _ => assert_eq!(errors, ["HIER-01"; 8]),
        }
    }
    // The text report: money as the form shows it.
    let text = text(&run!("check", dir.path()).stdout);
    assert!(text.contains("61,915.77"), "{text}");
    assert!(!text.contains("61,915.7693"), "{text}");
}
