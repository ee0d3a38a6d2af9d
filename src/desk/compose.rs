//! Writing from the desk: the comment editor, edits and withdrawals, the
//! questions asked before words are lost or taken back, and drafts opened
//! again after a crash. Still pure: writing is an [`Effect`].

use super::editor::Editor;
use super::panes::{Pane, Style};
use super::{Command, Desk, Effect, Notice, Overlay, Screen};
use crate::i18n;
use crate::model::Location;
use crate::review::draft::Target;
use crate::review::{Comment, Place, Review};

impl Desk {
    /// The item open, the place the cursor's line stands for, and the
    /// comment the line shows (审核意见 pane).
    fn place_here(&self) -> Option<(usize, Place, Option<usize>)> {
        let Screen::Declaration { item, pane, .. } = self.screen else {
            return None;
        };
        let (_, at, lines) = self.pane_lines()?;
        let line = lines.get(at);
        let it = self.items.get(item)?;
        let checked = it.checked();
        if pane == Pane::Review || checked.is_none() {
            let shown = line.and_then(|l| l.comment);
            let place = shown
                .and_then(|i| it.review.comments.get(i))
                .map_or(Place::Declaration, |c| c.place.clone());
            return Some((item, place, shown));
        }
        let place = match line {
            // A flag line: the comment is on that flag.
            Some(l) if matches!(l.style, Style::Flag(_)) => l
                .flags
                .first()
                .and_then(|&i| checked?.flags.get(i))
                .map(|f| Place::Flag {
                    rule: f.rule().id().to_string(),
                    path: f.location.to_string(),
                }),
            Some(l) => l.location.map(|loc| Place::Location {
                path: loc.to_string(),
            }),
            None => None,
        };
        Some((item, place.unwrap_or(Place::Declaration), None))
    }

    /// The standing comment under the cursor, and its file (with the
    /// version the desk has of it).
    fn comment_here(&self) -> Option<(String, Comment, Option<String>)> {
        let (item, _, shown) = self.place_here()?;
        let it = self.items.get(item)?;
        let c = it.review.comments.get(shown?)?;
        (!c.withdrawn).then(|| (it.entry.file.clone(), c.clone(), it.sha.clone()))
    }

    pub(super) fn start_comment(&mut self) {
        if let Some((item, place, _)) = self.place_here() {
            let it = &self.items[item];
            let editor = Editor::new(it.entry.file.clone(), Target::New { place }, String::new());
            self.open_editor(editor.about(it.sha.clone()));
        }
    }

    /// As [`Desk::comment_here`]; where there is none, the reviewer is told.
    fn chosen_comment(&mut self) -> Option<(String, Comment, Option<String>)> {
        let found = self.comment_here();
        if found.is_none() {
            self.notice = Some(Notice::Problem(i18n::not_a_comment(self.lang).into()));
        }
        found
    }

    pub(super) fn start_edit(&mut self) {
        if let Some((file, c, seen)) = self.chosen_comment() {
            let target = Target::Edit {
                of: c.id,
                place: c.place,
            };
            self.open_editor(Editor::new(file, target, c.text).about(seen));
        }
    }

    pub(super) fn start_withdraw(&mut self) {
        if let Some((file, c, _)) = self.chosen_comment() {
            self.overlay = Some(Overlay::Withdraw { file, of: c.id });
        }
    }

    pub(super) fn open_editor(&mut self, editor: Editor) {
        self.overlay = Some(Overlay::Editor {
            editor,
            discard: false,
        });
    }

    pub(super) fn editor_command(&mut self, command: Command) {
        let lang = self.lang;
        let Some(Overlay::Editor { editor, discard }) = self.overlay.as_mut() else {
            return;
        };
        let mut save = None;
        match command {
            Command::Type(key) => {
                let before = editor.text.len();
                editor.apply(key, self.cols);
                // Kept as typed: a dropped connection loses nothing.
                if editor.text.len() != before {
                    self.effects.push(Effect::KeepDraft(
                        editor.draft(&self.folder, &self.reviewer),
                    ));
                }
            }
            Command::Save if editor.text.trim().is_empty() => {
                self.notice = Some(Notice::Problem(i18n::comment_is_empty(lang).into()));
            }
            Command::Save => {
                save = Some(Effect::Save {
                    file: editor.file.clone(),
                    target: editor.target.clone(),
                    text: editor.text.clone(),
                    seen: editor.seen.clone(),
                    signer: editor.signer.clone(),
                })
            }
            Command::Back | Command::Quit if editor.changed() => *discard = true,
            Command::Back | Command::Quit => self.close_editor(),
            _ => {}
        }
        // A rule-wide reason is written to every declaration it covers.
        if let Some(Effect::Save {
            file,
            target: Target::DismissRule {
                place, everywhere, ..
            },
            text,
            seen,
            ..
        }) = &save
        {
            save = self.dispose_rule_effect(file, seen.clone(), place, *everywhere, text);
        }
        if let Some(save) = save {
            self.record(save);
        }
    }

