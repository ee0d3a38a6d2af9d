//! The list of the folder's declarations: moving, sorting, filtering by
//! severity and decision, and the search that ranks it, scored in slices
//! so keys stay answered in a big folder.

use super::search::Hit;
use super::{Command, Desk, Effect, Item, Overlay, Screen};
use crate::check::check_across_each;
use crate::i18n::{self as words, Phrase};
use crate::review::Decision;
use crate::rules::Severity;

/// How the list is ordered when no query ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    File,
    Name,
    Total,
    Errors,
    Warnings,
    /// Returned first, then pending, then approved.
    Decision,
}

impl Sort {
    /// What the list's second line calls it.
    pub fn label(self) -> Phrase {
        match self {
            Sort::File => words::SORT_FILE,
            Sort::Name => words::SORT_NAME,
            Sort::Total => words::SORT_TOTAL,
            Sort::Errors => words::SORT_ERRORS,
            Sort::Warnings => words::SORT_WARNINGS,
            Sort::Decision => words::SORT_DECISION,
        }
    }

    pub(super) fn next(self) -> Sort {
        match self {
            Sort::File => Sort::Name,
            Sort::Name => Sort::Total,
            Sort::Total => Sort::Errors,
            Sort::Errors => Sort::Warnings,
            Sort::Warnings => Sort::Decision,
            Sort::Decision => Sort::File,
        }
    }
}

/// A visible row of the list: which item, and how it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub item: usize,
    pub hit: Hit,
}

/// How many files one search step scores: a few milliseconds of work, so
/// keys stay answered while a big folder is searched.
pub const SEARCH_SLICE: usize = 200;

/// A search under way: the query, the items to score, how far it got.
#[derive(Clone)]
pub(super) struct Search {
    query: String,
    candidates: Vec<usize>,
    next: usize,
    found: Vec<Row>,
    /// The file selected when it started, to keep selected.
    keep: Option<String>,
}

impl Desk {
    pub(super) fn filter_command(&mut self, command: Command) {
        match command {
            Command::FilterChar(c) => {
                // A match of the longer query is a match of the shorter:
                // only the rows that matched so far need scoring again.
                self.query.push(c);
                self.cursor = 0;
                self.chosen = false;
                return self.refresh_within(true);
            }
            Command::FilterBackspace => {
                self.query.pop();
                self.chosen = false;
            }
            Command::FilterDone => self.overlay = None,
            // Esc: the list as it was; the query was only a search.
            Command::Back | Command::Quit => {
                self.overlay = None;
                self.query.clear();
            }
            Command::Up | Command::Down => return self.list_command(command),
            _ => return,
        }
        self.cursor = 0;
        self.refresh();
    }

