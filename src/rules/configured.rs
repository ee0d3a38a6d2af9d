//! What `[rules.ID]` of the configuration file may say of a rule: the
//! [`Setting`] each rule's file implements for its own `Settings`, and
//! reading a section into them. The configuration reads the file; which
//! keys a rule takes, their defaults and what their values must be, are
//! in the rule's file.

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
    /// A value of the wrong type, as the reader words it.
    Type(String),
}

worded_error!(SettingError, |e: &SettingError| match e {
    SettingError::Unknown { key, allowed } => {
        format!("no setting `{key}`; it takes {}", allowed.join(", "))
    }
    SettingError::Bad { key, reason } =>
        format!("{key}: {}", reason.label().get(crate::i18n::Lang::En)),
    SettingError::Type(why) => why.clone(),
});

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

/// A rule's own settings: what `[rules.ID]` may say besides `enabled`,
/// with their defaults. Each rule's file defines its `Settings` (or takes
/// [`NoSettings`]); the registry holds one of each.
pub trait Setting: Default + serde::de::DeserializeOwned {
    /// Its keys, as the catalogue lists them.
    const PARAMS: &'static [Param];

    /// A value as the docs print it (`0.01`); `None` for a word list.
    fn shown(&self, param: Param) -> Option<String>;

    /// What a value read must be, beyond its type.
    fn validate(&self) -> Result<(), SettingError> {
        Ok(())
    }
}

/// A rule that takes no setting besides `enabled`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoSettings {}

impl Setting for NoSettings {
    const PARAMS: &'static [Param] = &[];

    fn shown(&self, _: Param) -> Option<String> {
        None
    }
}

/// `[rules.ID]`'s keys besides `enabled`, read as the rule's settings: a
/// key it does not take, a value of the wrong type, or one that makes no
/// sense, is refused. Keys not given keep their defaults.
pub(super) fn read<S: Setting>(table: toml::Table) -> Result<S, SettingError> {
    if let Some(bad) = table
        .keys()
        .find(|k| !S::PARAMS.iter().any(|p| p.key() == k.as_str()))
    {
        let mut allowed = vec!["enabled"];
        allowed.extend(S::PARAMS.iter().map(|p| p.key()));
        return Err(SettingError::Unknown {
            key: bad.clone(),
            allowed,
        });
    }
    let settings: S = serde_path_to_error::deserialize(toml::Value::Table(table))
        .map_err(|e| SettingError::Type(format!("{}: {}", e.path(), e.inner().message().trim())))?;
    settings.validate()?;
    Ok(settings)
}

/// A decimal written as `"0.01"` or `0.01`. A TOML float is taken by its
/// shortest decimal spelling, which is what the person typed.
pub(crate) fn exact_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a decimal number such as \"0.01\"")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
            v.trim()
                .parse()
                .map_err(|_| E::custom(format!("`{v}` is not a decimal number")))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
            self.visit_str(&v.to_string())
        }
    }
    d.deserialize_any(V)
}

/// A word list, each word trimmed and blank ones left out.
pub(crate) fn word_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let words: Vec<String> = Deserialize::deserialize(d)?;
    Ok(words
        .iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect())
}

/// Words given as `&str`, as a rule's default list.
pub(crate) fn words(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

/// `value` is within `param`'s range, where it has one.
pub(crate) fn within(param: Param, value: Decimal) -> bool {
    param
        .range()
        .is_none_or(|(low, high)| low <= value && value <= high)
}

impl RuleSettings {
    /// What `[rules.ID]` says, applied to `rule`: `enabled` here, the
    /// rest read as the rule's own settings.
    pub fn apply(&mut self, rule: Rule, mut table: toml::Table) -> Result<(), SettingError> {
        match table.remove("enabled") {
            Some(toml::Value::Boolean(on)) => self.set_enabled(rule, on),
            Some(other) => {
                return Err(SettingError::Type(format!(
                    "enabled: invalid type: {}, expected a boolean",
                    other.type_str()
                )));
            }
            None => {}
        }
        self.rules.read(rule, table)
    }
}