    /// The editor goes; so does its draft. Words about the notice were
    /// written from its preview: back to it.
    fn close_editor(&mut self) {
        let target = self.editor().map(|e| e.target.clone());
        self.overlay = None;
        self.effects.push(Effect::ClearDraft);
        self.open_restored();
        if let Some(target) = target {
            self.back_to_preview(&target);
        }
    }

    /// The answer to the question in the status line (discard the words?
    /// withdraw the comment?).
    pub(super) fn answer(&mut self, command: Command) {
        let yes = match command {
            Command::Confirm(yes) => yes,
            Command::Back | Command::Quit => false,
            // Any other key: the question stands.
            _ => return,
        };
        match self.overlay.take() {
            Some(Overlay::Editor { .. }) if yes => self.close_editor(),
            // No: back to writing.
            Some(Overlay::Editor { editor, .. }) => self.open_editor(editor),
            Some(Overlay::Withdraw { file, of }) if yes => {
                self.record(Effect::Withdraw { file, of });
            }
            Some(Overlay::Withdraw { .. }) => {}
            other => self.overlay = other,
        }
    }

    pub(super) fn comment_saved(&mut self, file: String, review: Review) {
        if let Some(i) = self.items.iter().position(|i| i.entry.file == file) {
            self.review_changes(i, review);
        }
        if let Some(editor) = self.editor().filter(|e| e.file == file) {
            let done = match &editor.target {
                Target::Dismiss { .. } => i18n::flag_dismissed(self.lang).to_string(),
                Target::DismissRule {
                    place,
                    flags,
                    files,
                    ..
                } => i18n::rule_dismissed(self.lang, place_rule(place), *flags, *files),
                Target::Reword { .. } => self.reworded_saved(),
                _ => i18n::comment_saved(self.lang).to_string(),
            };
            self.close_editor();
            self.notice = Some(Notice::Done(done));
        }
    }

    /// The comment being edited no longer stands: keep the words, and
    /// make the next save a new comment at the same place.
    pub(super) fn edited_comment_gone(&mut self) {
        let Some(Overlay::Editor { editor, .. }) = self.overlay.as_mut() else {
            return;
        };
        if let Target::Edit { place, .. } = &editor.target {
            editor.target = Target::New {
                place: place.clone(),
            };
            self.effects.push(Effect::KeepDraft(
                editor.draft(&self.folder, &self.reviewer),
            ));
            self.notice = Some(Notice::Problem(i18n::edited_comment_gone(self.lang).into()));
        }
    }

    /// Opens the oldest draft left by an ended session, once its file is
    /// in and nothing else has the keyboard. A draft whose file is not in
    /// the folder (or does not load) stays in the store for next time.
    pub(super) fn open_restored(&mut self) {
        if self.overlay.is_some() {
            return;
        }
        while let Some(first) = self.restore.first() {
            // A file that does not load takes back words on the whole of it.
            let whole = matches!(first.draft.target.place(), Place::Declaration);
            let found = self
                .items
                .iter()
                .position(|i| i.entry.file == first.draft.file && (i.checked().is_some() || whole));
            let Some(item) = found else {
                if !self.progress.done {
                    return; // it may still arrive
                }
                let left = self.restore.remove(0);
                self.notice = Some(Notice::Problem(i18n::draft_left_for_later(
                    self.lang,
                    &left.draft.file,
                )));
                continue;
            };
            let orphan = self.restore.remove(0);
            let place = orphan.draft.target.place();
            match place {
                Place::Location { path } | Place::Flag { path, .. } => {
                    match Location::parse(path) {
                        Some(loc) => self.go_to(item, loc, self.flag_of(item, place)),
                        None => self.open_overview(item),
                    }
                }
                Place::Declaration if self.items[item].checked().is_none() => {
                    self.open_unread(item)
                }
                Place::Declaration => self.open_overview(item),
            }
            self.notice = Some(Notice::Done(i18n::draft_restored(
                self.lang,
                &crate::clock::shown(&orphan.draft.at, &self.zone),
            )));
            let mut editor = Editor::restored(orphan.draft);
            // Words begun under the desk's own name need no mark.
            if editor.signer.as_deref() == Some(self.reviewer.as_str()) {
                editor.signer = None;
            }
            // Kept as this session's first, then the old file may go.
            self.effects.push(Effect::KeepDraft(
                editor.draft(&self.folder, &self.reviewer),
            ));
            self.effects.push(Effect::ReleaseOrphan(orphan.path));
            self.open_editor(editor);
            return;
        }
    }
}

/// The rule of a flag's place (a rule-wide reason starts on a flag).
fn place_rule(place: &Place) -> &str {
    match place {
        Place::Flag { rule, .. } => rule,
        _ => "",
    }
}