    pub(super) fn list_command(&mut self, command: Command) {
        let last = self.rows.len().saturating_sub(1);
        self.chosen = true;
        match command {
            Command::Select(row) => self.cursor = row.min(last),
            Command::Up => self.cursor = self.cursor.saturating_sub(1),
            Command::Down => self.cursor = (self.cursor + 1).min(last),
            Command::Top => self.cursor = 0,
            Command::Bottom => self.cursor = last,
            Command::PageUp => self.cursor = self.cursor.saturating_sub(self.page),
            Command::PageDown => self.cursor = (self.cursor + self.page).min(last),
            Command::Open => {
                if let Some(row) = self.rows.get(self.cursor)
                    && let Some(item) = self.items.get(row.item)
                {
                    match item.checked() {
                        Some(_) => self.open_overview(row.item),
                        None => self.open_unread(row.item),
                    }
                }
            }
            Command::StartFilter => self.overlay = Some(Overlay::Filter),
            Command::ShowSeason => self.open_season(0),
            // Narrowed from 本批概况: Esc goes back to it.
            Command::Back if self.back_to_season() => {}
            // Esc clears every filter, as the empty list's message says.
            Command::Back
                if !self.query.is_empty()
                    || self.severity.is_some()
                    || self.decision.is_some()
                    || self.last_year.is_some()
                    || self.only.is_some() =>
            {
                self.query.clear();
                self.severity = None;
                self.decision = None;
                self.last_year = None;
                self.only = None;
                self.refresh();
            }
            Command::Quit => self.quit = true,
            Command::CycleSort => {
                self.sort = self.sort.next();
                self.refresh();
            }
            Command::ReverseSort => {
                self.reversed = !self.reversed;
                self.refresh();
            }
            Command::CycleDecision => {
                self.decision = match self.decision {
                    None => Some(Decision::Pending),
                    Some(Decision::Pending) => Some(Decision::Return),
                    Some(Decision::Return) => Some(Decision::Approve),
                    Some(Decision::Approve) => None,
                };
                self.refresh();
            }
            Command::CycleLastYear => {
                if self.config.rules.last_year.is_none() {
                    let words = crate::i18n::years::no_folder_named(self.lang);
                    self.notice = Some(super::Notice::Problem(words));
                    return;
                }
                self.last_year = match self.last_year {
                    None => Some(true),
                    Some(true) => Some(false),
                    Some(false) => None,
                };
                self.refresh();
            }
            Command::CycleSeverity => {
                self.severity = match self.severity {
                    None => Some(Severity::Error),
                    Some(Severity::Error) => Some(Severity::Warning),
                    Some(Severity::Warning) => Some(Severity::Info),
                    Some(Severity::Info) => None,
                };
                self.refresh();
            }
            _ => {}
        }
    }

    /// Files read again: each replaces its namesake or joins the list.
    pub(super) fn reloaded(&mut self, fresh: Vec<Item>) {
        self.replace_items(|items| {
            // A rescan brings every file: find each by name at once.
            let at: std::collections::HashMap<String, usize> = items
                .iter()
                .enumerate()
                .map(|(n, i)| (i.entry.file.clone(), n))
                .collect();
            for mut item in fresh {
                match at.get(&item.entry.file) {
                    Some(&n) => {
                        item.review.tampered = items[n].tampered_after(&item.review);
                        items[n] = item;
                    }
                    None => items.push(item),
                }
            }
        });
        if self.progress.done {
            self.check_across();
            self.refresh();
        }
    }

    /// Files gone from the folder leave the list.
    pub(super) fn removed(&mut self, gone: &[String]) {
        // The declaration being written about stays until the editor
        // closes: its words must not vanish with it.
        let writing = self.editor().map(|e| e.file.clone());
        let open = match self.screen {
            Screen::Declaration { item, .. } => self.items.get(item).map(|i| &i.entry.file),
            Screen::List => None,
        };
        if open.is_some_and(|f| gone.contains(f) && writing.as_ref() != Some(f)) {
            self.screen = Screen::List;
        }
        self.replace_items(|items| {
            items.retain(|i| {
                !gone.contains(&i.entry.file) || writing.as_ref() == Some(&i.entry.file)
            })
        });
        if self.progress.done {
            self.check_across();
            self.refresh();
        }
    }

    /// Files the loader read: counted into the names as they come (a big
    /// folder is not counted again for every batch), then listed.
    /// While a search runs they wait for it ([`Desk::take_arriving`]).
    pub(super) fn add_items(&mut self, items: Vec<Item>) {
        self.arriving.extend(items);
        if self.search.is_none() {
            self.take_arriving();
        }
    }

    /// The files that arrived (while a search ran), in now.
    pub(super) fn take_arriving(&mut self) {
        if !self.arriving.is_empty() {
            let items = std::mem::take(&mut self.arriving);
            self.name_counts.add(&items);
            count_rows(&mut self.row_counts, &items);
            self.change_items(|all| merge_by_file(all, items));
        }
    }

