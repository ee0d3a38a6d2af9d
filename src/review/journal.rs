//! One journal file: append-only, one record per line. Which journals a
//! declaration has, and whose each is, is [`super::journals`].
//!
//! Appending takes an exclusive lock on the journal itself (a file that is
//! never replaced, so the lock is real), writes the line with one write,
//! syncs it to disk, and unlocks. A process appends only to a journal its
//! own account owns. A reader that meets a torn last line (a writer killed
//! mid-write) skips it and says so.
//!
//! A journal is a colleague's file: no index or slice here may panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use super::account::Account;
use super::record::{RECORD_VERSION, Record};
use crate::safe_fs::{self, OpenError};
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

pub use super::journals::{declaration_of, shared_path as journal_path};

/// What reading a journal found.
#[derive(Debug, Default)]
pub struct Journal {
    /// Every record that reads, in journal order.
    pub records: Vec<Record>,
    /// 1-based numbers of lines that did not read (a torn last line, a
    /// line from a newer version, a line someone edited by hand, a line
    /// over [`MAX_LINE_BYTES`], a record with no time or no reviewer).
    pub skipped: Vec<usize>,
    /// The bytes read.
    pub bytes: u64,
}

/// A journal line longer than this is skipped unread, and [`append`]
/// refuses to write one: one number for the writer and the reader. (A
/// comment of 300,000 Chinese characters fits; 360,000 do not.)
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Why a journal was not read or not written; nothing was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalError {
    /// A symbolic link in its place: never followed, never written through.
    Link,
    /// A FIFO, a folder or another special file in its place.
    NotRegular(crate::safe_fs::Kind),
    /// Larger than `[load] max_journal_bytes`.
    TooLarge { size: u64, cap: u64 },
    /// More journals beside one declaration than there can be reviewers.
    TooMany { max: usize },
    /// A journal this account would append to, owned by another: planted
    /// under its name, or a shared journal of an earlier build. Never
    /// written to.
    NotOurs { owner: String },
    /// A record whose line would be longer than [`MAX_LINE_BYTES`], which
    /// no reader would read back: refused, nothing written.
    LineTooLong { bytes: usize, max: usize },
    /// The operating system's own words.
    Io(String),
}

impl JournalError {
    /// Why, in words (the operating system's own, made safe, for I/O).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::errors as words;
        match self {
            JournalError::Link => words::JOURNAL_LINK.get(lang).into(),
            JournalError::NotRegular(k) => words::journal_not_regular(lang, *k),
            JournalError::TooLarge { size, cap } => words::journal_too_large(lang, *size, *cap),
            JournalError::NotOurs { owner } => words::journal_not_ours(lang, owner),
            JournalError::TooMany { max } => words::too_many_journals(lang, *max),
            JournalError::LineTooLong { bytes, max } => words::record_too_long(lang, *bytes, *max),
            JournalError::Io(why) => words::os_words(why),
        }
    }
}

impl From<OpenError> for JournalError {
    fn from(r: OpenError) -> JournalError {
        match r {
            OpenError::Link => JournalError::Link,
            OpenError::NotRegular(k) => JournalError::NotRegular(k),
            OpenError::Io(e) => JournalError::Io(e.to_string()),
        }
    }
}

impl From<std::io::Error> for JournalError {
    fn from(e: std::io::Error) -> JournalError {
        JournalError::Io(e.to_string())
    }
}

/// Reads a journal of at most `cap` bytes; one that does not exist yet is
/// empty. Lines are read one at a time, none held beyond
/// [`MAX_LINE_BYTES`].
pub fn read(path: &Path, cap: u64) -> Result<Journal, JournalError> {
    read_owned(path, cap).map(|(journal, _)| journal)
}

/// What the system says of a journal file, beside what it holds.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    /// The account that owns it (`None` on a system without owners).
    pub owner: Option<Account>,
    /// When it last changed (its ctime, which no user can set): no record
    /// in it can have been written later.
    pub changed: Option<jiff::Timestamp>,
}

