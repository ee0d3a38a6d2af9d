//! The review desk's state: one tree, changed only by [`Action`]s in
//! [`Desk::update`], which does no I/O. The terminal layer turns keys into
//! actions and draws from this state; tests drive it directly.

mod compose;
pub mod editor;
pub mod outside;
pub mod panes;
pub mod search;
pub mod watch;

use crate::config::Config;
use crate::i18n::Lang;
use crate::load::{Checked, Entry, check_across_each};
use crate::model::Location;
use crate::review::draft::{Draft, Orphan};
use crate::rules::{Counts, Severity, Totals};
pub use compose::Confirm;
use editor::{EditKey, Editor};
use panes::{Line, Pane};
use rust_decimal::Decimal;
use search::{Hit, SearchKey, Searcher};
use std::collections::BTreeSet;

/// Everything the desk can be asked to do.
#[derive(Debug, Clone)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Enter: open the selected declaration, or go to the selected flag's place.
    Open,
    /// Esc / h: back one level (never discards anything).
    Back,
    /// q: back, or quit from the list.
    Quit,
    /// Ctrl-C: leave the program from anywhere.
    Exit,
    NextPane,
    PrevPane,
    ShowPane(Pane),
    NextFlag,
    PrevFlag,
    NextDeclaration,
    PrevDeclaration,
    /// e: show the rules behind the flags of the line (title, basis).
    ToggleExplain,
    /// a / r / p: decide the open declaration (a and r then ask the grade).
    Decide(crate::review::Decision),
    /// The grade for the decision being made (`None`: no grade).
    Grade(Option<crate::review::Grade>),
    /// c: write a comment at the cursor's place.
    Comment,
    /// E: edit the comment under the cursor (审核意见 pane).
    EditComment,
    /// x: withdraw the comment under the cursor (asks first).
    Withdraw,
    /// A key for the comment editor.
    Type(EditKey),
    /// Ctrl-S / F2: save the comment being written.
    Save,
    /// y / n to a question in the status line.
    Confirm(bool),
    /// The comment being written is in the journal: its review now.
    CommentSaved {
        file: String,
        review: crate::review::Review,
    },
    /// Drafts a crash or a dropped connection left, to open again.
    Restore(Vec<Orphan>),
    /// The comment being edited was withdrawn meanwhile (by a colleague, or
    /// before a restored draft came back): the words become a new comment.
    EditedCommentGone,
    /// What was just written is pinned to the version the reviewer was
    /// looking at: the file was replaced since the desk read it.
    ChangedSinceSeen,
    /// d: cycle the list's decision filter.
    CycleDecision,
    /// Ctrl-R / F5: read the whole folder again (where the folder cannot
    /// be watched, e.g. a network share written from other machines).
    Rescan,
    /// The journal of a file changed (after a save): its review now.
    ReviewChanged {
        file: String,
        review: crate::review::Review,
    },
    /// A save failed; the reason, in words.
    SaveFailed(String),
    /// A click on a row of the list.
    Select(usize),
    /// z: fold or unfold the indicator group (一级) of the line.
    ToggleFold,
    StartFilter,
    FilterChar(char),
    FilterBackspace,
    /// Enter in the filter line: keep the query, back to moving.
    FilterDone,
    CycleSort,
    CycleSeverity,
    ToggleHelp,
    /// The terminal's size: rows a list or pane has, and columns.
    Resize {
        rows: usize,
        cols: usize,
    },
    /// The loader found this many declaration files.
    Found(usize),
    /// Files loaded, checked and prepared for the list (a batch: one
    /// refresh however many). `Item::from(entry)` prepares one; the
    /// loader does that on its worker threads.
    Loaded(Vec<Item>),
    /// Score the next slice of a running search (sent while idle).
    SearchStep,
    /// Every file is in: cross-folder rules run now.
    Finished,
    /// Files that changed or appeared while the desk was open, read again
    /// (with their reviews).
    Reloaded(Vec<Item>),
    /// Files no longer in the folder.
    Removed(Vec<String>),
}

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
    fn next(self) -> Sort {
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

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    /// A declaration (index into `items`), the pane shown, a cursor per pane.
    Declaration {
        item: usize,
        pane: Pane,
        cursor: [usize; panes::PANES],
    },
}

