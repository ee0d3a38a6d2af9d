//! The real binary in a pseudo-terminal, driven by keys like a reviewer
//! over SSH: find the Tianhe Justice Bureau by typing `sfj`, read its
//! budget reconciliation, leave, and find the terminal as it was; write a
//! Chinese comment and find it after a restart, and a colleague's without
//! one; lose the connection, or the process, in the middle of a comment and
//! get the words back; save into a read-only folder and keep them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

#[path = "pty/spawn.rs"]
mod pty;

use portable_pty::CommandBuilder;
use pty::Child;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Session {
    output: Arc<Mutex<Vec<u8>>>,
    keys: Box<dyn Write + Send>,
}

/// The binary on `folder` with a private data directory (drafts) and a
/// reviewer name.
fn desk_command(folder: &Path, data: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_shenhe"));
    cmd.arg(folder);
    cmd.args(["--reviewer", "王审核"]);
    cmd.env("XDG_DATA_HOME", data);
    cmd
}

/// A folder holding a copy of the seed declaration.
fn folder_with_the_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tianhe-sfj.json"),
        dir.path().join("tianhe-sfj.json"),
    )
    .expect("the seed copied");
    dir
}

/// `cmd` started in a new pseudo-terminal of the tests' size, with no
/// configuration and no home.
fn open_pty(mut cmd: CommandBuilder) -> (Box<dyn portable_pty::MasterPty + Send>, Child) {
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", "/nonexistent-shenhe-test");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-shenhe-test");
    cmd.cwd(Path::new(env!("CARGO_MANIFEST_DIR")));
    pty::spawn(cmd, ROWS, COLS)
}

impl Session {
    /// The binary through `sh`, so the test can see the exit code and the
    /// terminal's modes afterwards.
    fn start() -> (Session, Child) {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", "\"$SHENHE\" sample-data; echo EXIT=$?; stty -a"]);
        cmd.env("SHENHE", env!("CARGO_BIN_EXE_shenhe"));
        Session::spawn(cmd)
    }

    fn spawn(cmd: CommandBuilder) -> (Session, Child) {
        let (master, child) = open_pty(cmd);
        let mut reader = master.try_clone_reader().expect("reader");
        let keys = master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("not poisoned")
                    .extend_from_slice(&buf[..n]);
            }
        });
        // The master must outlive the session.
        std::mem::forget(master);
        (Session { output, keys }, child)
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("not poisoned").clone()
    }

    /// What a terminal shows after all output so far.
    fn screen(&self) -> String {
        self.terminal().screen().contents()
    }

    fn terminal(&self) -> vt100::Parser {
        let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        parser.process(&self.bytes());
        parser
    }

    fn wait_for(&self, what: &str, done: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waiting for {what}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for `text`, then for the frame it came in to be written whole:
    /// a frame arrives in several writes, and a screen read between two of
    /// them is half old, half new.
    fn wait_screen(&self, text: &str) {
        self.wait_for(text, |s| s.screen().contains(text));
        self.settle();
    }

    /// Waits until no output has come for a while.
    fn settle(&self) {
        let quiet = Duration::from_millis(150);
        let start = Instant::now();
        let mut seen = self.bytes().len();
        let mut since = Instant::now();
        while since.elapsed() < quiet && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.bytes().len();
            if now != seen {
                seen = now;
                since = Instant::now();
            }
        }
    }

    /// Waits for the shell's `EXIT=0` and `stty -a` after the desk (see
    /// [`Session::start`]); what the desk wrote, and the terminal's modes.
    fn exit_and_terminal_modes(&self, child: &mut Child) -> (String, String) {
        self.wait_for("the shell after shenhe", |s| {
            String::from_utf8_lossy(&s.bytes()).contains("EXIT=0")
        });
        self.wait_for("stty", |s| {
            String::from_utf8_lossy(&s.bytes()).contains("icanon")
        });
        let _ = child.wait();
        let raw = String::from_utf8_lossy(&self.bytes()).into_owned();
        let end = raw.find("EXIT=0").expect("exit line");
        (raw[..end].to_string(), raw[end..].to_string())
    }

    fn type_keys(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).expect("keys sent");
        self.keys.flush().expect("keys sent");
    }
}

