//! An open declaration: its panes and their cursors, stepping through
//! flags and declarations, going to a flag's place, folding indicator
//! groups, and deciding.

use super::panes::{self, Line, Pane};
use super::{Command, Desk, Effect, Item};
use crate::model::Location;
use crate::review::Decision;

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    /// A declaration (index into the items), the pane shown, a cursor per pane.
    Declaration {
        item: usize,
        pane: Pane,
        cursor: [usize; panes::PANES],
    },
}

impl Desk {
    /// The lines of the open pane, if a declaration is open.
    pub fn pane_lines(&self) -> Option<(Pane, usize, Vec<Line>)> {
        let Screen::Declaration { item, pane, cursor } = self.screen else {
            return None;
        };
        let it = self.items.get(item)?;
        let Some(checked) = it.checked() else {
            // A file that did not load: why, then its review, in any pane.
            let why = it.entry.outcome.as_ref().err()?;
            let mut lines = vec![panes::paragraph(why.message(self.lang, &it.entry.file))];
            lines.extend(panes::review_lines(
                self.lang,
                &it.review,
                crate::model::cells::Printed::none(),
                &self.zone,
            ));
            return Some((pane, cursor[pane.index()], lines));
        };
        let lines = match pane {
            Pane::Review => panes::review_lines(
                self.lang,
                &it.review,
                crate::model::cells::Printed::of(&checked.declaration),
                &self.zone,
            ),
            Pane::LastYear => {
                let folder = self.config.rules.last_year.as_deref();
                let mut lines = super::panes::last_year::lines(self.lang, checked, folder);
                self.mark_judged(item, &mut lines);
                lines
            }
            Pane::Revision => {
                super::panes::revision::lines(self.lang, checked, &it.review, &self.zone)
            }
            _ => {
                let mut lines = panes::lines_folded(self.lang, checked, pane, &self.folded);
                self.mark_judged(item, &mut lines);
                lines
            }
        };
        Some((pane, cursor[pane.index()], lines))
    }

    pub(super) fn declaration_command(&mut self, command: Command) {
        let Screen::Declaration {
            item,
            pane,
            mut cursor,
        } = self.screen
        else {
            return;
        };
        let Some((_, at, lines)) = self.pane_lines() else {
            self.screen = Screen::List;
            return;
        };
        let last = lines.len().saturating_sub(1);
        let mut move_to = |to: usize| cursor[pane.index()] = to;
        match command {
            Command::Up => move_to(at.saturating_sub(1)),
            Command::Down => move_to((at + 1).min(last)),
            Command::Top => move_to(0),
            Command::Bottom => move_to(last),
            Command::PageUp => move_to(at.saturating_sub(self.page)),
            Command::PageDown => move_to((at + self.page).min(last)),
            Command::NextPane | Command::PrevPane => {
                let n = Pane::ALL.len();
                let step = if command == Command::NextPane {
                    1
                } else {
                    n - 1
                };
                let pane = Pane::ALL[(pane.index() + step) % n];
                self.screen = Screen::Declaration { item, pane, cursor };
                self.settle();
                return;
            }
            Command::ShowPane(pane) => {
                self.screen = Screen::Declaration { item, pane, cursor };
                self.settle();
                return;
            }
            Command::ToggleExplain => self.explain = !self.explain,
            Command::Comment => return self.start_comment(),
            Command::EditComment => return self.start_edit(),
            Command::Withdraw => return self.start_withdraw(),
            Command::Decide(Decision::Pending) => {
                if let Some(it) = self.items.get(item) {
                    let pending = Effect::Decide {
                        file: it.entry.file.clone(),
                        decision: Decision::Pending,
                        grade: None,
                        seen: it.sha.clone(),
                    };
                    return self.record(pending);
                }
            }
            Command::Decide(decision) => return self.start_decision(item, decision),
            Command::Dismiss => return self.start_dismiss(),
            Command::Include => return self.include(),
            Command::DismissRule { everywhere } => return self.start_dismiss_rule(everywhere),
            Command::Preview => return self.start_preview(),
            Command::ToggleFold => match self.toggle_fold(item, pane, lines.get(at)) {
                Some(to) => move_to(to),
                None => return,
            },
            Command::NextFlag => return self.step_flag(item, pane, cursor, &lines, true),
            Command::PrevFlag => return self.step_flag(item, pane, cursor, &lines, false),
            Command::Open => {
                // On a flag (overview, problems) or a comment: go to its place,
                // on the line that shows that flag.
                if let Some(line) = lines.get(at)
                    && (matches!(line.style, panes::Style::Flag(_)) || pane == Pane::Review)
                    && let Some(loc) = line.location
                {
                    let flag = match line.style {
                        panes::Style::Flag(_) => line.flags.first().copied(),
                        _ => self.comment_flag(item, line),
                    };
                    return self.go_to(item, loc, flag);
                }
            }
            Command::NextDeclaration => return self.step_declaration(item, true),
            Command::PrevDeclaration => return self.step_declaration(item, false),
            Command::Back | Command::Quit => {
                self.screen = Screen::List;
                return;
            }
            _ => return,
        }
        self.screen = Screen::Declaration { item, pane, cursor };
        self.settle();
    }

