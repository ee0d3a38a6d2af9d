//! The validation rules. Each is one file, `<section>/<id>.rs`, holding
//! its catalogue entry, its finding and words, its check and its settings
//! (see CONTRIBUTING.md); `registry.rs` has one line a rule and makes
//! [`Rule`], [`CATALOGUE`], [`Finding`] and the dispatch from them. The
//! sections' `mod.rs` keep what their rules share.
//!
//! A rule never reads configuration beyond its own settings, and never
//! decides whether it is switched on: a switched-off rule's check is not
//! run, and [`Flags::push`] drops its flags where a pass finds several.

mod alike_rows;
mod budget;
mod catalogue;
mod completeness;
pub mod configured;
pub mod docs;
mod folder;
mod measurability;
mod registry;
mod request;
mod safety;
mod settings;
mod similar;
mod tree;
#[cfg(test)]
mod v2_tests;
mod values;
mod violation;
pub mod years;

pub use alike_rows::{Repeated, RowCounts, RowKey, RowKeys, RowText};
pub use budget::{BUDGET_CHECKS, BoxKind, BudgetCheck, Totals};
pub use catalogue::{Param, RuleInfo};
pub use folder::{GoalKey, Member, across_folder, mark_across_folder};
pub use measurability::Measurability;
pub use registry::{CATALOGUE, Finding, PerRule, Rule, ground};
pub use request::{Ground, point};
pub use settings::RuleSettings;
pub use years::{LastYear, Matching, Previous};

use crate::i18n::{Lang, Phrase, catalogue as words};
use crate::model::{Declaration, Location};
use serde::Serialize;

