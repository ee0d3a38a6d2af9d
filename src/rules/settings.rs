//! What the rules may be told: which are off, and each section's own
//! thresholds and word lists (defined beside its rules: `budget::Settings`,
//! `tree::Settings`, `values::Settings`, `folder::Settings`). The configuration file converts
//! into this; the rules read nothing else.

use super::{Rule, budget, folder, tree, values, years};
use std::collections::HashSet;

/// What the rules may be told.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    disabled: HashSet<Rule>,
    pub budget: budget::Settings,
    pub tree: tree::Settings,
    pub values: values::Settings,
    pub folder: folder::Settings,
    pub years: years::Settings,
}

impl RuleSettings {
    pub fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(&rule)
    }

    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        if on {
            self.disabled.remove(&rule);
        } else {
            self.disabled.insert(rule);
        }
    }
}