#[test]
fn find_by_pinyin_read_the_budget_and_leave_the_terminal_as_it_was() {
    let (mut s, mut child) = Session::start();
    s.wait_screen("显示 19/19");
    assert!(s.screen().contains("广州市天河区司法局"));

    s.type_keys("/sfj");
    s.wait_screen("首字母、文件名均可）：sfj");
    s.type_keys("\r");
    s.wait_screen("显示 1/19");
    s.type_keys("\r");
    s.wait_screen("1 概览");
    s.type_keys("2");
    // Not only wait_screen's quiet: the figures are what the test is about.
    let figures = ["6,772.35", "1,665.78", "1,666.88", "-1.10", "5,105.47"];
    s.wait_for("the budget pane with its reconciliation", |s| {
        let screen = s.screen();
        screen.contains("核对") && figures.iter().all(|f| screen.contains(f))
    });
    let screen = s.screen();
    assert!(
        screen.contains("广州市天河区司法局 · tianhe-sfj.json"),
        "{screen}"
    );

    s.type_keys("q");
    s.wait_screen("显示 1/19");
    s.type_keys("q");
    let (app, stty) = s.exit_and_terminal_modes(&mut child);
    let app = app.as_str();
    assert!(
        app.contains("\x1b[?1049h") && app.rfind("\x1b[?1049l") > app.rfind("\x1b[?1049h"),
        "main screen back"
    );
    assert!(
        app.rfind("\x1b[?2004l") > app.rfind("\x1b[?2004h"),
        "bracketed paste off"
    );
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "canonical mode back: {stty}"
    );
    assert!(
        stty.contains(" echo ") && !stty.contains("-echo "),
        "echo back: {stty}"
    );
}

#[test]
fn asked_to_the_desk_times_each_key_from_its_read_to_its_frame() {
    // What the desk benchmark reads to tell the desk's delay from the
    // terminal's: a line a key, in milliseconds; nothing without asking.
    let folder = folder_with_the_seed();
    let data = tempfile::tempdir().expect("a data folder");
    let times = data.path().join("key-times");
    let mut cmd = desk_command(folder.path(), data.path());
    cmd.env("SHENHE_KEY_TIMES", &times);
    let (mut s, mut child) = Session::spawn(cmd);
    s.wait_screen("显示 1/1");
    s.type_keys("/");
    s.wait_screen("：");
    s.type_keys("s");
    s.wait_screen("：s");
    s.type_keys("\x1b");
    s.wait_for("the filter line closed", |s| !s.screen().contains("：s"));
    s.type_keys("q");
    let _ = child.wait();
    let lines: Vec<f64> = std::fs::read_to_string(&times)
        .expect("the times written")
        .lines()
        .map(|l| l.parse().expect("a number of milliseconds"))
        .collect();
    assert_eq!(lines.len(), 3, "one a key answered on screen: {lines:?}");
    assert!(
        lines.iter().all(|ms| (0.0..10_000.0).contains(ms)),
        "{lines:?}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&times)
        .expect("there")
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "private: {mode:o}");
}

/// Opens the seed and writes `words` as a new comment on its first row.
fn write_a_comment(s: &mut Session, words: &str) {
    s.wait_screen("显示 1/1");
    s.type_keys("\r");
    s.wait_screen("1 概览");
    s.type_keys("c");
    s.wait_screen("新意见 · 部门名称");
    // An input method hands over the chosen characters as UTF-8.
    s.type_keys(words);
    s.wait_screen(words);
}

