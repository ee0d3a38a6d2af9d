//! 本批概况: the batch at a glance, over the list (issue 24). Its figures
//! are [`crate::review::season::Season`], counted ahead once the batch is
//! in (or when it first opens) and kept: a review that changes moves them
//! by its one declaration, open or not; files that change have them
//! counted again if it is up, else ahead or at its next opening — never
//! per frame.
//! Every line of a rule or a department leads to the list filtered to
//! what it counts; Esc from there comes back to it.

use super::{Command, Desk, Overlay, Screen};
use crate::review::season::{Member, Season};

/// What the list is narrowed to from 本批概况.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Only {
    /// Declarations with a flag of this rule that goes out (采纳).
    Rule(crate::rules::Rule),
    /// This one file.
    File(String),
    /// These files, sorted (a group of copies).
    Files(Vec<String>),
    /// The files, sorted, that wrote `what`: an indicator row several
    /// departments wrote alike, or a vague target (the words are the
    /// file's: shown only made safe).
    Wrote { what: String, files: Vec<String> },
}

impl Only {
    /// `files` sorted, to be searched.
    fn sorted(files: &[String]) -> Vec<String> {
        let mut files = files.to_vec();
        files.sort_unstable();
        files.dedup();
        files
    }

    pub(super) fn keeps(&self, item: &super::Item) -> bool {
        match self {
            Only::Rule(rule) => item.checked().is_some_and(|c| {
                item.review
                    .standing_flags(&c.flags)
                    .any(|f| f.rule() == *rule)
            }),
            Only::File(file) => item.entry.file == *file,
            // Sorted: a row 3,000 departments wrote is not read through
            // for every item.
            Only::Files(files) | Only::Wrote { files, .. } => {
                files.binary_search(&item.entry.file).is_ok()
            }
        }
    }
}

/// Does the event change the files 本批概况 counts (so its figures are
/// counted again)? Not a review that changed: [`Desk::review_changes`]
/// moves the figures by that one declaration.
pub(super) fn changes_figures(event: &super::Event) -> bool {
    use super::Event as E;
    !matches!(
        event,
        E::ReviewChanged { .. }
            | E::CommentSaved { .. }
            | E::Resize { .. }
            | E::SearchStep
            | E::Clock { .. }
    )
}

/// An item as the figures see it.
fn member(it: &super::Item) -> Member<'_> {
    let c = it.checked();
    Member {
        file: &it.entry.file,
        department: c.map_or(&None, |c| &c.declaration.department.name),
        checked: c.map(|c| (c.flags.as_slice(), c.measurability, &c.rows)),
        review: &it.review,
    }
}

impl Desk {
    /// The batch's figures, once counted (ahead, or when 本批概况
    /// opened), until files change.
    pub fn season(&self) -> Option<&Season> {
        self.season.as_ref()
    }

    /// What the list is narrowed to from 本批概况, if anything.
    pub fn only(&self) -> Option<&Only> {
        self.only.as_ref()
    }

    /// The lines of 本批概况 that lead somewhere, in the order shown: the
    /// rules, the least measurable departments, the groups of copies, the
    /// repeated rows, the vague targets.
    pub fn season_leads(&self) -> Vec<Only> {
        (0..self.lead_count())
            .filter_map(|at| self.season_lead(at))
            .collect()
    }

    /// How many lines lead somewhere (counted, not built: moving among
    /// them copies no group's files).
    fn lead_count(&self) -> usize {
        self.season.as_ref().map_or(0, |s| {
            s.rules.len()
                + s.measurability.lowest.len()
                + s.copies.len()
                + s.repeated.len()
                + s.vague.len()
        })
    }

    /// The line `at` of [`Desk::season_leads`].
    fn season_lead(&self, at: usize) -> Option<Only> {
        let s = self.season.as_ref()?;
        let at = match s.rules.get(at) {
            Some(r) => return Some(Only::Rule(r.rule)),
            None => at - s.rules.len(),
        };
        let lowest = &s.measurability.lowest;
        let at = match lowest.get(at) {
            Some(m) => return Some(Only::File(m.file.clone())),
            None => at - lowest.len(),
        };
        let at = match s.copies.get(at) {
            Some(g) => return Some(Only::Files(Only::sorted(g))),
            None => at - s.copies.len(),
        };
        let at = match s.repeated.get(at) {
            Some(r) => {
                return Some(Only::Wrote {
                    what: format!("{} {}", r.row.name, r.row.targets()),
                    files: Only::sorted(&r.files),
                });
            }
            None => at - s.repeated.len(),
        };
        s.vague.get(at).map(|v| Only::Wrote {
            what: v.target.clone(),
            files: Only::sorted(&v.files),
        })
    }

