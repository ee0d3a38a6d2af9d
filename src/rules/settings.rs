//! What the rules may be told: which are off, each rule's own settings
//! (its `Settings`, defined in its file and held by the registry's
//! [`PerRule`]) and last year's folder. The configuration file converts
//! into this; the rules read nothing else.

use super::{LastYear, Param, PerRule, Rule};
use std::collections::HashSet;
use std::sync::Arc;

/// What the rules may be told.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    disabled: HashSet<Rule>,
    /// Each rule's settings, by its file's name (`rules.fund_01.tolerance`).
    pub rules: PerRule,
    /// Last year's folder, read; `None` when no folder was named.
    pub last_year: Option<Arc<LastYear>>,
}

impl RuleSettings {
    pub fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(&rule)
    }

    /// A setting's value as the docs print it (`0.01`); `None` for a word
    /// list, or a setting the rule does not have.
    pub fn default_shown(&self, rule: Rule, param: Param) -> Option<String> {
        self.rules.shown(rule, param)
    }

    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        if on {
            self.disabled.remove(&rule);
        } else {
            self.disabled.insert(rule);
        }
    }
}
