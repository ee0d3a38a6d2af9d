//! docs/rules.md's tables of rules, made from the code: each rule's file
//! says where it flags, when it fires, what it rests on (in the docs'
//! short form: S for a document, J for this tool's judgement) and, for a
//! budget check, which inputs it needs ([`RuleDoc`]); the catalogue gives
//! severities and settings with their defaults; here is the order the
//! docs read them in, and the tables. They stand between markers; `tests/docs.rs` fails when the committed file differs, and
//! `cargo run --example rules_doc` writes it again.

use super::{Param, Rule, RuleSettings, Severity};
use std::fmt::Write as _;

/// A part of the catalogue: one table of docs/rules.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Budget,
    Completeness,
    Tree,
    Values,
    Safety,
    Folder,
    Years,
}

impl Section {
    /// The name its table's markers carry (`<!-- catalogue: budget -->`).
    pub fn key(self) -> &'static str {
        match self {
            Section::Budget => "budget",
            Section::Completeness => "completeness",
            Section::Tree => "tree",
            Section::Values => "values",
            Section::Safety => "safety",
            Section::Folder => "folder",
            Section::Years => "years",
        }
    }
}

/// One rule as the docs describe it. Markdown; a `|` inside a cell is
/// written `\|`.
#[derive(Debug)]
pub struct RuleDoc {
    pub rule: Rule,
    pub location: &'static str,
    pub fires_when: &'static str,
    /// For a budget check: the boxes whose blank stops it.
    pub inputs: Option<&'static str>,
    pub basis: &'static str,
}

/// Every rule, by section, in the order the docs read them (within
/// 指标值, the order in which QUANT-03/04/02/01 take a row).
pub static ORDER: [(Section, &[Rule]); 7] = [
    (
        Section::Budget,
        &[
            Rule::Fund01,
            Rule::Fund02,
            Rule::Fund03,
            Rule::Fund04,
            Rule::Fund05,
            Rule::Fund06,
            Rule::Fund07,
        ],
    ),
    (
        Section::Completeness,
        &[
            Rule::Comp01,
            Rule::Comp02,
            Rule::Comp03,
            Rule::Comp05,
            Rule::Comp04,
            Rule::Info01,
            Rule::Info02,
            Rule::Info03,
            Rule::Info04,
        ],
    ),
    (
        Section::Tree,
        &[
            Rule::Hier01,
            Rule::Hier02,
            Rule::Hier03,
            Rule::Hier04,
            Rule::Dup01,
            Rule::Count01,
        ],
    ),
    (
        Section::Values,
        &[
            Rule::Quant03,
            Rule::Quant04,
            Rule::Quant02,
            Rule::Quant01,
            Rule::Quant05,
            Rule::Period01,
            Rule::Sat02,
            Rule::Sat03,
            Rule::Class01,
            Rule::Rel01,
            Rule::Cost01,
        ],
    ),
    (Section::Safety, &[Rule::Safe01]),
    (Section::Folder, &[Rule::Xdup01, Rule::Xdup02]),
    (Section::Years, &[Rule::Yoy01, Rule::Yoy02, Rule::Yoy03]),
];

/// A section's table, as docs/rules.md holds it.
pub fn table(section: Section) -> String {
    let docs: Vec<&RuleDoc> = ORDER
        .iter()
        .find(|(s, _)| *s == section)
        .map_or(&[][..], |(_, rules)| rules)
        .iter()
        .map(|r| r.doc())
        .collect();
    let inputs = docs.iter().any(|d| d.inputs.is_some());
    let settings = docs.iter().any(|d| !d.rule.info().params.is_empty());
    let mut head = vec!["ID", "severity", "location", "fires when"];
    if inputs {
        head.push("inputs");
    }
    head.push("basis");
    if settings {
        head.push("settings");
    }
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    let defaults = RuleSettings::default();
    for d in &docs {
        let info = d.rule.info();
        let mut cells = vec![
            info.id.to_string(),
            severities(info.severities),
            d.location.to_string(),
            d.fires_when.to_string(),
        ];
        if inputs {
            cells.push(d.inputs.unwrap_or("—").to_string());
        }
        cells.push(d.basis.to_string());
        if settings {
            cells.push(settings_cell(d.rule, info.params, &defaults));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

fn severities(s: &[Severity]) -> String {
    s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" / ")
}

/// `` `tolerance` (0.01) ``: each setting with its default, and its range
/// where the configuration holds it to one.
fn settings_cell(rule: Rule, params: &[Param], defaults: &RuleSettings) -> String {
    if params.is_empty() {
        return "—".into();
    }
    params
        .iter()
        .map(|&p| {
            let mut said: Vec<String> = defaults.default_shown(rule, p).into_iter().collect();
            if let Some((low, high)) = p.range() {
                said.push(format!("from {low} to {high}"));
            }
            match said.is_empty() {
                true => format!("`{}`", p.key()),
                false => format!("`{}` ({})", p.key(), said.join(", ")),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

const BEGIN: &str = "<!-- catalogue: ";
const END: &str = "<!-- end of catalogue table -->";

/// `text` (docs/rules.md) with every marked table made anew; `None` when
/// a marker names no section or is not closed.
pub fn refresh(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(BEGIN) {
        let (before, from) = rest.split_at(at);
        let line_end = from.find('\n')? + 1;
        let key = from[BEGIN.len()..line_end]
            .trim()
            .strip_suffix("-->")?
            .trim();
        let section = ORDER.iter().map(|(s, _)| *s).find(|s| s.key() == key)?;
        let end = from.find(END)?;
        out.push_str(before);
        out.push_str(&from[..line_end]);
        out.push_str(&table(section));
        out.push_str(END);
        rest = &from[end + END.len()..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CATALOGUE;

    #[test]
    fn every_rule_is_described_once() {
        let described: Vec<Rule> = ORDER.iter().flat_map(|(_, r)| r.iter().copied()).collect();
        for info in &CATALOGUE {
            assert_eq!(
                described.iter().filter(|r| **r == info.rule).count(),
                1,
                "{}",
                info.id
            );
        }
        assert_eq!(described.len(), CATALOGUE.len());
    }

    #[test]
    fn only_budget_checks_list_inputs() {
        for (section, rules) in &ORDER {
            for r in rules.iter() {
                assert_eq!(
                    r.doc().inputs.is_some(),
                    *section == Section::Budget,
                    "{r:?}"
                );
                assert_eq!(r.doc().rule, *r, "each rule's file describes that rule");
            }
        }
    }

    #[test]
    fn a_table_shows_defaults_and_ranges_from_the_code() {
        let t = table(Section::Folder);
        assert!(t.contains("| XDUP-02 | info |"), "{t}");
        assert!(t.contains("`min_similarity` (0.9, from 0.5 to 1)"), "{t}");
        let t = table(Section::Values);
        assert!(t.contains("`warning_below` (85), `info_below` (90)"), "{t}");
    }

    #[test]
    fn refresh_replaces_only_what_is_between_markers() {
        let text =
            "a\n<!-- catalogue: safety -->\nSTALE TABLE\n<!-- end of catalogue table -->\nb\n";
        let new = refresh(text).unwrap();
        assert!(
            new.starts_with("a\n<!-- catalogue: safety -->\n| ID |"),
            "{new}"
        );
        assert!(
            new.ends_with("<!-- end of catalogue table -->\nb\n"),
            "{new}"
        );
        assert!(!new.contains("STALE TABLE"));
        assert_eq!(refresh("<!-- catalogue: nowhere -->\n"), None);
    }
}