    /// Changes the items, keeps them in file order, and keeps the open
    /// declaration open (its index may move).
    pub(super) fn replace_items(&mut self, change: impl FnOnce(&mut Vec<Item>)) {
        self.change_items(|all| {
            change(all);
            all.sort_by(|a, b| a.entry.file.cmp(&b.entry.file));
        });
        // Anything may have gone or changed: the names are counted afresh.
        self.name_counts = NameCounts::default();
        self.name_counts.add(&self.items);
        self.row_counts = crate::rules::RowCounts::default();
        count_rows(&mut self.row_counts, &self.items);
        self.show_names();
    }

    fn show_names(&mut self) {
        self.names = self.name_counts.names();
        self.searcher
            .set_shared_region(self.names.region.as_deref());
    }

    /// Changes the items by `change`, which leaves them in file order.
    fn change_items(&mut self, change: impl FnOnce(&mut Vec<Item>)) {
        let open = match self.screen {
            Screen::Declaration { item, .. } => self.items.get(item).map(|i| i.entry.file.clone()),
            Screen::List => None,
        };
        let keep = self
            .rows
            .get(self.cursor)
            .filter(|_| self.chosen)
            .map(|r| self.items[r.item].entry.file.clone());
        // A search shows its rows until it is done again: they follow
        // their files to where the change puts them.
        let searched = self.ranked();
        let shown: Vec<(String, Hit)> = match searched {
            true => self
                .rows
                .iter()
                .map(|r| (self.items[r.item].entry.file.clone(), r.hit.clone()))
                .collect(),
            false => Vec::new(),
        };
        change(&mut self.items);
        if let (Screen::Declaration { item, .. }, Some(file)) = (&mut self.screen, open) {
            *item = self
                .items
                .iter()
                .position(|i| i.entry.file == file)
                .unwrap_or(0);
        }
        // A file read again comes packed; the one on screen is unpacked.
        self.settle();
        self.show_names();
        self.rows.clear();
        if searched {
            let at: std::collections::HashMap<&str, usize> = self
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| (it.entry.file.as_str(), i))
                .collect();
            self.rows = shown
                .into_iter()
                .filter_map(|(file, hit)| {
                    Some(Row {
                        item: *at.get(file.as_str())?,
                        hit,
                    })
                })
                .collect();
        }
        self.refresh();
        if let Some(file) = keep
            && let Some(at) = self
                .rows
                .iter()
                .position(|r| self.items[r.item].entry.file == file)
        {
            self.cursor = at;
        }
    }

    /// Runs the cross-folder rules over every item, in place; the search
    /// keys (the costly part of an item) stay as built.
    pub(super) fn check_across(&mut self) {
        self.across_asked += 1;
        if self.across_elsewhere {
            self.across_waiting = true;
            let entries = self.items.iter_mut().map(|i| &mut *i.entry);
            self.effects.push(Effect::CheckAcross {
                asked: self.across_asked,
                folder: crate::check::AcrossFolder::of(entries),
            });
            return;
        }
        check_across_each(self.items.iter_mut().map(|i| &mut *i.entry), &self.config);
        for item in &mut self.items {
            item.recount();
        }
    }

    /// What the checks across the folder said, unless the folder changed
    /// since they were asked for (a later answer is coming).
    pub(super) fn checked_across(&mut self, asked: u64, marks: crate::check::AcrossMarks) {
        if asked != self.across_asked {
            return;
        }
        self.across_waiting = false;
        let entries = self.items.iter_mut().map(|i| &mut *i.entry);
        for touched in crate::check::mark_across_each(entries, marks) {
            if let Some(item) = self.items.get_mut(touched) {
                item.recount();
            }
        }
        self.refresh();
    }

    /// Is there a query, whose matches are ranked (the rows scored, the
    /// best first)?
    fn ranked(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Recomputes the visible rows, keeping the selected item selected.
    pub(super) fn refresh(&mut self) {
        self.refresh_within(false);
    }

    /// As [`Desk::refresh`]; with `narrowing`, only the rows shown now are
    /// candidates (the query grew by a character, and nothing else changed).
    fn refresh_within(&mut self, narrowing: bool) {
        // Ranked rows put the best first, and the cursor on it, unless the
        // reviewer has moved since typing.
        let ranked = self.ranked();
        let keep = self
            .rows
            .get(self.cursor)
            .filter(|_| self.chosen || !ranked)
            .map(|r| self.items[r.item].entry.file.clone());
        let candidates: Vec<usize> = if narrowing && self.search.is_none() {
            let mut c: Vec<usize> = self.rows.iter().map(|r| r.item).collect();
            c.sort_unstable();
            c
        } else {
            (0..self.items.len()).collect()
        };
        // Without a query every candidate is a row: made once at its size,
        // not grown by doubling (a big folder's rows are made again for
        // every batch that goes in).
        let found = match ranked {
            true => Vec::new(),
            false => Vec::with_capacity(candidates.len()),
        };
        self.search = Some(Search {
            query: self.query.clone(),
            candidates,
            next: 0,
            found,
            keep,
        });
        // Without a query nothing is scored: done at once. With one, a first
        // slice now (a small folder is done), the rest in SearchStep.
        self.step_search(if ranked { SEARCH_SLICE } else { usize::MAX });
    }

    /// Is a search still running (the loop should send
    /// [`super::Event::SearchStep`])?
    pub fn searching(&self) -> bool {
        self.search.is_some()
    }

    /// Scores up to `budget` more candidates; when all are scored, the
    /// rows are replaced and sorted.
    pub(super) fn step_search(&mut self, budget: usize) {
        let Some(mut search) = self.search.take() else {
            return;
        };
        let end = search
            .next
            .saturating_add(budget)
            .min(search.candidates.len());
        for &i in &search.candidates[search.next..end] {
            let item = &self.items[i];
            if self.severity.is_some_and(|s| item.count(s) == 0)
                || self.decision.is_some_and(|d| item.review.decision() != d)
                || self.last_year.is_some_and(|has| item.has_previous() != has)
                || self.only.as_ref().is_some_and(|o| !o.keeps(item))
            {
                continue;
            }
            if let Some(hit) = self.searcher.hit(&item.key, &search.query) {
                search.found.push(Row { item: i, hit });
            }
        }
        search.next = end;
        if search.next < search.candidates.len() {
            self.search = Some(search);
            return;
        }
        let mut rows = search.found;
        // Best match first; rows that match alike keep the reviewer's sort.
        self.sort_rows(&mut rows);
        if !search.query.trim().is_empty() {
            rows.sort_by_key(|r| std::cmp::Reverse(r.hit.score));
        }
        self.rows = rows;
        self.cursor = search
            .keep
            .and_then(|f| {
                self.rows
                    .iter()
                    .position(|r| self.items[r.item].entry.file == f)
            })
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
        // Files that came meanwhile go in now (and search again).
        self.take_arriving();
    }

    /// Orders the rows by the sort (reversed when asked); ties keep file
    /// order, whichever way the sort runs, so equal rows never swap.
    fn sort_rows(&self, rows: &mut [Row]) {
        use std::cmp::Ordering;
        // The items are in file order, one file each: by file is by index
        // (a big folder's rows sort on every batch as it loads).
        if self.sort == Sort::File {
            match self.reversed {
                false => rows.sort_by_key(|r| r.item),
                true => rows.sort_by_key(|r| std::cmp::Reverse(r.item)),
            }
            return;
        }
        let items = &self.items;
        let by = |a: &Item, b: &Item| -> Ordering {
            match self.sort {
                Sort::File => a.entry.file.cmp(&b.entry.file),
                // 部门名称 by pinyin, as Chinese lists and Excel sort.
                Sort::Name => a.key.name_order().cmp(b.key.name_order()),
                Sort::Total => b.total.cmp(&a.total),
                Sort::Errors => b.count(Severity::Error).cmp(&a.count(Severity::Error)),
                Sort::Warnings => b.count(Severity::Warning).cmp(&a.count(Severity::Warning)),
                Sort::Decision => decision_rank(a).cmp(&decision_rank(b)),
            }
        };
        rows.sort_by(|a, b| {
            let (a, b) = (&items[a.item], &items[b.item]);
            let primary = by(a, b);
            let primary = if self.reversed {
                primary.reverse()
            } else {
                primary
            };
            primary.then_with(|| a.entry.file.cmp(&b.entry.file))
        });
    }
}