#[test]
fn a_chinese_comment_saved_in_the_desk_is_there_after_a_restart() {
    let folder = folder_with_the_seed();
    let data = tempfile::tempdir().expect("a data folder");
    let words = "目标值请量化，例如≥95%";
    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    write_a_comment(&mut s, words);
    // The real cursor sits right after the words, measured in cells
    // (Chinese two each), where an IME opens its candidate window.
    let term = s.terminal();
    let (row, col) = term.screen().cursor_position();
    let line = term.screen().contents_between(row, 0, row, COLS);
    assert_eq!(line.trim_end(), words, "the cursor's row holds the words");
    assert_eq!(
        usize::from(col),
        shenhe::width::width(words),
        "caret after the last character"
    );
    assert!(!term.screen().hide_cursor(), "the cursor is shown");

    // A bracketed paste with a line break and a hostile escape in it: the
    // break stays, the escape does not reach the terminal or the journal.
    s.type_keys("\x1b[200~\r\n第二行\x1b]0;pwned\x07\x1b[201~");
    s.wait_screen("第二行]0;pwned");
    assert!(
        !String::from_utf8_lossy(&s.bytes()).contains("\x1b]0;pwned"),
        "the title escape was not passed on"
    );

    s.type_keys("\x13"); // Ctrl-S
    s.wait_screen("意见已保存");
    s.type_keys("qq");
    let status = child.wait().expect("exit status");
    assert!(status.success(), "{status:?}");
    let journal = std::fs::read_to_string(shenhe::review::my_journal(
        &folder.path().join("tianhe-sfj.json"),
    ))
    .expect("the journal beside the file");
    assert!(
        journal.contains(words) && journal.contains("王审核"),
        "{journal}"
    );
    assert!(
        journal.contains(r#"\n第二行]0;pwned""#) && !journal.contains(r"\u001b"),
        "{journal}"
    );

    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    s.wait_screen("显示 1/1");
    s.type_keys("\r6");
    s.wait_screen("审核结论：待审");
    let screen = s.screen();
    assert!(
        screen.contains(words) && screen.contains("部门名称 · 王审核"),
        "{screen}"
    );
    // A colleague comments from another terminal: it shows without a restart.
    let colleague = std::process::Command::new(env!("CARGO_BIN_EXE_shenhe"))
        .arg("comment")
        .arg(folder.path().join("tianhe-sfj.json"))
        .args(["--at", "budget", "--text", "同事补充：预算差额1.10万元"])
        .args(["--reviewer", "李审核"])
        .output()
        .expect("the colleague's command runs");
    assert!(colleague.status.success(), "{colleague:?}");
    s.wait_screen("同事补充：预算差额1.10万元");
    s.type_keys("qq");
    assert!(child.wait().expect("exit status").success());
}

/// Writes part of a comment, has the desk sent `signal`, checks how it
/// ended, then starts another desk on the folder: the words come back
/// where they were written and save.
fn words_survive(signal: &str, ended: impl Fn(&portable_pty::ExitStatus, &str)) {
    let folder = folder_with_the_seed();
    let data = tempfile::tempdir().expect("a data folder");
    let words = "写到一半的意见：预算差额";
    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    write_a_comment(&mut s, words);
    let pid = child.process_id().expect("a pid");
    let sent = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("exit status");
    // The desk has exited; what it wrote last may still be on its way
    // through the pty to the reader.
    s.settle();
    ended(&status, &String::from_utf8_lossy(&s.bytes()));
    assert!(
        !shenhe::review::my_journal(&folder.path().join("tianhe-sfj.json")).exists(),
        "nothing was saved as a comment"
    );

    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    s.wait_screen("恢复的草稿");
    assert!(s.screen().contains(words), "{}", s.screen());
    s.type_keys("\x13");
    s.wait_screen("意见已保存");
    s.type_keys("qq");
    assert!(child.wait().expect("exit status").success());
    let journal = std::fs::read_to_string(shenhe::review::my_journal(
        &folder.path().join("tianhe-sfj.json"),
    ))
    .expect("saved after the restore");
    assert!(journal.contains(words), "{journal}");
}

#[test]
fn a_dropped_connection_mid_comment_keeps_the_words_for_the_next_desk() {
    // SIGHUP is what the kernel sends when the SSH connection drops.
    words_survive("-HUP", |status, output| {
        assert_eq!(
            status.exit_code(),
            128 + 1,
            "left by itself after SIGHUP, not killed by it: {status:?}"
        );
        assert!(
            output.rfind("\x1b[?1049l") > output.rfind("\x1b[?1049h"),
            "the main screen restored on the way out"
        );
    });
}

#[test]
fn a_crash_mid_comment_keeps_the_words_for_the_next_desk() {
    // SIGKILL: no handler runs, nothing is flushed on the way out; only
    // what was kept as it was typed survives.
    words_survive("-KILL", |status, _| {
        assert_eq!(status.signal(), Some("Killed"), "{status:?}");
    });
}

/// Runs `cmd` as the unprivileged user `nobody` when the tests run as root
/// (root writes into read-only folders regardless); as itself otherwise.
fn unprivileged(cmd: CommandBuilder) -> CommandBuilder {
    let uid = std::process::Command::new("id")
        .arg("-u")
        .output()
        .expect("id runs");
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return cmd;
    }
    let argv = cmd.get_argv().clone();
    let mut wrapped = CommandBuilder::new("setpriv");
    wrapped.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
    wrapped.args(argv);
    for (k, v) in cmd.iter_extra_env_as_str() {
        wrapped.env(k, v);
    }
    wrapped
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_read_only_folder_refuses_the_save_says_why_and_keeps_the_words() {
    let folder = folder_with_the_seed();
    let data = tempfile::tempdir().expect("a data folder");
    chmod(data.path(), 0o777);
    chmod(&folder.path().join("tianhe-sfj.json"), 0o444);
    chmod(folder.path(), 0o555);
    let before: Vec<_> = std::fs::read_dir(folder.path())
        .expect("listed")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let words = "只读目录里写的意见";
    let cmd = unprivileged(desk_command(folder.path(), data.path()));
    let (mut s, mut child) = Session::spawn(cmd);
    write_a_comment(&mut s, words);
    s.type_keys("\x13");
    s.wait_screen("无法写入审核记录");
    let screen = s.screen();
    assert!(
        screen.contains("Permission denied") && screen.contains("意见仍在编辑框和草稿中"),
        "{screen}"
    );
    assert!(screen.contains(words), "the words stay in the editor");
    s.type_keys("\x03"); // Ctrl-C: leave; the draft stays
    assert!(child.wait().expect("exit status").success());
    let after: Vec<_> = std::fs::read_dir(folder.path())
        .expect("listed")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(before, after, "nothing written in the folder");
    let drafts = data.path().join("shenhe/drafts");
    let kept: Vec<String> = std::fs::read_dir(&drafts)
        .expect("the drafts folder")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| std::fs::read_to_string(e.path()).expect("a draft"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains(words), "{}", kept[0]);
    chmod(folder.path(), 0o755);
}

/// Issue 8: a folder shaped by an attacker — a FIFO, a folder and links
/// under declarations' names, names that are not UTF-8, an amount that
/// overflowed, a 4 GiB sparse file, a journal that is a link, a
/// two-million-character name. The desk opens, lists each as its row,
/// shows what is wrong, and quits with the terminal restored.
#[cfg(unix)]
#[test]
fn a_hostile_folder_opens_shows_its_error_rows_and_quits_cleanly() {
    use std::os::unix::ffi::OsStrExt;
    let folder = folder_with_the_seed();
    let p = |n: &str| folder.path().join(n);
    nix::unistd::mkfifo(&p("fifo.json"), nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    std::fs::create_dir(p("folder.json")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", p("link.json")).unwrap();
    std::os::unix::fs::symlink(p("nowhere"), p("dangling.json")).unwrap();
    std::os::unix::fs::symlink("/root/.bashrc", p("tianhe-sfj.review.jsonl")).unwrap();
    let seed = std::fs::read(p("tianhe-sfj.json")).unwrap();
    std::fs::write(
        folder
            .path()
            .join(std::ffi::OsStr::from_bytes(b"gbk\xff.json")),
        &seed,
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&seed).unwrap();
    v["budget"]["expenditure"]["basic"] = "79228162514264337593543950335".into();
    std::fs::write(p("overflow.json"), v.to_string()).unwrap();
    v["budget"]["expenditure"]["basic"] = "5105.47".into();
    // As long as a name may be (the format's bound; longer is a load error).
    v["department"]["name"] = "长".repeat(5_000).into();
    std::fs::write(p("long-name.json"), v.to_string()).unwrap();
    std::fs::File::create(p("huge.json"))
        .unwrap()
        .set_len(4 << 30)
        .unwrap();

    let data = tempfile::tempdir().expect("a data folder");
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        "\"$SHENHE\" \"$FOLDER\" --reviewer 王审核; echo EXIT=$?; stty -a",
    ]);
    cmd.env("SHENHE", env!("CARGO_BIN_EXE_shenhe"));
    cmd.env("FOLDER", folder.path());
    cmd.env("XDG_DATA_HOME", data.path());
    let (mut s, mut child) = Session::spawn(cmd);
    s.wait_screen("显示 9/9");
    let screen = s.screen();
    for row in [
        "gbk\\xFF.json",
        "fifo.json",
        "folder.json",
        "link.json",
        "dangling.json",
        "overflow.json",
        "huge.json",
    ] {
        assert!(screen.contains(row), "{row} has a row:\n{screen}");
    }
    assert!(
        screen.contains("记录有误"),
        "the seed's journal is a link:\n{screen}"
    );
    // The first row (dangling.json) is selected; its message shows below.
    s.wait_screen("符号链接");
    s.type_keys("j");
    s.wait_screen("不是普通文件（命名管道 FIFO）");
    // The long name opens; the seed's review pane says why it is empty.
    s.type_keys("jjjjj\r");
    s.wait_screen("1 概览");
    assert!(s.screen().contains("长长长长"), "{}", s.screen());
    s.type_keys("q");
    s.type_keys("G");
    s.type_keys("\r");
    s.wait_screen("1 概览");
    s.type_keys("6");
    s.wait_screen("审核记录无法读取");
    s.type_keys("q");
    s.type_keys("q");
    let (_, stty) = s.exit_and_terminal_modes(&mut child);
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "{stty}"
    );
}

