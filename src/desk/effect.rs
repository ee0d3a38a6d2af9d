//! What the desk asks the outside to do, and what it tells the reviewer.

use crate::review::draft::{Draft, Target};
use crate::review::{Decision, Grade};

/// Something the desk needs done outside itself; [`super::outside::perform`]
/// does it and answers with an event ([`super::Event::ReviewChanged`] or
/// [`super::Event::SaveFailed`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Record a decision in the journal of `file` (relative to the folder).
    /// `seen`: the SHA-256 of the file as the desk read it, so the
    /// record is pinned to the version the reviewer was looking at.
    Decide {
        file: String,
        decision: Decision,
        grade: Option<Grade>,
        seen: Option<String>,
    },
    /// Save the editor's comment (a new one or an edit); answered by
    /// [`super::Event::CommentSaved`] or [`super::Event::SaveFailed`].
    /// `seen` as for a decision: the version the editor was opened on.
    Save {
        file: String,
        target: Target,
        text: String,
        seen: Option<String>,
        /// The name a restored draft was begun under, when not the desk's:
        /// the words are saved under it.
        signer: Option<String>,
    },
    /// Record a flag's disposition (采纳 from the desk; 不采纳 comes with
    /// its reason through [`Effect::Save`]).
    Dispose {
        file: String,
        judgement: crate::review::act::Judgement,
        seen: Option<String>,
    },
    /// Record a rule-wide judgement (不采纳, with `reason`) of `rule` in
    /// each of `files` (file, the version the desk read), the open
    /// declaration `file` last; answered as the editor's save is.
    DisposeRule {
        file: String,
        rule: String,
        reason: String,
        files: Vec<(String, Option<String>)>,
    },
    /// Record what becomes of a part of the notice (left out, put back,
    /// its generated words back); words of the reviewer's own come
    /// through [`Effect::Save`].
    Reword {
        file: String,
        part: String,
        rewording: crate::review::act::Rewording,
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
    /// From now on, sign what is written with this name (the reviewer
    /// typed it when none was known).
    SignAs(String),
    /// Read the folder again in the background; `known` are the files the
    /// desk has (those gone are told as removed).
    Rescan { known: Vec<String> },
    /// Run the checks across the folder elsewhere (they take more than a
    /// second at 100,000 files); answered by [`super::Event::CheckedAcross`]
    /// with the same `asked`.
    CheckAcross {
        asked: u64,
        folder: crate::check::AcrossFolder,
    },
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
