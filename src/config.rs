//! The configuration file: rule thresholds and on/off, and load limits.
//!
//! Looked for at `--config PATH`, else `shenhe/config.toml` in the user's
//! config directory. A missing default file means defaults; a file that is
//! there but wrong is an error that says which key and why, never a silent
//! fallback (a typo must not quietly switch a rule back on).

use crate::i18n::{Lang, errors as words};
use crate::rules::configured::SettingError;
pub use crate::rules::configured::ValueRule;
use crate::rules::{Rule, RuleSettings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused without being read whole.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Journals above this are not read (64 MiB: some 300,000 records).
pub const DEFAULT_MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

/// A config file is a few kilobytes; `--config /dev/zero` must not eat memory.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Everything the configuration file can say.
#[derive(Debug, Clone)]
pub struct Config {
    pub max_file_bytes: u64,
    /// Review journals above this are refused unread.
    pub max_journal_bytes: u64,
    pub rules: RuleSettings,
    /// `[keys.SCOPE]` tables: a binding's name → the keys that replace its
    /// own. Read by the terminal layer, which knows what a key is.
    pub keys: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// Who is reviewing, when `--reviewer` is not given.
    pub reviewer: Option<String>,
    /// What the 审核意见 says of the bureau that sends it.
    pub notice: NoticeSettings,
    /// What this year's declarations are compared with.
    pub compare: CompareSettings,
    /// What the report to the government says of whom it goes to and
    /// who sends it.
    pub report: ReportSettings,
}

/// `[report]`: the report on the season's review (`shenhe report`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// 主送 (`区人民政府`).
    pub to: Option<String>,
    /// 发文机关; `[notice] issuer` where this is unset.
    pub issuer: Option<String>,
}

/// `[notice]`: the issuing bureau, whom the department calls, how long
/// it has to revise, and how the notice is numbered and written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSettings {
    /// 发文机关 (`广州市云溪区财政局`).
    pub issuer: Option<String>,
    /// 联系人.
    pub contact: Option<String>,
    /// 联系电话.
    pub phone: Option<String>,
    /// Working days (Monday to Friday, not a holiday) from the notice's
    /// date to the deadline for resubmitting.
    #[serde(default = "default_deadline_days")]
    pub deadline_days: u32,
    /// Days that are not working days though they fall on a weekday
    /// (`holidays = ["2027-01-01"]`).
    #[serde(default, deserialize_with = "dates")]
    pub holidays: Vec<jiff::civil::Date>,
    /// The language of the notice: Chinese, whatever the desk speaks (a
    /// Guangdong department reads Chinese); `lang = "en"` for a reader
    /// who does not.
    #[serde(default)]
    pub lang: NoticeLang,
    /// 发文字号 under the title (`云财绩函〔2026〕{n}号`, `{n}` counted per
    /// export); `--number` on export overrides it.
    pub number: Option<String>,
}

/// `[notice] lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoticeLang {
    #[default]
    Zh,
    En,
}

impl From<NoticeLang> for Lang {
    fn from(l: NoticeLang) -> Lang {
        match l {
            NoticeLang::Zh => Lang::Zh,
            NoticeLang::En => Lang::En,
        }
    }
}

/// Dates written as `YYYY-MM-DD`; another spelling is an error naming it.
fn dates<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<jiff::civil::Date>, D::Error> {
    let written: Vec<String> = Vec::deserialize(d)?;
    written
        .iter()
        .map(|w| {
            w.trim().parse().map_err(|_| {
                serde::de::Error::custom(format!("“{w}” is not a date written YYYY-MM-DD"))
            })
        })
        .collect()
}

fn default_deadline_days() -> u32 {
    5
}

impl Default for NoticeSettings {
    fn default() -> Self {
        NoticeSettings {
            issuer: None,
            contact: None,
            phone: None,
            deadline_days: default_deadline_days(),
            holidays: Vec::new(),
            lang: NoticeLang::Zh,
            number: None,
        }
    }
}

