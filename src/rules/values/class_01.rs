//! CLASS-01 · 时效指标看不出时间要求 (Timeliness indicator without a time).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Class01,
    "CLASS-01",
    &[Info],
    "时效指标看不出时间要求",
    "Timeliness indicator without a time",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "时效指标应写明时间要求（如“按时”“××日内”）。",
            "A timeliness indicator should say its time (on time, within so many days).",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Class01,
    location: "`indicators[i]`",
    fires_when: "a 时效指标 row whose name and targets hold none of 及时 按时 时限 时间 期限 日 天 周 月 年 小时 前 内",
    inputs: None,
    basis: "J",
    asks: "state the deadline, or move the row",
};

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

/// Its setting: the words that name a time or a deadline.
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
                "及时", "按时", "时限", "时间", "期限", "日", "天", "周", "月", "年", "小时", "前",
                "内",
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

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        pick(
            lang,
            "时效指标的名称和指标值都看不出时间要求",
            "timeliness indicator names no time or deadline",
        )
        .into()
    }

    /// Its point's words in the 审核意见.
    fn request(&self, lang: Lang, _: &[Found<'_, Self>], places: &str, _: &Declaration) -> String {
        pick(
            lang,
            format!(
                "{places}列为时效指标，但名称和指标值都没有体现时间要求。建议写明完成时限，或调整到相应的二级指标下"
            ),
            format!(
                "{places}: a timeliness indicator with no time in its name or target. We suggest stating the deadline, or moving it"
            ),
        )
    }
}

/// CLASS-01: a timeliness row (二级 时效指标) that names no time.
fn check(form: &Form, flags: &mut Flags) {
    let words = &form.settings.rules.class_01.words;
    for (i, row) in form.target_rows() {
        if form.levels.level2(i) != Some("时效") {
            continue;
        }
        let texts = [&row.name, &row.period_target, &row.annual_target];
        let mentions_time = texts
            .iter()
            .filter_map(|t| t.as_deref())
            .any(|t| words.iter().any(|w| contains_word(t, w)));
        if !mentions_time {
            flags.push(Severity::Info, Location::Indicator(i, None), Finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use crate::rules::test_support::*;

    #[test]
    fn class01_timeliness_without_time_words() {
        let mut decl = clean();
        decl.indicators.push(row(
            "产出指标",
            "时效指标",
            "法律援助案件承办完成率",
            "完成率100%",
            "完成率100%",
        ));
        assert_eq!(rules_on_new_row(&decl), ["CLASS-01"]);
        decl.indicators.pop();
        decl.indicators
            .push(row("产出指标", "时效", "案件办结", "≤30日", "≤30日"));
        assert!(rules_on_new_row(&decl).is_empty());
    }
}
