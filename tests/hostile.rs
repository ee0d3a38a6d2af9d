//! The release binary against a folder an attacker shaped (issue 8): no
//! panic, no hang, nothing written where it must not be, nothing live in
//! what it prints. Each test names the item of the issue it proves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test
#![cfg(unix)]

mod common;

use serde_json::Value;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Runs shenhe; a run that has not ended after `limit` is killed and fails
/// the test (a hang is the bug, not a slow machine: the limits are far
/// above what each run takes).
fn shenhe_within(limit: Duration, args: &[&str]) -> Output {
    common::shenhe_measured(limit, args).out
}

fn shenhe(args: &[&str]) -> Output {
    shenhe_within(Duration::from_secs(60), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tianhe-sfj.json")
}

fn seed_json() -> Value {
    serde_json::from_slice(&std::fs::read(seed()).unwrap()).unwrap()
}

/// A folder holding the seed as `a.json`.
fn seeded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.json");
    std::fs::copy(seed(), &file).unwrap();
    (dir, file)
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// `check --format json` of a folder: each file with its load error.
fn rows(dir: &Path) -> Vec<(String, Option<String>)> {
    common::load_errors_of(&stdout(&shenhe(&["check", &s(dir), "--format", "json"])))
}

/// The load error of file `name` among `rows`' rows (`None`: it loaded).
fn load_error_of(found: &[(String, Option<String>)], name: &str) -> Option<String> {
    found
        .iter()
        .find(|(f, _)| f == name)
        .unwrap_or_else(|| panic!("{name} has no row: {found:?}"))
        .1
        .clone()
}

fn export(dir: &Path, format: &str) -> Output {
    shenhe(&["export", &s(dir), "--format", format])
}

fn export_to(dir: &Path, format: &str, out: &Path) -> Output {
    shenhe(&["export", &s(dir), "--format", format, "--out", &s(out)])
}

fn comment(file: &Path, at: &str, text: &str, reviewer: &str) -> Output {
    shenhe(&[
        "comment",
        &s(file),
        "--at",
        at,
        "--text",
        text,
        "--reviewer",
        reviewer,
    ])
}

fn write_json(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_vec(v).unwrap()).unwrap();
}

#[test]
fn item_1_amount_overflow_is_one_error_row_and_nothing_panics() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = seed_json();
    a["budget"]["expenditure"]["basic"] = "79228162514264337593543950335".into();
    write_json(&dir.path().join("max.json"), &a);
    let mut b = seed_json();
    let digits = format!("5{}", "0".repeat(28));
    b["key_tasks"][0]["funds"] = digits.clone().into();
    b["key_tasks"][1]["funds"] = digits.clone().into();
    write_json(&dir.path().join("tasks.json"), &b);
    let mut c = seed_json();
    c["budget"]["expenditure"]["basic"] = digits.clone().into();
    c["budget"]["income"]["fiscal_appropriation"] = format!("-{digits}").into();
    write_json(&dir.path().join("against.json"), &c);
    std::fs::copy(seed(), dir.path().join("seed.json")).unwrap();
    let found = rows(dir.path());
    assert_eq!(found.len(), 4);
    for (file, error) in &found {
        if file == "seed.json" {
            assert!(error.is_none());
        } else {
            let e = error.as_deref().unwrap_or_else(|| panic!("{file} loaded"));
            assert!(e.contains(file) && e.contains("12 位"), "{e}");
        }
    }
    for format in ["md", "csv", "json"] {
        assert_eq!(
            export(dir.path(), format).status.code(),
            Some(0),
            "{format}"
        );
    }
    let x = export_to(dir.path(), "xlsx", &dir.path().join("out.xlsx"));
    assert_eq!(x.status.code(), Some(0), "{}", stderr(&x));
}