/// One file of the folder with what the list shows of it.
#[derive(Debug, Clone)]
pub struct Item {
    pub entry: Entry,
    /// What reviewers said, from the journal beside the file.
    pub review: crate::review::Review,
    pub key: SearchKey,
    /// T, the spending total; `None` when blank or not loaded.
    pub total: Option<Decimal>,
    pub counts: Counts,
    /// SHA-256 of the bytes the desk read: the version on screen, to which
    /// what the reviewer writes is pinned. `None` when nothing was read.
    pub sha: Option<String>,
}

impl From<Entry> for Item {
    /// Prepares a file for the list: its search key (pinyin spellings, the
    /// costly part), total and counts.
    fn from(entry: Entry) -> Item {
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
        Item {
            entry,
            review: crate::review::Review::default(),
            key,
            total,
            counts,
            sha: None,
        }
    }
}

impl Item {
    /// A file of the folder read, checked, with its review: what the
    /// desk's loader and watcher do per file (the file is read once).
    pub fn load(path: &std::path::Path, config: &Config) -> Item {
        let (entry, bytes) = crate::load::check_file_keeping_bytes(path, config);
        let sha = bytes.as_deref().map(crate::review::sha256_hex);
        let review = crate::review::review_with(path, config, || sha.clone().unwrap_or_default());
        Item {
            sha,
            ..Item::from(entry).with_review(review)
        }
    }

    pub fn checked(&self) -> Option<&Checked> {
        self.entry.outcome.as_ref().ok()
    }

    /// With the review its journal tells.
    pub fn with_review(mut self, review: crate::review::Review) -> Item {
        self.review = review;
        self
    }

    fn department(&self) -> &str {
        self.checked()
            .and_then(|c| c.declaration.department.name.as_deref())
            .unwrap_or("")
    }

    /// Flags of a severity, a load error counting as an error.
    pub fn count(&self, s: Severity) -> usize {
        self.counts.get(s) + usize::from(s == Severity::Error && self.entry.outcome.is_err())
    }
}

/// A visible row of the list: which item, and how it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub item: usize,
    pub hit: Hit,
}

/// Loading progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub found: Option<usize>,
    pub loaded: usize,
    pub done: bool,
}

/// The whole state of the review desk.
pub struct Desk {
    pub lang: Lang,
    pub folder: String,
    config: Config,
    searcher: Searcher,
    /// Every file loaded so far, in file-name order.
    pub items: Vec<Item>,
    pub progress: Progress,
    pub rows: Vec<Row>,
    pub sort: Sort,
    pub severity: Option<Severity>,
    /// Only declarations with this decision are listed.
    pub decision: Option<crate::review::Decision>,
    pub query: String,
    /// The filter line has the keyboard.
    pub typing: bool,
    /// Selected row of the list.
    pub cursor: usize,
    pub screen: Screen,
    pub help: bool,
    /// The detail area explains each flag's rule from the catalogue.
    pub explain: bool,
    /// Indicator groups folded in the open declaration, by their first row.
    pub folded: BTreeSet<usize>,
    /// Rows a page holds, from the last resize.
    pub page: usize,
    /// Columns of the terminal, from the last resize.
    pub cols: usize,
    /// The comment being written, if the editor is open.
    pub editor: Option<Editor>,
    /// A question in the status line waiting for y / n.
    pub confirm: Option<Confirm>,
    /// Drafts to open again, oldest first, as their files arrive.
    restore: Vec<Orphan>,
    pub quit: bool,
    /// A decision waiting for its grade (the status line asks).
    pub deciding: Option<crate::review::Decision>,
    /// What the loop must do outside (write a journal); it drains this.
    pub effects: Vec<Effect>,
    /// A message for the status line (a failed save), until the next key.
    pub notice: Option<Notice>,
    /// The reviewer has chosen a row: arriving files must not move it.
    chosen: bool,
    search: Option<Search>,
}