    pub(super) fn count_season(&mut self) {
        let items = &self.items;
        // The items are in file order.
        let text_of = |file: &str, key| {
            let at = items
                .binary_search_by(|it| it.entry.file.as_str().cmp(file))
                .ok()?;
            items.get(at)?.row_text(key)
        };
        let members = items.iter().map(member);
        self.season = Some(Season::of(members, Some(&self.row_counts), text_of));
    }

    /// Files arrived, changed or went: counted again if 本批概况 is up,
    /// else forgotten until they are counted ahead or it opens.
    pub(super) fn follow_season(&mut self) {
        match self.overlay {
            Some(Overlay::Season { .. }) => self.count_season(),
            _ => self.season = None,
        }
    }

    /// The review of item `i` becomes `review`; the figures, if counted,
    /// follow it by that declaration alone (at 100,000 files counting the
    /// batch again takes a tenth of a second).
    pub(super) fn review_changes(&mut self, i: usize, review: crate::review::Review) {
        let Some(item) = self.items.get_mut(i) else {
            return;
        };
        if let Some(season) = self.season.as_mut() {
            season.review_out(&member(item));
        }
        item.set_review(review);
        if let Some(season) = self.season.as_mut() {
            season.review_in(&member(item));
        }
    }

    /// Are the figures worth counting ahead, while nothing else waits?
    /// Once every file is in and the checks across the folder are back,
    /// until they are counted (files changing forget them again).
    pub fn season_ahead(&self) -> bool {
        self.season.is_none()
            && self.progress.done
            && !self.across_waiting
            && !self.items.is_empty()
    }

    /// Counts the figures ahead, so that 本批概况 opens on them at once
    /// (the terminal calls it when no key or file is waiting: counting
    /// 10,000 files takes a frame, 100,000 a tenth of a second or more).
    pub fn count_season_ahead(&mut self) {
        if self.season_ahead() {
            self.count_season();
        }
    }

    pub(super) fn open_season(&mut self, at: usize) {
        if self.season.is_none() {
            self.count_season();
        }
        let last = self.lead_count().saturating_sub(1);
        self.overlay = Some(Overlay::Season { at: at.min(last) });
    }

    pub(super) fn season_command(&mut self, command: Command) {
        let Some(&Overlay::Season { at }) = self.overlay.as_ref() else {
            return;
        };
        let last = self.lead_count().saturating_sub(1);
        let at = match command {
            Command::Up => at.saturating_sub(1),
            Command::Down => (at + 1).min(last),
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageUp => at.saturating_sub(self.page),
            Command::PageDown => (at + self.page).min(last),
            Command::Open => {
                if let Some(lead) = self.season_lead(at) {
                    self.overlay = None;
                    self.screen = Screen::List;
                    self.only = Some(lead);
                    self.from_season = Some(at);
                    self.chosen = false;
                    self.cursor = 0;
                    self.refresh();
                }
                return;
            }
            Command::Back | Command::Quit | Command::ShowSeason => {
                self.overlay = None;
                return;
            }
            // The key list over it, as over the preview; closing it leaves
            // the list.
            Command::ToggleHelp => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return;
            }
            Command::Rescan => {
                self.rescan();
                at
            }
            _ => at,
        };
        self.overlay = Some(Overlay::Season { at });
    }

    /// Esc on a list narrowed from 本批概况: the narrowing goes, and the
    /// reviewer is back where they chose it. `false` when the list was
    /// not narrowed from there.
    pub(super) fn back_to_season(&mut self) -> bool {
        let Some(at) = self.from_season.take() else {
            return false;
        };
        self.only = None;
        self.refresh();
        self.open_season(at);
        true
    }
}