fn mkfifo(path: &Path) {
    nix::unistd::mkfifo(path, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
}

#[test]
fn item_2_special_files_and_links_are_error_rows_and_never_block() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::copy(seed(), p("good.json")).unwrap();
    mkfifo(&p("fifo.json"));
    std::fs::create_dir(p("folder.json")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(p("socket.json")).unwrap();
    symlink(p("nowhere"), p("dangling.json")).unwrap();
    symlink(p("loop.json"), p("loop.json")).unwrap();
    symlink(seed(), p("link.json")).unwrap();
    let found = rows(dir.path());
    let by_name = |n: &str| load_error_of(&found, n);
    assert!(by_name("good.json").is_none());
    for n in ["fifo.json", "folder.json", "socket.json"] {
        let e = by_name(n).unwrap_or_else(|| panic!("{n} loaded"));
        assert!(e.contains("不是普通文件"), "{e}");
    }
    for n in ["dangling.json", "loop.json", "link.json"] {
        let e = by_name(n).unwrap_or_else(|| panic!("{n} loaded"));
        assert!(e.contains("符号链接"), "{e}");
    }
    assert_eq!(export(dir.path(), "json").status.code(), Some(0));
    // A file that becomes a FIFO after the listing is refused on its
    // descriptor: comment names the FIFO directly.
    let out = comment(&p("fifo.json"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("不是普通文件"), "{}", stderr(&out));
}

/// A sparse file of `size` bytes (no disk is used).
fn sparse(path: &Path, size: u64) {
    let f = std::fs::File::create(path).unwrap();
    f.set_len(size).unwrap();
}

#[test]
fn item_3_every_read_is_capped_declarations_and_journals() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    sparse(&p("huge.json"), 4 << 30);
    std::fs::write(p("huge.review.jsonl"), "{}\n").unwrap();
    std::fs::copy(seed(), p("zero.json")).unwrap();
    symlink("/dev/zero", p("zero.review.jsonl")).unwrap();
    std::fs::copy(seed(), p("big.json")).unwrap();
    sparse(&p("big.review.jsonl"), 65 << 20);
    std::fs::copy(seed(), p("long.json")).unwrap();
    let ok = comment(&p("long.json"), "budget", "前一条", "甲");
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let journal = shenhe::review::my_journal(&p("long.json"));
    let mut text = std::fs::read(&journal).unwrap();
    text.extend(std::iter::repeat_n(b'x', 2 << 20));
    text.push(b'\n');
    std::fs::write(&journal, &text).unwrap();
    assert_eq!(
        comment(&p("long.json"), "budget", "后一条", "甲")
            .status
            .code(),
        Some(0)
    );

    let out = shenhe_within(
        Duration::from_secs(20),
        &["export", &s(dir.path()), "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let row = |n: &str| {
        v["declarations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file"] == n)
            .unwrap()
            .clone()
    };
    assert!(
        row("huge.json")["load_error"]
            .as_str()
            .unwrap()
            .contains("超过上限")
    );
    assert!(
        row("zero.json")["journal_error"]
            .as_str()
            .unwrap()
            .contains("符号链接")
    );
    assert!(
        row("big.json")["journal_error"]
            .as_str()
            .unwrap()
            .contains("max_journal_bytes")
    );
    let long = row("long.json");
    let texts: Vec<&str> = long["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["前一条", "后一条"],
        "the records around the long line read"
    );
    assert_eq!(long["skipped_lines"], serde_json::json!([2]));
    // The shared journal of earlier builds is only read: a comment goes to
    // this account's own journal, and the link is never written through.
    let out = comment(&p("zero.json"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(shenhe::review::my_journal(&p("zero.json")).is_file());
    assert!(
        p("zero.review.jsonl")
            .symlink_metadata()
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn item_6_names_that_are_not_utf8_are_error_rows_kept_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = |b: &[u8]| dir.path().join(std::ffi::OsStr::from_bytes(b));
    std::fs::copy(seed(), name(b"a\xff.json")).unwrap();
    std::fs::copy(seed(), name(b"a\xfe.json")).unwrap();
    let found = rows(dir.path());
    let files: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["a\\xFE.json", "a\\xFF.json"]);
    for (_, e) in &found {
        let e = e.as_deref().expect("an error row");
        assert!(e.contains("UTF-8") && e.contains("改"), "{e}");
    }
    let out = comment(&name(b"a\xff.json"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(2));
    assert!(!name(b"a\xff.review.jsonl").exists());
}

#[test]
fn item_7_journal_links_and_special_files_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let home = tempfile::tempdir().unwrap();
    let bashrc = home.path().join(".bashrc");
    std::fs::write(&bashrc, "export PATH\n").unwrap();
    std::fs::set_permissions(&bashrc, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::copy(seed(), p("a.json")).unwrap();
    // Where this account's journal goes (and, below, where the shared
    // journal of earlier builds is read): nothing followed, nothing written.
    let own = |n: &str| shenhe::review::my_journal(&p(n));
    let own_name = own("a.json")
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    symlink(&bashrc, own("a.json")).unwrap();
    let out = comment(&p("a.json"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&own_name) && stderr(&out).contains("符号链接"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&bashrc).unwrap(), "export PATH\n");
    let mode = std::fs::metadata(&bashrc).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the target's mode is untouched");

    std::fs::copy(seed(), p("b.json")).unwrap();
    let target = home.path().join("created-by-shenhe");
    symlink(&target, own("b.json")).unwrap();
    assert_eq!(
        comment(&p("b.json"), "budget", "x", "甲").status.code(),
        Some(2)
    );
    assert!(!target.exists(), "a dangling link's target is not created");

    std::fs::copy(seed(), p("c.json")).unwrap();
    mkfifo(&own("c.json"));
    let out = comment(&p("c.json"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("不是普通文件"), "{}", stderr(&out));
    std::fs::copy(seed(), p("d.json")).unwrap();
    symlink(&bashrc, p("d.review.jsonl")).unwrap();
    // The shared journal of earlier builds is never written: the comment
    // goes to this account's own, the link's target is untouched, and
    // deciding (which reads every journal) is refused, naming the link.
    let out = comment(&p("d.json"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&bashrc).unwrap(), "export PATH\n");
    let out = shenhe(&["decide", &s(&p("d.json")), "return", "--reviewer", "甲"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("符号链接"), "{}", stderr(&out));
    for file in ["a.json", "b.json"] {
        let out = shenhe(&["decide", &s(&p(file)), "approve", "--reviewer", "甲"]);
        assert_eq!(out.status.code(), Some(2), "{file}");
    }
}

#[test]
fn item_8_a_new_journal_is_0640_whatever_the_umask() {
    let (_dir, file) = seeded();
    let journal = shenhe::review::my_journal(&file);
    for umask in ["077", "002"] {
        let _ = std::fs::remove_file(&journal);
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" comment \"$1\" --at budget --text 意见 --reviewer 甲"
            ))
            .arg(env!("CARGO_BIN_EXE_shenhe"))
            .arg(&file)
            .env("XDG_CONFIG_HOME", "/nonexistent-shenhe-test")
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        let mode = std::fs::metadata(&journal).unwrap().permissions().mode() & 0o777;
        // The owner writes, the group reads (issue 19: each account its own).
        assert_eq!(mode, 0o640, "under umask {umask}");
    }
}

#[test]
fn item_9_out_never_follows_a_link_nor_replaces_a_device() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed(), dir.path().join("a.json")).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // The temporary name the old build used, planted.
    let out = dir.path().join("notice.md");
    symlink(&victim, dir.path().join("notice.md.partial")).unwrap();
    let o = shenhe(&[
        "export",
        &s(dir.path()),
        "--format",
        "md",
        "--out",
        &s(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o007, 0, "not world-readable: {mode:o}");
    // A link, a device, a FIFO or a folder as the target: refused, exit 2.
    let link = dir.path().join("link.md");
    symlink(&victim, &link).unwrap();
    let fifo = dir.path().join("fifo.md");
    mkfifo(&fifo);
    for target in [
        link.as_path(),
        Path::new("/dev/null"),
        fifo.as_path(),
        dir.path(),
    ] {
        let o = shenhe(&[
            "export",
            &s(dir.path()),
            "--format",
            "csv",
            "--out",
            &s(target),
        ]);
        assert_eq!(o.status.code(), Some(2), "{target:?}");
        assert!(stderr(&o).contains(&s(target)), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let litter: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial") && n != "notice.md.partial")
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

/// A folder with one returned declaration whose texts are hostile.
fn hostile_review(name: &str, comment_text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut v = seed_json();
    v["department"]["name"] = name.into();
    let file = dir.path().join("a.json");
    write_json(&file, &v);
    assert_eq!(
        comment(&file, "budget", comment_text, "甲").status.code(),
        Some(0)
    );
    let o = shenhe(&[
        "decide",
        &s(&file),
        "return",
        "--grade",
        "中",
        "--reviewer",
        "甲",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    dir
}

#[test]
fn item_10_text_exports_carry_no_terminal_escapes() {
    let dir = hostile_review(
        "广州\u{1b}]0;pwned\u{7}市\u{202e}局",
        "意见\u{1b}[2J\u{9b}31m",
    );
    for (format, shown) in [("csv", "^[]0;pwned^G"), ("md", "^\\[\\]0;pwned^G")] {
        let o = export(dir.path(), format);
        let text = stdout(&o);
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']),
            "{format}: {text:?}"
        );
        assert!(text.contains(shown), "{format} shows the escape: {text}");
    }
}

#[test]
fn item_11_markdown_in_untrusted_text_is_inert() {
    let name = "</h1><!-- 局 <details>[财政局通知](https://evil.example/x) ![img](https://evil.example/i.png)";
    let dir = hostile_review(name, "# 标题\n* 列表 `code` <script>x</script> | 表格 |");
    let md = stdout(&export(dir.path(), "md"));
    for live in [
        "</h1>",
        "<!--",
        "<details>",
        "](https://",
        "<script>",
        "\n# 标题",
        "\n* 列表",
    ] {
        assert!(!md.contains(live), "{live:?} is live in:\n{md}");
    }
    assert!(
        md.contains("&lt;details&gt;") && md.contains("\\[财政局通知\\]"),
        "{md}"
    );
}

#[test]
fn item_12_xlsx_cuts_oversized_cells_and_errors_name_the_file() {
    let (dir, file) = seeded();
    let long = "很".repeat(40_000);
    assert_eq!(comment(&file, "budget", &long, "甲").status.code(), Some(0));
    let out = dir.path().join("out.xlsx");
    let o = export_to(dir.path(), "xlsx", &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        strings.contains("…（已截断，全文见 json 导出）"),
        "the cut is marked"
    );
    assert!(!strings.contains(&long), "the cell was cut");
}

#[test]
fn item_13_records_without_a_real_time_or_reviewer_are_skipped_and_such_names_refused() {
    let (dir, file) = seeded();
    assert_eq!(
        comment(&file, "budget", "真的", "甲").status.code(),
        Some(0)
    );
    let journal = shenhe::review::my_journal(&file);
    let good = std::fs::read_to_string(&journal).unwrap();
    let record: Value = serde_json::from_str(good.trim()).unwrap();
    let mut bad_time = record.clone();
    bad_time["id"] = "t".into();
    bad_time["at"] = "昨天下午".into();
    let mut blank = record.clone();
    blank["id"] = "b".into();
    blank["reviewer"] = "\u{200b}\u{3164} ".into();
    let mut escape = record.clone();
    escape["id"] = "e".into();
    escape["reviewer"] = "乙\u{1b}]0;x\u{7}".into();
    escape["text"] = "看\u{1b}[31m这里".into();
    let lines: Vec<String> = [bad_time, blank, escape]
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    std::fs::write(&journal, format!("{good}{}\n", lines.join("\n"))).unwrap();
    let v: Value = serde_json::from_str(&stdout(&export(dir.path(), "json"))).unwrap();
    let d = &v["declarations"][0];
    assert_eq!(d["skipped_lines"], serde_json::json!([2, 3]));
    let ids: Vec<&str> = d["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[1], "e");
    let md_csv = stdout(&export(dir.path(), "csv")) + &stdout(&export(dir.path(), "md"));
    assert!(!md_csv.contains('\u{1b}'));
    for name in ["\u{200b} \u{3164}", "  ", "\u{feff}"] {
        let o = comment(&file, "budget", "x", name);
        assert_eq!(o.status.code(), Some(2), "{name:?}");
    }
}

#[test]
fn items_14_15_an_edit_by_another_shows_who_wrote_the_words_and_logins_show() {
    let (dir, file) = seeded();
    let o = comment(&file, "budget", "请核对其他资金", "甲");
    let id = stdout(&o)
        .split_whitespace()
        .find(|w| w.contains('-'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .to_string()
        })
        .expect("an id");
    let o = shenhe(&[
        "edit",
        &s(&file),
        &id,
        "--text",
        "已核实，无问题，同意通过",
        "--reviewer",
        "乙",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = shenhe(&[
        "decide",
        &s(&file),
        "return",
        "--grade",
        "中",
        "--reviewer",
        "乙",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&export(dir.path(), "md"));
    // The notice carries the words that stand; the bureau signs it as one,
    // so no reviewer is named in it (the history keeps who wrote what).
    assert!(
        md.contains("已核实，无问题，同意通过") && !md.contains("请核对其他资金"),
        "{md}"
    );
    assert!(!md.contains("甲") && !md.contains("乙修改"), "{md}");
    let login = nix::unistd::User::from_uid(nix::unistd::getuid())
        .unwrap()
        .map(|u| u.name)
        .unwrap();
    let journal = std::fs::read_to_string(shenhe::review::my_journal(&file)).unwrap();
    for line in journal.lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        assert_eq!(r["login"], login.as_str(), "from the uid, not $USER");
    }
    // The notice that goes to the department names people, not accounts;
    // the history (json, xlsx, the desk) shows the login beside each name.
    assert!(!md.contains(&format!("账号 {login}")), "{md}");
    let json: Value = serde_json::from_str(&stdout(&export(dir.path(), "json"))).unwrap();
    let c = &json["declarations"][0]["comments"][0];
    assert_eq!(
        (c["reviewer"].as_str(), c["edited_by"].as_str()),
        (Some("甲"), Some("乙"))
    );
    assert_eq!(c["login"], login.as_str());
}

#[test]
fn item_17_an_empty_file_is_column_1_and_utf16_is_called_utf16() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.json"), "").unwrap();
    let utf16: Vec<u8> = "\u{feff}{\"format_version\": 1}"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    std::fs::write(dir.path().join("wide.json"), utf16).unwrap();
    let found = rows(dir.path());
    let empty = found[0].1.as_deref().unwrap();
    assert!(empty.contains("第1行第1列"), "{empty}");
    let wide = found[1].1.as_deref().unwrap();
    assert!(wide.contains("UTF-16") && !wide.contains("GBK"), "{wide}");
}

/// Issue 9: workbooks are read under the same rules for files.
#[test]
fn workbooks_too_are_never_followed_blocked_on_or_read_past_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/yx-nyj.xlsx");
    std::fs::copy(&book, p("good.xlsx")).unwrap();
    mkfifo(&p("fifo-a.xlsx"));
    mkfifo(&p("fifo-b.ods"));
    symlink(&book, p("link.xlsx")).unwrap();
    symlink(p("nowhere"), p("dangling.xls")).unwrap();
    sparse(&p("huge.xlsx"), 64 << 30);
    let found = rows(dir.path());
    let by_name = |n: &str| load_error_of(&found, n);
    assert!(by_name("good.xlsx").is_none());
    for n in ["fifo-a.xlsx", "fifo-b.ods"] {
        assert!(by_name(n).unwrap().contains("不是普通文件"));
    }
    for n in ["link.xlsx", "dangling.xls"] {
        assert!(by_name(n).unwrap().contains("符号链接"));
    }
    assert!(by_name("huge.xlsx").unwrap().contains("超过上限"));
    let out = comment(&p("link.xlsx"), "budget", "x", "甲");
    assert_eq!(out.status.code(), Some(2));
    assert!(!p("link.review.jsonl").exists());
}
