//! The desk as a reviewer meets it: the binary in a pseudo-terminal of
//! 120×40 on a folder, its screen read back through a terminal emulator
//! (vt100), timed from the start of the process.
//!
//! - first rows: a row of the folder is on screen;
//! - all rows: the list says 显示 N/N (every file in); all flags: the
//!   checks across the folder are in too;
//! - keys while loading: `/`, `s`, `f`, `j`, Esc, again and again until
//!   the folder is in, each timed from its write to the first screen
//!   showing its answer (the filter line opening, growing, closing);
//! - peak resident memory, from `/usr/bin/time` where it is installed.

#[path = "../../tests/pty/spawn.rs"]
mod pty;

use portable_pty::CommandBuilder;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;

pub struct Measured {
    pub first_rows: Duration,
    pub all_rows: Duration,
    /// The checks across the folder in too (they run after all rows).
    pub all_flags: Duration,
    /// Each key typed while the folder loaded: how long until it showed.
    pub keys: Vec<Duration>,
    /// The same keys as the desk timed them: from its read of the key to
    /// its frame written (`SHENHE_KEY_TIMES`), without the terminal's and
    /// this reader's share.
    pub keys_inside: Vec<Duration>,
    /// When (from the start) the slowest key was typed, and what it was.
    pub slowest: Option<(Duration, &'static str)>,
    pub peak_kb: Option<u64>,
}

/// What the terminal shows, as the reader saw it after a write.
struct Screens {
    rx: Receiver<(Instant, String)>,
    last: String,
    /// When the reader saw `last`.
    last_at: Instant,
}

impl Screens {
    /// The next screen written.
    fn next(&mut self) {
        match self.rx.recv_timeout(Duration::from_secs(120)) {
            Ok((at, screen)) => (self.last, self.last_at) = (screen, at),
            Err(e) => panic!("no frame ({e}); screen:\n{}", self.last),
        }
    }

    /// Waits for a screen for which `done` holds; when it came (the last
    /// screen's time when it already holds: the moment it was seen, not
    /// the moment this asked, which may be a round of keys later).
    fn until(&mut self, what: &str, done: impl Fn(&str) -> bool) -> Instant {
        if done(&self.last) {
            return self.last_at;
        }
        loop {
            match self.rx.recv_timeout(Duration::from_secs(120)) {
                Ok((at, screen)) => {
                    (self.last, self.last_at) = (screen, at);
                    if done(&self.last) {
                        return at;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("waiting for {what}; screen:\n{}", self.last)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the desk ended waiting for {what}; screen:\n{}", self.last)
                }
            }
        }
    }
}

/// `exe` on `dir` (holding `n` files whose names start `decl-`) in a
/// terminal, measured; the desk is left with q.
pub fn desk(exe: &str, dir: &Path, n: usize) -> Measured {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let rss = scratch.path().join("rss");
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = match timed {
        true => {
            let mut c = CommandBuilder::new("/usr/bin/time");
            c.args(["-f", "%M", "-o"]);
            c.arg(&rss);
            c.arg(exe);
            c
        }
        false => CommandBuilder::new(exe),
    };
    cmd.arg(dir);
    cmd.args(["--reviewer", "测试"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", scratch.path());
    cmd.env("XDG_DATA_HOME", scratch.path());
    cmd.env("XDG_CONFIG_HOME", scratch.path());
    let key_times = scratch.path().join("key-times");
    cmd.env("SHENHE_KEY_TIMES", &key_times);
    let start = Instant::now();
    let (master, mut child) = pty::spawn(cmd, ROWS, COLS);
    let mut reader = master.try_clone_reader().expect("reader");
    let mut keys = master.take_writer().expect("writer");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut parser = {
            let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
            vt100::Parser::new(size(ROWS), size(COLS), 0)
        };
        let mut buf = vec![0u8; 1 << 16];
        while let Ok(got) = reader.read(&mut buf) {
            if got == 0 {
                break;
            }
            let at = Instant::now();
            parser.process(&buf[..got]);
            if tx.send((at, parser.screen().contents())).is_err() {
                break;
            }
        }
    });
    let mut screens = Screens {
        rx,
        last: String::new(),
        last_at: start,
    };
    let first_rows = screens.until("the first rows", |s| s.contains("decl-")) - start;

    let all = format!("显示 {n}/{n}");
    let mut typed = Vec::new();
    let mut slowest: Option<(Duration, Duration, &'static str)> = None;
    let mut press =
        |screens: &mut Screens, key: &[u8], what: &'static str, shows: &dyn Fn(&str) -> bool| {
            let sent = Instant::now();
            keys.write_all(key).expect("a key");
            keys.flush().expect("a key");
            let at = screens.until(what, shows);
            let took = at.saturating_duration_since(sent);
            if slowest.is_none_or(|(_, was, _)| took > was) {
                slowest = Some((sent - start, took, what));
            }
            typed.push(took);
        };
    const PROMPT: &str = "筛选（";
    while !screens.last.contains(&all) {
        if !screens.last.contains("正在读取") {
            // Still finding the files, or finishing.
            screens.next();
            continue;
        }
        press(&mut screens, b"/", "the filter line", &|s| {
            s.contains(PROMPT)
        });
        press(&mut screens, b"s", "s typed", &|s| s.contains("：s"));
        press(&mut screens, b"f", "f typed", &|s| s.contains("：sf"));
        press(&mut screens, b"j", "j typed", &|s| s.contains("：sfj"));
        press(&mut screens, b"\x1b", "the filter line closed", &|s| {
            !s.contains(PROMPT)
        });
        std::thread::sleep(Duration::from_millis(100));
    }
    let all_rows = screens.until("all rows", |s| s.contains(&all)) - start;
    let all_flags = screens.until("the checks across the folder", |s| {
        s.contains(&all) && !s.contains("跨文件检查")
    }) - start;
    keys.write_all(b"q").expect("q");
    keys.flush().expect("q");
    let _ = child.wait();
    let peak_kb = std::fs::read_to_string(&rss)
        .ok()
        .and_then(|t| t.trim().lines().last()?.parse().ok());
    let keys_inside = std::fs::read_to_string(&key_times)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().parse::<f64>().ok())
        .map(|ms| Duration::from_secs_f64(ms / 1e3))
        .collect();
    Measured {
        first_rows,
        all_rows,
        all_flags,
        keys: typed,
        keys_inside,
        slowest: slowest.map(|(at, _, what)| (at, what)),
        peak_kb,
    }
}
