//! The review desk's state: one tree, changed only by a [`Command`] (what
//! the reviewer asks, [`Desk::command`]) or an [`Event`] (what arrives from
//! outside, [`Desk::event`]). Neither does I/O: writing is an [`Effect`]
//! that [`outside::perform`] carries out. The terminal layer turns keys
//! into commands and draws from the read methods here.
//!
//! - `command`: what a reviewer asks and what arrives from outside
//! - `item`: one file of the folder and what the list shows of it
//! - `list`: the list (sort, filters, the search run in slices);
//!   `search`: the search keys (names, pinyin) it scores
//! - `declaration`: an open declaration (panes, going to a place, folds);
//!   `panes`: what each pane shows, one file a pane
//! - `judge`: flags included or dismissed, decisions and their questions;
//!   `preview`: the 审核意见 as the department will read it
//! - `compose`: writing (its questions, restored drafts); `editor`: the
//!   text being written; `sign`: who signs
//! - `effect`: what the desk asks the outside to do; `outside`: doing it
//! - `changes`: what a change in the folder means, as events

pub mod changes;
mod command;
mod compose;
mod declaration;
pub mod editor;
mod effect;
mod item;
mod judge;
mod list;
pub mod outside;
pub mod panes;
mod parked;
pub mod preview;
pub mod search;
mod season;
mod sign;

pub use command::{Command, Event};
pub use declaration::Screen;
pub use effect::{Effect, Notice};
pub use item::{Item, Listing, Progress};
pub use list::{Names, Row, SEARCH_SLICE, Sort};
pub use season::Only;

use crate::config::Config;
use crate::i18n::Lang;
use crate::review::Decision;
use crate::review::draft::Orphan;
use crate::rules::Severity;
use editor::Editor;
use search::Searcher;
use std::collections::BTreeSet;

/// What is on top of the screen and has the keyboard: at most one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, from line `scroll`: any key closes it and does
    /// nothing else (when it is longer than the screen, moving keys page it).
    Help { scroll: usize },
    /// The list's filter line takes the keys.
    Filter,
    /// A decision waits for its grade.
    Grade(Decision),
    /// The comment editor; `discard` while Esc on unsaved words asks
    /// whether to throw them away.
    Editor { editor: Editor, discard: bool },
    /// x on a comment asks whether to take it back.
    Withdraw { file: String, of: String },
    /// Approving while error flags stand asks first, before the grade.
    ApproveAnyway { errors: usize },
    /// Deciding otherwise than a colleague's standing decision asks first,
    /// naming who decided what and when.
    OverColleague(Decision),
    /// Leaving out every flag of a rule asks first, saying how many flags
    /// of how many files; yes opens the editor for the reason.
    DismissRule(crate::review::draft::Target),
    /// The 审核意见 as the department will read it, from row `scroll`,
    /// its part `at` chosen.
    Preview { scroll: usize, at: usize },
    /// 本批概况, its leading line `at` chosen.
    Season { at: usize },
    /// No reviewer's name is known: asked once, at the first write, with
    /// what it covers (the editor whose words wait) kept underneath.
    Sign {
        typed: String,
        under: Option<Box<Overlay>>,
    },
}