/// How much a flag matters. Ordered so that `Error` sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The declaration cannot pass as is.
    Error,
    /// A reviewer should look.
    Warning,
    /// Worth knowing, often acceptable.
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// What the reviewer reads: 错误 / 警告 / 提示.
    pub fn label(self) -> Phrase {
        match self {
            Severity::Error => words::ERROR,
            Severity::Warning => words::WARNING,
            Severity::Info => words::INFO,
        }
    }

    /// The one letter a screen marks it with where a word does not fit
    /// (the list's status column, a pane's flag mark): the same in both
    /// languages, as the legend explains.
    pub fn letter(self) -> &'static str {
        match self {
            Severity::Error => "E",
            Severity::Warning => "W",
            Severity::Info => "I",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl Rule {
    pub fn info(self) -> &'static RuleInfo {
        // The catalogue lists every rule once, in enum order (tested).
        &CATALOGUE[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// What docs/rules.md says of it.
    pub fn doc(self) -> &'static docs::RuleDoc {
        &registry::DOCS[self as usize]
    }

    /// The section of the catalogue it is in.
    pub fn section(self) -> docs::Section {
        registry::SECTIONS[self as usize]
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        CATALOGUE
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
            .map(|r| r.rule)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One validation finding, pointing at a place in the declaration.
/// Made only by the rules ([`Flags::push`]): its rule is its finding's.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub severity: Severity,
    pub location: Location,
    finding: Finding,
}

impl Flag {
    pub fn rule(&self) -> Rule {
        self.finding.rule()
    }

    pub fn finding(&self) -> &Finding {
        &self.finding
    }

    /// What the flag says, in the reviewer's language. Texts from the
    /// file in it are made safe.
    pub fn message(&self, lang: Lang) -> String {
        self.finding.message(lang, self.location)
    }
}

/// Collects flags, dropping those of rules the configuration switched off.
pub struct Flags<'a> {
    settings: &'a RuleSettings,
    out: Vec<Flag>,
}

impl<'a> Flags<'a> {
    pub fn new(settings: &'a RuleSettings) -> Self {
        Flags {
            settings,
            out: Vec::new(),
        }
    }

    pub fn push(&mut self, severity: Severity, location: Location, finding: impl Into<Finding>) {
        let finding = finding.into();
        if self.settings.enabled(finding.rule()) {
            self.out.push(Flag {
                severity,
                location,
                finding,
            });
        }
    }

    /// Flags ordered for reading: by severity, then in form order.
    pub fn into_sorted(mut self) -> Vec<Flag> {
        sort_flags(&mut self.out);
        self.out
    }
}

/// Severity first, then where in the form, then rule: a stable reading order.
pub fn sort_flags(flags: &mut [Flag]) {
    flags.sort_by_key(|f| (f.severity, f.location, f.rule()));
}

/// Every single-declaration rule. Cross-folder rules run afterwards in
/// [`mark_across_folder`].
pub fn check(decl: &Declaration, settings: &RuleSettings) -> Vec<Flag> {
    let mut flags = Flags::new(settings);
    let form = violation::Form::new(decl, settings);
    for (rule, check) in registry::checks() {
        if let violation::Check::Form(run) = check
            && settings.enabled(rule)
        {
            run(&form, &mut flags);
        }
    }
    values::quantified(&form, &mut flags);
    flags.into_sorted()
}

/// Counts of flags by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    pub fn of(flags: &[Flag]) -> Counts {
        let mut c = Counts::default();
        for f in flags {
            c.add(f.severity, 1);
        }
        c
    }

    pub fn add(&mut self, severity: Severity, n: usize) {
        match severity {
            Severity::Error => self.error += n,
            Severity::Warning => self.warning += n,
            Severity::Info => self.info += n,
        }
    }

    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    pub use super::{Rule, RuleSettings};
    use crate::model::{Indicator, KeyTask};

    /// A declaration that passes every rule, to be spoiled one box at a time.
    pub fn clean() -> Declaration {
        let json = r#"{
          "format_version": 1, "fiscal_year": 2025, "region": "广州市示例区",
          "department": {"name": "广州市示例区档案馆", "code": null, "staff_count": 18, "subordinate_units": 0},
          "budget": {
            "expenditure": {"basic": "420.10", "project": "96.00"},
            "development": {"special_fund": "0.00", "other": "30.00"},
            "income": {"fiscal_appropriation": "546.10", "other": "0.00"},
            "by_level": {"own_use": "546.10", "transfer_to_lower": "0.00"}
          },
          "overall_goal": "完成馆藏档案数字化120万页，提升档案利用服务水平。",
          "key_tasks": [
            {"name": "馆藏档案数字化", "content": "完成文书档案扫描与著录。", "funds": "96.00", "expected_outcome": "数字化率达到80%。"},
            {"name": "档案开放利用", "content": "举办档案展览。", "funds": "30.00", "expected_outcome": "查档服务群众满意。"}
          ],
          "indicators": [
            {"level1": "产出指标", "level2": "数量指标", "name": "档案数字化页数", "period_target": "≥120万页", "annual_target": "≥120万页"},
            {"level1": "产出指标", "level2": "质量指标", "name": "著录差错率", "period_target": "≤1%", "annual_target": "≤1%"},
            {"level1": "产出指标", "level2": "时效指标", "name": "查档申请办结时限", "period_target": "≤3个工作日", "annual_target": "≤3个工作日"},
            {"level1": "产出指标", "level2": "成本指标", "name": "每页数字化成本", "period_target": "≤0.8元", "annual_target": "≤0.8元"},
            {"level1": "效益指标", "level2": "社会效益指标", "name": "档案开放利用人次", "period_target": "≥5000人次", "annual_target": "≥5000人次"},
            {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "查档群众满意度", "period_target": "≥90%", "annual_target": "≥90%"}
          ]
        }"#;
        crate::load::parse(json.as_bytes()).expect("the clean example loads")
    }

    pub fn row(l1: &str, l2: &str, name: &str, period: &str, annual: &str) -> Indicator {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Indicator {
            level1: opt(l1),
            level2: opt(l2),
            name: opt(name),
            period_target: opt(period),
            annual_target: opt(annual),
        }
    }

    pub fn task(funds: &str) -> KeyTask {
        KeyTask {
            name: Some("任务".into()),
            content: Some("内容".into()),
            funds: crate::amount::parse_text(funds).expect("test amount"),
            expected_outcome: Some("目标".into()),
        }
    }

    pub fn run(decl: &Declaration) -> Vec<Flag> {
        check(decl, &RuleSettings::default())
    }

    /// `(rule ID, location)` of every flag, for compact assertions.
    pub fn ids(decl: &Declaration) -> Vec<(String, String)> {
        run(decl)
            .iter()
            .map(|f| (f.rule().id().to_string(), f.location.to_string()))
            .collect()
    }

    pub fn fired(decl: &Declaration, rule: Rule) -> Vec<Flag> {
        run(decl).into_iter().filter(|f| f.rule() == rule).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn the_clean_example_has_no_flags() {
        assert_eq!(ids(&clean()), Vec::<(String, String)>::new());
    }

    #[test]
    fn every_severity_a_rule_raises_is_one_the_catalogue_lists() {
        // The sample folder raises most rules, several at more than one
        // severity (COMP-03, SAT-02); the property tests cover the rest.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let files = crate::load::declaration_files(&dir).expect("sample-data is there");
        let mut seen = std::collections::BTreeSet::new();
        for path in files {
            let Ok(decl) = crate::load::read(&path, u64::MAX) else {
                continue;
            };
            for f in run(&decl) {
                let info = f.rule().info();
                assert!(
                    info.severities.contains(&f.severity),
                    "{}: {} raised {:?}; the catalogue lists {:?}",
                    path.display(),
                    info.id,
                    f.severity,
                    info.severities
                );
                seen.insert((f.rule(), f.severity));
            }
        }
        assert!(
            seen.len() > 20,
            "the sample folder raises many rules: {seen:?}"
        );
    }
}