#[test]
fn a_comment_on_a_workbook_declaration_is_saved_beside_the_workbook() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/yx-nyj.xlsx"),
        folder.path().join("yx-nyj.xlsx"),
    )
    .expect("the workbook copied");
    let data = tempfile::tempdir().expect("a data folder");
    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    s.wait_screen("显示 1/1");
    s.type_keys("\r");
    s.wait_screen("所在单元格：部门名称（Sheet1!B2）");
    s.type_keys("4n");
    s.wait_screen("绩效指标第7行（Sheet1!D23）");
    s.type_keys("c");
    s.wait_screen("新意见");
    s.type_keys("请写成可衡量的等级");
    s.wait_screen("请写成可衡量的等级");
    s.type_keys("\x13"); // Ctrl-S
    s.wait_screen("意见已保存");
    s.type_keys("qq");
    assert!(child.wait().expect("exit status").success());
    let journal = std::fs::read_to_string(shenhe::review::my_journal(
        &folder.path().join("yx-nyj.json"),
    ))
    .expect("the journal beside the workbook");
    assert!(
        journal.contains("请写成可衡量的等级") && journal.contains(r#""path":"indicators[6]""#),
        "{journal}"
    );
}

/// Issue 19, items 12 and 13: a department named with interlinear
/// annotation marks and tag characters. On the terminal each shows as its
/// code, its row's columns line up with the next row's, and moving the
/// cursor up and down (a redraw each time) leaves the screen as it was.
#[test]
fn invisible_characters_show_as_codes_and_redraws_leave_no_trace() {
    let folder = tempfile::tempdir().expect("a folder");
    let seed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/yx-daj.json"))
        .expect("the sample");
    let mut v: serde_json::Value = serde_json::from_slice(&seed).expect("JSON");
    v["department"]["name"] = "卫生\u{fff9}健康\u{fffa}局\u{fffb}\u{e0020}\u{2063}".into();
    std::fs::write(folder.path().join("a.json"), v.to_string()).expect("written");
    v["department"]["name"] = "卫生健康局".into();
    v["fiscal_year"] = 2024.into();
    std::fs::write(folder.path().join("b.json"), v.to_string()).expect("written");
    let data = tempfile::tempdir().expect("a data folder");
    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    s.wait_screen("显示 2/2");
    let first = s.screen();
    assert!(
        first.contains("卫生<U+FFF9>健康<U+FFFA>局<U+FFFB><U+E0020><U+2063>"),
        "{first}"
    );
    for c in ['\u{fff9}', '\u{fffa}', '\u{fffb}', '\u{e0020}', '\u{2063}'] {
        assert!(
            !first.contains(c),
            "U+{:04X} reached the terminal:\n{first}",
            c as u32
        );
    }
    // The column after the name (the year) starts at one place on both rows.
    let year_at = |year: &str| {
        let line = first
            .lines()
            .find(|l| l.contains("卫生") && l.contains(year))
            .unwrap_or_else(|| panic!("{year}:\n{first}"));
        unicode_width_of(&line[..line.find(year).expect("the year")])
    };
    assert_eq!(year_at("2025"), year_at("2024"), "columns apart:\n{first}");
    for _ in 0..4 {
        s.type_keys("j");
        s.settle();
        s.type_keys("k");
        s.settle();
    }
    // (A blank cell written or never written reads alike.)
    let trimmed = |screen: &str| {
        screen
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        trimmed(&s.screen()),
        trimmed(&first),
        "a redraw changed the screen"
    );
    s.type_keys("q");
    let _ = child.wait();
}

