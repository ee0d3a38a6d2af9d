//! What was sent back, kept: when a declaration is returned, the version
//! returned (format v1 JSON) and the points of its 审核意见 go into the
//! reviewer's journal as one `returned` record, so that the resubmission
//! can be held against them (`review::revision`).
//!
//! The record must never cost the journal: a declaration's journals past
//! their cap (together) are not read at all. So the version is kept only
//! while the line fits the reader's line limit and the journals stay
//! under half their cap with it; past that, the points alone are kept,
//! and past the cap nothing.

use super::{Opened, write};
use crate::check::Entry;
use crate::config::Config;
use crate::review::journal::MAX_LINE_BYTES;
use crate::review::notice::{self, Issue, Kind};
use crate::review::record::{Body, Kept, Record};
use crate::review::revision::sent_points;

/// How much of the version sent back a journal of `size` bytes, capped
/// at `cap`, can take: the whole (`true`), the points alone (`false`), or
/// nothing.
fn room(size: u64, cap: u64, whole: usize, points: usize) -> Option<bool> {
    let after = |line: usize| size.saturating_add(line as u64);
    if whole <= MAX_LINE_BYTES && after(whole) <= cap / 2 {
        Some(true)
    } else if points <= MAX_LINE_BYTES && after(points) <= cap {
        Some(false)
    } else {
        None
    }
}

/// Keeps what `opened` was sent back as, when its decision is to return
/// it: the notice as it reads now (its points, as the department will
/// read them) and the version. Not
/// a word of the reviewer's is in it that is not in the journal already,
/// so a failure here loses nothing; the caller goes on.
pub(super) fn keep(opened: &Opened, reviewer: &str, config: &Config) -> Option<Record> {
    let reads = crate::review::journals::read_all(&opened.file, opened.journal_cap).ok()?;
    let review = crate::review::Review::of_journals(&reads, &opened.sha);
    // Only what is sent back: a declaration returned, as its journals say.
    if review.decision() != crate::review::Decision::Return {
        return None;
    }
    // What the reader holds to the cap: every journal of the declaration.
    let size: u64 = reads.iter().map(|r| r.journal.bytes).sum();
    let entry = Entry {
        file: crate::load::file_label(&opened.file),
        outcome: opened.checked.clone(),
    };
    let today = jiff::Timestamp::now()
        .to_zoned(crate::clock::local_zone())
        .date();
    let issue = Issue::on(today, &config.notice);
    let lang = config.notice.lang.into();
    let sent = notice::build(
        &entry,
        &review,
        &config.notice,
        &issue,
        Kind::Returned,
        lang,
    );
    let points = sent_points(&sent);
    let declaration = opened
        .checked
        .as_ref()
        .ok()
        .map(|c| Kept::new(crate::model::v1::to_line(&c.declaration)));
    let line = |b: &Body| serde_json::to_vec(b).map_or(usize::MAX, |v| v.len() + 512);
    let whole = Body::Returned {
        declaration,
        points: points.clone(),
    };
    let bare = Body::Returned {
        declaration: None,
        points,
    };
    let body = match room(size, config.max_journal_bytes, line(&whole), line(&bare))? {
        true => whole,
        false => bare,
    };
    write(opened, reviewer, body).ok()
}

#[cfg(test)]
mod tests {
    use super::room;

    #[test]
    fn the_version_is_kept_while_the_journal_stays_under_half_its_cap() {
        assert_eq!(room(0, 1000, 400, 50), Some(true));
        assert_eq!(room(200, 1000, 400, 50), Some(false), "past half");
        assert_eq!(room(960, 1000, 400, 50), None, "past the cap");
        let over = super::MAX_LINE_BYTES + 1;
        assert_eq!(room(0, u64::MAX, over, 50), Some(false), "over a line");
    }
}