impl Desk {
    pub fn new(lang: Lang, folder: String, config: Config) -> Desk {
        Desk {
            lang,
            folder,
            config,
            searcher: Searcher::default(),
            items: Vec::new(),
            progress: Progress::default(),
            rows: Vec::new(),
            sort: Sort::File,
            severity: None,
            query: String::new(),
            typing: false,
            cursor: 0,
            screen: Screen::List,
            help: false,
            explain: false,
            folded: BTreeSet::new(),
            page: 10,
            cols: 80,
            editor: None,
            confirm: None,
            restore: Vec::new(),
            decision: None,
            quit: false,
            chosen: false,
            search: None,
            deciding: None,
            effects: Vec::new(),
            notice: None,
        }
    }

    /// The item under the list's cursor.
    pub fn selected(&self) -> Option<&Item> {
        self.rows
            .get(self.cursor)
            .and_then(|r| self.items.get(r.item))
    }

    /// The lines of the open pane, if a declaration is open.
    pub fn pane_lines(&self) -> Option<(Pane, usize, Vec<Line>)> {
        let Screen::Declaration { item, pane, cursor } = self.screen else {
            return None;
        };
        let it = self.items.get(item)?;
        let checked = it.checked()?;
        let lines = match pane {
            Pane::Review => panes::review_lines(
                self.lang,
                &it.review,
                crate::cells::Printed::of(&checked.declaration),
            ),
            _ => panes::lines_folded(self.lang, checked, pane, &self.folded),
        };
        Some((pane, cursor[pane.index()], lines))
    }