/// The whole state of the review desk.
#[derive(Clone)]
pub struct Desk {
    lang: Lang,
    folder: String,
    config: Config,
    searcher: Searcher,
    /// Every file loaded so far, in file-name order.
    items: Vec<Item>,
    /// The file whose declaration is unpacked: the one on screen.
    unpacked: Option<String>,
    /// The batch's common region and shared names, kept with the items.
    names: Names,
    /// What `names` is made from, kept as files arrive.
    name_counts: list::NameCounts,
    /// How many departments hold each indicator row, kept with the items
    /// like the names: 本批概况 names the most repeated without counting
    /// the rows again.
    row_counts: crate::rules::RowCounts,
    /// Files read while a search ran, to go in when it is done: going in
    /// starts the search again, and a big folder arriving every moment
    /// would never let it finish.
    arriving: Vec<Item>,
    progress: Progress,
    rows: Vec<Row>,
    sort: Sort,
    /// The sort runs the other way (`S`).
    reversed: bool,
    severity: Option<Severity>,
    /// Only declarations with this decision are listed.
    decision: Option<Decision>,
    /// Only declarations that have (true) or lack (false) a declaration
    /// of last year are listed.
    last_year: Option<bool>,
    query: String,
    /// Selected row of the list.
    cursor: usize,
    screen: Screen,
    overlay: Option<Overlay>,
    /// The detail area explains each flag's rule from the catalogue.
    explain: bool,
    /// Indicator groups folded in the open declaration, by their first row.
    folded: BTreeSet<usize>,
    /// Rows a page holds, from the last resize.
    page: usize,
    /// Columns of the terminal, from the last resize.
    cols: usize,
    /// Drafts to open again, oldest first, as their files arrive.
    restore: Vec<Orphan>,
    quit: bool,
    /// What the loop must do outside (write a journal); it drains this.
    effects: Vec<Effect>,
    /// The checks across the folder run elsewhere ([`Effect::CheckAcross`])
    /// rather than in `update`; how many times they were asked for.
    across_elsewhere: bool,
    across_asked: u64,
    /// The answer to the last [`Effect::CheckAcross`] has not come.
    across_waiting: bool,
    /// A message for the status line (a failed save), until the next key.
    notice: Option<Notice>,
    /// The reviewer has chosen a row: arriving files must not move it.
    chosen: bool,
    search: Option<list::Search>,
    /// The reviewer's local date, for the notice's date and deadline.
    today: jiff::civil::Date,
    /// The reviewer's time zone: journal times (UTC) are shown in it.
    zone: jiff::tz::TimeZone,
    /// Who signs what is written; empty until known (then asked).
    reviewer: String,
    /// The account the desk runs as (its login), when the terminal said:
    /// a decision made under another is a colleague's.
    login: Option<String>,
    /// Writes waiting for the reviewer's name.
    unsigned: Vec<Effect>,
    /// The batch's figures, counted while 本批概况 is up.
    season: Option<crate::review::season::Season>,
    /// The list narrowed from 本批概况, and the line it was chosen on.
    only: Option<Only>,
    from_season: Option<usize>,
}

