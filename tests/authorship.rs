//! Issue 19, “Who did what”: authorship the operating system vouches for.
//! The tests run as one account; a colleague is a second user id, made by
//! `chown` (uid 4242, which has no name: its login reads `uid 4242`, its
//! journals `NAME.review.uid-4242.jsonl`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test
#![cfg(unix)]

mod common;

use common::{sample_file, shenhe_measured};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;

const HANG: Duration = Duration::from_secs(20);
const COLLEAGUE: u32 = 4242;

fn run(args: &[&str]) -> common::Run {
    let run = shenhe_measured(HANG, args);
    assert_eq!(run.out.status.code(), Some(0), "{args:?}: {}", run.stderr());
    run
}

/// `comment` on the overall goal, signed `name`.
fn comment_as(file: &str, name: &str) {
    let text = "目标请量化";
    run(&[
        "comment",
        file,
        "--at",
        "overall_goal",
        "--text",
        text,
        "--reviewer",
        name,
    ]);
}

/// A folder with `a.json` (and `b.json`), returned by this account with a
/// comment: 甲's work.
fn returned_by_jia() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    // yx-mzj has two errors: approving it needs --force.
    std::fs::copy(sample_file("yx-mzj.json"), &a).unwrap();
    std::fs::copy(sample_file("yx-daj.json"), dir.path().join("b.json")).unwrap();
    let f = a.to_str().unwrap();
    comment_as(f, "甲");
    run(&["decide", f, "return", "--grade", "中", "--reviewer", "甲"]);
    (dir, a)
}

/// The record as `shenhe` writes it, with `edit` applied to its JSON.
fn record_like(file: &Path, edit: impl FnOnce(&mut Value)) -> String {
    let text = std::fs::read_to_string(shenhe::review::my_journal(file)).unwrap();
    // The last the reviewer wrote: a return is followed by the record
    // of what was sent back, which is not one.
    let line = text
        .lines()
        .rev()
        .find(|l| !l.contains(r#""kind":"returned""#))
        .unwrap();
    let mut v: Value = serde_json::from_str(line).unwrap();
    edit(&mut v);
    v.to_string()
}

/// Writes `lines` as the colleague's file `name`, owned by the colleague.
fn colleague_writes(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    std::os::unix::fs::chown(&path, Some(COLLEAGUE), Some(COLLEAGUE)).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
    path
}

fn exported(dir: &Path) -> Value {
    let out = run(&["export", dir.to_str().unwrap(), "--format", "json"]);
    serde_json::from_str(&out.stdout()).unwrap()
}

fn row<'v>(v: &'v Value, file: &str) -> &'v Value {
    v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == file)
        .unwrap()
}

