//! Judging from the desk: a flag included (采纳) or dismissed with a
//! reason (不采纳), the questions a decision asks first, and the preview of
//! the 审核意见 as the department will read it. Still pure: writing is an
//! [`Effect`].

use super::editor::Editor;
use super::panes::{Line, Style};
use super::{Command, Desk, Effect, Notice, Overlay, Screen};
use crate::i18n;
use crate::review::act::Judgement;
use crate::review::draft::Target;

use crate::review::{Decision, Disposition, Place};
use crate::rules::Flag;

impl Desk {
    /// The item open and the flag of the cursor's line (its first, for a
    /// row that carries several), in any pane but 审核意见.
    fn flag_here(&self) -> Option<(usize, &Flag)> {
        let Screen::Declaration { item, .. } = self.screen else {
            return None;
        };
        let (_, at, lines) = self.pane_lines()?;
        let index = *lines.get(at)?.flags.first()?;
        let flag = self.items.get(item)?.checked()?.flags.get(index)?;
        Some((item, flag))
    }

    /// The flag under the cursor, or the reviewer is told there is none.
    fn chosen_flag(&mut self) -> Option<(usize, Flag)> {
        let found = self.flag_here().map(|(i, f)| (i, f.clone()));
        if found.is_none() {
            self.notice = Some(Notice::Problem(i18n::not_a_flag(self.lang).into()));
        }
        found
    }

    /// The marks of judged flags on a pane's lines: a flag line's message
    /// opens with `不采纳：原因` or `采纳` (before it, so a narrow screen
    /// that cuts the message still shows the judgement).
    pub(super) fn mark_judged(&self, item: usize, lines: &mut [Line]) {
        let Some(it) = self.items.get(item) else {
            return;
        };
        let Some(checked) = it.checked() else {
            return;
        };
        for line in lines.iter_mut() {
            if !matches!(line.style, Style::Flag(_)) {
                continue;
            }
            let Some(flag) = line.flags.first().and_then(|&i| checked.flags.get(i)) else {
                continue;
            };
            let judged = it
                .review
                .judged(flag.rule().id(), &flag.location.to_string());
            if let (Some(j), Some(last)) = (judged, line.cells.last_mut()) {
                let mark =
                    i18n::judgement_mark(self.lang, j.disposition.label(), j.reason.as_deref());
                last.text = format!("{} · {}", crate::sanitize::display_line(&mark), last.text);
            }
        }
    }

    /// For the detail under the pane: how each flag of `line` was judged,
    /// by whom and when.
    pub fn judgements(&self, line: &Line) -> Vec<(String, String)> {
        let Screen::Declaration { item, .. } = self.screen else {
            return Vec::new();
        };
        let Some(it) = self.items.get(item) else {
            return Vec::new();
        };
        let Some(checked) = it.checked() else {
            return Vec::new();
        };
        line.flags
            .iter()
            .filter_map(|&i| checked.flags.get(i))
            .filter_map(|f| {
                let j = it.review.judged(f.rule().id(), &f.location.to_string())?;
                let mark =
                    i18n::judgement_mark(self.lang, j.disposition.label(), j.reason.as_deref());
                let who = i18n::signed(self.lang, &j.reviewer, j.login.as_deref());
                // A judgement of the whole rule says so: + on this flag
                // would override it here alone.
                let scope = if j.path.is_none() {
                    i18n::judged_rule_wide(self.lang)
                } else {
                    ""
                };
                let text = format!(
                    "{} {}{scope} · {who} · {}",
                    f.rule().id(),
                    crate::sanitize::display(&mark),
                    crate::clock::shown(&j.at, &self.zone)
                );
                Some((i18n::judgement_label(self.lang).to_string(), text))
            })
            .collect()
    }

