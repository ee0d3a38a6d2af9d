//! The reviewer's last word: their own text for the opening, the closing
//! or any point, a point left out, a point of their own. Each is a journal
//! record pinned to the version of the file it was written on; on another
//! version (a resubmission) it is not applied, and the notice counts it
//! so the preview can say so.

use super::{Notice, Point, Section, Wording};
use crate::i18n::{Lang, notice as words};
use crate::review::state::Reworded;

/// What a reviewer's text becomes in a document: its lines, made safe,
/// blank ones dropped.
fn lines(text: &str) -> Vec<String> {
    crate::sanitize::display(text)
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

impl Notice {
    /// The notice with the reviewers' words on this version applied, the
    /// latest for each part.
    pub(super) fn reworded(mut self, all: &[Reworded], lang: Lang) -> Notice {
        let mut latest: Vec<&Reworded> = Vec::new();
        for r in all.iter().filter(|r| !r.earlier_version) {
            latest.retain(|l| l.part != r.part);
            latest.push(r);
        }
        self.stale_rewordings = {
            let mut stale: Vec<&str> = all
                .iter()
                .filter(|r| r.earlier_version && !latest.iter().any(|l| l.part == r.part))
                .map(|r| r.part.as_str())
                .collect();
            stale.sort_unstable();
            stale.dedup();
            stale.len()
        };
        for r in &latest {
            match r.part.as_str() {
                "opening" => reword(&mut self.opening, &mut self.opening_wording, r),
                "closing" => reword(&mut self.contact, &mut self.closing_wording, r),
                part if part.starts_with("added/") => self.add(r, lang),
                part => {
                    if let Some(p) = self.point_mut(part) {
                        match (&r.text, r.dropped) {
                            (_, true) => p.wording = Wording::Dropped,
                            (Some(text), false) if !lines(text).is_empty() => {
                                p.paragraphs = lines(text);
                                p.wording = Wording::Reworded;
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        self.sections.retain(|s| !s.points.is_empty());
        self
    }

    fn point_mut(&mut self, key: &str) -> Option<&mut Point> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.points.iter_mut())
            .find(|p| p.key == key)
    }

    /// A reviewer's own point: after the point it was added at, or at the
    /// end under 其他意见 when that point is gone.
    fn add(&mut self, r: &Reworded, lang: Lang) {
        let paragraphs = match (&r.text, r.dropped) {
            (Some(text), false) => lines(text),
            _ => return,
        };
        if paragraphs.is_empty() {
            return;
        }
        let point = Point {
            key: r.part.clone(),
            paragraphs,
            wording: Wording::Added,
        };
        let at = r.after.as_deref().and_then(|after| {
            self.sections.iter().enumerate().find_map(|(s, section)| {
                let p = section.points.iter().position(|p| p.key == after)?;
                Some((s, p + 1))
            })
        });
        match at {
            Some((s, p)) => self.sections[s].points.insert(p, point),
            None => {
                let other = words::OTHER.get(lang);
                match self.sections.iter_mut().find(|s| s.heading == other) {
                    Some(s) => s.points.push(point),
                    None => self.sections.push(Section {
                        heading: other.to_string(),
                        points: vec![point],
                    }),
                }
            }
        }
    }
}

/// The opening or the closing in the reviewer's words (a paragraph: its
/// lines joined), or left as generated. Neither can be left out: the
/// letter needs both.
fn reword(text: &mut String, wording: &mut Wording, r: &Reworded) {
    if let Some(new) = &r.text {
        let new = lines(new).join("");
        if !new.is_empty() {
            *text = new;
            *wording = Wording::Reworded;
        }
    }
}
