//! The journal beside a declaration: `NAME.review.jsonl`, append-only, one
//! record per line, shared by every reviewer of the folder.
//!
//! Appending takes an exclusive lock on the journal itself (a file that is
//! never replaced, so the lock is real), writes the line with one write,
//! syncs it to disk, and unlocks. Two reviewers appending at once take
//! turns; nobody rewrites anybody's lines. A reader that meets a torn last
//! line (a writer killed mid-write) skips it and says so.

use super::record::{RECORD_VERSION, Record};
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The journal of a declaration file: `a.json` → `a.review.jsonl`.
pub fn journal_path(declaration: &Path) -> PathBuf {
    let stem = declaration
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_default();
    let mut name = stem;
    name.push(".review.jsonl");
    declaration.with_file_name(name)
}

/// The declaration a journal belongs to: `a.review.jsonl` → `a.json`
/// (the reverse of [`journal_path`]); `None` for any other file.
pub fn declaration_of(journal: &Path) -> Option<PathBuf> {
    let name = journal.file_name()?.to_str()?;
    let stem = name.strip_suffix(".review.jsonl")?;
    Some(journal.with_file_name(format!("{stem}.json")))
}

/// What reading a journal found.
#[derive(Debug, Default)]
pub struct Journal {
    /// Every record that reads, in journal order.
    pub records: Vec<Record>,
    /// 1-based numbers of lines that did not read (a torn last line, a
    /// line from a newer version, a line someone edited by hand).
    pub skipped: Vec<usize>,
}

/// Reads a journal; one that does not exist yet is empty.
pub fn read(path: &Path) -> std::io::Result<Journal> {
    let mut text = Vec::new();
    match File::open(path) {
        Ok(mut f) => {
            f.read_to_end(&mut text)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Journal::default()),
        Err(e) => return Err(e),
    }
    let mut journal = Journal::default();
    for (n, line) in text.split(|b| *b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(r) if r.v == RECORD_VERSION => journal.records.push(r),
            _ => journal.skipped.push(n + 1),
        }
    }
    Ok(journal)
}

/// Appends one record. Returns once the line is on disk.
pub fn append(path: &Path, record: &Record) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(record).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut options = OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        // Colleagues in the group read and append too.
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o664);
    }
    let existed = path.exists();
    let mut file = options.open(path)?;
    #[cfg(unix)]
    if !existed {
        // The mode above loses group-write to the usual umask (022).
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o664));
    }
    file.lock()?;
    let before = file.metadata().map(|m| m.len());
    let result = ends_mid_line(&mut file)
        .and_then(|torn| {
            // A writer that died mid-line left no newline: start on a fresh
            // line, or this record would be glued to the fragment and lost.
            if torn {
                line.insert(0, b'\n')
            }
            write_line(&mut file, &line)
        })
        .and_then(|()| file.sync_data());
    if result.is_err()
        && let Ok(len) = before
    {
        // A full disk can take half a line: take it back while the lock is
        // still ours, so the failed record leaves no fragment behind.
        let _ = file.set_len(len);
    }
    // Unlocking is also what closing does; an error here changes nothing written.
    let _ = file.unlock();
    result
}

/// Does the journal end without a newline (a torn last line)?
fn ends_mid_line(file: &mut File) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    if file.metadata()?.len() == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

#[cfg(not(test))]
fn write_line(file: &mut File, line: &[u8]) -> std::io::Result<()> {
    file.write_all(line)
}

/// In tests, failpoints: `SHENHE_FAILPOINT=mid-write:N` makes the N-th
/// append of the process write half its line, then wait to be killed, as a
/// crash in the middle of a write; `full-disk:N` writes half and fails as
/// a full disk does.
#[cfg(test)]
fn write_line(file: &mut File, line: &[u8]) -> std::io::Result<()> {
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
    let failpoint = |name: &str| {
        std::env::var("SHENHE_FAILPOINT")
            .ok()
            .and_then(|v| v.strip_prefix(name).and_then(|n| n.parse::<usize>().ok()))
    };
    if failpoint("full-disk:") == Some(n) {
        file.write_all(&line[..line.len() / 2])?;
        return Err(std::io::ErrorKind::StorageFull.into());
    }
    if failpoint("mid-write:") == Some(n) {
        file.write_all(&line[..line.len() / 2])?;
        file.sync_data()?;
        eprintln!("failpoint reached");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
    file.write_all(line)
}

#[cfg(test)]
mod tests;
