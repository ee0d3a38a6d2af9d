//! What reaches the desk: a [`Command`] is what a reviewer asks (a key
//! binding holds one); an [`Event`] is what arrives from outside (files
//! read, a save's answer, the terminal's size). Commands close help and
//! clear the status line's notice; events never do.

use super::Item;
use super::editor::EditKey;
use super::panes::Pane;
use crate::i18n::{Phrase, commands as words};
use crate::review::draft::Orphan;
use crate::review::{Decision, Grade, Review};

/// Everything a reviewer can ask the desk to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
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
    /// o: 本批概况, the batch at a glance (and back).
    ShowSeason,
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
    Decide(Decision),
    /// The grade for the decision being made (`None`: no grade).
    Grade(Option<Grade>),
    /// c: write a comment at the cursor's place.
    Comment,
    /// E: edit the comment under the cursor (审核意见 pane).
    EditComment,
    /// x: withdraw the comment under the cursor (asks first).
    Withdraw,
    /// -: leave the flag under the cursor out of the notice (不采纳),
    /// with a reason written in the editor.
    Dismiss,
    /// +: send the flag under the cursor to the department (采纳).
    Include,
    /// _ / D: leave out every flag of the rule of the flag under the
    /// cursor, in this declaration or (`everywhere`) in every declaration
    /// of the folder: asks first how many, then the reason.
    DismissRule {
        everywhere: bool,
    },
    /// v: show the 审核意见 as the department will read it.
    Preview,
    /// e / Enter in the preview: reword the part chosen.
    Reword,
    /// x in the preview: leave the point chosen out, or put it back.
    DropPart,
    /// o in the preview: add a point after the one chosen.
    AddPoint,
    /// u in the preview: the part's generated words back.
    RestorePart,
    /// A key for the comment editor.
    Type(EditKey),
    /// Ctrl-S / F2: save the comment being written.
    Save,
    /// y / n to a question in the status line.
    Confirm(bool),
    /// d: cycle the list's decision filter.
    CycleDecision,
    /// y: cycle the list's filter by last year's declaration (has one,
    /// has none, all).
    CycleLastYear,
    /// Ctrl-R / F5: read the whole folder again (where the folder cannot
    /// be watched, e.g. a network share written from other machines).
    Rescan,
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
    /// S: the sort runs the other way.
    ReverseSort,
    CycleSeverity,
    ToggleHelp,
    /// Help longer than the screen, paged to start at this line.
    ScrollHelp(usize),
    /// Enter on the reviewer's name: it signs what waits, and what follows.
    SignDone,
}

impl Command {
    /// The command in the key bar: fewer words where the bar needs them.
    pub fn bar_label(&self) -> Phrase {
        use Command as C;
        match self {
            C::Open => words::BAR_OPEN,
            C::Quit => words::BAR_QUIT,
            C::Decide(Decision::Approve) => words::BAR_APPROVE,
            C::Decide(Decision::Return) => words::BAR_RETURN,
            C::Decide(Decision::Pending) => words::BAR_PENDING,
            C::Preview => words::BAR_PREVIEW,
            C::Reword => words::BAR_REWORD,
            C::DropPart => words::BAR_DROP_PART,
            C::AddPoint => words::BAR_ADD_POINT,
            _ => self.label(),
        }
    }

