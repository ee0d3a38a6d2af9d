//! Following the folder while the desk is open, so a colleague's comments
//! and a resubmitted declaration show without a restart. inotify (through
//! notify) wakes us only when something is written; nothing polls.
//!
//! Reading a file is an event too (open, close): only writes, creations,
//! removals and renames count, or the desk's own reading would wake it.

use crate::config::Config;
use crate::desk::Event;
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// A write arrives as several events (create, modify, close): the folder
/// must be quiet this long before it is read once.
const QUIET: Duration = Duration::from_millis(150);

/// Starts watching `dir`. `None` where the platform or the folder cannot be
/// watched: the desk then works as before, without live changes.
pub fn start(dir: &Path) -> Option<(RecommendedWatcher, Receiver<PathBuf>)> {
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let counts = matches!(
            event.kind,
            EventKind::Create(_)
                | EventKind::Modify(_)
                | EventKind::Remove(_)
                | EventKind::Access(AccessKind::Close(AccessMode::Write))
        );
        if counts {
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })
    .ok()?;
    watcher.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some((watcher, rx))
}

/// Turns changed paths into desk events and hands them to `tell` until it
/// returns false (the desk has closed).
pub fn follow(
    dir: &Path,
    config: &Config,
    changed: &Receiver<PathBuf>,
    mut tell: impl FnMut(Vec<Event>) -> bool,
) {
    while let Ok(first) = changed.recv() {
        let mut paths = BTreeSet::from([first]);
        // A folder that never goes quiet is still read every second.
        let latest = std::time::Instant::now() + Duration::from_secs(1);
        while std::time::Instant::now() < latest
            && let Ok(more) = changed.recv_timeout(QUIET)
        {
            paths.insert(more);
        }
        let events = crate::desk::changes::changes(dir, &paths, config);
        if !events.is_empty() && !tell(events) {
            return;
        }
    }
}
