//! docs/rules.md's tables of rules, made from the code: each rule's file
//! says where it flags, when it fires, what it rests on (in the docs'
//! short form: S for a document, J for this tool's judgement) and, for a
//! budget check, which inputs it needs ([`RuleDoc`]); the catalogue gives
//! severities and settings with their defaults; the folder a rule's
//! file is in gives its table. Here are the tables. They stand between markers; `tests/docs.rs` fails when the committed file differs, and
//! `cargo run --example rules_doc` writes it again.

use super::{Param, Rule, RuleSettings, Severity};
use crate::i18n::Lang;
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
    /// What its point in the 审核意见 asks the department to do.
    pub asks: &'static str,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Budget,
        Section::Completeness,
        Section::Tree,
        Section::Values,
        Section::Safety,
        Section::Folder,
        Section::Years,
    ];
}

/// A section's table, as docs/rules.md holds it.
pub fn table(section: Section) -> String {
    // A section's rules in catalogue order: the folder a rule's file is
    // in says which table it is in.
    let docs: Vec<&RuleDoc> = super::CATALOGUE
        .iter()
        .filter(|info| info.rule.section() == section)
        .map(|info| info.rule.doc())
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

/// The table of what each rule's point in the notice asks, and on what
/// ground, in catalogue order.
pub fn notice_table() -> String {
    let mut out = String::from("| rule | ground | what the point asks |\n|---|---|---|\n");
    for info in &super::CATALOGUE {
        let ground = match super::ground(info.rule) {
            super::Ground::Document(doc) => format!("requirement · {}", doc.get(Lang::Zh)),
            super::Ground::Practice => "advice".to_string(),
        };
        let asks = info.rule.doc().asks;
        let _ = writeln!(out, "| {} | {ground} | {asks} |", info.id);
    }
    out
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
/// The marker of the table of what the notice asks.
const NOTICE: &str = "notice";

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
        let table = match key {
            NOTICE => notice_table(),
            _ => table(Section::ALL.into_iter().find(|s| s.key() == key)?),
        };
        let end = from.find(END)?;
        out.push_str(before);
        out.push_str(&from[..line_end]);
        out.push_str(&table);
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
    fn each_rules_file_describes_that_rule_and_only_budget_checks_list_inputs() {
        for info in &CATALOGUE {
            let doc = info.rule.doc();
            assert_eq!(doc.rule, info.rule, "each rule's file describes that rule");
            let budget = info.rule.section() == Section::Budget;
            assert_eq!(doc.inputs.is_some(), budget, "{}", info.id);
        }
    }

    #[test]
    fn every_section_has_a_table_and_every_rule_is_in_one() {
        for section in Section::ALL {
            assert!(table(section).lines().count() > 2, "{section:?}");
        }
        let tabled: usize = Section::ALL
            .iter()
            .map(|&s| table(s).lines().count() - 2)
            .sum();
        assert_eq!(tabled, CATALOGUE.len());
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