/// `new` into `all`, which is in file order, kept so. Where each goes is
/// found by halving (a few comparisons each); then every item moves once.
/// Sorting all again compared every neighbour through its box: a batch of
/// 1,000 beside 99,000 went in in 18 ms, now 6 (`cargo bench --bench desk
/// -- 100000`).
fn merge_by_file(all: &mut Vec<Item>, mut new: Vec<Item>) {
    new.sort_by(|a, b| a.entry.file.cmp(&b.entry.file));
    let places: Vec<usize> = new
        .iter()
        .map(|n| all.partition_point(|i| i.entry.file < n.entry.file))
        .collect();
    let mut old = std::mem::take(all).into_iter();
    all.reserve(old.len() + new.len());
    let mut taken = 0;
    for (item, place) in new.into_iter().zip(places) {
        all.extend(old.by_ref().take(place - taken));
        taken = place;
        all.push(item);
    }
    all.extend(old);
}

/// Returned first, then pending, then approved.
fn decision_rank(item: &Item) -> u8 {
    match item.review.decision() {
        Decision::Return => 0,
        Decision::Pending => 1,
        Decision::Approve => 2,
    }
}

/// What the list needs to know of all the names to show each row: the
/// region most departments' names start with (shown once, in the header),
/// and the names two files share (those rows also name their file).
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub region: Option<String>,
    pub shared: std::collections::HashSet<String>,
}

