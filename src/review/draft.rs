//! Drafts: a comment being typed, kept in the user's data directory as it
//! is typed, so a crash, a dropped SSH connection or a kill loses nothing.
//!
//! Each running desk is a *session*: it holds an exclusive lock on
//! `SESSION.lock` for as long as it runs, and keeps its one draft (one
//! editor is open at a time) in `SESSION.json`, replaced whole by a write
//! to a temporary file, fsync and rename. A session that ends removes its
//! lock file and leaves its draft, if any: the reviewer never saved or
//! discarded it. A draft with no lock file, or beside a lock the OS has
//! released (a crash), belongs to an ended session, so the next desk on
//! the same folder adopts it — claiming its lock first, so two desks
//! started together cannot both — and opens it again. Drafts of other
//! folders are left for their folder.

use super::record::{Place, rfc3339};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// The version of the draft file this build writes and reads.
pub const DRAFT_VERSION: u32 = 1;

/// What the words are for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A new comment at a place.
    New { place: Place },
    /// A new text for the comment `of`, which points at `place`.
    Edit { of: String, place: Place },
    /// The reason for not sending the flag at `place` (a
    /// [`Place::Flag`]) to the department.
    Dismiss { place: Place },
    /// The reason for not sending any flag of the rule of the flag at
    /// `place`: in this declaration, or (`everywhere`) in every
    /// declaration of the folder that has one. `flags` and `files` are
    /// what the reviewer was asked about.
    DismissRule {
        place: Place,
        everywhere: bool,
        flags: usize,
        files: usize,
    },
    /// The reviewer's own words for a part of the notice (`opening`,
    /// `closing`, a point's key), or a new point (`added/`) after the
    /// point `after`.
    Reword { part: String, after: Option<String> },
}

/// The place of words about the notice: the declaration as a whole.
const WHOLE: &Place = &Place::Declaration;

impl Target {
    pub fn place(&self) -> &Place {
        match self {
            Target::New { place }
            | Target::Edit { place, .. }
            | Target::Dismiss { place }
            | Target::DismissRule { place, .. } => place,
            Target::Reword { .. } => WHOLE,
        }
    }

    /// What the words are, as the editor's title says it.
    pub fn label(&self) -> crate::i18n::Phrase {
        use crate::i18n::compose as words;
        match self {
            Target::New { .. } => words::NEW_COMMENT,
            Target::Edit { .. } => words::EDIT_COMMENT,
            Target::Dismiss { .. } => words::DISMISS_REASON,
            Target::DismissRule { .. } => words::DISMISS_RULE_REASON,
            Target::Reword { part, .. } if part == super::record::Part::NEW_POINT => {
                words::ADD_POINT
            }
            Target::Reword { .. } => words::REWORD_PART,
        }
    }
}

/// A draft as it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub v: u32,
    /// The folder the desk had open, as given (made absolute).
    pub folder: String,
    /// The declaration file, relative to the folder.
    pub file: String,
    pub target: Target,
    pub text: String,
    /// UTC, RFC 3339: when it was last kept.
    pub at: String,
    /// SHA-256 of the declaration as the desk had it when writing began
    /// (drafts of earlier builds have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<String>,
    /// Who was writing: the name the words are signed with when they are
    /// saved, whichever name the desk that restores them was started with
    /// (drafts of earlier builds have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
}

impl Draft {
    pub fn new(folder: &str, file: &str, target: Target, text: &str) -> Draft {
        Draft {
            v: DRAFT_VERSION,
            folder: folder.to_string(),
            file: file.to_string(),
            target,
            text: text.to_string(),
            at: rfc3339(std::time::SystemTime::now()),
            seen: None,
            reviewer: None,
        }
    }
}

/// A draft left by an ended session, adopted by this one.
#[derive(Debug, Clone)]
pub struct Orphan {
    pub draft: Draft,
    /// Its file; removed once the draft is in this session's keeping.
    pub path: PathBuf,
}

/// This session's place in the drafts directory.
pub struct Store {
    dir: PathBuf,
    session: String,
    /// Held while the desk runs: the sign that this session is alive.
    _lock: File,
    /// Locks of ended sessions whose drafts this session adopted.
    adopted: Vec<(PathBuf, File)>,
}

