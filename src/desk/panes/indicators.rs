//! 绩效指标: the three-level tree, each row with its targets and the rule
//! IDs on it; groups under one 一级 fold into a line.

use super::{Cell, Line, Style, flags_at, text};
use crate::check::Checked;
use crate::i18n::{self, Lang};
use crate::model::Location;
use std::collections::BTreeSet;

/// The groups of the indicator table: runs of rows under the same 一级, in
/// form order (a name that comes back later starts a new group).
pub fn indicator_groups(checked: &Checked) -> Vec<std::ops::Range<usize>> {
    let rows = &checked.declaration.indicators;
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if rows[g.start].level1 == r.level1 => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    groups
}

pub(super) fn lines(lang: Lang, c: &Checked, folded: &BTreeSet<usize>) -> Vec<Line> {
    let all = &c.flags;
    let rows = &c.declaration.indicators;
    // A form with one target column shows one (指标值), as it prints it.
    let single = c.declaration.target_columns == crate::model::TargetColumns::One;
    let fit = |mut cells: Vec<String>| {
        if single {
            cells.remove(4);
        }
        cells
    };
    let mut heading: Vec<String> = i18n::indicator_columns(lang)
        .iter()
        .map(|s| s.to_string())
        .collect();
    if single {
        heading[5] = i18n::single_target(lang).to_string();
    }
    let mut out = vec![Line::new(Style::Heading, fit(heading))];
    let mut whole = Line::new(
        Style::Row,
        vec![String::new(), i18n::location(lang, Location::Indicators)],
    );
    whole.location = Some(Location::Indicators);
    whole.flags = flags_at(all, |l| l == Location::Indicators);
    if !whole.flags.is_empty() {
        out.push(whole);
    }
    let (mut last1, mut last2) = (None, None);
    for group in indicator_groups(c) {
        if folded.contains(&group.start) {
            let l1 = text(&rows[group.start].level1);
            let cells = vec![
                format!("{}-{}", group.start + 1, group.end),
                l1.clone(),
                String::new(),
                i18n::folded_rows(lang, group.len()),
                String::new(),
                String::new(),
            ];
            let mut line = Line::new(Style::Row, fit(cells));
            line.location = Some(Location::Indicator(group.start, None));
            line.flags = flags_at(
                all,
                |l| matches!(l, Location::Indicator(j, _) if group.contains(&j)),
            );
            out.push(line);
            (last1, last2) = (Some(l1), None);
            continue;
        }
        for i in group {
            let r = &rows[i];
            // The tree: a level's name is shown where it changes, as on the form.
            let l1 = text(&r.level1);
            let l2 = text(&r.level2);
            let show1 = last1.as_ref() != Some(&l1);
            let show2 = show1 || last2.as_ref() != Some(&l2);
            let whole = vec![
                format!("{}", i + 1),
                l1.clone(),
                l2.clone(),
                text(&r.name),
                text(&r.period_target),
                text(&r.annual_target),
            ];
            let mut cells = whole.clone();
            if !show1 {
                cells[1].clear();
            }
            if !show2 {
                cells[2].clear();
            }
            let mut line = Line::new(Style::Row, fit(cells));
            line.whole = Some(fit(whole).into_iter().map(Cell::from).collect());
            line.location = Some(Location::Indicator(i, None));
            line.flags = flags_at(all, |l| matches!(l, Location::Indicator(j, _) if j == i));
            out.push(line);
            last1 = Some(l1);
            last2 = Some(l2);
        }
    }
    out
}