/// Display columns of a line as the terminal laid it out (vt100 puts one
/// character in a cell, a wide one in two).
fn unicode_width_of(line: &str) -> usize {
    line.chars()
        .map(|c| shenhe::width::width(&c.to_string()))
        .sum()
}

/// Issue 19, item 17: a journal emptied while the desk shows it is an
/// alarm, said at once and kept on the row, never a silent blank.
#[test]
fn a_journal_emptied_under_the_desk_is_an_alarm() {
    let folder = tempfile::tempdir().expect("a folder");
    let file = folder.path().join("a.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/yx-mzj.json"),
        &file,
    )
    .expect("copied");
    for args in [
        vec![
            "comment",
            "--at",
            "budget",
            "--text",
            "请核对",
            "--reviewer",
            "甲",
        ],
        vec!["decide", "return", "--grade", "中", "--reviewer", "甲"],
    ] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_shenhe"));
        cmd.arg(args[0]).arg(&file).args(&args[1..]);
        cmd.env("XDG_CONFIG_HOME", "/nonexistent-shenhe-test");
        assert!(cmd.output().expect("runs").status.success());
    }
    let data = tempfile::tempdir().expect("a data folder");
    let (mut s, mut child) = Session::spawn(desk_command(folder.path(), data.path()));
    s.wait_screen("退回");
    std::fs::write(shenhe::review::my_journal(&file), "").expect("emptied");
    s.wait_screen("审核记录被删改");
    let screen = s.screen();
    assert!(screen.contains("记录有误"), "the row says so:\n{screen}");
    s.type_keys("q");
    let _ = child.wait();
}

