//! The journal under concurrent writers and crashes, with real processes:
//! the test binary runs itself again as the writer (see `writer_child`).

use super::*;
use crate::review::record::{Body, Place, new_id, rfc3339};
use std::process::{Command, Stdio};

fn record(reviewer: &str, text: &str) -> Record {
    let now = std::time::SystemTime::now();
    Record {
        v: RECORD_VERSION,
        id: new_id(now),
        reviewer: reviewer.into(),
        login: None,
        at: rfc3339(now),
        declaration_sha256: crate::review::sha256_hex(b"declaration"),
        body: Body::Comment {
            place: Place::Location {
                path: "budget".into(),
            },
            text: text.into(),
        },
    }
}

/// Not a test of its own: run by the tests below as a separate process,
/// appending `SHENHE_WRITER_COUNT` records to `SHENHE_WRITER`.
#[test]
fn writer_child() {
    let (Some(path), Some(count)) = (
        std::env::var_os("SHENHE_WRITER"),
        std::env::var("SHENHE_WRITER_COUNT").ok(),
    ) else {
        return;
    };
    let tag = std::env::var("SHENHE_WRITER_TAG").unwrap_or_default();
    for i in 0..count.parse::<usize>().unwrap() {
        let written = append(
            Path::new(&path),
            &record(&tag, &format!("{tag} 第{i}条意见：预算不平衡，请核对。")),
        );
        if let Err(e) = written {
            eprintln!("append {} failed: {e:?}", i + 1);
            return;
        }
    }
}

fn writer(path: &Path, tag: &str, count: usize) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "review::journal::tests::writer_child",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("SHENHE_WRITER", path)
    .env("SHENHE_WRITER_COUNT", count.to_string())
    .env("SHENHE_WRITER_TAG", tag)
    .stdout(Stdio::null());
    cmd
}

#[test]
fn the_journal_sits_beside_its_declaration() {
    assert_eq!(
        journal_path(Path::new("/d/tianhe-sfj.json")),
        Path::new("/d/tianhe-sfj.review.jsonl")
    );
    assert_eq!(
        declaration_of(Path::new("/d/tianhe-sfj.review.jsonl")).as_deref(),
        Some(Path::new("/d/tianhe-sfj.json"))
    );
    assert_eq!(declaration_of(Path::new("/d/tianhe-sfj.json")), None);
}

#[test]
fn appended_records_read_back_in_order_and_the_group_may_only_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.review.jsonl");
    assert!(
        read(&path, u64::MAX).unwrap().records.is_empty(),
        "no journal yet: nothing said"
    );
    let written: Vec<Record> = (0..3)
        .map(|i| record("王审核", &format!("意见{i}\n第二行")))
        .collect();
    for r in &written {
        append(&path, r).unwrap();
    }
    let j = read(&path, u64::MAX).unwrap();
    assert_eq!(j.records, written);
    assert!(j.skipped.is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "the owner writes, the group reads: {mode:o}");
    }
}

#[test]
fn a_torn_last_line_is_skipped_and_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.review.jsonl");
    append(&path, &record("a", "完整的一条")).unwrap();
    let whole = serde_json::to_string(&record("a", "写了一半")).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(&whole.as_bytes()[..whole.len() / 2])
        .unwrap();
    let j = read(&path, u64::MAX).unwrap();
    assert_eq!(j.records.len(), 1);
    assert_eq!(j.skipped, vec![2]);
    // The next record starts on a line of its own: it reads, the fragment stays skipped.
    let later = record("a", "之后的一条");
    append(&path, &later).unwrap();
    let j = read(&path, u64::MAX).unwrap();
    assert_eq!(j.records.len(), 2);
    assert_eq!(j.records[1], later);
    assert_eq!(j.skipped, vec![2]);
}

