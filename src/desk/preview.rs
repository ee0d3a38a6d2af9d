//! The 审核意见 preview (`v`): the notice as the department will read it,
//! and the reviewer's last word on it. The moving keys choose a part (the
//! opening, a point, the closing); `e` or Enter rewords it in the editor,
//! `x` leaves a point out or puts it back, `u` gives a part its generated
//! words back, `o` adds a point of the reviewer's own after it. Each is a
//! journal record pinned to the version previewed; the notice every
//! export writes is the one shown here.

use super::editor::Editor;
use super::{Command, Desk, Effect, Notice, Overlay, Screen};
use crate::i18n::{self, Lang, notice as words};
use crate::review::act::Rewording;
use crate::review::draft::Target;
use crate::review::notice::text;
use crate::review::notice::{self, Issue, Kind, Wording};
use crate::review::record::Part;

/// A line of the preview: its text, and the part it belongs to (an index
/// into [`Preview::parts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewLine {
    pub text: String,
    pub part: Option<usize>,
}

/// The preview of the open declaration's notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub lines: Vec<PreviewLine>,
    /// The parts a reviewer can choose, in reading order: their keys, the
    /// words they have now, and whose words those are.
    pub parts: Vec<(String, String, Wording)>,
}

impl Desk {
    /// The notice of the open declaration as it stands (a returned one; an
    /// approved one with its comments as suggestions), or as it would read
    /// if returned now, under a line saying so. Dated today, in the
    /// notice's language, as the export would write it.
    pub fn preview_of_notice(&self) -> Option<Preview> {
        let Screen::Declaration { item, .. } = self.screen else {
            return None;
        };
        let it = self.items.get(item)?;
        let settings = &self.config.notice;
        let issue = Issue::on(self.today, settings);
        let lang = Lang::from(settings.lang);
        let mut lines = Vec::new();
        let mut said = |t: String| {
            lines.push(PreviewLine {
                text: t,
                part: None,
            });
            lines.push(PreviewLine {
                text: String::new(),
                part: None,
            });
        };
        let notice = match notice::of(&it.entry, &it.review, settings, &issue, true, lang) {
            Some(n) => n,
            None => {
                said(words::PREVIEW_NONE.get(self.lang).to_string());
                notice::build(
                    &it.entry,
                    &it.review,
                    settings,
                    &issue,
                    Kind::Returned,
                    lang,
                )
            }
        };
        if notice.stale_rewordings > 0 {
            said(words::stale_rewordings(self.lang, notice.stale_rewordings));
        }
        let paragraphs = text::with_dropped(&notice, lang);
        let mut parts: Vec<(String, String, Wording)> = Vec::new();
        for (line, p) in text::lines(&paragraphs, lang) {
            // A line of no part: the title, a heading, a blank between.
            let Some((p, key)) = p.and_then(|p| Some((p, p.part.as_ref()?))) else {
                lines.push(PreviewLine {
                    text: line,
                    part: None,
                });
                continue;
            };
            let first = parts.last().is_none_or(|(k, ..)| k != key);
            if first {
                parts.push((key.clone(), String::new(), p.wording));
            }
            let index = parts.len() - 1;
            if let Some((_, words_now, _)) = parts.last_mut() {
                if !first {
                    words_now.push('\n');
                }
                words_now.push_str(&p.text);
            }
            // The mark on a part's first line: never in a document.
            let text = match (first, p.wording) {
                (true, Wording::Reworded) => {
                    format!("{line}{}", words::MARK_REWORDED.get(self.lang))
                }
                (true, Wording::Added) => format!("{line}{}", words::MARK_ADDED.get(self.lang)),
                (true, Wording::Dropped) => format!("{line}{}", words::MARK_DROPPED.get(self.lang)),
                _ => line,
            };
            lines.push(PreviewLine {
                text,
                part: Some(index),
            });
        }
        Some(Preview { lines, parts })
    }

    /// The preview's lines as text.
    pub fn preview(&self) -> Option<Vec<String>> {
        self.preview_of_notice()
            .map(|p| p.lines.into_iter().map(|l| l.text).collect())
    }

    /// `v`: the 审核意见 of the open declaration, as it would go out now.
    pub(super) fn start_preview(&mut self) {
        if matches!(self.screen, Screen::Declaration { .. }) {
            self.overlay = Some(Overlay::Preview { scroll: 0, at: 0 });
        }
    }