    /// What the command does, in words for the help screen.
    pub fn label(&self) -> Phrase {
        use Command as C;
        match self {
            C::Up => words::UP,
            C::Down => words::DOWN,
            C::Top => words::TOP,
            C::Bottom => words::BOTTOM,
            C::PageUp => words::PAGE_UP,
            C::PageDown => words::PAGE_DOWN,
            C::Open => words::OPEN,
            C::Back => words::BACK,
            C::ShowSeason => words::SHOW_SEASON,
            C::Quit => words::QUIT,
            C::Exit => words::EXIT,
            C::NextPane => words::NEXT_PANE,
            C::PrevPane => words::PREV_PANE,
            C::ShowPane(_) => words::SHOW_PANE,
            C::NextFlag => words::NEXT_FLAG,
            C::PrevFlag => words::PREV_FLAG,
            C::NextDeclaration => words::NEXT_DECLARATION,
            C::PrevDeclaration => words::PREV_DECLARATION,
            C::ToggleExplain => words::EXPLAIN,
            C::Decide(Decision::Approve) => words::APPROVE,
            C::Decide(Decision::Return) => words::RETURN,
            C::Decide(Decision::Pending) => words::PENDING,
            C::Grade(Some(g)) => g.label(),
            C::Grade(None) => words::NO_GRADE,
            C::Comment => words::COMMENT,
            C::EditComment => words::EDIT_COMMENT,
            C::Withdraw => words::WITHDRAW,
            C::Dismiss => words::DISMISS,
            C::Include => words::INCLUDE,
            C::DismissRule { everywhere: false } => words::DISMISS_RULE,
            C::DismissRule { everywhere: true } => words::DISMISS_RULE_EVERYWHERE,
            C::Preview => words::PREVIEW,
            C::Reword => words::REWORD,
            C::DropPart => words::DROP_PART,
            C::AddPoint => words::ADD_POINT,
            C::RestorePart => words::RESTORE_PART,
            C::Type(key) => key.label(),
            C::Save => words::SAVE,
            C::Confirm(true) => words::YES,
            C::Confirm(false) => words::NO,
            C::CycleDecision => words::DECISION_FILTER,
            C::CycleLastYear => words::LAST_YEAR_FILTER,
            C::Rescan => words::RESCAN,
            C::Select(_) => words::SELECT,
            C::ToggleFold => words::FOLD,
            C::StartFilter => words::FILTER,
            C::FilterChar(_) => words::FILTER_TYPE,
            C::FilterBackspace => words::FILTER_DELETE,
            C::FilterDone => words::FILTER_DONE,
            C::CycleSort => words::SORT,
            C::ReverseSort => words::REVERSE_SORT,
            C::CycleSeverity => words::SEVERITY_FILTER,
            C::ToggleHelp => words::HELP,
            C::ScrollHelp(_) => words::SCROLL_HELP,
            C::SignDone => words::SIGN_DONE,
        }
    }
}

/// What arrives from outside the desk: the loader, the watcher, the
/// terminal, and the answers to its [`super::Effect`]s.
#[derive(Debug, Clone)]
pub enum Event {
    /// The terminal's size: rows a list or pane has, and columns.
    Resize { rows: usize, cols: usize },
    /// The loader found this many declaration files.
    Found(usize),
    /// Files loaded, checked and prepared for the list (a batch: one
    /// refresh however many). `Item::from(entry)` prepares one; the
    /// loader does that on its worker threads.
    Loaded(Vec<Item>),
    /// Every file is in: cross-folder rules run now.
    Finished,
    /// Files that changed or appeared while the desk was open, read again
    /// (with their reviews).
    Reloaded(Vec<Item>),
    /// Files no longer in the folder.
    Removed(Vec<String>),
    /// The answer to [`super::Effect::CheckAcross`]: kept only when no later
    /// check was asked for (the folder changed meanwhile).
    CheckedAcross {
        asked: u64,
        marks: crate::check::AcrossMarks,
    },
    /// Score the next slice of a running search (sent while idle).
    SearchStep,
    /// Drafts a crash or a dropped connection left, to open again.
    Restore(Vec<Orphan>),
    /// The comment being written is in the journal: its review now.
    CommentSaved { file: String, review: Review },
    /// The journal of a file changed (after a save): its review now.
    ReviewChanged { file: String, review: Review },
    /// A save failed; the reason, in words.
    SaveFailed(String),
    /// Something about the folder the reviewer must know (it lets anyone
    /// remove others' journals), in words.
    Warned(String),
    /// The comment being edited was withdrawn meanwhile (by a colleague, or
    /// before a restored draft came back): the words become a new comment.
    EditedCommentGone,
    /// What was just written is pinned to the version the reviewer was
    /// looking at: the file was replaced since the desk read it.
    ChangedSinceSeen,
    /// Who signs what the desk writes (`--reviewer`, the config's
    /// reviewer, or the login name); empty when none was found.
    SignedBy(String),
    /// The login of the account the desk runs as.
    RunsAs(String),
    /// The reviewer's local date (the notice is dated with it) and time
    /// zone (journal times are shown in it).
    Clock {
        today: jiff::civil::Date,
        zone: jiff::tz::TimeZone,
    },
}