#[test]
fn item_15_a_forged_approval_does_not_count_and_shows_who_wrote_it() {
    let (dir, a) = returned_by_jia();
    let me = shenhe::review::act::login().unwrap();
    // In the colleague's own journal, claiming to be 甲 on this account.
    let forged = record_like(&a, |r| {
        r["id"] = "forged-1".into();
        r["at"] = "2099-01-01T00:00:00.000Z".into();
        r["kind"] = "decision".into();
        r["decision"] = "approve".into();
        r["grade"] = "优".into();
    });
    // The attack as found: the same line appended to the one journal the
    // whole group could write (the shared journal of earlier builds).
    let shared = forged.replace("forged-1", "forged-2");
    colleague_writes(dir.path(), "a.review.uid-4242.jsonl", &[forged]);
    colleague_writes(dir.path(), "a.review.jsonl", &[shared]);
    let v = exported(dir.path());
    let a_row = row(&v, "a.json");
    assert_eq!(a_row["decision"], "return", "{a_row:#}");
    assert_eq!(a_row["grade"], "中");
    assert_eq!(a_row["decided_by_login"], me.as_str());

    // The figures of the batch count what the system vouches for, as
    // `check --format json` does: one return by 甲 on this account.
    let summary = &v["summary"];
    assert_eq!(
        summary["decisions"],
        json!({"pending": 1, "approve": 0, "return": 1})
    );
    assert_eq!(summary["grades"]["优"], 0);
    assert_eq!(
        summary["deciders"],
        json!([{"reviewer": "甲", "login": me, "decisions": 1}])
    );
    // (It exits 1: the declaration has errors.)
    let check = common::shenhe(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let check: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(check["summary"], v["summary"]);

    let forged = &a_row["forged"][0];
    assert_eq!(forged["written_by"], "uid 4242");
    assert_eq!(
        (&forged["reviewer"], &forged["login"]),
        (&json!("甲"), &json!(me))
    );
    // The xlsx says it too, on its sheet of what the system could not vouch for.
    let book = dir.path().join("out.xlsx");
    run(&[
        "export",
        dir.path().to_str().unwrap(),
        "--format",
        "xlsx",
        "--out",
        book.to_str().unwrap(),
    ]);
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    use calamine::Reader;
    let sheet = xlsx.worksheet_range("核实").unwrap();
    let rows: Vec<String> = sheet
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("a.json|") && r.contains("冒名记录") && r.contains("uid 4242")),
        "{rows:#?}"
    );
    // The return notice is still there.
    let out = run(&["export", dir.path().to_str().unwrap(), "--format", "md"]);
    assert!(out.stdout().contains("目标请量化"), "{}", out.stdout());
    // Approving over the standing errors still needs --force.
    let refused = shenhe_measured(
        HANG,
        &["decide", a.to_str().unwrap(), "approve", "--reviewer", "甲"],
    );
    assert_eq!(refused.out.status.code(), Some(2), "{}", refused.stderr());
}

#[test]
fn item_15_a_journal_planted_under_this_account_s_name_is_never_written() {
    let (dir, _) = returned_by_jia();
    let b = dir.path().join("b.json");
    let mine = shenhe::review::my_journal(&b);
    let name = mine.file_name().unwrap().to_str().unwrap().to_string();
    // Planted before this account's first write on b.json.
    let approve = record_like(&dir.path().join("a.json"), |r| {
        r["id"] = "planted-1".into();
        r["decision"] = "approve".into();
        r["grade"] = "优".into();
    });
    colleague_writes(dir.path(), &name, &[approve]);
    let before = std::fs::read(&mine).unwrap();
    let refused = shenhe_measured(
        HANG,
        &[
            "comment",
            b.to_str().unwrap(),
            "--at",
            "budget",
            "--text",
            "x",
            "--reviewer",
            "甲",
        ],
    );
    assert_eq!(refused.out.status.code(), Some(2));
    assert!(
        refused.stderr().contains("uid 4242"),
        "{}",
        refused.stderr()
    );
    assert_eq!(std::fs::read(&mine).unwrap(), before, "never appended to");
    let v = exported(dir.path());
    let b_row = row(&v, "b.json");
    assert_eq!(b_row["decision"], "pending", "{b_row:#}");
    assert_eq!(b_row["misnamed_journals"][0]["owner"], "uid 4242");
}

#[test]
fn item_16_a_withdrawal_by_another_account_says_who_withdrew() {
    let (dir, a) = returned_by_jia();
    let comment_id = {
        let line = std::fs::read_to_string(shenhe::review::my_journal(&a)).unwrap();
        let first: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
        first["id"].as_str().unwrap().to_string()
    };
    // 乙, on the colleague's account, in the colleague's own journal.
    let withdraw = record_like(&a, |r| {
        r["id"] = "w-1".into();
        r["reviewer"] = "乙".into();
        r["login"] = "uid 4242".into();
        r["at"] = "2099-01-01T00:00:00.000Z".into();
        r["kind"] = "withdraw".into();
        r["of"] = comment_id.clone().into();
        r.as_object_mut().unwrap().remove("decision");
        r.as_object_mut().unwrap().remove("grade");
    });
    colleague_writes(dir.path(), "a.review.uid-4242.jsonl", &[withdraw]);
    let v = exported(dir.path());
    let c = &row(&v, "a.json")["comments"][0];
    assert_eq!(c["withdrawn"], true, "{c:#}");
    assert_eq!(c["reviewer"], "甲");
    assert_eq!(
        (&c["withdrawn_by"], &c["withdrawn_by_login"]),
        (&json!("乙"), &json!("uid 4242"))
    );
    assert_eq!(c["verified"], true);
    assert!(row(&v, "a.json")["forged"].as_array().unwrap().is_empty());
}