/// Issue 19: a desk whose terminal goes away (a dropped tmux or SSH
/// session: the pty closed under it) ends cleanly: its words kept as a
/// draft, and no lock left in the drafts folder.
#[test]
fn a_terminal_that_goes_away_leaves_the_draft_and_no_lock() {
    let folder = folder_with_the_seed();
    let data = tempfile::tempdir().expect("a data folder");
    let (master, mut child) = open_pty(desk_command(folder.path(), data.path()));
    // Read here, not on a thread: a reader left on a thread would hold the
    // terminal open. Each key typed is echoed, so each read returns.
    let mut reader = master.try_clone_reader().expect("reader");
    let mut keys = master.take_writer().expect("writer");
    let drafts = data.path().join("shenhe/drafts");
    let files = |ext: &str| {
        std::fs::read_dir(&drafts)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().ends_with(ext))
                    .count()
            })
            .unwrap_or(0)
    };
    let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
    let mut screen = vt100::Parser::new(size(ROWS), size(COLS), 0);
    let mut buf = [0u8; 65536];
    let mut read_until = |text: &str| {
        while !screen.screen().contents().contains(text) {
            let n = reader.read(&mut buf).expect("the desk draws");
            assert!(n > 0, "the desk ended before showing {text}");
            screen.process(&buf[..n]);
        }
    };
    read_until("显示 1/1");
    keys.write_all(b"\r").expect("keys");
    read_until("1 概览");
    keys.write_all(b"c").expect("keys");
    read_until("新意见");
    for (typed, key) in ["留", "下", "的", "字"].iter().enumerate() {
        keys.write_all(key.as_bytes()).expect("keys");
        read_until(["留", "留下", "留下的", "留下的字"][typed]);
    }
    let start = Instant::now();
    while files(".json") == 0 {
        assert!(start.elapsed() < Duration::from_secs(20), "no draft kept");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(files(".json"), 1, "a draft kept while typing");
    // The terminal goes away.
    drop(keys);
    drop(reader);
    drop(master);
    let _ = child.wait();
    assert_eq!(files(".json"), 1, "the draft stays");
    assert_eq!(files(".lock"), 0, "no lock left behind");
}
