//! 重点任务: each key task with its funds, and their sum against the budget.

use super::{Cell, Line, Style, flags_at, money, text};
use crate::amount::percent_of;
use crate::check::Checked;
use crate::i18n::{self, Lang};
use crate::model::Location;
use crate::rules::Totals;

pub(super) fn lines(lang: Lang, c: &Checked) -> Vec<Line> {
    let all = &c.flags;
    let d = &c.declaration;
    let t = Totals::of(d);
    let mut out = vec![Line::new(
        Style::Heading,
        i18n::task_columns(lang)
            .iter()
            .map(|s| s.to_string())
            .collect(),
    )];
    for (i, task) in d.key_tasks.iter().enumerate() {
        let share = match (task.funds, t.spending) {
            (Some(f), Some(total)) => percent_of(f, total).map(|p| format!("{p}%")),
            _ => None,
        }
        .unwrap_or_else(|| "—".into());
        let share = Cell::share(share);
        let mut line = Line::new(
            Style::Row,
            vec![
                Cell::number(i + 1),
                text(&task.name).into(),
                money(task.funds),
                share,
            ],
        );
        line.location = Some(Location::KeyTask(i, None));
        line.flags = flags_at(all, |l| matches!(l, Location::KeyTask(j, _) if j == i));
        out.push(line);
    }
    let mut sum = Line::new(
        Style::Row,
        vec![
            Cell::default(),
            i18n::task_sum(lang).into(),
            money(t.key_tasks),
            Cell::default(),
        ],
    );
    sum.location = Some(Location::KeyTasks);
    sum.flags = flags_at(all, |l| l == Location::KeyTasks);
    out.push(sum);
    out
}