/// `~/.local/share/shenhe/drafts` on Linux (XDG_DATA_HOME respected), the
/// platform's equivalent elsewhere.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "shenhe").map(|d| d.data_dir().join("drafts"))
}

/// Opens a file only its owner can read: drafts may hold unsent opinions.
fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// A session's files are named by it: `SESSION.lock`, `SESSION.json`.
fn session_file(dir: &Path, session: &str, suffix: &str) -> PathBuf {
    dir.join(format!("{session}.{suffix}"))
}

/// Removes a file; one already gone is as good.
fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

impl Store {
    /// Starts a session in `dir` (created if needed).
    pub fn open(dir: &Path) -> std::io::Result<Store> {
        std::fs::create_dir_all(dir)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let session = format!("{now:x}-{:x}", std::process::id());
        // Locked under a name nobody looks at, then renamed: another desk
        // never sees this session's lock file unlocked (and takes it for
        // an ended session's).
        let unseen = session_file(dir, &session, "lock.new");
        let lock = private(OpenOptions::new().write(true).create_new(true)).open(&unseen)?;
        lock.lock()?;
        std::fs::rename(&unseen, session_file(dir, &session, "lock"))?;
        Ok(Store {
            dir: dir.to_path_buf(),
            session,
            _lock: lock,
            adopted: Vec::new(),
        })
    }

    fn own_draft(&self) -> PathBuf {
        session_file(&self.dir, &self.session, "json")
    }

    /// Keeps the draft: on disk when this returns. Written as every file
    /// is replaced ([`crate::safe_fs::replace`]): a fresh `O_EXCL`
    /// temporary file, mode 0600 on its descriptor, synced, renamed over
    /// the last draft, the folder synced.
    pub fn keep(&self, draft: &Draft) -> std::io::Result<()> {
        let text = serde_json::to_vec_pretty(draft).map_err(std::io::Error::other)?;
        crate::safe_fs::replace(&self.own_draft(), &text, 0o600).map_err(std::io::Error::from)
    }

    /// The draft was saved as a comment or discarded: nothing to restore.
    pub fn clear(&self) -> std::io::Result<()> {
        remove_if_there(&self.own_draft())
    }

    /// Drafts of ended sessions for `folder`, oldest first. Their sessions'
    /// locks are claimed and kept, so no other desk adopts them too.
    pub fn adopt(&mut self, folder: &str) -> Vec<Orphan> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if let Some(session) = name.strip_suffix(".lock") {
                // A crashed session that left no draft: tidy up its lock.
                if session != self.session
                    && !session_file(&self.dir, session, "json").exists()
                    && let Ok(lock) = OpenOptions::new().write(true).open(&path)
                    && lock.try_lock().is_ok()
                {
                    let _ = std::fs::remove_file(&path);
                }
                continue;
            }
            let Some(session) = name.strip_suffix(".json") else {
                continue;
            };
            if session == self.session {
                continue;
            }
            let Some(lock) = self.claim(session) else {
                continue; // alive, or another desk claimed it first
            };
            let lock_path = session_file(&self.dir, session, "lock");
            let draft = std::fs::read(&path)
                .ok()
                .and_then(|b| serde_json::from_slice::<Draft>(&b).ok());
            match draft {
                Some(d) if d.folder == folder && d.v == DRAFT_VERSION => {
                    found.push(Orphan {
                        draft: d,
                        path: path.clone(),
                    });
                    self.adopted.push((lock_path, lock));
                }
                // Another folder's, or unreadable (kept for a person to
                // look at): the claim goes, the draft stays.
                _ => {
                    let _ = std::fs::remove_file(&lock_path);
                    drop(lock);
                }
            }
        }
        found.sort_by(|a, b| a.draft.at.cmp(&b.draft.at));
        found
    }

    /// Claims the lock of an ended session: its lock file, left unlocked by
    /// a crash; or, when it ended cleanly and removed it, a new one, made
    /// locked and linked into place only if none is there (so two desks
    /// cannot both claim it). `None` while that session runs.
    fn claim(&self, session: &str) -> Option<File> {
        let lock_path = session_file(&self.dir, session, "lock");
        if let Ok(lock) = OpenOptions::new().write(true).open(&lock_path) {
            return lock.try_lock().is_ok().then_some(lock);
        }
        let unseen = self.dir.join(format!("{session}.lock.{}", self.session));
        let lock = private(OpenOptions::new().write(true).create_new(true))
            .open(&unseen)
            .ok()?;
        let claimed = lock.lock().is_ok() && std::fs::hard_link(&unseen, &lock_path).is_ok();
        let _ = std::fs::remove_file(&unseen);
        claimed.then_some(lock)
    }

    /// An adopted draft is now in this session's keeping (or done with):
    /// its old file goes.
    pub fn release(&self, orphan: &Path) -> std::io::Result<()> {
        remove_if_there(orphan)
    }
}