#[test]
fn two_processes_appending_500_each_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.review.jsonl");
    let mut a = writer(&path, "甲", 500).spawn().unwrap();
    let mut b = writer(&path, "乙", 500).spawn().unwrap();
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    let j = read(&path, u64::MAX).unwrap();
    assert!(j.skipped.is_empty(), "every line parses: {:?}", j.skipped);
    assert_eq!(j.records.len(), 1000);
    for tag in ["甲", "乙"] {
        let mine: Vec<&Record> = j.records.iter().filter(|r| r.reviewer == tag).collect();
        assert_eq!(mine.len(), 500, "{tag}");
        for (i, r) in mine.iter().enumerate() {
            let Body::Comment { text, .. } = &r.body else {
                panic!()
            };
            assert!(
                text.starts_with(&format!("{tag} 第{i}条")),
                "{tag}'s own order kept"
            );
        }
    }
    let mut ids: Vec<&str> = j.records.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 1000, "ids are unique");
}

#[test]
#[cfg(unix)]
fn a_writer_killed_mid_write_leaves_every_acknowledged_record() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.review.jsonl");
    let mut child = writer(&path, "崩溃", 10)
        .env("SHENHE_FAILPOINT", "mid-write:4")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Three appends returned (acknowledged); the fourth is half written.
    let stderr = child.stderr.take().unwrap();
    let reached = std::io::BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("failpoint reached"));
    assert!(reached, "the writer reached the failpoint");
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "died of SIGKILL: {status:?}");
    let j = read(&path, u64::MAX).unwrap();
    assert_eq!(j.records.len(), 3, "every acknowledged record is there");
    assert_eq!(j.skipped, vec![4], "the torn one is skipped, and said");
    // The lock died with the writer: the next reviewer can append, and is read.
    let next = record("下一位", "继续");
    append(&path, &next).unwrap();
    let j = read(&path, u64::MAX).unwrap();
    assert_eq!((j.records.len(), j.records.last()), (4, Some(&next)));
}

#[test]
fn a_full_disk_fails_the_append_and_leaves_no_fragment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.review.jsonl");
    let out = writer(&path, "满", 5)
        .env("SHENHE_FAILPOINT", "full-disk:3")
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("append 3 failed"), "{said}");
    let j = read(&path, u64::MAX).unwrap();
    assert_eq!(j.records.len(), 2, "the two acknowledged records");
    assert!(j.skipped.is_empty(), "the half line was taken back");
    assert!(std::fs::read(&path).unwrap().ends_with(b"\n"));
}

#[test]
fn a_workbooks_journal_leads_back_to_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("zj-rsj.xlsx");
    std::fs::write(&book, b"PK").unwrap();
    assert_eq!(journal_path(&book), dir.path().join("zj-rsj.review.jsonl"));
    assert_eq!(
        declaration_of(&dir.path().join("zj-rsj.review.jsonl")),
        Some(book)
    );
    assert_eq!(
        declaration_of(&dir.path().join("gone.review.jsonl")),
        Some(dir.path().join("gone.json")),
        "no file there: the JSON name, as before"
    );
}

/// Issue 19, item 9: the writer's limit is the reader's. A line of
/// exactly [`MAX_LINE_BYTES`] is written and read back; one byte more is
/// refused and nothing is written.
#[test]
fn the_longest_line_written_is_the_longest_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.review.jsonl");
    let base = serde_json::to_vec(&record("甲", "")).unwrap().len();
    let at_limit = record("甲", &"a".repeat(MAX_LINE_BYTES - base));
    assert_eq!(serde_json::to_vec(&at_limit).unwrap().len(), MAX_LINE_BYTES);
    append(&path, &at_limit).unwrap();
    let over = record("甲", &"a".repeat(MAX_LINE_BYTES - base + 1));
    assert_eq!(
        append(&path, &over),
        Err(JournalError::LineTooLong {
            bytes: MAX_LINE_BYTES + 1,
            max: MAX_LINE_BYTES
        })
    );
    let read = read(&path, 64 << 20).unwrap();
    assert_eq!(read.records, [at_limit]);
    assert!(read.skipped.is_empty());
}
