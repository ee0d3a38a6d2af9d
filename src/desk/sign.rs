//! Who signs: the reviewer's name in the header, and, when no name could
//! be found (no `--reviewer`, no `reviewer` in the config, no login name),
//! one question at the first write instead of a refusal. What was being
//! written waits under the question; nothing is lost if it is put off.

use super::{Command, Desk, Effect, Notice, Overlay};
use crate::i18n;

/// The longest name taken (a name, not an essay).
const MOST_CHARS: usize = 40;

impl Desk {
    /// The reviewer's time zone, in which journal and draft times show.
    pub fn zone(&self) -> &jiff::tz::TimeZone {
        &self.zone
    }

    /// Who signs what is written from the desk (empty: not known yet).
    pub fn reviewer(&self) -> &str {
        &self.reviewer
    }

    /// The one way the desk writes to a journal: signed, or held while the
    /// reviewer is asked for a name.
    pub(super) fn record(&mut self, write: Effect) {
        if !self.reviewer.trim().is_empty() {
            self.effects.push(write);
            return;
        }
        self.unsigned.push(write);
        if !matches!(self.overlay, Some(Overlay::Sign { .. })) {
            let under = self.overlay.take().map(Box::new);
            self.overlay = Some(Overlay::Sign {
                typed: String::new(),
                under,
            });
        }
    }

    pub(super) fn sign_command(&mut self, command: Command) {
        let Some(Overlay::Sign { typed, .. }) = self.overlay.as_mut() else {
            return;
        };
        match command {
            Command::FilterChar(c) if typed.chars().count() < MOST_CHARS && !c.is_control() => {
                typed.push(c)
            }
            Command::FilterBackspace => {
                typed.pop();
            }
            Command::SignDone if typed.trim().is_empty() => {
                self.notice = Some(Notice::Problem(i18n::name_needed(self.lang).into()));
            }
            Command::SignDone => {
                let name = typed.trim().to_string();
                self.reviewer = name.clone();
                self.effects.push(Effect::SignAs(name));
                self.effects.append(&mut self.unsigned);
                self.uncover();
            }
            // Put off: the writes wait no more, and what they came from is
            // as it was (the editor keeps its words and its draft).
            Command::Back => {
                self.unsigned.clear();
                self.uncover();
                self.notice = Some(Notice::Problem(i18n::not_signed(self.lang).into()));
            }
            _ => {}
        }
    }

    fn uncover(&mut self) {
        if let Some(Overlay::Sign { under, .. }) = self.overlay.take() {
            self.overlay = under.map(|u| *u);
        }
    }
}
