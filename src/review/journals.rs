//! All the journals of a declaration, and whose word each record is.
//!
//! Each account writes only its own journal beside the declaration,
//! `NAME.review.TAG.jsonl` (TAG: the login, see [`Account::tag`]), created
//! 0640 by its owner: the group reads it, nobody else can write it. Builds
//! before this one kept one shared `NAME.review.jsonl`, which anyone of
//! the group could append to; it is still read, never written, and its
//! records are marked unverified.
//!
//! A record's author is the owner of the file it came from. A record whose
//! `login` is not its file's owner is forged and does not count; a journal
//! named for one account and owned by another (planted before that
//! account's first write) is an alarm, and none of its records count.

use super::account::Account;
use super::journal::{FileFacts, Journal, JournalError, read_owned};
use super::record::Record;
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Which journal of a declaration a file is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// `NAME.review.jsonl`, shared by earlier builds: read, never written.
    Shared,
    /// `NAME.review.TAG.jsonl`: the journal of the account with that tag.
    Account(String),
}

/// A journal file of a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalFile {
    pub path: PathBuf,
    pub source: Source,
}

/// The most journals one declaration may have: one per reviewer of the
/// folder. More is somebody's game: the review is not read, saying so.
pub const MAX_JOURNALS: usize = 64;

fn stem_of(declaration: &Path) -> OsString {
    declaration
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_default()
}

/// The shared journal of earlier builds: `a.json` → `a.review.jsonl`.
pub fn shared_path(declaration: &Path) -> PathBuf {
    let mut name = stem_of(declaration);
    name.push(".review.jsonl");
    declaration.with_file_name(name)
}

/// The journal `account` writes for a declaration: `a.review.zhang.jsonl`.
pub fn own_path(declaration: &Path, account: &Account) -> PathBuf {
    let mut name = stem_of(declaration);
    name.push(format!(".review.{}.jsonl", account.tag()));
    declaration.with_file_name(name)
}

/// The journal this process's account writes for a declaration.
pub fn my_journal(declaration: &Path) -> PathBuf {
    own_path(declaration, &Account::current())
}

/// A journal's file name read back: the declaration's stem and which
/// journal it is; `None` for any other name.
pub fn parse_name(name: &str) -> Option<(&str, Source)> {
    if let Some(stem) = name.strip_suffix(".review.jsonl") {
        return Some((stem, Source::Shared));
    }
    let (stem, tag) = name.strip_suffix(".jsonl")?.rsplit_once(".review.")?;
    (!tag.is_empty()).then(|| (stem, Source::Account(tag.to_string())))
}

/// The declaration a journal belongs to: `a.review.jsonl` or
/// `a.review.zhang.jsonl` → `a.json`, or `a.xlsx` (`.xls`, `.ods`) when
/// that is the file there; `None` for any other file.
pub fn declaration_of(journal: &Path) -> Option<PathBuf> {
    let (stem, _) = parse_name(journal.file_name()?.to_str()?)?;
    let candidates = crate::load::EXTENSIONS
        .iter()
        .map(|e| journal.with_file_name(format!("{stem}.{e}")));
    let fallback = journal.with_file_name(format!("{stem}.json"));
    Some(
        candidates
            .into_iter()
            .find(|p| p.symlink_metadata().is_ok())
            .unwrap_or(fallback),
    )
}

/// A folder's journals by the stem they belong to.
type Index = HashMap<OsString, Vec<JournalFile>>;

/// The last listing of each folder, with the folder's modification time
/// then. A folder of ten thousand declarations is listed once, not once
/// for each of them; a journal made since changes the folder's time.
static LISTINGS: Mutex<Option<Listings>> = Mutex::new(None);

/// Each folder's listing: the folder's modification time when made, when
/// it was made, and whether the folder had settled by then.
type Listings = HashMap<PathBuf, (SystemTime, std::time::Instant, bool, Arc<Index>)>;