    /// z on an indicator row: folds or unfolds its group (一级); returns
    /// the line the cursor goes to (the group's).
    fn toggle_fold(&mut self, item: usize, pane: Pane, line: Option<&Line>) -> Option<usize> {
        let row = match line.and_then(|l| l.location) {
            Some(Location::Indicator(i, None)) if pane == Pane::Indicators => i,
            _ => return None,
        };
        let checked = self.items.get(item).and_then(Item::checked)?;
        let group = panes::indicator_groups(checked)
            .into_iter()
            .find(|g| g.contains(&row))?;
        if !self.folded.remove(&group.start) {
            self.folded.insert(group.start);
        }
        let lines = panes::lines_folded(self.lang, checked, pane, &self.folded);
        let here = Some(Location::Indicator(group.start, None));
        lines.iter().position(|l| l.location == here)
    }

    /// `n` / `N`: the next (previous) line with a flag; past the pane's
    /// last, on into the next pane that has one (the overview, budget,
    /// tasks and indicators, in order). The problems and 审核意见 panes
    /// are lists of their own. At the end, the status line says so.
    fn step_flag(
        &mut self,
        item: usize,
        pane: Pane,
        mut cursor: [usize; panes::PANES],
        lines: &[Line],
        forward: bool,
    ) {
        let at = cursor[pane.index()];
        if let Some(i) = next_flagged(pane, lines, Some(at), forward) {
            cursor[pane.index()] = i;
            self.screen = Screen::Declaration { item, pane, cursor };
            self.settle();
            return;
        }
        let Some(checked) = self.items.get(item).and_then(Item::checked) else {
            return;
        };
        let order = STEPPED.iter().position(|p| *p == pane);
        let onward: Vec<Pane> = match (order, forward) {
            (Some(o), true) => STEPPED[o + 1..].to_vec(),
            (Some(o), false) => STEPPED[..o].iter().rev().copied().collect(),
            (None, _) => Vec::new(),
        };
        for next in onward {
            let mut lines = panes::lines_folded(self.lang, checked, next, &self.folded);
            self.mark_judged(item, &mut lines);
            if let Some(i) = next_flagged(next, &lines, None, forward) {
                cursor[next.index()] = i;
                self.screen = Screen::Declaration {
                    item,
                    pane: next,
                    cursor,
                };
                return;
            }
        }
        self.notice = Some(super::Notice::Done(
            crate::i18n::no_more_flags(self.lang, forward).into(),
        ));
    }

    /// The flag a comment on a flag is about, among the file's flags now.
    fn comment_flag(&self, item: usize, line: &Line) -> Option<usize> {
        let place = &self
            .items
            .get(item)?
            .review
            .comments
            .get(line.comment?)?
            .place;
        self.flag_of(item, place)
    }

    /// The flag a place names (a comment's or a draft's), if it is one.
    pub(super) fn flag_of(&self, item: usize, place: &crate::review::Place) -> Option<usize> {
        let crate::review::Place::Flag { rule, path } = place else {
            return None;
        };
        self.items
            .get(item)?
            .checked()?
            .flags
            .iter()
            .position(|f| f.rule().id() == rule && f.location.to_string() == *path)
    }

