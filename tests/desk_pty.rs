//! The real binary in a pseudo-terminal, driven by keys like a reviewer
//! over SSH: find the Tianhe Justice Bureau by typing `sfj`, read its
//! budget reconciliation, leave, and find the terminal as it was.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
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

impl Session {
    fn start() -> (Session, Box<dyn portable_pty::Child + Send + Sync>) {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", "\"$SHENHE\" sample-data; echo EXIT=$?; stty -a"]);
        cmd.env("SHENHE", env!("CARGO_BIN_EXE_shenhe"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", "/nonexistent-shenhe-test");
        cmd.env("XDG_CONFIG_HOME", "/nonexistent-shenhe-test");
        cmd.cwd(Path::new(env!("CARGO_MANIFEST_DIR")));
        let child = pty.slave.spawn_command(cmd).expect("the binary starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let keys = pty.master.take_writer().expect("writer");
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
        std::mem::forget(pty.master);
        (Session { output, keys }, child)
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("not poisoned").clone()
    }

    /// What a terminal shows after all output so far.
    fn screen(&self) -> String {
        let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        parser.process(&self.bytes());
        parser.screen().contents()
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

    fn wait_screen(&self, text: &str) {
        self.wait_for(text, |s| s.screen().contains(text));
    }

    fn type_keys(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).expect("keys sent");
        self.keys.flush().expect("keys sent");
    }
}

#[test]
fn find_by_pinyin_read_the_budget_and_leave_the_terminal_as_it_was() {
    let (mut s, mut child) = Session::start();
    s.wait_screen("显示 16/16");
    assert!(s.screen().contains("广州市天河区司法局"));

    s.type_keys("/sfj");
    s.wait_screen("首字母、文件名均可）：sfj");
    s.type_keys("\r");
    s.wait_screen("显示 3/16");
    s.type_keys("\r");
    s.wait_screen("1 概览");
    s.type_keys("2");
    s.wait_screen("核对");
    let screen = s.screen();
    assert!(
        screen.contains("广州市天河区司法局 · tianhe-sfj.json"),
        "{screen}"
    );
    for figure in ["6,772.35", "1,665.78", "1,666.88", "-1.10", "5,105.47"] {
        assert!(screen.contains(figure), "{figure} missing:\n{screen}");
    }

    s.type_keys("q");
    s.wait_screen("显示 3/16");
    s.type_keys("q");
    s.wait_for("the shell after shenhe", |s| {
        String::from_utf8_lossy(&s.bytes()).contains("EXIT=0")
    });
    s.wait_for("stty", |s| {
        String::from_utf8_lossy(&s.bytes()).contains("icanon")
    });
    let _ = child.wait();

    let raw = String::from_utf8_lossy(&s.bytes()).into_owned();
    let app_end = raw.find("EXIT=0").expect("exit line");
    let app = &raw[..app_end];
    assert!(
        app.contains("\x1b[?1049h") && app.rfind("\x1b[?1049l") > app.rfind("\x1b[?1049h"),
        "main screen back"
    );
    assert!(
        app.rfind("\x1b[?2004l") > app.rfind("\x1b[?2004h"),
        "bracketed paste off"
    );
    let stty = &raw[app_end..];
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "canonical mode back: {stty}"
    );
    assert!(
        stty.contains(" echo ") && !stty.contains("-echo "),
        "echo back: {stty}"
    );
}
