//! What every rule's file defines besides its catalogue entry: what it
//! found ([`Violation`], its `Finding`), how it runs ([`Check`]) and on
//! what ([`Form`]). The registry gathers them; nothing outside a rule's
//! file needs to know its finding's fields.

use super::folder::Member;
use super::tree::Levels;
use super::{Flags, Ground, RuleSettings, Severity, Totals};
use crate::i18n::Lang;
use crate::model::{Declaration, Indicator, Location, TargetColumns};
use std::borrow::Cow;

/// What one rule found: the `Finding` of a rule's file. Its words are the
/// rule's own, in both languages.
pub(crate) trait Violation: Sized {
    /// What its point in the 审核意见 rests on: a document makes it a
    /// requirement that cites the document; else it is advice.
    const GROUND: Ground = Ground::Practice;

    /// What the flag says at `at`, in the reviewer's language. Texts
    /// from the file are made safe.
    fn message(&self, lang: Lang, at: Location) -> String;

    /// The kind of finding within the rule: flags of one rule and one
    /// kind are one problem, and make one point of the notice.
    fn kind(&self, _severity: Severity) -> String {
        String::new()
    }

    /// The places a point about this flag names.
    fn places(&self, at: Location) -> Vec<Location> {
        vec![at]
    }

    /// The point about `group` (this rule's flags of one kind, in form
    /// order, the first of them `self`), its places already worded as
    /// `places`: what is wrong and what to change, without the closing
    /// stop or citation.
    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        decl: &Declaration,
    ) -> String;
}

/// One flag of a rule, as its point reads it.
pub(crate) struct Found<'a, F> {
    pub finding: &'a F,
    pub location: Location,
}

/// Each flag's value a point quotes, once each, in order.
pub(crate) fn each<F>(
    group: &[Found<'_, F>],
    value: impl Fn(&Found<'_, F>) -> String,
) -> Vec<String> {
    crate::text::once_each(group.iter().map(value))
}

/// A rule run across the loaded declarations of a folder.
pub(crate) type FolderCheck = fn(&mut [Member], &RuleSettings);

/// How a rule is run.
pub(crate) enum Check {
    /// On each declaration by itself.
    Form(fn(&Form, &mut Flags)),
    /// In a pass its section runs for several rules at once, where the
    /// order in which they take a row is the point (the pass says why).
    Pass,
    /// Across the loaded declarations of a folder.
    Folder(FolderCheck),
    /// On a declaration against last year's.
    Years(fn(&YearForm, &mut Flags)),
}

/// A declaration as the rules read it, with what several rules ask for
/// worked out once.
pub(crate) struct Form<'a> {
    pub decl: &'a Declaration,
    pub levels: Levels<'a>,
    pub totals: Totals,
    pub settings: &'a RuleSettings,
}

impl<'a> Form<'a> {
    pub fn new(decl: &'a Declaration, settings: &'a RuleSettings) -> Self {
        Form {
            decl,
            levels: Levels::of(decl),
            totals: Totals::of(decl),
            settings,
        }
    }

    /// The rows whose target values the rules read, with their index: no
    /// template row; with one target column, the annual target alone (the
    /// loader refuses a period target there; a built model may hold one).
    pub fn target_rows(&self) -> impl Iterator<Item = (usize, Cow<'a, Indicator>)> + 'a {
        let two = self.decl.target_columns == TargetColumns::Two;
        self.decl
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.is_template_row())
            .map(move |(i, row)| match !two && row.period_target.is_some() {
                true => (
                    i,
                    Cow::Owned(Indicator {
                        period_target: None,
                        ..row.clone()
                    }),
                ),
                false => (i, Cow::Borrowed(row)),
            })
    }
}

/// A declaration and last year's declaration of the same department, its
/// rows matched to last year's.
pub(crate) struct YearForm<'a> {
    pub decl: &'a Declaration,
    pub last: &'a Declaration,
    pub rows: &'a super::Matching,
    pub settings: &'a RuleSettings,
}
