//! 概况: who the department is, its year, its goal, and what was found.

use super::{Line, Style, flag_line, text};
use crate::check::Checked;
use crate::i18n::{self, Lang};
use crate::model::{DepartmentField, Location};
use crate::rules::Severity;
use crate::sanitize::display;

pub(super) fn lines(lang: Lang, c: &Checked) -> Vec<Line> {
    let d = &c.declaration;
    let all = &c.flags;
    let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
    // A row of facts: the place's name in the form's words, its value.
    let row = |loc: Location, value: String| {
        Line::new(Style::Row, vec![i18n::location(lang, loc), value]).at(loc, all)
    };
    let mut out = vec![
        row(
            Location::Department(DepartmentField::Name),
            text(&d.department.name),
        ),
        row(Location::FiscalYear, i18n::fiscal_year(lang, d.fiscal_year)),
        row(Location::Region, text(&d.region)),
        row(
            Location::Department(DepartmentField::Code),
            text(&d.department.code),
        ),
        row(
            Location::Department(DepartmentField::StaffCount),
            count(d.department.staff_count),
        ),
        row(
            Location::Department(DepartmentField::SubordinateUnits),
            count(d.department.subordinate_units),
        ),
        Line::new(
            Style::Heading,
            vec![i18n::location(lang, Location::OverallGoal)],
        ),
        Line::new(
            Style::Paragraph,
            vec![
                crate::text::non_blank(&d.overall_goal)
                    .map(|g| display(g).into_owned())
                    // Blank: said, so the heading is not over nothing.
                    .unwrap_or_else(|| i18n::not_filled(lang).to_string()),
            ],
        )
        .at(Location::OverallGoal, all),
    ];
    // 其他需完成的任务（可选填）, on forms that have the box.
    if let Some(other) = &d.other_tasks {
        out.push(Line::new(
            Style::Heading,
            vec![i18n::location(lang, Location::OtherTasks)],
        ));
        out.push(
            Line::new(Style::Paragraph, vec![display(other).into_owned()])
                .at(Location::OtherTasks, all),
        );
    }
    for severity in Severity::ALL {
        let of: Vec<usize> = (0..all.len())
            .filter(|&i| all[i].severity == severity)
            .collect();
        if of.is_empty() {
            continue;
        }
        out.push(Line::new(
            Style::Heading,
            vec![i18n::flags_heading(lang, severity.label(), of.len())],
        ));
        out.extend(of.into_iter().filter_map(|i| flag_line(lang, all, i)));
    }
    out
}