    /// `-`: the editor opens for the reason (the last one given, to
    /// change); saving it records the dismissal.
    pub(super) fn start_dismiss(&mut self) {
        let Some((item, flag)) = self.chosen_flag() else {
            return;
        };
        let it = &self.items[item];
        let (rule, path) = (flag.rule().id().to_string(), flag.location.to_string());
        let reason = it
            .review
            .judged(&rule, &path)
            .and_then(|j| j.reason.clone())
            .unwrap_or_default();
        let target = Target::Dismiss {
            place: Place::Flag { rule, path },
        };
        let editor = Editor::new(it.entry.file.clone(), target, reason).about(it.sha.clone());
        self.overlay = Some(Overlay::Editor {
            editor,
            discard: false,
        });
    }

    /// `_` / `D`: every flag of the rule of the flag under the cursor, in
    /// this declaration or in every declaration of the folder that has
    /// one: the question says how many, yes opens the editor.
    pub(super) fn start_dismiss_rule(&mut self, everywhere: bool) {
        let Some((item, flag)) = self.chosen_flag() else {
            return;
        };
        let rule = flag.rule();
        let count = |it: &super::Item| {
            it.checked()
                .map_or(0, |c| c.flags.iter().filter(|f| f.rule() == rule).count())
        };
        let (flags, files) = if everywhere {
            let counts: Vec<usize> = self.items.iter().map(count).filter(|n| *n > 0).collect();
            (counts.iter().sum(), counts.len())
        } else {
            (count(&self.items[item]), 1)
        };
        self.overlay = Some(Overlay::DismissRule(Target::DismissRule {
            place: Place::Flag {
                rule: rule.id().to_string(),
                path: flag.location.to_string(),
            },
            everywhere,
            flags,
            files,
        }));
    }

    /// y to leaving out a rule's flags: the editor, for the reason once.
    pub(super) fn dismiss_rule_command(&mut self, command: Command) {
        match command {
            Command::Confirm(true) => {
                let Some(Overlay::DismissRule(target)) = self.overlay.take() else {
                    return;
                };
                let Screen::Declaration { item, .. } = self.screen else {
                    return;
                };
                let Some(it) = self.items.get(item) else {
                    return;
                };
                let editor =
                    Editor::new(it.entry.file.clone(), target, String::new()).about(it.sha.clone());
                self.open_editor(editor);
            }
            Command::Confirm(false) | Command::Back | Command::Quit => self.overlay = None,
            // Any other key: the question stands.
            _ => {}
        }
    }

    /// What saving a rule-wide reason writes: the rule's judgement in the
    /// open declaration and, `everywhere`, in each other declaration that
    /// has a flag of the rule (each pinned to the version the desk read),
    /// the open one last.
    pub(super) fn dispose_rule_effect(
        &self,
        file: &str,
        seen: Option<String>,
        place: &Place,
        everywhere: bool,
        reason: &str,
    ) -> Option<Effect> {
        let Place::Flag { rule, .. } = place else {
            return None;
        };
        let mut files: Vec<(String, Option<String>)> = Vec::new();
        if everywhere {
            files.extend(
                self.items
                    .iter()
                    .filter(|it| it.entry.file != file)
                    .filter(|it| {
                        it.checked()
                            .is_some_and(|c| c.flags.iter().any(|f| f.rule().id() == rule))
                    })
                    .map(|it| (it.entry.file.clone(), it.sha.clone())),
            );
        }
        files.push((file.to_string(), seen));
        Some(Effect::DisposeRule {
            file: file.to_string(),
            rule: rule.clone(),
            reason: reason.to_string(),
            files,
        })
    }

    /// `+`: the flag goes to the department.
    pub(super) fn include(&mut self) {
        let Some((item, flag)) = self.chosen_flag() else {
            return;
        };
        let it = &self.items[item];
        self.record(Effect::Dispose {
            file: it.entry.file.clone(),
            judgement: Judgement {
                rule: flag.rule().id().to_string(),
                path: flag.location.to_string(),
                disposition: Disposition::Accept,
                reason: None,
            },
            seen: it.sha.clone(),
        });
    }