impl Drop for Store {
    /// A session that ends leaves no lock file behind, its own or those
    /// it claimed; its draft, if any, stays for the next desk to restore.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(session_file(&self.dir, &self.session, "lock"));
        for (lock, _) in &self.adopted {
            let _ = std::fs::remove_file(lock);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(folder: &str, text: &str) -> Draft {
        Draft::new(
            folder,
            "a.json",
            Target::New {
                place: Place::Declaration,
            },
            text,
        )
    }

    #[test]
    fn a_live_sessions_draft_is_not_taken_an_ended_ones_is() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open(dir.path()).unwrap();
        first.keep(&draft("/f", "整体目标未量化")).unwrap();
        let mut second = Store::open(dir.path()).unwrap();
        assert!(second.adopt("/f").is_empty(), "the first desk still runs");
        // The first desk ends without saving or discarding: its draft
        // stays, its lock file goes.
        let first_lock = session_file(dir.path(), &first.session, "lock");
        drop(first);
        assert!(
            !first_lock.exists(),
            "an ended desk leaves no lock, even with a draft"
        );
        let found = second.adopt("/f");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].draft.text, "整体目标未量化");
        let mut third = Store::open(dir.path()).unwrap();
        assert!(
            third.adopt("/f").is_empty(),
            "the second desk holds the adopted draft"
        );
        assert!(second.adopt("/other").is_empty());
        // Every desk ended: no lock file is left, only the draft.
        drop((second, third));
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(left.iter().all(|n| n.ends_with(".json")), "{left:?}");
        assert_eq!(left.len(), 1, "the adopted draft, never saved: {left:?}");
        // And the next desk still finds it.
        let mut fourth = Store::open(dir.path()).unwrap();
        assert_eq!(fourth.adopt("/f").len(), 1);
    }

    #[test]
    fn a_crashed_desks_lock_is_taken_over_and_tidied() {
        let dir = tempfile::tempdir().unwrap();
        // As a crash leaves it: an unlocked lock file, with and without a draft.
        std::fs::write(dir.path().join("dead-1.lock"), "").unwrap();
        std::fs::write(dir.path().join("dead-2.lock"), "").unwrap();
        let d = draft("/f", "崩溃前写的");
        std::fs::write(
            dir.path().join("dead-2.json"),
            serde_json::to_vec(&d).unwrap(),
        )
        .unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let found = s.adopt("/f");
        assert_eq!(found.len(), 1);
        assert!(
            !dir.path().join("dead-1.lock").exists(),
            "nothing to restore: tidied"
        );
        let mut other = Store::open(dir.path()).unwrap();
        assert!(other.adopt("/f").is_empty(), "claimed by the first");
        drop(s);
        assert!(!dir.path().join("dead-2.lock").exists());
    }

    #[test]
    fn other_folders_drafts_are_left_alone_and_cleared_drafts_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = Store::open(dir.path()).unwrap();
            s.keep(&draft("/elsewhere", "别处的草稿")).unwrap();
        }
        {
            let s = Store::open(dir.path()).unwrap();
            s.keep(&draft("/f", "写了一半")).unwrap();
            s.clear().unwrap();
        }
        let mut s = Store::open(dir.path()).unwrap();
        assert!(s.adopt("/f").is_empty(), "a cleared draft is not restored");
        let mut later = Store::open(dir.path()).unwrap();
        drop(s);
        assert_eq!(later.adopt("/elsewhere").len(), 1);
    }

    #[test]
    fn the_newest_keep_wins_and_the_file_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        s.keep(&draft("/f", "一")).unwrap();
        s.keep(&draft("/f", "一二")).unwrap();
        let kept: Draft = serde_json::from_slice(&std::fs::read(s.own_draft()).unwrap()).unwrap();
        assert_eq!(kept.text, "一二");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(s.own_draft())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
    }
}