#[test]
fn deciding_over_another_account_s_decision_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    std::fs::copy(sample_file("yx-daj.json"), &a).unwrap();
    let f = a.to_str().unwrap();
    comment_as(f, "乙");
    // 甲, on the colleague's account, returned it a minute ago.
    let returned = record_like(&a, |r| {
        r["id"] = "jia-1".into();
        r["reviewer"] = "甲".into();
        r["login"] = "uid 4242".into();
        r["at"] = "2099-01-01T02:32:00.000Z".into();
        r["kind"] = "decision".into();
        r["decision"] = "return".into();
        r["grade"] = "中".into();
        let r = r.as_object_mut().unwrap();
        r.remove("place");
        r.remove("text");
    });
    colleague_writes(dir.path(), "a.review.uid-4242.jsonl", &[returned]);
    let refused = shenhe_measured(HANG, &["decide", f, "approve", "--reviewer", "乙"]);
    assert_eq!(refused.out.status.code(), Some(2), "{}", refused.stdout());
    assert!(
        refused.stderr().contains("甲〔账号 uid 4242〕 已于")
            && refused.stderr().contains("--force"),
        "{}",
        refused.stderr()
    );
    // The same decision asks nothing; --force decides otherwise.
    run(&["decide", f, "return", "--grade", "差", "--reviewer", "乙"]);
    run(&["decide", f, "approve", "--force", "--reviewer", "乙"]);
    assert_eq!(row(&exported(dir.path()), "a.json")["decision"], "approve");
}

#[test]
fn a_folder_without_the_sticky_bit_is_warned_of() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    std::fs::copy(sample_file("yx-daj.json"), &a).unwrap();
    let comment = || {
        run(&[
            "comment",
            a.to_str().unwrap(),
            "--at",
            "budget",
            "--text",
            "x",
            "--reviewer",
            "甲",
        ])
    };
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o2770)).unwrap();
    assert!(comment().stderr().contains("未设置粘滞位"));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o3770)).unwrap();
    assert_eq!(comment().stderr(), "", "set up as the README says");
}

#[test]
fn more_journals_than_reviewers_are_said_not_left_half_read() {
    let (dir, _) = returned_by_jia();
    for i in 0..64 {
        colleague_writes(dir.path(), &format!("a.review.x{i:02}.jsonl"), &[]);
    }
    let v = exported(dir.path());
    let e = row(&v, "a.json")["journal_error"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(e.contains("超过 64 个"), "{e}");
}

/// The attack in the one journal the whole group could write (the shared
/// journal of earlier builds), on a declaration no one has decided since:
/// nothing in it decides. Its latest decision is shown, to be made again.
#[test]
fn item_15_nothing_in_the_shared_journal_of_earlier_builds_decides() {
    let (dir, a) = returned_by_jia();
    let c = dir.path().join("c.json");
    std::fs::copy(&a, &c).unwrap();
    // What 甲 wrote before the upgrade, then the forged approval after it.
    let lines: Vec<String> = std::fs::read_to_string(shenhe::review::my_journal(&a))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let forged = record_like(&a, |r| {
        r["id"] = "forged-legacy".into();
        r["decision"] = "approve".into();
        r["grade"] = "优".into();
    });
    let mut shared = lines.clone();
    shared.push(forged);
    colleague_writes(dir.path(), "c.review.jsonl", &shared);
    let v = exported(dir.path());
    let c_row = row(&v, "c.json");
    assert_eq!(c_row["decision"], "pending", "{c_row:#}");
    assert_eq!(c_row["unconfirmed_decision"]["decision"], "approve");
    assert_eq!(
        c_row["comments"][0]["verified"], false,
        "the words still show"
    );
}