/// File times tick coarsely: a journal created in the same tick as a
/// listing leaves the folder's time as it was. A listing of a folder that
/// had not changed for this long is kept until the folder's time changes…
const SETTLED: Duration = Duration::from_secs(2);
/// …one of a folder that had is trusted only this long (a whole folder's
/// load still lists it a few times, not once per file).
const FRESH: Duration = Duration::from_millis(200);

fn index_of(folder: &Path) -> Arc<Index> {
    let modified = std::fs::metadata(folder).and_then(|m| m.modified()).ok();
    let mut listings = LISTINGS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let listings = listings.get_or_insert_with(HashMap::new);
    if let (Some(m), Some((at, listed, settled, index))) = (modified, listings.get(folder))
        && *at == m
        && (*settled || listed.elapsed() < FRESH)
    {
        return index.clone();
    }
    let index = Arc::new(list(folder));
    match modified {
        Some(m) => {
            let settled = SystemTime::now()
                .duration_since(m)
                .is_ok_and(|age| age > SETTLED);
            let listed = std::time::Instant::now();
            listings.insert(folder.to_path_buf(), (m, listed, settled, index.clone()));
        }
        None => {
            listings.remove(folder);
        }
    }
    index
}

/// Forgets a folder's listing: this process has just made a journal
/// there, or the desk's watcher says something in it changed.
pub fn forget_listing(folder: &Path) {
    if let Some(listings) = LISTINGS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .as_mut()
    {
        listings.remove(folder);
    }
}

fn list(folder: &Path) -> Index {
    let mut index = Index::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return index;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((stem, source)) = name.to_str().and_then(parse_name) else {
            continue;
        };
        index
            .entry(OsString::from(stem))
            .or_default()
            .push(JournalFile {
                path: entry.path(),
                source,
            });
    }
    for files in index.values_mut() {
        files.sort_by(|a, b| a.source.cmp(&b.source));
    }
    index
}

/// The journals of a declaration that are there: the shared one first,
/// then each account's by tag.
pub fn journals_of(declaration: &Path) -> Vec<JournalFile> {
    let folder = match declaration.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    index_of(folder)
        .get(&stem_of(declaration))
        .cloned()
        .unwrap_or_default()
}

/// A folder's journals listed once: which declarations have any. Reading
/// the reviews of a whole folder asks it first, so a file nobody has
/// reviewed costs nothing more (not the listing's look-up a file).
pub struct Listing(Arc<Index>);

impl Listing {
    pub fn of(folder: &Path) -> Listing {
        Listing(index_of(folder))
    }

    /// Has the declaration at `path` (in the folder listed) any journal?
    pub fn has_journals(&self, declaration: &Path) -> bool {
        self.0
            .get(&stem_of(declaration))
            .is_some_and(|files| !files.is_empty())
    }
}

/// Does `folder` let anyone of its group remove or replace others'
/// journals: writable by the group or by all, without the sticky bit?
pub fn lacks_sticky_bit(folder: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(folder).is_ok_and(|m| {
            let mode = m.permissions().mode();
            mode & 0o022 != 0 && mode & 0o1000 == 0
        })
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        false
    }
}

/// How far the system vouches for a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vouch {
    /// In the journal of the account that owns the file, and it says so.
    Vouched,
    /// In the shared journal of earlier builds: anyone of the group could
    /// have written it. It counts, marked.
    Unverified,
    /// Claims another account than the owner of its file, or sits in a
    /// journal planted under another account's name: it does not count.
    Forged {
        /// The login of the file's owner: who wrote it.
        owner: String,
    },
}

impl Vouch {
    /// What follows a counted record's author: `〔未核实〕` for one from
    /// the shared journal of earlier builds, nothing for a vouched one.
    pub fn mark(&self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Vouch::Unverified => crate::i18n::authorship::unverified(lang),
            Vouch::Vouched | Vouch::Forged { .. } => "",
        }
    }
}