    pub fn update(&mut self, action: Action) {
        // Work arriving in the background leaves help up; a key closes it
        // and does nothing else (q closing help must not quit), except
        // Ctrl-C, which leaves from anywhere.
        let background = matches!(
            action,
            Action::Resize { .. }
                | Action::Found(_)
                | Action::Loaded(_)
                | Action::Finished
                | Action::SearchStep
                | Action::ReviewChanged { .. }
                | Action::CommentSaved { .. }
                | Action::Restore(_)
                | Action::EditedCommentGone
                | Action::ChangedSinceSeen
                | Action::Reloaded(_)
                | Action::Removed(_)
                | Action::SaveFailed(_)
        );
        if self.help && !background {
            self.help = false;
            if !matches!(action, Action::Exit) {
                return;
            }
        }
        if !background {
            self.notice = None;
        }
        // A question (discard? withdraw?) takes the next key; the editor
        // takes every key but Ctrl-C.
        if !background && !matches!(action, Action::Exit) {
            if self.confirm.is_some() {
                return self.confirm_key(action);
            }
            if self.editor.is_some() {
                return self.editor_key(action);
            }
        }
        // A decision asks its grade: the next key answers, Esc cancels.
        if let Some(decision) = self.deciding {
            match action {
                Action::Grade(grade) => {
                    if let Screen::Declaration { item, .. } = self.screen {
                        let it = &self.items[item];
                        self.effects.push(Effect::Decide {
                            file: it.entry.file.clone(),
                            decision,
                            grade,
                            seen: it.sha.clone(),
                        });
                    }
                    self.deciding = None;
                    return;
                }
                Action::Back | Action::Quit => {
                    self.deciding = None;
                    return;
                }
                Action::Exit => {}
                _ if background => {}
                _ => return,
            }
        }
        match action {
            Action::Resize { rows, cols } => {
                self.page = rows.max(1);
                self.cols = cols.max(1);
            }
            Action::Found(n) => self.progress.found = Some(n),
            Action::Loaded(entries) => {
                self.progress.loaded += entries.len();
                self.replace_items(|items| items.extend(entries));
                self.open_restored();
            }
            Action::Finished => {
                self.check_across();
                self.progress.done = true;
                self.refresh();
                self.open_restored();
            }
            Action::Reloaded(fresh) => {
                self.replace_items(|items| {
                    // A rescan brings every file: find each by name at once.
                    let at: std::collections::HashMap<String, usize> = items
                        .iter()
                        .enumerate()
                        .map(|(n, i)| (i.entry.file.clone(), n))
                        .collect();
                    for item in fresh {
                        match at.get(&item.entry.file) {
                            Some(&n) => items[n] = item,
                            None => items.push(item),
                        }
                    }
                });
                if self.progress.done {
                    self.check_across();
                    self.refresh();
                }
            }
            Action::Removed(gone) => {
                // The declaration being written about stays until the
                // editor closes: its words must not vanish with it.
                let writing = self.editor.as_ref().map(|e| e.file.clone());
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
            Action::ToggleHelp => self.help = true,
            Action::Rescan => {
                let known = self.items.iter().map(|i| i.entry.file.clone()).collect();
                self.effects.push(Effect::Rescan { known });
                self.notice = Some(Notice::Done(crate::i18n::rescanning(self.lang).into()));
            }
            Action::Exit => self.quit = true,
            Action::ReviewChanged { file, review } => {
                if let Some(item) = self.items.iter_mut().find(|i| i.entry.file == file) {
                    item.review = review;
                }
            }
            Action::CommentSaved { file, review } => self.comment_saved(file, review),
            Action::EditedCommentGone => self.edited_comment_gone(),
            Action::ChangedSinceSeen => {
                self.notice = Some(Notice::Problem(
                    crate::i18n::changed_since_seen(self.lang).into(),
                ));
            }
            Action::Restore(orphans) => {
                self.restore.extend(orphans);
                self.open_restored();
            }
            Action::SaveFailed(why) => self.notice = Some(Notice::Problem(why)),
            Action::SearchStep => self.step_search(SEARCH_SLICE),
            _ if self.typing => self.filter_key(action),
            _ => match self.screen {
                Screen::List => self.list_key(action),
                Screen::Declaration { .. } => self.declaration_key(action),
            },
        }
    }

    fn filter_key(&mut self, action: Action) {
        match action {
            Action::FilterChar(c) => {
                // A match of the longer query is a match of the shorter:
                // only the rows that matched so far need scoring again.
                self.query.push(c);
                self.cursor = 0;
                return self.refresh_within(true);
            }
            Action::FilterBackspace => {
                self.query.pop();
            }
            Action::FilterDone => self.typing = false,
            // Esc: the list as it was; the query was only a search.
            Action::Back | Action::Quit => {
                self.typing = false;
                self.query.clear();
            }
            Action::Up | Action::Down => return self.list_key(action),
            _ => return,
        }
        self.cursor = 0;
        self.refresh();
    }

    fn list_key(&mut self, action: Action) {
        let last = self.rows.len().saturating_sub(1);
        self.chosen = true;
        match action {
            Action::Select(row) => self.cursor = row.min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::PageUp => self.cursor = self.cursor.saturating_sub(self.page),
            Action::PageDown => self.cursor = (self.cursor + self.page).min(last),
            Action::Open => {
                if let Some(row) = self.rows.get(self.cursor)
                    && self
                        .items
                        .get(row.item)
                        .is_some_and(|i| i.checked().is_some())
                {
                    self.folded.clear();
                    self.screen = Screen::Declaration {
                        item: row.item,
                        pane: Pane::Overview,
                        cursor: [0; panes::PANES],
                    };
                }
            }
            Action::StartFilter => self.typing = true,
            Action::Back if !self.query.is_empty() => {
                self.query.clear();
                self.refresh();
            }
            Action::Quit => self.quit = true,
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.refresh();
            }
            Action::CycleDecision => {
                use crate::review::Decision as D;
                self.decision = match self.decision {
                    None => Some(D::Pending),
                    Some(D::Pending) => Some(D::Return),
                    Some(D::Return) => Some(D::Approve),
                    Some(D::Approve) => None,
                };
                self.refresh();
            }
            Action::CycleSeverity => {
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

    fn declaration_key(&mut self, action: Action) {
        let Screen::Declaration {
            item,
            pane,
            mut cursor,
        } = self.screen
        else {
            return;
        };
        let Some((_, at, lines)) = self.pane_lines() else {
            self.screen = Screen::List;
            return;
        };
        let last = lines.len().saturating_sub(1);
        let set = |desk: &mut Desk, pane: Pane, cursor: [usize; panes::PANES]| {
            desk.screen = Screen::Declaration { item, pane, cursor };
        };
        let move_to = |cursor: &mut [usize; panes::PANES], to: usize| cursor[pane.index()] = to;
        match action {
            Action::Up => move_to(&mut cursor, at.saturating_sub(1)),
            Action::Down => move_to(&mut cursor, (at + 1).min(last)),
            Action::Top => move_to(&mut cursor, 0),
            Action::Bottom => move_to(&mut cursor, last),
            Action::PageUp => move_to(&mut cursor, at.saturating_sub(self.page)),
            Action::PageDown => move_to(&mut cursor, (at + self.page).min(last)),
            Action::NextPane | Action::PrevPane => {
                let n = Pane::ALL.len();
                let step = if matches!(action, Action::NextPane) {
                    1
                } else {
                    n - 1
                };
                return set(self, Pane::ALL[(pane.index() + step) % n], cursor);
            }
            Action::ShowPane(p) => return set(self, p, cursor),
            Action::ToggleExplain => self.explain = !self.explain,
            Action::Comment => return self.start_comment(),
            Action::EditComment => return self.start_edit(),
            Action::Withdraw => return self.start_withdraw(),
            Action::Decide(decision) => {
                if decision == crate::review::Decision::Pending {
                    self.effects.push(Effect::Decide {
                        file: self.items[item].entry.file.clone(),
                        decision,
                        grade: None,
                        seen: self.items[item].sha.clone(),
                    });
                } else {
                    self.deciding = Some(decision);
                }
            }
            Action::ToggleFold => {
                let row = match lines.get(at).and_then(|l| l.location) {
                    Some(Location::Indicator(i, None)) if pane == Pane::Indicators => i,
                    _ => return,
                };
                let Some(checked) = self.items.get(item).and_then(Item::checked) else {
                    return;
                };
                let Some(group) = panes::indicator_groups(checked)
                    .into_iter()
                    .find(|g| g.contains(&row))
                else {
                    return;
                };
                if !self.folded.remove(&group.start) {
                    self.folded.insert(group.start);
                }
                let lines = panes::lines_folded(self.lang, checked, pane, &self.folded);
                let here = Some(Location::Indicator(group.start, None));
                move_to(
                    &mut cursor,
                    lines.iter().position(|l| l.location == here).unwrap_or(at),
                );
            }
            Action::NextFlag => {
                if let Some(i) = (at + 1..lines.len()).find(|&i| !lines[i].flags.is_empty()) {
                    move_to(&mut cursor, i);
                }
            }
            Action::PrevFlag => {
                if let Some(i) = (0..at).rev().find(|&i| !lines[i].flags.is_empty()) {
                    move_to(&mut cursor, i);
                }
            }
            Action::Open => {
                // On a flag (overview, problems) or a comment: go to its place.
                if let Some(line) = lines.get(at)
                    && (matches!(line.style, panes::Style::Flag(_)) || pane == Pane::Review)
                    && let Some(loc) = line.location
                {
                    return self.go_to(item, loc);
                }
            }
            Action::NextDeclaration | Action::PrevDeclaration => {
                let forward = matches!(action, Action::NextDeclaration);
                return self.step_declaration(item, forward);
            }
            Action::Back | Action::Quit => {
                self.screen = Screen::List;
                return;
            }
            _ => return,
        }
        set(self, pane, cursor);
    }

    /// Opens the pane that shows `loc`, with the cursor on its line.
    pub fn go_to(&mut self, item: usize, loc: Location) {
        let pane = Pane::showing(loc);
        let mut cursor = match self.screen {
            Screen::Declaration { cursor, .. } => cursor,
            Screen::List => [0; panes::PANES],
        };
        if let Some(checked) = self.items.get(item).and_then(Item::checked) {
            // A place inside a folded group: unfold it to show the row.
            if let Location::Indicator(row, _) = loc
                && let Some(g) = panes::indicator_groups(checked)
                    .into_iter()
                    .find(|g| g.contains(&row))
            {
                self.folded.remove(&g.start);
            }
            let lines = panes::lines_folded(self.lang, checked, pane, &self.folded);
            let exact = lines.iter().position(|l| l.location == Some(loc));
            let row = exact.or_else(|| {
                lines
                    .iter()
                    .position(|l| l.location.is_some_and(|l| contains(l, loc)))
            });
            cursor[pane.index()] = row.unwrap_or(0);
        }
        self.screen = Screen::Declaration { item, pane, cursor };
    }

    /// `]` / `[`: the next or previous declaration of the list as it stands.
    fn step_declaration(&mut self, item: usize, forward: bool) {
        let Some(pos) = self.rows.iter().position(|r| r.item == item) else {
            return;
        };
        let candidates: Vec<usize> = if forward {
            (pos + 1..self.rows.len()).collect()
        } else {
            (0..pos).rev().collect()
        };
        let next = candidates
            .into_iter()
            .find(|&r| self.items[self.rows[r].item].checked().is_some());
        if let Some(r) = next {
            self.cursor = r;
            let pane = match self.screen {
                Screen::Declaration { pane, .. } => pane,
                Screen::List => Pane::Overview,
            };
            self.folded.clear();
            self.screen = Screen::Declaration {
                item: self.rows[r].item,
                pane,
                cursor: [0; panes::PANES],
            };
        }
    }

    /// Changes the items, keeps them in file order, and keeps the open
    /// declaration open (its index may move).
    fn replace_items(&mut self, change: impl FnOnce(&mut Vec<Item>)) {
        let open = match self.screen {
            Screen::Declaration { item, .. } => self.items.get(item).map(|i| i.entry.file.clone()),
            Screen::List => None,
        };
        let keep = self
            .rows
            .get(self.cursor)
            .filter(|_| self.chosen)
            .map(|r| self.items[r.item].entry.file.clone());
        change(&mut self.items);
        self.items.sort_by(|a, b| a.entry.file.cmp(&b.entry.file));
        if let (Screen::Declaration { item, .. }, Some(file)) = (&mut self.screen, open) {
            *item = self
                .items
                .iter()
                .position(|i| i.entry.file == file)
                .unwrap_or(0);
        }
        self.rows.clear();
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
    fn check_across(&mut self) {
        check_across_each(self.items.iter_mut().map(|i| &mut i.entry), &self.config);
        for item in &mut self.items {
            item.counts = item
                .checked()
                .map(|c| Counts::of(&c.flags))
                .unwrap_or_default();
        }
    }

    /// Recomputes the visible rows, keeping the selected item selected.
    fn refresh(&mut self) {
        self.refresh_within(false);
    }

    /// As [`Desk::refresh`]; with `narrowing`, only the rows shown now are
    /// candidates (the query grew by a character, and nothing else changed).
    fn refresh_within(&mut self, narrowing: bool) {
        let keep = self
            .rows
            .get(self.cursor)
            .map(|r| self.items[r.item].entry.file.clone());
        let candidates: Vec<usize> = if narrowing && self.search.is_none() {
            let mut c: Vec<usize> = self.rows.iter().map(|r| r.item).collect();
            c.sort_unstable();
            c
        } else {
            (0..self.items.len()).collect()
        };
        let scoring = !self.query.trim().is_empty();
        self.search = Some(Search {
            query: self.query.clone(),
            candidates,
            next: 0,
            found: Vec::new(),
            keep,
        });
        // Without a query nothing is scored: done at once. With one, a first
        // slice now (a small folder is done), the rest in SearchStep.
        self.step_search(if scoring { SEARCH_SLICE } else { usize::MAX });
    }

    /// Is a search still running (the loop should send [`Action::SearchStep`])?
    pub fn searching(&self) -> bool {
        self.search.is_some()
    }

    /// Scores up to `budget` more candidates; when all are scored, the
    /// rows are replaced and sorted.
    fn step_search(&mut self, budget: usize) {
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
        let items = &self.items;
        if search.query.trim().is_empty() {
            match self.sort {
                Sort::File => {}
                Sort::Name => {
                    rows.sort_by(|a, b| items[a.item].department().cmp(items[b.item].department()))
                }
                Sort::Total => rows.sort_by(|a, b| items[b.item].total.cmp(&items[a.item].total)),
                Sort::Errors => {
                    rows.sort_by_key(|r| std::cmp::Reverse(items[r.item].count(Severity::Error)))
                }
                Sort::Warnings => {
                    rows.sort_by_key(|r| std::cmp::Reverse(items[r.item].count(Severity::Warning)))
                }
                Sort::Decision => rows.sort_by_key(|r| {
                    use crate::review::Decision as D;
                    match items[r.item].review.decision() {
                        D::Return => 0,
                        D::Pending => 1,
                        D::Approve => 2,
                    }
                }),
            }
        } else {
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
    }
}

/// Something the desk needs done outside itself; the event loop does it
/// and answers with an action ([`Action::ReviewChanged`] or
/// [`Action::SaveFailed`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Record a decision in the journal of `file` (relative to the folder).
    /// `seen`: the SHA-256 of the file as the desk read it, so the
    /// record is pinned to the version the reviewer was looking at.
    Decide {
        file: String,
        decision: crate::review::Decision,
        grade: Option<crate::review::Grade>,
        seen: Option<String>,
    },
    /// Save the editor's comment (a new one or an edit); answered by
    /// [`Action::CommentSaved`] or [`Action::SaveFailed`]. `seen` as for
    /// a decision: the version the editor was opened on.
    Save {
        file: String,
        target: crate::review::draft::Target,
        text: String,
        seen: Option<String>,
    },
    /// Withdraw the comment `of`.
    Withdraw { file: String, of: String },
    /// Keep the draft in the draft store (only the latest of a batch
    /// matters).
    KeepDraft(Draft),
    /// The draft was saved or discarded: the store forgets it.
    ClearDraft,
    /// An adopted draft is now kept as this session's: its old file goes.
    ReleaseOrphan(std::path::PathBuf),
    /// Read the folder again in the background; `known` are the files the
    /// desk has (those gone are told as removed).
    Rescan { known: Vec<String> },
}

/// A message for the status line, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something done (a comment saved, a draft restored).
    Done(String),
    /// Something refused or failed, and why.
    Problem(String),
}

impl Notice {
    pub fn text(&self) -> &str {
        match self {
            Notice::Done(t) | Notice::Problem(t) => t,
        }
    }
}

/// How many files one search step scores: a few milliseconds of work, so
/// keys stay answered while a big folder is searched.
pub const SEARCH_SLICE: usize = 200;

/// A search under way: the query, the items to score, how far it got.
struct Search {
    query: String,
    candidates: Vec<usize>,
    next: usize,
    found: Vec<Row>,
    /// The file selected when it started, to keep selected.
    keep: Option<String>,
}

/// Does the line's place `outer` contain `inner` (a field of the same row)?
fn contains(outer: Location, inner: Location) -> bool {
    match (outer, inner) {
        (Location::Indicator(a, None), Location::Indicator(b, _)) => a == b,
        (Location::KeyTask(a, None), Location::KeyTask(b, _)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
