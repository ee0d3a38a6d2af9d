//! What the rules may be told: which are off, and each section's own
//! thresholds and word lists (defined beside its rules: `budget::Settings`,
//! `tree::Settings`, `values::Settings`, `folder::Settings`). The configuration file converts
//! into this; the rules read nothing else.

use super::{Param, Rule, budget, folder, tree, values, years};
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

    /// A setting's value as the docs print it (`0.01`); `None` for a word
    /// list, or a setting the rule does not have.
    pub fn default_shown(&self, rule: Rule, param: Param) -> Option<String> {
        let shown = match param {
            Param::Tolerance => self.budget.tolerance(rule).to_string(),
            Param::MinShare => self.budget.fund06_min_share.to_string(),
            Param::MaxRows => self.tree.count01_max_rows.to_string(),
            Param::WarningBelow => self.values.sat02_warning_below.to_string(),
            Param::InfoBelow => self.values.sat02_info_below.to_string(),
            Param::MinCommon => self.values.quant04_min_common.to_string(),
            Param::MinSimilarity => match rule {
                Rule::Yoy03 => self.years.yoy03_min_similarity.to_string(),
                _ => self.folder.xdup02_min_similarity.to_string(),
            },
            Param::Words => return None,
        };
        rule.info().params.contains(&param).then_some(shown)
    }

    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        if on {
            self.disabled.remove(&rule);
        } else {
            self.disabled.insert(rule);
        }
    }
}