/// A record and how far it is vouched for, with the account the system
/// says wrote it where it says one.
#[derive(Debug, Clone)]
pub struct Sourced<'j> {
    pub record: &'j Record,
    pub vouch: Vouch,
    /// The login the record is shown under: its file's owner where the
    /// system vouches for it, the record's own claim where it cannot.
    pub login: Option<String>,
    /// When it counts as made, to order records across journals: the time
    /// it claims, but never after its file last changed (a record dated
    /// 2099 does not outrank every later decision).
    pub when: Option<jiff::Timestamp>,
}

/// A journal read, with what the system says of its file.
#[derive(Debug)]
pub struct Read {
    pub file: JournalFile,
    pub journal: Journal,
    pub owner: Option<Account>,
    /// When the file last changed: the latest any of its records can be.
    pub changed: Option<jiff::Timestamp>,
}

impl Read {
    /// A journal named for one account and owned by another.
    pub fn misnamed(&self) -> bool {
        matches!((&self.file.source, &self.owner),
            (Source::Account(tag), Some(owner)) if owner.tag() != *tag)
    }

    /// Each record with how far the system vouches for it.
    pub fn sourced(&self) -> impl Iterator<Item = Sourced<'_>> {
        let misnamed = self.misnamed();
        self.journal.records.iter().map(move |r| {
            let (vouch, login) = match (&self.file.source, &self.owner) {
                (Source::Shared, _) | (_, None) => (Vouch::Unverified, r.login.clone()),
                (Source::Account(_), Some(owner)) => {
                    let claims_owner = r.login.as_deref() == Some(owner.login.as_str());
                    let vouch = match claims_owner && !misnamed {
                        true => Vouch::Vouched,
                        false => Vouch::Forged {
                            owner: owner.login.clone(),
                        },
                    };
                    (vouch, Some(owner.login.clone()))
                }
            };
            let claimed = r.at.parse::<jiff::Timestamp>().ok();
            let when = match (claimed, self.changed) {
                (Some(c), Some(changed)) => Some(c.min(changed)),
                (c, changed) => c.or(changed),
            };
            Sourced {
                record: r,
                vouch,
                login,
                when,
            }
        })
    }
}

/// Reads every journal of a declaration, all of them together within
/// `cap` bytes. The first that cannot be read stops the rest: its problem.
pub fn read_all(declaration: &Path, cap: u64) -> Result<Vec<Read>, (PathBuf, JournalError)> {
    let files = journals_of(declaration);
    // Said, not cut: leaving some unread could hide a colleague's.
    if files.len() > MAX_JOURNALS {
        let at = files.first().map(|f| f.path.clone()).unwrap_or_default();
        return Err((at, JournalError::TooMany { max: MAX_JOURNALS }));
    }
    let mut out = Vec::with_capacity(files.len());
    let mut left = cap;
    for file in files {
        let (journal, FileFacts { owner, changed }) =
            read_owned(&file.path, left).map_err(|p| (file.path.clone(), p))?;
        left = left.saturating_sub(journal.bytes);
        out.push(Read {
            file,
            journal,
            owner,
            changed,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_names_read_back() {
        assert_eq!(parse_name("a.review.jsonl"), Some(("a", Source::Shared)));
        assert_eq!(
            parse_name("a.review.zhang.jsonl"),
            Some(("a", Source::Account("zhang".into())))
        );
        assert_eq!(
            parse_name("x.review.y.review.zhang.san.jsonl"),
            Some(("x.review.y", Source::Account("zhang.san".into())))
        );
        assert_eq!(parse_name("a.json"), None);
        assert_eq!(parse_name("a.review..jsonl"), None);
        let me = Account {
            uid: 7,
            login: "zhang".into(),
        };
        assert_eq!(
            own_path(Path::new("d/a.json"), &me),
            Path::new("d/a.review.zhang.jsonl")
        );
    }
}
