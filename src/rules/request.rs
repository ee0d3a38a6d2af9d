//! What a flag asks of the department, for the 审核意见: which flags make
//! one point (one rule, one kind of finding), what that point says with
//! what to change, and what it rests on. A rule whose 依据 is a document
//! is a requirement and cites it; a rule of this tool's own practice is
//! advice (`建议…`) and names no threshold as a standard.
//!
//! The notice (`review::notice`) words the places; each point's words,
//! its kind and its ground are the rule's own (its file's `Finding`, a
//! [`super::violation::Violation`]); what points share is in
//! `i18n::requests`.

use super::{Flag, ground};
use crate::i18n::{Lang, Phrase, requests as words};
use crate::model::{Declaration, Location};

/// What a point rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// A document requires it: the point is a requirement (`请…`) and
    /// cites it briefly.
    Document(Phrase),
    /// This tool's practice: the point is advice (`建议…`).
    Practice,
}

impl Flag {
    /// The kind of finding within its rule: flags of one rule and one
    /// kind are one problem, and make one point of the notice.
    pub fn kind(&self) -> String {
        self.finding().kind(self.severity)
    }

    /// The places a point about this flag names: its own, and for a
    /// repeated name the row it repeats.
    pub fn places(&self) -> Vec<Location> {
        self.finding().places(self.location)
    }
}

/// The point about `group` (flags of one rule and one kind, in form
/// order), its places already worded as `places`: what is wrong, what to
/// change, and the document it rests on.
pub fn point(lang: Lang, group: &[&Flag], places: &str, decl: &Declaration) -> String {
    let Some(first) = group.first() else {
        return String::new();
    };
    let mut text = super::registry::request(lang, group, places, decl);
    // An English sentence begins with a capital, whatever place begins it.
    if let Some(c) = text.chars().next().filter(char::is_ascii_lowercase) {
        text.replace_range(..1, &c.to_ascii_uppercase().to_string());
    }
    let end = crate::i18n::pick(lang, "。", ".");
    match ground(first.rule()) {
        Ground::Document(doc) => format!("{text}{end}{}", words::cited(lang, doc)),
        Ground::Practice => format!("{text}{end}"),
    }
}

#[cfg(test)]
mod tests;