/// As [`read`], with what the system says of the file (nothing when there
/// is no file).
pub fn read_owned(path: &Path, cap: u64) -> Result<(Journal, FileFacts), JournalError> {
    let (file, size) = match safe_fs::open_read(path) {
        Ok(opened) => opened,
        Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Journal::default(), FileFacts::default()));
        }
        Err(r) => return Err(r.into()),
    };
    let facts = FileFacts {
        owner: Account::owner_of(&file),
        changed: changed_at(&file),
    };
    if size > cap {
        return Err(JournalError::TooLarge { size, cap });
    }
    // The file may grow while it is read: no further than the cap.
    let mut reader = std::io::BufReader::new(file.take(cap.saturating_add(1)));
    let mut journal = Journal::default();
    let mut line = Vec::new();
    let mut total: u64 = 0;
    for n in 1.. {
        line.clear();
        let Some((read, whole)) = read_line(&mut reader, &mut line, MAX_LINE_BYTES)? else {
            break;
        };
        total = total.saturating_add(read);
        if total > cap {
            return Err(JournalError::TooLarge { size: total, cap });
        }
        if line.iter().all(u8::is_ascii_whitespace) && whole {
            continue;
        }
        match serde_json::from_slice::<Record>(&line) {
            Ok(r) if whole && r.v == RECORD_VERSION && r.is_sound() => journal.records.push(r),
            _ => journal.skipped.push(n),
        }
    }
    journal.bytes = total;
    Ok((journal, facts))
}

/// A file's ctime: set by the kernel on every write, never by a user.
fn changed_at(file: &File) -> Option<jiff::Timestamp> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = file.metadata().ok()?;
        let nanos = i32::try_from(m.ctime_nsec()).ok()?;
        jiff::Timestamp::new(m.ctime(), nanos).ok()
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        None
    }
}

/// Reads one line into `line` (without its newline), keeping at most `max`
/// bytes of it; the rest of a longer line is read and dropped. Gives the
/// bytes read and whether the line was kept whole; `None` at the end.
fn read_line(
    reader: &mut impl std::io::BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Option<(u64, bool)>> {
    let mut read: u64 = 0;
    let mut whole = true;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((read > 0).then_some((read, whole)));
        }
        let (piece, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (buf.get(..i).unwrap_or(buf), Some(i + 1)),
            None => (buf, None),
        };
        if line.len() + piece.len() <= max {
            line.extend_from_slice(piece);
        } else {
            whole = false;
        }
        let used = done.unwrap_or(buf.len());
        reader.consume(used);
        read = read.saturating_add(used as u64);
        if done.is_some() {
            return Ok(Some((read, whole)));
        }
    }
}

/// Appends one record. Returns once the line is on disk. The journal is
/// opened without following a link and created, when absent, readable and
/// writable by owner and group only (0660, set on the descriptor).
pub fn append(path: &Path, record: &Record) -> Result<(), JournalError> {
    let mut line = serde_json::to_vec(record).map_err(std::io::Error::other)?;
    // The reader's limit, checked before the file is touched: a record it
    // would skip is never written (the desk keeps the words instead).
    if line.len() > MAX_LINE_BYTES {
        return Err(JournalError::LineTooLong {
            bytes: line.len(),
            max: MAX_LINE_BYTES,
        });
    }
    line.push(b'\n');
    let mut file = safe_fs::open_append(path, JOURNAL_MODE)?;
    // Only into a journal this account owns: a file planted under its
    // name by another account is never written through.
    let me = Account::current();
    if let Some(owner) = Account::owner_of(&file).filter(|o| o.uid != me.uid) {
        return Err(JournalError::NotOurs { owner: owner.login });
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
    Ok(result?)
}

/// The owner writes; colleagues in the group read; nobody else reads.
pub const JOURNAL_MODE: u32 = 0o640;

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

worded_error!(JournalError);

#[cfg(test)]
mod tests;