    /// Opens the pane that shows `loc`, with the cursor on its line: the
    /// line that shows `flag` when one is named (FUND-02 is on the
    /// 按预算级次合计 sum, though the whole budget is its place).
    pub(super) fn go_to(&mut self, item: usize, loc: Location, flag: Option<usize>) {
        // Its lines are read before it is on screen: whole first (the one
        // unpacked before is packed again when the screen settles).
        if let Some(it) = self.items.get_mut(item) {
            it.unpark();
        }
        let pane = Pane::showing(loc);
        let mut cursor = match self.screen {
            Screen::Declaration { cursor, .. } => cursor,
            Screen::List => [0; panes::PANES],
        };
        if let Some(checked) = self.items.get(item).and_then(Item::checked) {
            // A place inside a folded group: unfold it to show the row.
            if let Location::Indicator(row, _) = loc
                && let Some(g) = panes::indicator_groups(checked)
                    .into_iter()
                    .find(|g| g.contains(&row))
            {
                self.folded.remove(&g.start);
            }
            let lines = panes::lines_folded(self.lang, checked, pane, &self.folded);
            let showing = flag.and_then(|f| {
                lines
                    .iter()
                    .position(|l| l.location == Some(loc) && l.flags.contains(&f))
            });
            let exact = lines.iter().position(|l| l.location == Some(loc));
            let row = showing.or(exact).or_else(|| {
                lines
                    .iter()
                    .position(|l| l.location.is_some_and(|l| contains(l, loc)))
            });
            cursor[pane.index()] = row.unwrap_or(0);
        }
        self.screen = Screen::Declaration { item, pane, cursor };
        self.settle();
        self.select_item(item);
    }

    /// The list's cursor goes to the item's row, so Esc comes back to the
    /// declaration the reviewer was in, however it was opened.
    fn select_item(&mut self, item: usize) {
        if let Some(row) = self.rows.iter().position(|r| r.item == item) {
            self.cursor = row;
            self.chosen = true;
        }
    }

    /// `]` / `[`: the next or previous declaration of the list as it stands.
    fn step_declaration(&mut self, item: usize, forward: bool) {
        let Some(pos) = self.rows.iter().position(|r| r.item == item) else {
            return;
        };
        let candidates: Vec<usize> = if forward {
            (pos + 1..self.rows.len()).collect()
        } else {
            (0..pos).rev().collect()
        };
        let next = candidates
            .into_iter()
            .find(|&r| self.items[self.rows[r].item].checked().is_some());
        if let Some(r) = next {
            self.cursor = r;
            let pane = match self.screen {
                Screen::Declaration { pane, .. } => pane,
                Screen::List => Pane::Overview,
            };
            self.folded.clear();
            self.screen = Screen::Declaration {
                item: self.rows[r].item,
                pane,
                cursor: [0; panes::PANES],
            };
            self.settle();
        }
    }

    /// Opens a declaration on its overview, every group unfolded.
    /// A file that did not load opens on its 审核意见: it can still be
    /// commented on as a whole and returned.
    pub(super) fn open_unread(&mut self, item: usize) {
        self.folded.clear();
        self.screen = Screen::Declaration {
            item,
            pane: Pane::Review,
            cursor: [0; panes::PANES],
        };
        self.settle();
        self.select_item(item);
    }

    pub(super) fn open_overview(&mut self, item: usize) {
        self.folded.clear();
        self.screen = Screen::Declaration {
            item,
            pane: Pane::Overview,
            cursor: [0; panes::PANES],
        };
        self.settle();
        self.select_item(item);
    }
}

/// The panes `n` / `N` go on through, in order.
const STEPPED: [Pane; 4] = [Pane::Overview, Pane::Budget, Pane::Tasks, Pane::Indicators];

/// The next (previous) line after (before) `from` that carries a flag
/// (from the edge when `None`). The overview's list of every flag is a
/// summary of places in other panes: `n` walks the overview's own rows.
fn next_flagged(pane: Pane, lines: &[Line], from: Option<usize>, forward: bool) -> Option<usize> {
    let stops = |i: &usize| {
        let l = &lines[*i];
        let summary = pane == Pane::Overview && matches!(l.style, panes::Style::Flag(_));
        !l.flags.is_empty() && !summary
    };
    if forward {
        let start = from.map_or(0, |a| a + 1);
        (start..lines.len()).find(stops)
    } else {
        let end = from.unwrap_or(lines.len());
        (0..end).rev().find(stops)
    }
}

/// Does the line's place `outer` contain `inner` (a field of the same row)?
fn contains(outer: Location, inner: Location) -> bool {
    match (outer, inner) {
        (Location::Indicator(a, None), Location::Indicator(b, _)) => a == b,
        (Location::KeyTask(a, None), Location::KeyTask(b, _)) => a == b,
        _ => false,
    }
}