    /// `a` / `r`: what a decision asks before its grade. Approving over
    /// standing errors asks whether to; returning with nothing to act on
    /// is refused at once (not after the grade).
    pub(super) fn start_decision(&mut self, item: usize, decision: Decision) {
        let Some(it) = self.items.get(item) else {
            return;
        };
        if self
            .colleague_verdict(&it.review)
            .is_some_and(|v| v.decision != decision)
        {
            self.overlay = Some(Overlay::OverColleague(decision));
            return;
        }
        self.ask_before_grade(item, decision);
    }

    /// The decision standing on this version that a colleague made: by
    /// another account, or (when the desk does not know its own) under
    /// another name.
    pub(super) fn colleague_verdict<'r>(
        &self,
        review: &'r crate::review::Review,
    ) -> Option<&'r crate::review::Verdict> {
        match &self.login {
            Some(me) => review.colleague_verdict(Some(me)),
            None => review
                .verdict
                .as_ref()
                .filter(|v| !v.earlier_version && v.reviewer != self.reviewer),
        }
    }

    /// The question deciding over a colleague's decision asks, in words:
    /// `甲 已于 2026-12-04 10:32 退回修改（中）。仍要改为通过？`
    pub fn over_colleague_question(&self) -> Option<String> {
        let Some(Overlay::OverColleague(decision)) = self.overlay else {
            return None;
        };
        let Screen::Declaration { item, .. } = self.screen else {
            return None;
        };
        let v = self.colleague_verdict(&self.items.get(item)?.review)?;
        let lang = self.lang;
        let who = i18n::signed(lang, &v.reviewer, v.login.as_deref());
        let at = crate::clock::shown(&v.at, &self.zone);
        let new = decision.label().get(lang);
        Some(i18n::authorship::over_colleague_prompt(
            lang,
            &who,
            &at,
            &v.decided(lang),
            new,
        ))
    }

    /// y to deciding over a colleague's decision: then what any decision asks.
    pub(super) fn over_colleague_command(&mut self, command: Command) {
        let Some(Overlay::OverColleague(decision)) = self.overlay else {
            return;
        };
        match command {
            Command::Confirm(true) => {
                self.overlay = None;
                if let Screen::Declaration { item, .. } = self.screen {
                    self.ask_before_grade(item, decision);
                }
            }
            Command::Confirm(false) | Command::Back | Command::Quit => self.overlay = None,
            _ => {}
        }
    }

    /// What a decision asks before its grade, once any colleague's
    /// decision has been weighed.
    fn ask_before_grade(&mut self, item: usize, decision: Decision) {
        let Some(it) = self.items.get(item) else {
            return;
        };
        let flags = it.checked().map_or(&[][..], |c| c.flags.as_slice());
        match decision {
            Decision::Approve if it.checked().is_none() => {
                let why = i18n::cannot_approve_unread(self.lang);
                self.notice = Some(Notice::Problem(why.into()));
            }
            Decision::Approve => {
                let errors = it.review.standing_errors(flags).len();
                self.overlay = Some(if errors > 0 {
                    Overlay::ApproveAnyway { errors }
                } else {
                    Overlay::Grade(decision)
                });
            }
            Decision::Return => {
                let something = it.review.standing().next().is_some()
                    || it.review.standing_flags(flags).next().is_some();
                if something {
                    self.overlay = Some(Overlay::Grade(decision));
                } else {
                    let why = crate::i18n::errors::RETURN_WITH_NOTHING.get(self.lang);
                    self.notice = Some(Notice::Problem(why.into()));
                }
            }
            Decision::Pending => {}
        }
    }

    /// y to approving over standing errors: then the grade.
    pub(super) fn approve_anyway_command(&mut self, command: Command) {
        match command {
            Command::Confirm(true) => self.overlay = Some(Overlay::Grade(Decision::Approve)),
            Command::Confirm(false) | Command::Back | Command::Quit => self.overlay = None,
            // Any other key: the question stands.
            _ => {}
        }
    }
}
