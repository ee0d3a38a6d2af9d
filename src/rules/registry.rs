//! The registry: one line a rule. From each rule's file it gathers the
//! catalogue entry, the docs' entry, the finding, the check and the
//! settings, so that a rule is its file and its line here.

use super::configured::{NoSettings, Setting, SettingError};
use super::docs::{RuleDoc, Section};
use super::violation::{Check, Found, Violation};
use super::{Flag, Ground, Param, RuleInfo, Severity};
use super::{budget, completeness, folder, safety, tree, values, years};
use crate::i18n::Lang;
use crate::model::{Declaration, Location};

/// The type of a rule's settings: its file's `Settings` where the
/// registry line says `with Settings`, else [`NoSettings`].
macro_rules! settings_of {
    ($section:ident :: $file:ident) => {
        NoSettings
    };
    ($section:ident :: $file:ident, $settings:ident) => {
        $section::$file::$settings
    };
}

/// Generates [`Rule`], with one variant per line, and everything gathered
/// from the rules' files in the same order.
macro_rules! registry {
    ($($variant:ident => $section:ident :: $file:ident $(with $settings:ident)?,)*) => {
        /// A rule of the catalogue. IDs are stable: never renumbered.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($variant,)*
        }

        const COUNT: usize = [$(stringify!($variant)),*].len();

        /// Every rule, in [`Rule`] order.
        pub static CATALOGUE: [RuleInfo; COUNT] = [$($section::$file::INFO,)*];

        /// What docs/rules.md says of every rule, in [`Rule`] order.
        pub(super) static DOCS: [RuleDoc; COUNT] = [$($section::$file::DOC,)*];

        /// The section of the catalogue each rule is in: its folder.
        pub(super) static SECTIONS: [Section; COUNT] = [$($section::SECTION,)*];

        /// How each rule runs, in [`Rule`] order.
        static CHECKS: [Check; COUNT] = [$($section::$file::CHECK,)*];

        /// Every rule with how it runs, in [`Rule`] order.
        pub(super) fn checks() -> impl Iterator<Item = (Rule, &'static Check)> {
            CATALOGUE.iter().map(|info| info.rule).zip(&CHECKS)
        }

        /// What a flag found: the facts of its rule, defined in the rule's
        /// file, so that a flag's rule and its facts cannot disagree and
        /// every message has the facts it needs.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Finding {
            $($variant($section::$file::Finding),)*
        }

        $(impl From<$section::$file::Finding> for Finding {
            fn from(f: $section::$file::Finding) -> Finding {
                Finding::$variant(f)
            }
        })*

        impl Finding {
            pub fn rule(&self) -> Rule {
                match self {
                    $(Finding::$variant(_) => Rule::$variant,)*
                }
            }

            /// What the flag says at `at`, in the reviewer's language.
            pub(super) fn message(&self, lang: Lang, at: Location) -> String {
                match self {
                    $(Finding::$variant(f) => f.message(lang, at),)*
                }
            }

            pub(super) fn kind(&self, severity: Severity) -> String {
                match self {
                    $(Finding::$variant(f) => f.kind(severity),)*
                }
            }

            pub(super) fn places(&self, at: Location) -> Vec<Location> {
                match self {
                    $(Finding::$variant(f) => f.places(at),)*
                }
            }
        }

        /// The point about `group` (flags of one rule and one kind), in
        /// the rule's own words.
        pub(super) fn request(lang: Lang, group: &[&Flag], places: &str, decl: &Declaration) -> String {
            let Some(first) = group.first() else {
                return String::new();
            };
            match first.finding() {
                $(Finding::$variant(it) => {
                    let own: Vec<Found<'_, $section::$file::Finding>> = group
                        .iter()
                        .filter_map(|f| match f.finding() {
                            Finding::$variant(x) => Some(Found {
                                finding: x,
                                location: f.location,
                            }),
                            _ => None,
                        })
                        .collect();
                    it.request(lang, &own, places, decl)
                })*
            }
        }

        /// The ground of each rule's point, as its file gives it.
        pub fn ground(rule: Rule) -> Ground {
            match rule {
                $(Rule::$variant => <$section::$file::Finding as Violation>::GROUND,)*
            }
        }

        /// Every rule's settings, each as its file defines them.
        #[derive(Debug, Clone, Default)]
        pub struct PerRule {
            $(pub(crate) $file: settings_of!($section::$file $(, $settings)?),)*
        }

        impl PerRule {
            /// `[rules.ID]`'s keys besides `enabled`, read as `rule`'s settings.
            pub(super) fn read(&mut self, rule: Rule, table: toml::Table) -> Result<(), SettingError> {
                match rule {
                    $(Rule::$variant => self.$file = super::configured::read(table)?,)*
                }
                Ok(())
            }

            /// A setting's value as the docs print it.
            pub(super) fn shown(&self, rule: Rule, param: Param) -> Option<String> {
                match rule {
                    $(Rule::$variant => self.$file.shown(param),)*
                }
            }

            /// The keys `rule`'s settings take.
            #[cfg(test)]
            pub(super) fn params(rule: Rule) -> &'static [Param] {
                match rule {
                    $(Rule::$variant => <settings_of!($section::$file $(, $settings)?) as Setting>::PARAMS,)*
                }
            }
        }
    };
}

