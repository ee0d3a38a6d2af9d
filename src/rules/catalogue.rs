//! The rule catalogue, version 3: what an entry holds. Each rule's entry
//! is in its own file (`rules/<section>/<id>.rs`, its `INFO`), gathered in
//! [`crate::rules::CATALOGUE`] by the registry in `rules/mod.rs`. IDs,
//! severities and bases follow docs/rules.md; titles are the project's
//! own wording.

use super::{Rule, Severity};
use crate::i18n::{Lang, Phrase};

/// A threshold or word list an organisation may change in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// A decimal tolerance in 万元 (default 0.01).
    Tolerance,
    /// FUND-06: the share of 项目支出 + 事业发展性支出 key tasks should reach.
    MinShare,
    /// COUNT-01: the most rows under 产出指标.
    MaxRows,
    /// SAT-02: below this percentage, a warning.
    WarningBelow,
    /// SAT-02: below this percentage, an info.
    InfoBelow,
    /// QUANT-04: the shortest common run of characters that counts as restating.
    MinCommon,
    /// QUANT-02 and CLASS-01: the words the rule looks for.
    Words,
    /// XDUP-02: how alike two goals must be (1 − edit distance ÷ the
    /// longer length) to count as one copied from the other.
    MinSimilarity,
}

impl Param {
    /// The bounds the configuration holds the setting to, where they are
    /// worth saying (the docs print them beside the default).
    pub fn range(self) -> Option<(rust_decimal::Decimal, rust_decimal::Decimal)> {
        use rust_decimal::Decimal;
        match self {
            // Below one half, nearly every pair of goals would be "alike".
            Param::MinSimilarity => Some((Decimal::new(5, 1), Decimal::ONE)),
            _ => None,
        }
    }

    /// The key in config.toml.
    pub fn key(self) -> &'static str {
        match self {
            Param::Tolerance => "tolerance",
            Param::MinShare => "min_share",
            Param::MaxRows => "max_rows",
            Param::WarningBelow => "warning_below",
            Param::InfoBelow => "info_below",
            Param::MinCommon => "min_common",
            Param::Words => "words",
            Param::MinSimilarity => "min_similarity",
        }
    }
}

/// What a rule rests on: documents (S in docs/rules.md), the tool's own
/// judgement with its reason (J), or both (a sourced rule whose threshold
/// is ours). At least one is given.
#[derive(Debug, Clone, Copy)]
pub struct Basis {
    pub cite: Option<Phrase>,
    pub reason: Option<Phrase>,
}

/// 88号's review for completeness: what the rules of a blank goal, task or
/// name rest on.
pub(crate) const COMPLETENESS_88: Phrase = Phrase::new(
    "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求",
    "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on reviewing targets for completeness",
);

/// One entry of the catalogue.
#[derive(Debug)]
pub struct RuleInfo {
    pub rule: Rule,
    pub id: &'static str,
    /// The severities it can raise, most severe first.
    pub severities: &'static [Severity],
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// The documents it rests on, or the reason it is this tool's own
    /// practice: what a reviewer is shown as its 依据.
    pub basis: Basis,
    /// Settings besides `enabled`.
    pub params: &'static [Param],
}

impl RuleInfo {
    /// The rule's title in the reviewer's language (the catalogue gives both).
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.title_zh,
            Lang::En => self.title_en,
        }
    }
}

impl RuleInfo {
    /// The most severe flag this rule raises.
    pub fn severity(&self) -> Severity {
        self.severities[0]
    }

    /// Rules on judgement (J) must be adjustable without a rebuild.
    pub fn is_judgement(&self) -> bool {
        self.basis.reason.is_some()
    }

    /// The 依据 as a finance office reads it: the documents as officials
    /// cite them; for the tool's own practice, that it is one, that the
    /// office can change or switch it off in configuration, and why.
    pub fn basis_text(&self, lang: Lang) -> String {
        crate::i18n::rule_basis(
            lang,
            self.basis.cite.map(|c| c.get(lang)),
            self.basis.reason.map(|r| r.get(lang)),
            !self.params.is_empty(),
        )
    }
}

pub(crate) const fn entry(
    rule: Rule,
    id: &'static str,
    severities: &'static [Severity],
    title_zh: &'static str,
    title_en: &'static str,
    basis: Basis,
    params: &'static [Param],
) -> RuleInfo {
    RuleInfo {
        rule,
        id,
        severities,
        title_zh,
        title_en,
        basis,
        params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CATALOGUE;

    #[test]
    fn catalogue_is_in_enum_order_with_unique_ids() {
        for (i, info) in CATALOGUE.iter().enumerate() {
            assert_eq!(info.rule as usize, i, "{} out of order", info.id);
            assert_eq!(Rule::from_id(info.id), Some(info.rule));
        }
        let mut ids: Vec<_> = CATALOGUE.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), CATALOGUE.len());
    }

    #[test]
    fn every_rule_with_a_threshold_rests_on_judgement_or_names_it() {
        for info in CATALOGUE.iter().filter(|r| !r.params.is_empty()) {
            assert!(
                info.is_judgement(),
                "{} has settings but no judgement in its basis",
                info.id
            );
        }
    }

    #[test]
    fn every_basis_reads_as_a_finance_office_cites_it() {
        for info in CATALOGUE.iter() {
            assert!(
                info.basis.cite.is_some() || info.basis.reason.is_some(),
                "{}",
                info.id
            );
            let zh = info.basis_text(Lang::Zh);
            // Never the letters S/J, never an English note in Chinese.
            assert!(
                !zh.is_ascii() && !zh.contains("J:") && !zh.contains("S:"),
                "{}: {zh}",
                info.id
            );
            let latin = zh.chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert!(
                latin <= 12,
                "{}: English in the Chinese basis: {zh}",
                info.id
            );
            if let Some(cite) = info.basis.cite {
                assert!(
                    cite.get(Lang::Zh).contains('《') || cite.get(Lang::Zh).contains("审计局"),
                    "{}",
                    info.id
                );
            }
            if info.is_judgement() {
                assert!(zh.contains("本工具"), "{}: says it is ours: {zh}", info.id);
                assert!(
                    zh.contains("配置"),
                    "{}: the office can change it: {zh}",
                    info.id
                );
            }
        }
        // A document is cited by its full title and number, never a bare
        // 88号 (issue 18: PERIOD-01 and REL-01 said 88号 alone).
        for info in CATALOGUE.iter() {
            let zh = info.basis_text(Lang::Zh);
            for (at, _) in zh.match_indices("号") {
                let before = &zh[..at];
                let cited = before.rfind('〔').is_some_and(|open| {
                    let title = before[..open].rfind('《');
                    title.is_some() && before[..open].rfind('》') > title
                });
                let numeric = before.chars().last().is_some_and(|c| c.is_ascii_digit());
                assert!(
                    !numeric || cited,
                    "{}: a number without its document: {zh}",
                    info.id
                );
            }
        }
        let q1 = Rule::Quant01.info().basis_text(Lang::Zh);
        assert!(
            q1.starts_with("《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条"),
            "{q1}"
        );
    }
}
