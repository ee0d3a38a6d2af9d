//! QUANT-01 · 指标值既未量化也未分级 (Target neither quantified nor graded).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant01,
    "QUANT-01",
    &[Warning],
    "指标值既未量化也未分级",
    "Target neither quantified nor graded",
    Basis {
        cite: Some(Phrase::new(
            "《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条（绩效指标应尽可能定量表述，不能定量的，可采用定性的分级分档形式表述）",
            "Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285), Article 14 (indicators are quantified where possible, otherwise graded qualitatively)",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant01,
    location: "`indicators[i]`",
    fires_when: "a target neither quantified nor graded",
    inputs: None,
    basis: "S: 财预〔2011〕285号 第十四条",
    asks: "quantify, or use graded levels",
};

/// What it found: the target, as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub target: String,
}

/// In [`super::quantified`], last of its chain.
pub(crate) const CHECK: Check = Check::Pass;

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_285);

    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        let target = &self.target;
        pick(
            lang,
            format!("指标值“{}”既没有量化，也不是分级表述", quote(target)),
            format!(
                "target “{}” is neither quantified nor graded",
                quote(target)
            ),
        )
    }

    /// Its point's words in the 审核意见.
    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let targets = quoted_targets(lang, group, |f| &f.target);
        pick(
            lang,
            format!(
                "{places}的指标值{targets}既没有量化，也不是分级表述。请按实际量化为具体数值，或采用分级表述"
            ),
            format!(
                "{places}: the target {targets} is neither a number nor a graded level. Please give a number, or graded levels"
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;

    #[test]
    fn its_message_never_carries_raw_control_characters() {
        let found = Finding {
            target: "\u{1b}]0;x\u{7}好".into(),
        };
        let m = found.message(Lang::Zh, Location::Indicators);
        assert!(!m.contains('\u{1b}') && m.contains("^[]0;x^G好"), "{m}");
    }

    #[test]
    fn quant01_neither_quantified_nor_graded() {
        assert_eq!(
            rules_on_new_row(&with_row(
                "社会稳定",
                "符合省市考核标准",
                "符合省市考核标准"
            )),
            ["QUANT-01"]
        );
        assert!(rules_on_new_row(&with_row("考评等级", "良好以上", "良好以上")).is_empty());
        assert!(rules_on_new_row(&with_row("考评等级", "良", "优等")).is_empty());
        assert!(rules_on_new_row(&with_row("排查次数", "≥２０００次", "全年排查")).len() == 1);
    }
}