impl Desk {
    pub fn new(lang: Lang, folder: String, config: Config) -> Desk {
        Desk {
            lang,
            folder,
            config,
            searcher: Searcher::default(),
            unpacked: None,
            items: Vec::new(),
            names: Names::default(),
            name_counts: list::NameCounts::default(),
            row_counts: crate::rules::RowCounts::default(),
            arriving: Vec::new(),
            progress: Progress::default(),
            rows: Vec::new(),
            sort: Sort::File,
            reversed: false,
            severity: None,
            decision: None,
            last_year: None,
            query: String::new(),
            cursor: 0,
            screen: Screen::List,
            overlay: None,
            explain: false,
            folded: BTreeSet::new(),
            page: 10,
            cols: 80,
            restore: Vec::new(),
            quit: false,
            effects: Vec::new(),
            across_elsewhere: false,
            across_asked: 0,
            across_waiting: false,
            notice: None,
            chosen: false,
            search: None,
            // Until the terminal layer tells the date and zone (Event::Clock).
            today: jiff::civil::Date::constant(2026, 1, 1),
            zone: jiff::tz::TimeZone::UTC,
            reviewer: String::new(),
            login: None,
            unsigned: Vec::new(),
            season: None,
            only: None,
            from_season: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The folder as the title shows it.
    pub fn folder(&self) -> &str {
        &self.folder
    }

    /// Every file loaded, in file-name order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The batch's common region and the names files share.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// The rows the list shows, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// The sort runs the other way.
    pub fn reversed(&self) -> bool {
        self.reversed
    }

    /// The severity the list is filtered by.
    pub fn severity(&self) -> Option<Severity> {
        self.severity
    }

    /// The decision the list is filtered by.
    pub fn decision(&self) -> Option<Decision> {
        self.decision
    }

    /// Whether the list shows only declarations with (true) or without
    /// (false) a declaration of last year.
    pub fn last_year_filter(&self) -> Option<bool> {
        self.last_year
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The list's selected row.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// What is on top and has the keyboard, if anything.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The comment being written, under its question if one is asked.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.overlay {
            Some(Overlay::Editor { editor, .. }) => Some(editor),
            // The words wait on screen while the name is asked.
            Some(Overlay::Sign {
                under: Some(under), ..
            }) => match under.as_ref() {
                Overlay::Editor { editor, .. } => Some(editor),
                _ => None,
            },
            _ => None,
        }
    }

    /// The key list is up.
    pub fn help(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help { .. }))
    }

    /// Columns, and rows of a page, at the last resize.
    pub fn size(&self) -> (usize, usize) {
        (self.cols, self.page)
    }

    /// The filter line has the keyboard.
    pub fn typing(&self) -> bool {
        self.overlay == Some(Overlay::Filter)
    }

    pub fn explain(&self) -> bool {
        self.explain
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The reviewer asked to leave.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// What the desk asked to be done outside, not done yet.
    pub fn effects(&self) -> &[Effect] {
        &self.effects
    }

    /// The checks across the folder go to [`Effect::CheckAcross`] from now
    /// on, so that a big folder's do not hold up the keys (the terminal
    /// desk runs them on a worker; a desk without one runs them in place).
    pub fn check_across_elsewhere(&mut self) {
        self.across_elsewhere = true;
    }

    /// The checks across the folder are running elsewhere: their flags
    /// are not counted yet.
    pub fn checking_across(&self) -> bool {
        self.across_waiting
    }

    /// Hands over what the desk asked to be done outside: the caller does
    /// it ([`outside::perform`]) and answers with events.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The item under the list's cursor.
    pub fn selected(&self) -> Option<&Item> {
        self.rows
            .get(self.cursor)
            .and_then(|r| self.items.get(r.item))
    }

    /// What the reviewer asked: dispatched to whatever has the keyboard.
    pub fn command(&mut self, command: Command) {
        self.settle();
        self.take_command(command);
        self.settle();
    }

    /// Keeps the declaration on screen unpacked and every other packed,
    /// so what a pane reads is whole and a big folder stays small. Run
    /// around every command and event, and wherever the screen changes.
    pub(super) fn settle(&mut self) {
        let open = match self.screen {
            Screen::Declaration { item, .. } => Some(item),
            Screen::List => None,
        };
        let open_file = open
            .and_then(|i| self.items.get(i))
            .map(|it| it.entry.file.clone());
        if let Some(was) = self.unpacked.take()
            && Some(&was) != open_file.as_ref()
            && let Some(it) = self.items.iter_mut().find(|it| it.entry.file == was)
        {
            it.park();
        }
        if let Some(it) = open.and_then(|i| self.items.get_mut(i)) {
            it.unpark();
            self.unpacked = open_file;
        }
    }

    fn take_command(&mut self, command: Command) {
        if command == Command::Exit {
            self.quit = true;
            return;
        }
        // Help closes on any key and does nothing else: q closing help
        // must not quit. The notice it covered stays.
        if let Some(Overlay::Help { .. }) = self.overlay {
            self.overlay = match command {
                Command::ScrollHelp(scroll) => Some(Overlay::Help { scroll }),
                _ => None,
            };
            return;
        }
        self.notice = None;
        match &self.overlay {
            Some(Overlay::Editor { discard: true, .. } | Overlay::Withdraw { .. }) => {
                self.answer(command)
            }
            Some(Overlay::Editor { .. }) => self.editor_command(command),
            Some(Overlay::Grade(decision)) => self.grade_command(*decision, command),
            Some(Overlay::ApproveAnyway { .. }) => self.approve_anyway_command(command),
            Some(Overlay::OverColleague(_)) => self.over_colleague_command(command),
            Some(Overlay::DismissRule(_)) => self.dismiss_rule_command(command),
            Some(Overlay::Preview { .. }) => self.preview_command(command),
            Some(Overlay::Season { .. }) => self.season_command(command),
            Some(Overlay::Sign { .. }) => self.sign_command(command),
            Some(Overlay::Help { .. }) => {}
            Some(Overlay::Filter) => match command {
                Command::Rescan => self.rescan(),
                _ => self.filter_command(command),
            },
            None => match command {
                Command::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
                Command::Rescan => self.rescan(),
                _ => match self.screen {
                    Screen::List => self.list_command(command),
                    Screen::Declaration { .. } => self.declaration_command(command),
                },
            },
        }
    }

    /// What arrived from outside. Whatever is on top stays there.
    pub fn event(&mut self, event: Event) {
        self.settle();
        let files_changed = season::changes_figures(&event);
        self.take_event(event);
        if files_changed {
            self.follow_season();
        }
        self.settle();
    }

    fn take_event(&mut self, event: Event) {
        match event {
            Event::Resize { rows, cols } => {
                self.page = rows.max(1);
                self.cols = cols.max(1);
            }
            Event::Found(n) => self.progress.found = Some(n),
            Event::SignedBy(name) => self.reviewer = name,
            Event::RunsAs(login) => self.login = Some(login),
            Event::Clock { today, zone } => {
                self.today = today;
                self.zone = zone;
            }
            Event::Loaded(items) => {
                self.progress.loaded += items.len();
                self.add_items(items);
                self.open_restored();
            }
            Event::Finished => {
                self.take_arriving();
                self.check_across();
                self.progress.done = true;
                self.refresh();
                self.open_restored();
            }
            Event::Reloaded(fresh) => self.reloaded(fresh),
            Event::Removed(gone) => self.removed(&gone),
            Event::CheckedAcross { asked, marks } => self.checked_across(asked, marks),
            Event::SearchStep => self.step_search(SEARCH_SLICE),
            Event::Restore(orphans) => {
                self.restore.extend(orphans);
                self.open_restored();
            }
            Event::ReviewChanged { file, review } => {
                if let Some(i) = self.items.iter().position(|i| i.entry.file == file) {
                    let known = self.items[i].review.tampered.len();
                    self.review_changes(i, review);
                    let item = &self.items[i];
                    // Said at once, not only in the pane: nothing may change silently.
                    if item.review.tampered.len() > known {
                        let lang = self.lang;
                        let words = crate::i18n::authorship::tampered(lang, &item.review.tampered);
                        let colon = crate::i18n::colon(lang);
                        let file = crate::sanitize::display_line(&file);
                        self.notice = Some(Notice::Problem(format!("{file}{colon}{words}")));
                    }
                }
                // A list filtered or sorted by what reviews say follows them.
                if self.decision.is_some()
                    || self.severity.is_some()
                    || self.only.is_some()
                    || matches!(self.sort, Sort::Decision | Sort::Errors | Sort::Warnings)
                {
                    self.refresh();
                }
            }
            Event::CommentSaved { file, review } => self.comment_saved(file, review),
            Event::SaveFailed(why) | Event::Warned(why) => self.notice = Some(Notice::Problem(why)),
            Event::EditedCommentGone => self.edited_comment_gone(),
            Event::ChangedSinceSeen => {
                self.notice = Some(Notice::Problem(
                    crate::i18n::changed_since_seen(self.lang).into(),
                ));
            }
        }
    }

    /// The key that answers a decision's grade question.
    fn grade_command(&mut self, decision: Decision, command: Command) {
        match command {
            // Only the grades that fit are offered (通过: 优 良; 退回修改:
            // 中 差); another grade's key leaves the question standing.
            Command::Grade(grade) if !decision.fits(grade) => {}
            Command::Grade(grade) => {
                if let Screen::Declaration { item, .. } = self.screen
                    && let Some(it) = self.items.get(item)
                {
                    let decide = Effect::Decide {
                        file: it.entry.file.clone(),
                        decision,
                        grade,
                        seen: it.sha.clone(),
                    };
                    self.overlay = None;
                    return self.record(decide);
                }
                self.overlay = None;
            }
            Command::Back | Command::Quit => self.overlay = None,
            // Any other key: the question stands.
            _ => {}
        }
    }

    fn rescan(&mut self) {
        let known = self.items.iter().map(|i| i.entry.file.clone()).collect();
        self.effects.push(Effect::Rescan { known });
        self.notice = Some(Notice::Done(crate::i18n::rescanning(self.lang).into()));
    }
}