    /// Choosing a part, paging, and the reviewer's last word; Esc, q and v
    /// close the preview.
    pub(super) fn preview_command(&mut self, command: Command) {
        let Some(&Overlay::Preview { scroll, at }) = self.overlay.as_ref() else {
            return;
        };
        let Some(preview) = self.preview_of_notice() else {
            self.overlay = None;
            return;
        };
        let last = preview.parts.len().saturating_sub(1);
        let page = self.page.max(1);
        let (scroll, at) = match command {
            Command::Down => (scroll, (at + 1).min(last)),
            Command::Up => (scroll, at.saturating_sub(1)),
            Command::Top => (0, 0),
            Command::Bottom => (usize::MAX, last),
            Command::PageDown => return self.scroll_preview(&preview, scroll + page, at),
            Command::PageUp => {
                return self.scroll_preview(&preview, scroll.saturating_sub(page), at);
            }
            Command::Back | Command::Quit | Command::Preview => {
                self.overlay = None;
                return;
            }
            Command::Reword | Command::Open => return self.reword_part(&preview, at, false),
            Command::AddPoint => return self.reword_part(&preview, at, true),
            Command::DropPart => return self.drop_part(&preview, at),
            Command::RestorePart => return self.restore_part(&preview, at),
            // The key list over the preview; closing it leaves the panes.
            Command::ToggleHelp => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return;
            }
            _ => return,
        };
        let rows = rows(&preview, self.cols.max(1));
        let scroll = in_view(&rows, scroll, at, page);
        self.overlay = Some(Overlay::Preview { scroll, at });
    }

    /// A page on or back: the first part that begins in the new view is
    /// chosen, so the view stays where it was paged to.
    fn scroll_preview(&mut self, preview: &Preview, scroll: usize, at: usize) {
        let rows = rows(preview, self.cols.max(1));
        let page = self.page.max(1);
        let scroll = scroll.min(rows.len().saturating_sub(page));
        let begins = |i: usize| {
            let part = rows.get(i).and_then(|r| r.1)?;
            let before = i.checked_sub(1).and_then(|j| rows.get(j)).and_then(|r| r.1);
            (before != Some(part)).then_some(part)
        };
        let at = (scroll..(scroll + page).min(rows.len()))
            .find_map(begins)
            .unwrap_or(at);
        let scroll = in_view(&rows, scroll, at, page);
        self.overlay = Some(Overlay::Preview { scroll, at });
    }

    /// The editor on the chosen part's words, or (`add`) on a new point
    /// to follow it.
    fn reword_part(&mut self, preview: &Preview, at: usize, add: bool) {
        let Some((key, now, _)) = preview.parts.get(at) else {
            return;
        };
        let Screen::Declaration { item, .. } = self.screen else {
            return;
        };
        let Some(it) = self.items.get(item) else {
            return;
        };
        let (target, words_now) = if add {
            let target = Target::Reword {
                part: Part::NEW_POINT.to_string(),
                after: Some(key.clone()),
            };
            (target, String::new())
        } else {
            let target = Target::Reword {
                part: key.clone(),
                after: None,
            };
            (target, now.clone())
        };
        let editor = Editor::new(it.entry.file.clone(), target, words_now);
        self.open_editor(editor.about(it.sha.clone()));
    }

    /// `x`: a point leaves the notice, or comes back to it.
    fn drop_part(&mut self, preview: &Preview, at: usize) {
        let Some((key, _, wording)) = preview.parts.get(at) else {
            return;
        };
        if matches!(Part::of(key), Part::Opening | Part::Closing) {
            self.notice = Some(Notice::Problem(
                words::KEEP_OPENING_AND_CLOSING.get(self.lang).into(),
            ));
            return;
        }
        let rewording = match wording {
            Wording::Dropped => Rewording::Restore,
            _ => Rewording::Drop,
        };
        self.reword_effect(key.clone(), rewording);
    }

    /// `u`: the part's generated words back (a point of the reviewer's own
    /// has none, and goes).
    fn restore_part(&mut self, preview: &Preview, at: usize) {
        if let Some((key, _, wording)) = preview.parts.get(at)
            && *wording != Wording::Generated
        {
            self.reword_effect(key.clone(), Rewording::Restore);
        }
    }

    fn reword_effect(&mut self, part: String, rewording: Rewording) {
        let Screen::Declaration { item, .. } = self.screen else {
            return;
        };
        let Some(it) = self.items.get(item) else {
            return;
        };
        let effect = Effect::Reword {
            file: it.entry.file.clone(),
            part,
            rewording,
            seen: it.sha.clone(),
        };
        self.record(effect);
    }

    /// Back to the preview after the editor on one of its parts closed,
    /// the part (or the one a new point follows) chosen.
    pub(super) fn back_to_preview(&mut self, target: &Target) {
        let Target::Reword { part, after } = target else {
            return;
        };
        if !matches!(self.screen, Screen::Declaration { .. }) || self.overlay.is_some() {
            return;
        }
        let Some(preview) = self.preview_of_notice() else {
            return;
        };
        let key = after.as_ref().unwrap_or(part);
        let at = preview.parts.iter().position(|(k, ..)| k == key);
        // A new point stands right after the one it was added at.
        let at = match (at, after) {
            (Some(i), Some(_)) => (i + 1).min(preview.parts.len().saturating_sub(1)),
            (Some(i), None) => i,
            (None, _) => 0,
        };
        let rows = rows(&preview, self.cols.max(1));
        let scroll = in_view(&rows, 0, at, self.page.max(1));
        self.overlay = Some(Overlay::Preview { scroll, at });
    }

    /// What the status line says when a part's wording is recorded.
    pub(super) fn reworded_saved(&self) -> String {
        i18n::notice::REWORDED.get(self.lang).to_string()
    }
}

/// The preview's rows as the renderer wraps them to `cols`, each with
/// the part its line belongs to.
pub fn rows(preview: &Preview, cols: usize) -> Vec<(String, Option<usize>)> {
    preview
        .lines
        .iter()
        .flat_map(|l| {
            let wrapped = if l.text.is_empty() {
                vec![String::new()]
            } else {
                crate::width::wrap(&l.text, cols)
            };
            wrapped.into_iter().map(move |r| (r, l.part))
        })
        .collect()
}

/// The first of the preview's `rows` to show so that part `at` is in
/// view, moving from `scroll` no more than it must, and no further than
/// the last screenful.
pub fn in_view(rows: &[(String, Option<usize>)], scroll: usize, at: usize, page: usize) -> usize {
    let last_screen = rows.len().saturating_sub(page);
    let first = rows.iter().position(|(_, p)| *p == Some(at));
    let end = rows.iter().rposition(|(_, p)| *p == Some(at));
    let scroll = scroll.min(last_screen);
    match (first, end) {
        (Some(first), _) if first < scroll => first,
        (Some(first), Some(end)) if end >= scroll + page => {
            first.min(end + 1 - page).min(last_screen)
        }
        _ => scroll,
    }
}
