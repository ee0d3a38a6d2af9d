//! A declaration written as format v1 JSON: what `shenhe convert` makes of
//! a workbook, and the version a review journal keeps of a declaration
//! sent back. Reading the JSON back gives the same declaration, so it
//! gets the same flags.
//!
//! Amounts are written as strings of their exact decimal; texts as they
//! were read (JSON escaping is serde_json's, which escapes every control
//! character). The cells a workbook's boxes sat in are not part of the
//! format and are left out.

use super::{Amount, Declaration, FORMAT_VERSION, TargetColumns};
use serde::Serialize;

/// An amount as the exact decimal's text, or null for a blank box.
fn amount(a: Amount) -> Option<String> {
    a.map(|d| d.normalize().to_string())
}

// The document's shape, fields in the spec's order.
#[derive(Serialize)]
struct Document<'a> {
    format_version: u64,
    fiscal_year: Option<i32>,
    region: &'a Option<String>,
    department: Department<'a>,
    budget: Budget<'a>,
    overall_goal: &'a Option<String>,
    key_tasks: Vec<Task<'a>>,
    other_tasks: &'a Option<String>,
    target_columns: u8,
    indicators: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Department<'a> {
    name: &'a Option<String>,
    code: &'a Option<String>,
    staff_count: Option<u32>,
    subordinate_units: Option<u32>,
}

#[derive(Serialize)]
struct Budget<'a> {
    expenditure: Expenditure,
    development: Development,
    income: Income,
    by_level: ByLevel<'a>,
}

#[derive(Serialize)]
struct Expenditure {
    basic: Option<String>,
    project: Option<String>,
}

#[derive(Serialize)]
struct Development {
    special_fund: Option<String>,
    other: Option<String>,
}

#[derive(Serialize)]
struct Income {
    fiscal_appropriation: Option<String>,
    other: Option<String>,
}

#[derive(Serialize)]
struct ByLevel<'a> {
    own_use: Option<String>,
    transfer_to_lower: Option<String>,
    own_use_label: &'a Option<String>,
}

#[derive(Serialize)]
struct Task<'a> {
    name: &'a Option<String>,
    content: &'a Option<String>,
    funds: Option<String>,
    expected_outcome: &'a Option<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    level1: &'a Option<String>,
    level2: &'a Option<String>,
    name: &'a Option<String>,
    /// Absent on a form with one target column: it has no such column.
    #[serde(skip_serializing_if = "Option::is_none")]
    period_target: Option<&'a Option<String>>,
    annual_target: &'a Option<String>,
}

fn document(d: &Declaration) -> Document<'_> {
    let b = &d.budget;
    let two = d.target_columns == TargetColumns::Two;
    Document {
        format_version: FORMAT_VERSION,
        fiscal_year: d.fiscal_year,
        region: &d.region,
        department: Department {
            name: &d.department.name,
            code: &d.department.code,
            staff_count: d.department.staff_count,
            subordinate_units: d.department.subordinate_units,
        },
        budget: Budget {
            expenditure: Expenditure {
                basic: amount(b.expenditure.basic),
                project: amount(b.expenditure.project),
            },
            development: Development {
                special_fund: amount(b.development.special_fund),
                other: amount(b.development.other),
            },
            income: Income {
                fiscal_appropriation: amount(b.income.fiscal_appropriation),
                other: amount(b.income.other),
            },
            by_level: ByLevel {
                own_use: amount(b.by_level.own_use),
                transfer_to_lower: amount(b.by_level.transfer_to_lower),
                own_use_label: &b.by_level.own_use_label,
            },
        },
        overall_goal: &d.overall_goal,
        key_tasks: d
            .key_tasks
            .iter()
            .map(|t| Task {
                name: &t.name,
                content: &t.content,
                funds: amount(t.funds),
                expected_outcome: &t.expected_outcome,
            })
            .collect(),
        other_tasks: &d.other_tasks,
        target_columns: d.target_columns.count(),
        indicators: d
            .indicators
            .iter()
            .map(|r| Row {
                level1: &r.level1,
                level2: &r.level2,
                name: &r.name,
                period_target: two.then_some(&r.period_target),
                annual_target: &r.annual_target,
            })
            .collect(),
    }
}

/// The declaration as format v1 JSON text on one line (what a review
/// journal keeps of a declaration sent back).
pub fn to_line(d: &Declaration) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string(&document(d)).unwrap_or_default()
}

/// The declaration as format v1 JSON text, pretty-printed, ending in a newline.
pub fn to_json(d: &Declaration) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s = serde_json::to_string_pretty(&document(d)).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_survives_a_round_trip_through_v1_json() {
        let bytes = std::fs::read(crate::testing::seed()).expect("the seed");
        let seed = crate::load::parse(&bytes).expect("the seed loads");
        let again = crate::load::parse(to_json(&seed).as_bytes()).expect("its JSON loads");
        assert_eq!(to_json(&again), to_json(&seed));
        let settings = crate::rules::RuleSettings::default();
        assert_eq!(
            crate::rules::check(&again, &settings),
            crate::rules::check(&seed, &settings)
        );
        assert!(to_json(&seed).contains("\"basic\": \"5105.47\""));
    }
}
