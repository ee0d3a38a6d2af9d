//! What `[rules.ID]` of the configuration file may say of a rule, checked
//! against the catalogue and applied to the rules' settings. The
//! configuration reads the file; which rule takes which setting, and what
//! a setting's value must be, is the rules' own.

use super::{Param, Rule, RuleSettings};
use crate::i18n::{Phrase, errors as words};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;

/// Why `[rules.ID]` was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingError {
    /// A key this rule does not take, with those it does.
    Unknown {
        key: String,
        allowed: Vec<&'static str>,
    },
    /// A value that parses but makes no sense (`min_share = "1.5"`).
    Bad {
        key: &'static str,
        reason: ValueRule,
    },
}

/// What a setting's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueRule {
    NotNegative,
    /// A share between 0 and 1.
    ShareRange,
    AtLeastOne,
    /// A similarity between 0.5 and 1.
    SimilarityRange,
    /// SAT-02's warning floor must not be above its info floor.
    WarningAboveInfo,
}

impl ValueRule {
    pub fn label(self) -> Phrase {
        match self {
            ValueRule::NotNegative => words::NOT_NEGATIVE,
            ValueRule::ShareRange => words::SHARE_RANGE,
            ValueRule::AtLeastOne => words::AT_LEAST_ONE,
            ValueRule::SimilarityRange => words::SIMILARITY_RANGE,
            ValueRule::WarningAboveInfo => words::WARNING_ABOVE_INFO,
        }
    }
}

/// Every key any rule takes; which rule takes which is checked against the
/// catalogue afterwards, so the message can list what *this* rule accepts.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RuleSection {
    pub enabled: Option<bool>,
    pub tolerance: Option<ExactDecimal>,
    pub min_share: Option<ExactDecimal>,
    pub max_rows: Option<usize>,
    pub warning_below: Option<ExactDecimal>,
    pub info_below: Option<ExactDecimal>,
    pub min_common: Option<usize>,
    pub words: Option<Vec<String>>,
    pub min_similarity: Option<ExactDecimal>,
}

impl RuleSection {
    fn given(&self) -> Vec<Param> {
        let mut v = Vec::new();
        let mut add = |present: bool, p: Param| {
            if present {
                v.push(p)
            }
        };
        add(self.tolerance.is_some(), Param::Tolerance);
        add(self.min_share.is_some(), Param::MinShare);
        add(self.max_rows.is_some(), Param::MaxRows);
        add(self.warning_below.is_some(), Param::WarningBelow);
        add(self.info_below.is_some(), Param::InfoBelow);
        add(self.min_common.is_some(), Param::MinCommon);
        add(self.words.is_some(), Param::Words);
        add(self.min_similarity.is_some(), Param::MinSimilarity);
        v
    }
}

/// A decimal written as `"0.01"` or `0.01`. A TOML float is taken by its
/// shortest decimal spelling, which is what the person typed.
#[derive(Debug, Clone, Copy)]
pub struct ExactDecimal(pub Decimal);

impl<'de> Deserialize<'de> for ExactDecimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ExactDecimal;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal number such as \"0.01\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ExactDecimal, E> {
                v.trim()
                    .parse()
                    .map(ExactDecimal)
                    .map_err(|_| E::custom(format!("`{v}` is not a decimal number")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ExactDecimal, E> {
                Ok(ExactDecimal(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<ExactDecimal, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

impl RuleSettings {
    /// What `[rules.ID]` says, applied to `rule`'s settings: a key the rule
    /// does not take, or a value that makes no sense, is refused.
    pub fn apply(&mut self, rule: Rule, s: &RuleSection) -> Result<(), SettingError> {
        let settings = self;
        let info = rule.info();
        if let Some(bad) = s.given().into_iter().find(|p| !info.params.contains(p)) {
            let mut allowed = vec!["enabled"];
            allowed.extend(info.params.iter().map(|p| p.key()));
            return Err(SettingError::Unknown {
                key: bad.key().into(),
                allowed,
            });
        }
        let bad = |key, reason| SettingError::Bad { key, reason };
        if let Some(on) = s.enabled {
            settings.set_enabled(rule, on);
        }
        if let Some(ExactDecimal(t)) = s.tolerance {
            if t.is_sign_negative() {
                return Err(bad("tolerance", ValueRule::NotNegative));
            }
            settings.budget.set_tolerance(rule, t);
        }
        if let Some(ExactDecimal(share)) = s.min_share {
            if share.is_sign_negative() || share > Decimal::ONE {
                return Err(bad("min_share", ValueRule::ShareRange));
            }
            settings.budget.fund06_min_share = share;
        }
        if let Some(n) = s.max_rows {
            settings.tree.count01_max_rows = n;
        }
        if let Some(ExactDecimal(p)) = s.warning_below {
            settings.values.sat02_warning_below = p;
        }
        if let Some(ExactDecimal(p)) = s.info_below {
            settings.values.sat02_info_below = p;
        }
        if let Some(n) = s.min_common {
            if n == 0 {
                return Err(bad("min_common", ValueRule::AtLeastOne));
            }
            settings.values.quant04_min_common = n;
        }
        if let Some(ExactDecimal(m)) = s.min_similarity {
            if Param::MinSimilarity
                .range()
                .is_some_and(|(low, high)| m < low || m > high)
            {
                return Err(bad("min_similarity", ValueRule::SimilarityRange));
            }
            match rule {
                Rule::Yoy03 => settings.years.yoy03_min_similarity = m,
                _ => settings.folder.xdup02_min_similarity = m,
            }
        }
        if let Some(words) = &s.words {
            let words: Vec<String> = words
                .iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect();
            match rule {
                Rule::Quant02 => settings.values.quant02_words = words,
                _ => settings.values.class01_words = words,
            }
        }
        Ok(())
    }
}

impl RuleSettings {
    /// What no single `[rules.ID]` can say wrong, but two can: the rule,
    /// the key and why, if the settings contradict each other.
    pub fn contradiction(&self) -> Option<(Rule, &'static str, ValueRule)> {
        (self.values.sat02_warning_below > self.values.sat02_info_below).then_some((
            Rule::Sat02,
            "warning_below",
            ValueRule::WarningAboveInfo,
        ))
    }
}