/// A `[keys]` entry the desk cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    UnknownScope(String),
    UnknownBinding {
        scope: String,
        name: String,
        known: Vec<&'static str>,
    },
    BadKey {
        scope: String,
        name: String,
        key: String,
    },
    /// Alt does not survive SSH terminals reliably; no command may need it.
    NeedsAlt {
        scope: String,
        name: String,
        key: String,
    },
    /// One key given to two bindings where both would answer it (the same
    /// scope, or a scope and `all`): one of them could never be reached.
    Conflict {
        key: String,
        first: (String, String),
        second: (String, String),
    },
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_journal_bytes: DEFAULT_MAX_JOURNAL_BYTES,
            rules: RuleSettings::default(),
            keys: BTreeMap::new(),
            reviewer: None,
            notice: NoticeSettings::default(),
            compare: CompareSettings::default(),
            report: ReportSettings::default(),
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub problem: ConfigErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConfigErrorKind {
    /// The file named by `--config` is not there.
    Missing,
    Unreadable(String),
    /// Not TOML, or a key of the wrong type (toml's own message).
    Syntax(String),
    UnknownRule(String),
    /// `[rules.ID]` has a key that rule does not take.
    UnknownSetting {
        rule: String,
        key: String,
        allowed: Vec<&'static str>,
    },
    /// A value that parses but makes no sense (`min_share = "1.5"`).
    BadValue {
        rule: String,
        key: &'static str,
        reason: ValueRule,
    },
}

impl ConfigError {
    /// The file, and what is wrong with it, in words that say what to fix.
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.problem {
            ConfigErrorKind::Missing => words::NO_SUCH_FILE.get(lang).into(),
            ConfigErrorKind::Unreadable(why) => words::config_unreadable(lang, why),
            ConfigErrorKind::Syntax(why) => words::config_syntax(lang, why),
            ConfigErrorKind::UnknownRule(id) => words::config_unknown_rule(lang, id),
            ConfigErrorKind::UnknownSetting { rule, key, allowed } => {
                words::unknown_setting(lang, rule, key, allowed)
            }
            ConfigErrorKind::BadValue { rule, key, reason } => {
                words::bad_value(lang, rule, key, reason.label())
            }
        };
        let path = crate::sanitize::display_path(&self.path);
        words::in_config_file(lang, &path, &what)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl KeyError {
    /// A `[keys]` entry of the config file at `path` the desk cannot use.
    pub fn message(&self, lang: Lang, path: &str) -> String {
        let what = match self {
            KeyError::UnknownScope(s) => words::unknown_scope(lang, s),
            KeyError::UnknownBinding { scope, name, known } => {
                words::unknown_binding(lang, scope, name, known)
            }
            KeyError::BadKey { scope, name, key } => words::bad_key(lang, scope, name, key),
            KeyError::NeedsAlt { scope, name, key } => words::key_needs_alt(lang, scope, name, key),
            KeyError::Conflict { key, first, second } => {
                words::key_conflict(lang, key, first, second)
            }
        };
        words::in_config_file(lang, path, &what)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    reviewer: Option<String>,
    #[serde(default)]
    load: LoadSection,
    #[serde(default)]
    rules: BTreeMap<String, toml::Table>,
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    notice: NoticeSettings,
    #[serde(default)]
    compare: CompareSettings,
    #[serde(default)]
    report: ReportSettings,
}

/// `[compare]`: what this year's declarations are compared with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareSettings {
    /// Last year's folder: absolute, or relative to the folder reviewed.
    /// `--previous` on the command line overrides it.
    pub previous: Option<PathBuf>,
}

impl CompareSettings {
    /// Last year's folder for reviewing `dir`: `given` (from the command
    /// line, as typed) else the configured one, relative to `dir`.
    pub fn previous_for(&self, dir: &Path, given: Option<&Path>) -> Option<PathBuf> {
        match given {
            Some(p) => Some(p.to_path_buf()),
            None => self.previous.as_ref().map(|p| dir.join(p)),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LoadSection {
    max_file_bytes: Option<u64>,
    max_journal_bytes: Option<u64>,
}

/// The text of the config file, at most [`MAX_CONFIG_BYTES`].
fn read_config_text(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return Err(std::io::Error::other(format!(
            "over {MAX_CONFIG_BYTES} bytes"
        )));
    }
    Ok(text)
}

impl Config {
    /// The default location: `<config dir>/shenhe/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "shenhe").map(|d| d.config_dir().join("config.toml"))
    }

    /// Reads `explicit` (which must exist), else the default file if there is one.
    /// The file is the reviewer's own (a link to a dotfile is fine), but
    /// read with a size cap all the same.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, must_exist) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match Self::default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        match read_config_text(&path) {
            Ok(text) => Config::parse(&text).map_err(|problem| ConfigError { path, problem }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
                Ok(Config::default())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ConfigError {
                path,
                problem: ConfigErrorKind::Missing,
            }),
            Err(e) => Err(ConfigError {
                path,
                problem: ConfigErrorKind::Unreadable(e.to_string()),
            }),
        }
    }

