//! QUANT-02 · 指标值用语模糊 (Target uses a vague word).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Quant02,
    "QUANT-02",
    &[Warning],
    "指标值用语模糊",
    "Target uses a vague word",
    Basis {
        cite: Some(Phrase::new(
            "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（指标值用“改善”“提高”等模糊表述）",
            "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (vague targets such as 改善, 提高)",
        )),
        reason: Some(Phrase::new(
            "“改善”“提高”以外的词是本工具补充的。",
            "The words besides 改善 and 提高 are this tool's addition.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Quant02,
    location: "`indicators[i]`",
    fires_when: "a target not quantified that contains a vague word: 提高 提升 改善 加强 增强 优化 进一步 有效 明显 显著 逐步 不断",
    inputs: None,
    basis: "S: 赤峰市审计局 2023 (改善、提高); the other words J",
    asks: "a measurable number instead of the vague word",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, target: &str, word: &str) -> String {
    pick(
        lang,
        format!(
            "指标值“{}”用了模糊词“{}”，又没有数字",
            quote(target),
            quote(word)
        ),
        format!(
            "target “{}” uses the vague word “{}” and has no number",
            quote(target),
            quote(word)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, targets: &str, words: &str) -> String {
    pick(
        lang,
        format!("{places}的指标值{targets}使用{words}等模糊表述，没有量化。请改为可衡量的具体数值"),
        format!(
            "{places}: the target {targets} uses vague words ({words}) and no number. Please give a measurable number"
        ),
    )
}

/// What it found: the target, and the vague word it leans on.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub target: String,
    pub word: String,
}

/// Its setting: the words that promise without measuring.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    #[serde(deserialize_with = "word_list")]
    pub words: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            words: words(&[
                "提高",
                "提升",
                "改善",
                "加强",
                "增强",
                "优化",
                "进一步",
                "有效",
                "明显",
                "显著",
                "逐步",
                "不断",
            ]),
        }
    }
}

impl Setting for Settings {
    const PARAMS: &'static [Param] = &[Words];

    fn shown(&self, _: Param) -> Option<String> {
        None
    }
}

/// In [`super::quantified`], third of its chain.
pub(crate) const CHECK: Check = Check::Pass;

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_285);

    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.target, &self.word)
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let said = each(group, |f| f.finding.word.clone());
        let targets = quoted_targets(lang, group, |f| &f.target);
        request(lang, places, &targets, &requests::values(lang, &said))
    }
}

/// QUANT-02: not quantified, and leaning on a vague word. Returns the word.
pub(super) fn vague_word<'w>(cell: &Cell, words: &'w [String]) -> Option<&'w str> {
    if cell.quantified {
        return None;
    }
    words
        .iter()
        .find(|w| contains_word(&cell.normalised, w))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn quant02_vague_word_without_number() {
        let decl = with_row("营商环境", "营造环境明显改善", "营造环境明显改善");
        assert_eq!(rules_on_new_row(&decl), ["QUANT-02"]);
        let f = fired(&decl, Rule::Quant02);
        assert_eq!(
            f[0].finding(),
            &Finding {
                target: "营造环境明显改善".into(),
                word: "改善".into()
            }
            .into()
        );
        assert!(
            rules_on_new_row(&with_row("营商环境", "满意率提高5个百分点", "提高5%")).is_empty()
        );
    }
}
