//! QUANT-04 · 指标值只是复述指标名称 (Target restates the indicator).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant04,
    "QUANT-04",
    &[Warning],
    "指标值只是复述指标名称",
    "Target restates the indicator",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "指标值只是重复指标名称，等于没有给出目标。",
            "A target that only repeats the indicator's name sets no target.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant04,
    location: "`indicators[i]`",
    fires_when: "a target, neither quantified nor graded, restates the indicator: one normalised text contains the other, or their longest common run is ≥ 4 characters and ≥ half the shorter (the name's trailing parenthesis such as `（场次）` removed first)",
    inputs: None,
    basis: "J",
    asks: "a measurable target, not the name again",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, target: &str, name: &str) -> String {
    pick(
        lang,
        format!(
            "指标值“{}”只是复述了指标名称“{}”",
            quote(target),
            quote(name)
        ),
        format!(
            "target “{}” only restates the indicator “{}”",
            quote(target),
            quote(name)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, targets: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值{targets}只是复述了指标名称。建议填写可衡量的目标值"),
        format!(
            "{places}: the target {targets} restates the indicator's name. We suggest a measurable target"
        ),
    )
}

/// What it found: the target and the name it restates, as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub target: String,
    pub name: String,
}

/// Its setting: the shortest common run that counts as restating.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub min_common: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { min_common: 4 }
    }
}

impl Setting for Settings {
    const PARAMS: &'static [Param] = &[MinCommon];

    fn shown(&self, _: Param) -> Option<String> {
        Some(self.min_common.to_string())
    }

    fn validate(&self) -> Result<(), SettingError> {
        match self.min_common {
            0 => Err(SettingError::Bad {
                key: "min_common",
                reason: ValueRule::AtLeastOne,
            }),
            _ => Ok(()),
        }
    }
}

/// In [`super::quantified`], second of its chain.
pub(crate) const CHECK: Check = Check::Pass;

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.target, &self.name)
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        request(lang, places, &quoted_targets(lang, group, |f| &f.target))
    }
}

/// QUANT-04: neither quantified nor graded, and only restating the name
/// (given normalised, its trailing parenthesis removed).
pub(super) fn restates(cell: &Cell, name: &str, min_common: usize) -> bool {
    let t = &cell.normalised;
    if cell.quantified || cell.graded || name.is_empty() || t.is_empty() {
        return false;
    }
    if name.contains(t.as_ref()) || t.contains(name) {
        return true;
    }
    // A common run of at least min_common and at least half the shorter text.
    let shorter = name.chars().count().min(t.chars().count());
    shares_substring(name, t, min_common.max(shorter.div_ceil(2)))
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;

    #[test]
    fn quant04_restating_the_name_beats_vague_and_plain() {
        assert_eq!(
            rules_on_new_row(&with_row(
                "法律援助受益人数",
                "法律援助案件全年受援人数",
                "法律援助案件全年受援人数"
            )),
            ["QUANT-04"]
        );
        // Containment either way.
        assert_eq!(
            rules_on_new_row(&with_row(
                "群众法治意识（程度）",
                "提高群众法治意识",
                "≥1次"
            )),
            ["QUANT-04"]
        );
        // Three common characters is not a restatement.
        assert_eq!(
            rules_on_new_row(&with_row("安全生产事故", "事故少发生", "事故少发生")),
            ["QUANT-01"]
        );
        // A graded or quantified target never restates.
        assert!(
            rules_on_new_row(&with_row(
                "法律援助受益人数",
                "法律援助受益达标",
                "法律援助受益人数100人"
            ))
            .is_empty()
        );
    }

    #[test]
    fn quant04_common_run_must_reach_half_of_the_shorter_text() {
        // Common "行政规范性文件" (7) of a 17-character target: 7 < 8.5.
        let decl = with_row(
            "提升行政规范性文件影响力，优化区营商环境。",
            "完成年度行政规范性文件英文翻译数量",
            "完成年度行政规范性文件英文翻译数量",
        );
        assert_eq!(rules_on_new_row(&decl), ["QUANT-01"]);
    }
}