    /// Reads configuration text.
    pub fn parse(text: &str) -> Result<Config, ConfigErrorKind> {
        let file: FileConfig =
            toml::from_str(text).map_err(|e| ConfigErrorKind::Syntax(e.to_string()))?;
        let blank = |s: &Option<String>| crate::text::non_blank(s).map(|s| s.trim().to_string());
        let notice = NoticeSettings {
            issuer: blank(&file.notice.issuer),
            contact: blank(&file.notice.contact),
            phone: blank(&file.notice.phone),
            number: blank(&file.notice.number),
            ..file.notice.clone()
        };
        let report = ReportSettings {
            to: blank(&file.report.to),
            issuer: blank(&file.report.issuer).or_else(|| notice.issuer.clone()),
        };
        let mut config = Config {
            notice,
            report,
            compare: file.compare.clone(),
            keys: file.keys.clone(),
            reviewer: file
                .reviewer
                .clone()
                .filter(|r| !crate::sanitize::is_blank(r)),
            ..Config::default()
        };
        if let Some(n) = file.load.max_file_bytes {
            config.max_file_bytes = n;
        }
        if let Some(n) = file.load.max_journal_bytes {
            config.max_journal_bytes = n;
        }
        // `[rules.fund-01]` and `[rules.FUND-01]` are one rule: their keys
        // are read together, a later key of the same name winning.
        let mut by_rule: BTreeMap<Rule, toml::Table> = BTreeMap::new();
        for (id, section) in file.rules {
            let rule = Rule::from_id(&id).ok_or(ConfigErrorKind::UnknownRule(id))?;
            by_rule.entry(rule).or_default().extend(section);
        }
        for (rule, section) in by_rule {
            config.rules.apply(rule, section).map_err(|e| match e {
                SettingError::Unknown { key, allowed } => ConfigErrorKind::UnknownSetting {
                    rule: rule.id().into(),
                    key,
                    allowed,
                },
                SettingError::Bad { key, reason } => ConfigErrorKind::BadValue {
                    rule: rule.id().into(),
                    key,
                    reason,
                },
                SettingError::Type(why) => {
                    ConfigErrorKind::Syntax(format!("[rules.{}] {why}", rule.id()))
                }
            })?;
        }
        Ok(config)
    }
}