// One line a rule, its file after the arrow, and `with Settings` where
// it takes settings. The order is the catalogue's, which flags sort by
// within a place and severity.
registry! {
    Fund01 => budget::fund_01 with Settings,
    Fund02 => budget::fund_02 with Settings,
    Fund03 => budget::fund_03,
    Fund04 => budget::fund_04 with Settings,
    Fund05 => budget::fund_05 with Settings,
    Fund06 => budget::fund_06 with Settings,
    Fund07 => budget::fund_07,
    Comp01 => completeness::comp_01,
    Comp02 => completeness::comp_02,
    Comp03 => completeness::comp_03,
    Comp04 => completeness::comp_04,
    Comp05 => completeness::comp_05,
    Info01 => completeness::info_01,
    Info02 => completeness::info_02,
    Info03 => completeness::info_03,
    Info04 => completeness::info_04,
    Hier01 => tree::hier_01,
    Hier02 => tree::hier_02,
    Hier03 => tree::hier_03,
    Hier04 => tree::hier_04,
    Dup01 => tree::dup_01,
    Count01 => tree::count_01 with Settings,
    Quant01 => values::quant_01,
    Quant02 => values::quant_02 with Settings,
    Quant03 => values::quant_03,
    Quant04 => values::quant_04 with Settings,
    Quant05 => values::quant_05,
    Period01 => values::period_01,
    Sat02 => values::sat_02 with Settings,
    Sat03 => values::sat_03,
    Class01 => values::class_01 with Settings,
    Rel01 => values::rel_01,
    Cost01 => values::cost_01,
    Safe01 => safety::safe_01,
    Xdup01 => folder::xdup_01,
    Xdup02 => folder::xdup_02 with Settings,
    Yoy01 => years::yoy_01,
    Yoy02 => years::yoy_02,
    Yoy03 => years::yoy_03 with Settings,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rules_catalogue_settings_are_the_keys_its_settings_take() {
        for info in &CATALOGUE {
            assert_eq!(info.params, PerRule::params(info.rule), "{}", info.id);
        }
    }

    #[test]
    fn every_setting_reads_back_what_the_docs_show_as_its_default() {
        let defaults = PerRule::default();
        for info in &CATALOGUE {
            for &param in info.params {
                let value = match defaults.shown(info.rule, param) {
                    Some(shown) => match shown.parse::<i64>() {
                        Ok(n) => toml::Value::Integer(n),
                        Err(_) => toml::Value::String(shown),
                    },
                    None => toml::Value::Array(vec![toml::Value::String("按时".into())]),
                };
                let table = toml::Table::from_iter([(param.key().to_string(), value)]);
                let mut read = PerRule::default();
                assert_eq!(read.read(info.rule, table), Ok(()), "{}", info.id);
                assert_eq!(
                    read.shown(info.rule, param),
                    defaults.shown(info.rule, param),
                    "{} {}",
                    info.id,
                    param.key()
                );
            }
        }
    }
}
