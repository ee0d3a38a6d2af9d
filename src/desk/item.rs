//! One file of the folder, with what the list shows of it.

use super::parked::Parked;
use super::search::SearchKey;
use crate::check::{Checked, Entry};
use crate::config::Config;
use crate::review::Review;
use crate::rules::{Counts, Severity, Totals};
use rust_decimal::Decimal;

/// One file of the folder with what the list shows of it: a box, so
/// that the list (kept in file order, a batch merged into it as a folder
/// loads) moves a pointer a file. Moving the 224 bytes of a [`Listing`]
/// was most of the loop's time at 100,000 files: 100 merges of the whole
/// list, each a fresh 22 MB.
#[derive(Debug, Clone)]
pub struct Item(Box<Listing>);

impl std::ops::Deref for Item {
    type Target = Listing;
    fn deref(&self) -> &Listing {
        &self.0
    }
}

impl std::ops::DerefMut for Item {
    fn deref_mut(&mut self) -> &mut Listing {
        &mut self.0
    }
}

/// What the list holds of one file.
#[derive(Debug, Clone)]
pub struct Listing {
    pub entry: Box<Entry>,
    /// What reviewers said, from the journal beside the file.
    pub review: Box<Review>,
    pub key: SearchKey,
    /// T, the spending total; `None` when blank or not loaded.
    pub total: Option<Decimal>,
    /// Flags of each severity, less those the reviewer dismissed.
    pub counts: Counts,
    /// Flags the reviewer dismissed (不采纳), counted apart.
    pub dismissed: usize,
    /// The file did not load (kept beside the counts, which every frame
    /// adds up over the folder, so none reaches into the boxed entry).
    pub unreadable: bool,
    /// SHA-256 of the bytes the desk read: the version on screen, to which
    /// what the reviewer writes is pinned. `None` when nothing was read.
    pub sha: Option<String>,
    /// The bulk of the declaration, packed while it is not on screen (its
    /// `Checked` then holds what the list shows); `None` when unpacked.
    parked: Option<Parked>,
}

impl From<Entry> for Item {
    /// Prepares a file for the list: its search key (pinyin spellings, the
    /// costly part), total and counts.
    fn from(mut entry: Entry) -> Item {
        let (name, region, total, counts) = match &entry.outcome {
            Ok(c) => {
                let d = &c.declaration;
                let show = |s: &Option<String>| {
                    s.as_deref()
                        .map(|t| crate::sanitize::display_line(t).into_owned())
                };
                (
                    show(&d.department.name),
                    show(&d.region),
                    Totals::of(d).spending,
                    Counts::of(&c.flags),
                )
            }
            Err(_) => (None, None, None, Counts::default()),
        };
        let key = SearchKey::new(
            name.as_deref().unwrap_or(""),
            &entry.file,
            region.as_deref().unwrap_or(""),
        );
        // Until it is opened, the list needs none of the rest.
        let parked = entry
            .outcome
            .as_mut()
            .ok()
            .map(|c| Parked::take(&mut c.declaration));
        Item(Box::new(Listing {
            unreadable: entry.outcome.is_err(),
            entry: Box::new(entry),
            review: Box::default(),
            key,
            total,
            counts,
            dismissed: 0,
            sha: None,
            parked,
        }))
    }
}

impl Item {
    /// A file of the folder read, checked, with its review: what the
    /// desk's loader and watcher do per file (the file is read once).
    pub fn load(path: &std::path::Path, config: &Config) -> Item {
        Item::read(
            path,
            crate::check::check_file_keeping_bytes(path, config),
            config,
        )
    }

    /// As [`Item::load`], for a file of the folder's first listing.
    pub fn load_listed(
        path: &std::path::Path,
        namesakes: &crate::load::Namesakes,
        config: &Config,
    ) -> Item {
        let read = crate::check::check_listed(path, namesakes, config);
        Item::read(path, read, config)
    }

    fn read(
        path: &std::path::Path,
        (entry, bytes): (crate::check::Entry, Option<Vec<u8>>),
        config: &Config,
    ) -> Item {
        let sha = bytes.as_deref().map(crate::review::sha256_hex);
        let review = crate::review::review_with(path, config, || sha.clone().unwrap_or_default());
        let mut item = Item::from(entry).with_review(review);
        item.sha = sha;
        item
    }

    /// What was checked. Its declaration is whole only while the item is
    /// on screen (the desk unpacks the one open, [`super::Desk`]'s
    /// `settle`); otherwise it holds what the list shows.
    pub fn checked(&self) -> Option<&Checked> {
        self.entry.outcome.as_ref().ok()
    }

    /// The declaration whole, to be shown.
    pub(super) fn unpark(&mut self) {
        if let (Some(parked), Ok(c)) = (self.parked.take(), self.entry.outcome.as_mut()) {
            parked.restore(&mut c.declaration);
        }
    }

    /// The declaration packed again, off screen.
    pub(super) fn park(&mut self) {
        if self.parked.is_none()
            && let Ok(c) = self.entry.outcome.as_mut()
        {
            self.parked = Some(Parked::take(&mut c.declaration));
        }
    }

    /// What its indicator row of `key` says, unpacking its rows when the
    /// declaration is packed (the few rows 本批概况 names).
    pub fn row_text(&self, key: crate::rules::RowKey) -> Option<crate::rules::RowText> {
        let c = self.checked()?;
        match &self.parked {
            None => key.text_in(&c.declaration),
            Some(parked) => {
                let rows = crate::model::Declaration {
                    target_columns: c.declaration.target_columns,
                    indicators: parked.indicators(),
                    ..crate::model::Declaration::default()
                };
                key.text_in(&rows)
            }
        }
    }

    /// Last year's declaration of the department was found.
    pub fn has_previous(&self) -> bool {
        self.checked()
            .and_then(|c| c.previous.as_ref())
            .is_some_and(|p| p.file().is_some())
    }

    /// With the review its journal tells.
    pub fn with_review(mut self, review: Review) -> Item {
        self.set_review(review);
        self
    }

    /// The review its journal tells now; the counts follow its dispositions.
    /// Takes a new reading of the review. Records the earlier reading had
    /// and this one lacks make an alarm that stays for the session: a
    /// journal must only grow.
    pub fn set_review(&mut self, mut review: Review) {
        review.tampered = self.tampered_after(&review);
        *self.review = review;
        self.recount();
    }

    /// The journals that lost records between this item's reading and
    /// `fresh`, with those already known.
    pub fn tampered_after(&self, fresh: &Review) -> Vec<String> {
        let mut out = self.review.tampered.clone();
        for file in fresh.lost_since(&self.review) {
            if !out.contains(&file) {
                out.push(file);
            }
        }
        out
    }

    /// Counts the flags that stand, and the dismissed ones apart.
    pub(super) fn recount(&mut self) {
        let Some(checked) = self.entry.outcome.as_ref().ok() else {
            return;
        };
        let mut counts = Counts::default();
        let mut out = 0;
        for f in &checked.flags {
            if self.review.dismissal(f).is_some() {
                out += 1;
            } else {
                counts.add(f.severity, 1);
            }
        }
        self.counts = counts;
        self.dismissed = out;
    }

    /// Flags of a severity, a load error counting as an error.
    pub fn count(&self, s: Severity) -> usize {
        self.counts.get(s) + usize::from(s == Severity::Error && self.unreadable)
    }
}

/// Loading progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub found: Option<usize>,
    pub loaded: usize,
    pub done: bool,
}