worded_error!(KeyError, |e: &KeyError| e.message(Lang::En, "config.toml"));
impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn empty_text_gives_the_catalogue_defaults() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.max_file_bytes, 8 * 1024 * 1024);
        assert_eq!(c.rules.rules.fund_01.tolerance, Decimal::new(1, 2));
        assert_eq!(c.rules.rules.count_01.max_rows, 20);
        assert!(c.rules.enabled(Rule::Sat03));
    }

    #[test]
    fn rules_can_be_switched_off_and_tuned() {
        let c = Config::parse(
            "[load]\nmax_file_bytes = 1024\n\
             [rules.SAT-03]\nenabled = false\n\
             [rules.FUND-01]\ntolerance = 0.5\n\
             [rules.FUND-06]\nmin_share = \"0.8\"\n\
             [rules.COUNT-01]\nmax_rows = 30\n\
             [rules.QUANT-02]\nwords = [\"提高\"]\n",
        )
        .unwrap();
        assert_eq!(c.max_file_bytes, 1024);
        assert!(!c.rules.enabled(Rule::Sat03));
        assert_eq!(
            Config::parse("reviewer = \"王审核\"")
                .unwrap()
                .reviewer
                .as_deref(),
            Some("王审核")
        );
        assert_eq!(c.rules.rules.fund_01.tolerance, Decimal::new(5, 1));
        assert_eq!(c.rules.rules.fund_02.tolerance, Decimal::new(1, 2));
        assert_eq!(c.rules.rules.fund_06.min_share, Decimal::new(8, 1));
        assert_eq!(c.rules.rules.count_01.max_rows, 30);
        assert_eq!(c.rules.rules.quant_02.words, vec!["提高"]);
    }

    #[test]
    fn xdup02s_similarity_is_set_between_one_half_and_one() {
        let c = Config::parse("[rules.XDUP-02]\nmin_similarity = 0.95\n").unwrap();
        assert_eq!(c.rules.rules.xdup_02.min_similarity, Decimal::new(95, 2));
        assert_eq!(
            Config::default().rules.rules.xdup_02.min_similarity,
            Decimal::new(9, 1)
        );
        for bad in ["0.3", "1.2"] {
            assert!(
                matches!(
                    Config::parse(&format!("[rules.XDUP-02]\nmin_similarity = {bad}\n")),
                    Err(ConfigErrorKind::BadValue {
                        key: "min_similarity",
                        ..
                    })
                ),
                "{bad}"
            );
        }
        // Another rule does not take it.
        assert!(matches!(
            Config::parse("[rules.XDUP-01]\nmin_similarity = 0.9\n"),
            Err(ConfigErrorKind::UnknownSetting { .. })
        ));
    }

    #[test]
    fn a_rule_named_in_two_cases_is_one_rule_and_a_wrong_type_is_named() {
        let c =
            Config::parse("[rules.fund-01]\nenabled = false\n[rules.FUND-01]\ntolerance = \"1\"\n")
                .unwrap();
        assert!(!c.rules.enabled(Rule::Fund01));
        assert_eq!(c.rules.rules.fund_01.tolerance, Decimal::ONE);
        match Config::parse("[rules.FUND-01]\ntolerance = \"abc\"") {
            Err(ConfigErrorKind::Syntax(why)) => {
                assert!(why.starts_with("[rules.FUND-01] tolerance:"), "{why}")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            Config::parse("[rules.QUANT-04]\nmin_common = 0"),
            Err(ConfigErrorKind::BadValue {
                key: "min_common",
                ..
            })
        ));
    }

    #[test]
    fn mistakes_are_named_not_ignored() {
        assert!(matches!(
            Config::parse("[rules.NOPE-9]\nenabled = false"),
            Err(ConfigErrorKind::UnknownRule(id)) if id == "NOPE-9"
        ));
        match Config::parse("[rules.FUND-03]\ntolerance = \"1\"") {
            Err(ConfigErrorKind::UnknownSetting { rule, key, allowed }) => {
                assert_eq!((rule.as_str(), key.as_str()), ("FUND-03", "tolerance"));
                assert_eq!(allowed, vec!["enabled"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            Config::parse("[rules.FUND-06]\nmin_share = \"1.5\""),
            Err(ConfigErrorKind::BadValue { .. })
        ));
        assert!(matches!(
            Config::parse("[rules.FUND-01]\nenabled = \"no\""),
            Err(ConfigErrorKind::Syntax(_))
        ));
        assert!(matches!(
            Config::parse("[colours]\nx = 1"),
            Err(ConfigErrorKind::Syntax(_))
        ));
        assert!(matches!(
            Config::parse("not toml ["),
            Err(ConfigErrorKind::Syntax(_))
        ));
    }

    #[test]
    fn an_explicit_config_path_must_exist() {
        let err = Config::load(Some(Path::new("/nonexistent/shenhe.toml"))).unwrap_err();
        assert_eq!(err.problem, ConfigErrorKind::Missing);
    }

    #[test]
    fn the_readmes_example_config_reads_and_sets_the_notice() {
        let readme = include_str!("../README.md");
        let start = readme.find("```toml\nreviewer").expect("the example") + "```toml\n".len();
        let end = start + readme[start..].find("```").expect("its end");
        let c = Config::parse(&readme[start..end]).expect("the example reads");
        assert_eq!(c.notice.issuer.as_deref(), Some("广州市云溪区财政局"));
        assert_eq!(c.notice.deadline_days, 5);
        assert_eq!(c.reviewer.as_deref(), Some("王审核"));
        assert_eq!(c.report.to.as_deref(), Some("广州市云溪区人民政府"));
        // The report's issuer, unset, is the notice's.
        let report =
            Config::parse("[notice]\nissuer = \"甲财政局\"\n[report]\nto = \" \"").unwrap();
        assert_eq!(report.report.issuer.as_deref(), Some("甲财政局"));
        assert_eq!(report.report.to, None, "a blank addressee is unset");
        let blank = Config::parse("[notice]\nissuer = \"  \"").unwrap();
        assert_eq!(blank.notice.issuer, None, "a blank issuer is unset");
        assert!(matches!(
            Config::parse("[notice]\nissuer_name = \"x\""),
            Err(ConfigErrorKind::Syntax(_))
        ));
    }
}