impl Names {
    pub fn of(items: &[Item]) -> Names {
        let mut counts = NameCounts::default();
        counts.add(items);
        counts.names()
    }
}

/// Counts the indicator rows of `items` in, by their departments.
fn count_rows(counts: &mut crate::rules::RowCounts, items: &[Item]) {
    for c in items.iter().filter_map(|i| i.checked()) {
        counts.add(c.declaration.department.name.as_deref(), &c.rows);
    }
}

/// What [`Names`] is made from: how many named files start with each
/// region, how many files each name has, and the names two files share.
#[derive(Debug, Clone, Default)]
pub(super) struct NameCounts {
    regions: std::collections::HashMap<String, usize>,
    seen: std::collections::HashMap<String, usize>,
    shared: std::collections::HashSet<String>,
    named: usize,
}

impl NameCounts {
    /// Counts `items` in.
    pub(super) fn add(&mut self, items: &[Item]) {
        for item in items {
            let Some(c) = item.checked() else { continue };
            let Some(name) = c.declaration.department.name.as_deref().map(str::trim) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            self.named += 1;
            let n = self.seen.entry(name.to_string()).or_default();
            *n += 1;
            if *n == 2 {
                self.shared.insert(name.to_string());
            }
            if let Some(region) = c.declaration.region.as_deref().map(str::trim)
                && !region.is_empty()
                && name.len() > region.len()
                && name.starts_with(region)
            {
                *self.regions.entry(region.to_string()).or_default() += 1;
            }
        }
    }

    /// The names as they stand.
    pub(super) fn names(&self) -> Names {
        // Most rows must share it, or the header would name a region that
        // is not the batch's.
        let named = self.named;
        let region = self
            .regions
            .iter()
            .filter(|(_, n)| **n >= 2 && *n * 2 > named)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(r, _)| r.clone());
        Names {
            region,
            shared: self.shared.clone(),
        }
    }
}
