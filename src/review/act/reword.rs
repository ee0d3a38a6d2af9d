//! The reviewer's last word on the notice, written: a part's own text, a
//! part left out or put back, a point of their own.

use super::{ActError, Written, open};
use crate::config::Config;
use crate::review::record::{Body, Part, new_id};
use std::path::Path;

/// What a reviewer does to a part of the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rewording {
    /// Their own words for it.
    Text(String),
    /// Left out of the notice.
    Drop,
    /// Back to the words shenhe wrote.
    Restore,
}

/// Records what became of `part` of the notice of `file` (pinned to the
/// version `seen` when the file has changed since): `opening`, `closing`,
/// a point's key, or a new point `added/…` placed `after` another.
pub fn reword(
    file: &Path,
    part: &str,
    rewording: Rewording,
    after: Option<&str>,
    reviewer: &str,
    seen: Option<&str>,
    config: &Config,
) -> Result<Written, ActError> {
    let mut opened = open(file, config)?;
    if part.trim().is_empty() {
        return Err(ActError::EmptyText);
    }
    let (text, dropped) = match rewording {
        Rewording::Text(t) if t.trim().is_empty() => return Err(ActError::EmptyText),
        Rewording::Text(t) => (Some(t), false),
        Rewording::Drop => (None, true),
        Rewording::Restore => (None, false),
    };
    // A new point gets a name of its own, which later rewordings of it use.
    let part = match part {
        Part::NEW_POINT => format!(
            "{}{}",
            Part::NEW_POINT,
            new_id(std::time::SystemTime::now())
        ),
        other => other.to_string(),
    };
    let body = Body::Reword {
        part,
        text,
        dropped,
        after: after.map(str::to_string),
    };
    let written = opened.write_seen(seen, reviewer, body)?;
    // Reworded after the return: what goes back is kept again, as it
    // will now read (nothing, when it is not returned).
    if !written.changed_since_seen {
        super::returned::keep(&opened, reviewer, config);
    }
    Ok(written)
}
