//! Doing what the desk asked: writing journals and keeping drafts. This is
//! the desk's only contact with the disk; the terminal loop calls
//! [`perform`] after each batch of input, and tests call it directly.

use super::{Desk, Effect, Event};
use crate::config::Config;
use crate::review::act::{self, ActError};
use crate::review::draft::{Draft, Store, Target};
use crate::review::review_of;
use std::path::PathBuf;

/// What the effects need: the folder, the configuration, who signs, and
/// where drafts are kept.
pub struct Outside {
    pub dir: PathBuf,
    pub config: Config,
    pub reviewer: String,
    /// The draft store, or why there is none (the reviewer is told at the
    /// first word typed, since then nothing protects the draft).
    pub drafts: Result<Store, std::io::Error>,
    /// Starts reading the folder again in the background (the terminal
    /// layer answers with the changes, as the watcher does).
    pub rescan: Box<dyn FnMut(Vec<String>)>,
    /// Runs the checks across the folder in the background, answering
    /// with [`super::Event::CheckedAcross`].
    pub across: Box<dyn FnMut(u64, crate::check::AcrossFolder)>,
}

/// Does every effect the desk queued, in order, and tells the desk how
/// each went; repeats while answering queues more.
pub fn perform(desk: &mut Desk, outside: &mut Outside) {
    loop {
        let effects = desk.take_effects();
        if effects.is_empty() {
            return;
        }
        // Each keep replaces the draft whole: only the newest one matters.
        let newest_keep = effects
            .iter()
            .rposition(|e| matches!(e, Effect::KeepDraft(_)));
        for (i, effect) in effects.into_iter().enumerate() {
            match effect {
                Effect::KeepDraft(draft) if Some(i) == newest_keep => keep(desk, outside, &draft),
                Effect::KeepDraft(_) => {}
                Effect::SignAs(name) => outside.reviewer = name,
                Effect::ClearDraft => {
                    if let Ok(store) = &outside.drafts {
                        // A draft left behind is restored once more next
                        // time: better than the other way round.
                        let _ = store.clear();
                    }
                }
                Effect::ReleaseOrphan(path) => {
                    if let Ok(store) = &outside.drafts {
                        let _ = store.release(&path);
                    }
                }
                Effect::Decide {
                    file,
                    decision,
                    grade,
                    seen,
                } => {
                    let path = outside.dir.join(&file);
                    let (who, config) = (&outside.reviewer, &outside.config);
                    // The desk asked about standing errors before it queued this.
                    let guard = act::Guard::Forced;
                    let written =
                        act::decide(&path, decision, grade, who, seen.as_deref(), guard, config);
                    answer(desk, outside, file, written, false);
                }
                Effect::Save {
                    file,
                    target,
                    text,
                    seen,
                    signer,
                } => {
                    let path = outside.dir.join(&file);
                    let who = signer.as_ref().unwrap_or(&outside.reviewer);
                    let config = &outside.config;
                    let written = match target {
                        Target::New { place } => {
                            act::comment_on(&path, place, &text, who, seen.as_deref(), config)
                        }
                        Target::Edit { of, .. } => {
                            act::edit(&path, &of, &text, who, config).map(act::Written::from)
                        }
                        // Saved as Effect::DisposeRule; a restored draft of
                        // one that reaches here keeps its words as a comment.
                        Target::DismissRule { place, .. } => {
                            act::comment_on(&path, place, &text, who, seen.as_deref(), config)
                        }
                        Target::Reword { part, after } => act::reword(
                            &path,
                            &part,
                            act::Rewording::Text(text),
                            after.as_deref(),
                            who,
                            seen.as_deref(),
                            config,
                        ),
                        Target::Dismiss { place } => match dismissal(&place, &text) {
                            Some(judgement) => {
                                act::dispose_on(&path, &judgement, who, seen.as_deref(), config)
                            }
                            // Not about a flag (a draft from elsewhere): the
                            // words are kept as a comment rather than lost.
                            None => {
                                act::comment_on(&path, place, &text, who, seen.as_deref(), config)
                            }
                        },
                    };
                    if let Err(ActError::NoSuchComment(_)) = written {
                        desk.event(Event::EditedCommentGone);
                        continue;
                    }
                    answer(desk, outside, file, written, true);
                }
                Effect::Dispose {
                    file,
                    judgement,
                    seen,
                } => {
                    let path = outside.dir.join(&file);
                    let (who, config) = (&outside.reviewer, &outside.config);
                    let written = act::dispose_on(&path, &judgement, who, seen.as_deref(), config);
                    answer(desk, outside, file, written, false);
                }
                Effect::DisposeRule {
                    file,
                    rule,
                    reason,
                    files,
                } => dispose_rule(desk, outside, file, &rule, &reason, files),
                Effect::Rescan { known } => (outside.rescan)(known),
                Effect::CheckAcross { asked, folder } => (outside.across)(asked, folder),
                Effect::Reword {
                    file,
                    part,
                    rewording,
                    seen,
                } => {
                    let path = outside.dir.join(&file);
                    let (who, config) = (&outside.reviewer, &outside.config);
                    let written =
                        act::reword(&path, &part, rewording, None, who, seen.as_deref(), config);
                    answer(desk, outside, file, written, false);
                }
                Effect::Withdraw { file, of } => {
                    let path = outside.dir.join(&file);
                    let written = act::withdraw(&path, &of, &outside.reviewer, &outside.config)
                        .map(act::Written::from);
                    answer(desk, outside, file, written, false);
                }
            }
        }
    }
}

