//! What the integration tests share: the binary run without the
//! developer's configuration (and under a watch that kills a hang and
//! measures its memory), the sample batch, the real workbooks, the test
//! fixtures, a workbook's zip with one part edited, and a document's parts
//! read as strict XML.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `bytes` (a zip) with the text part `part` passed through `edit`; every
/// other entry copied as it was.
pub fn rezip(bytes: &[u8], part: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for i in 0..from.len() {
        let mut entry = from.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == part {
            let text = String::from_utf8(data).unwrap();
            data = (edit.take().unwrap())(text).into_bytes();
        }
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(data.len() > u32::MAX as usize / 2);
        to.start_file(name, opts).unwrap();
        to.write_all(&data).unwrap();
    }
    assert!(edit.is_none(), "{part} is not in the zip");
    to.finish().unwrap().into_inner()
}

/// How a run of the binary ended, and the most memory it held.
pub struct Run {
    pub out: Output,
    /// Peak resident memory (VmHWM), in MiB, as last seen before it ended.
    pub peak_mib: u64,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
}

/// A home no test's configuration or data is ever in.
pub const NO_HOME: &str = "/nonexistent-shenhe-test";

/// The binary, set to run where the developer's own configuration and
/// data cannot reach it.
pub fn shenhe_command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_shenhe"));
    c.env("XDG_CONFIG_HOME", NO_HOME).env("HOME", NO_HOME);
    c
}

/// Runs the binary with `args` and waits for it.
pub fn shenhe<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    shenhe_command()
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs shenhe (no config), killing it after `limit`: a run still going
/// then is a hang, which fails the test. Memory is read from /proc while
/// it runs.
pub fn shenhe_measured(limit: Duration, args: &[&str]) -> Run {
    let mut child = shenhe_command()
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let status = format!("/proc/{}/status", child.id());
    let start = Instant::now();
    let mut peak_kib = 0u64;
    // Output is drained by threads so a full pipe cannot stall the run.
    let mut pipe_out = child.stdout.take().unwrap();
    let mut pipe_err = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = pipe_out.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = pipe_err.read_to_end(&mut v);
        v
    });
    let status_code = loop {
        if let Some(hwm) = std::fs::read_to_string(&status)
            .ok()
            .and_then(|s| vm_hwm_kib(&s))
        {
            peak_kib = peak_kib.max(hwm);
        }
        if let Some(code) = child.try_wait().expect("wait") {
            break code;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("shenhe {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = Output {
        status: status_code,
        stdout: out_thread.join().unwrap(),
        stderr: err_thread.join().unwrap(),
    };
    assert_ne!(
        out.status.code(),
        Some(101),
        "panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Run {
        out,
        peak_mib: peak_kib / 1024,
    }
}

/// Each file of `check --format json`'s output with its load error
/// (`None`: it loaded).
pub fn load_errors_of(check_json: &str) -> Vec<(String, Option<String>)> {
    let v: serde_json::Value = serde_json::from_str(check_json).expect("JSON");
    v["declarations"]
        .as_array()
        .expect("declarations")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["load_error"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn vm_hwm_kib(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The sample batch (`sample-data/`).
pub fn sample_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// The sample batch's file `name`.
pub fn sample_file(name: &str) -> std::path::PathBuf {
    sample_dir().join(name)
}

/// The test fixture `name` (tests/fixtures).
pub fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Opens every XML part of a .docx (or .xlsx) with roxmltree, a strict
/// XML 1.0 reader: a character XML forbids fails it as Word, LibreOffice
/// and python-docx fail.
pub fn assert_docx_opens(bytes: &[u8]) {
    for (name, text) in xml_parts(bytes) {
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{name} does not open: {e}");
        }
    }
}

/// Every `.xml` and `.rels` part of a zip, as text.
pub fn xml_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap_or_default().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut text = String::new();
            part.read_to_string(&mut text).expect("UTF-8");
            out.push((name, text));
        }
    }
    out
}

/// The words of a .docx's body, paragraphs joined by new lines.
pub fn docx_text(bytes: &[u8]) -> String {
    let (_, xml) = xml_parts(bytes)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .expect("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("opens");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The real workbook `name`, where the real folder is here.
pub fn real_file(name: &str) -> Option<std::path::PathBuf> {
    Some(real_dir()?.join(name)).filter(|p| p.is_file())
}

/// The folder of the two real workbooks (../shared/real, or
/// `SHENHE_REAL_DIR`); `None`, said, where they are not.
pub fn real_dir() -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let dir = std::env::var_os("SHENHE_REAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/real"));
    if dir.join("zhanjiang-rsj-2024.xlsx").is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: the real workbooks are not in {}", dir.display());
        None
    }
}