/// A rule-wide 不采纳 written to each file it covers; the open one (whose
/// editor holds the reason) last, and only when the others went in, so
/// that a failure leaves the words in the editor to save again.
fn dispose_rule(
    desk: &mut Desk,
    outside: &Outside,
    open: String,
    rule: &str,
    reason: &str,
    files: Vec<(String, Option<String>)>,
) {
    let (who, config) = (&outside.reviewer, &outside.config);
    let dismiss = crate::review::Disposition::Dismiss;
    let write = |file: &str, seen: Option<&str>| {
        let path = outside.dir.join(file);
        act::dispose_rule_on(&path, rule, dismiss, Some(reason), who, seen, config)
    };
    let mut failed = Vec::new();
    for (file, seen) in files.iter().filter(|(f, _)| *f != open) {
        match write(file, seen.as_deref()) {
            Ok(_) => {
                let review = review_of(&outside.dir.join(file), config);
                desk.event(Event::ReviewChanged {
                    file: file.clone(),
                    review,
                });
            }
            Err(e) => failed.push(format!(
                "{}: {}",
                crate::sanitize::display_line(file),
                e.message(desk.lang())
            )),
        }
    }
    if !failed.is_empty() {
        let mut why = failed.join(crate::i18n::list_separator(desk.lang()));
        why.push_str(crate::i18n::words_kept(desk.lang()));
        desk.event(Event::SaveFailed(why));
        return;
    }
    let seen = files
        .iter()
        .find(|(f, _)| *f == open)
        .and_then(|(_, s)| s.clone());
    let written = write(&open, seen.as_deref());
    answer(desk, outside, open, written, true);
}

/// The reason written for not sending a flag, as a disposition.
fn dismissal(place: &crate::review::Place, reason: &str) -> Option<act::Judgement> {
    let crate::review::Place::Flag { rule, path } = place else {
        return None;
    };
    Some(act::Judgement {
        rule: rule.clone(),
        path: path.clone(),
        disposition: crate::review::Disposition::Dismiss,
        reason: Some(reason.to_string()),
    })
}

fn keep(desk: &mut Desk, outside: &Outside, draft: &Draft) {
    let kept = match &outside.drafts {
        Ok(store) => store.keep(draft),
        Err(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
    };
    if let Err(e) = kept {
        desk.event(Event::SaveFailed(crate::i18n::draft_not_kept(
            desk.lang(),
            &e,
        )));
    }
}

/// Tells the desk what writing to `file`'s journal came to.
fn answer(
    desk: &mut Desk,
    outside: &Outside,
    file: String,
    written: Result<act::Written, ActError>,
    from_editor: bool,
) {
    match written {
        Ok(w) => {
            let review = review_of(&outside.dir.join(&file), &outside.config);
            desk.event(if from_editor {
                Event::CommentSaved { file, review }
            } else {
                Event::ReviewChanged { file, review }
            });
            if w.changed_since_seen {
                desk.event(Event::ChangedSinceSeen);
            }
        }
        Err(e) => {
            let mut why = e.message(desk.lang());
            if from_editor {
                why.push_str(crate::i18n::words_kept(desk.lang()));
            }
            desk.event(Event::SaveFailed(why))
        }
    }
}
