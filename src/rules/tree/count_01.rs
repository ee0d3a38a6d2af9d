//! COUNT-01 · 产出指标条数过多 (Too many output indicators).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Count01,
    "COUNT-01",
    &[Info],
    "产出指标条数过多",
    "Too many output indicators",
    Basis {
        cite: Some(Phrase::new(
            "赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（“产出指标条数繁多”）",
            "the common defects of performance targets published by the Chifeng Municipal Audit Bureau on 17 May 2023 (\"too many output indicators\")",
        )),
        reason: Some(Phrase::new(
            "条数上限是本工具的做法。",
            "The number allowed is this tool's practice.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Count01,
    location: "`indicators`",
    fires_when: "more than 20 rows under 产出指标",
    inputs: None,
    basis: "S: 赤峰市审计局 2023 \"产出指标条数繁多\"; threshold J",
    asks: "keep the most telling output indicators, within the configured number",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, rows: usize, max: usize) -> String {
    pick(
        lang,
        format!("产出指标共 {rows} 条，多于 {max} 条"),
        format!("{rows} output indicators, more than {max}"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, rows: usize, max: usize) -> String {
    pick(
        lang,
        format!("产出指标共{rows}条，数量较多。建议精简至{max}条以内，保留最能反映产出的核心指标"),
        format!(
            "There are {rows} output indicators. We suggest keeping the {max} or fewer that best show the output"
        ),
    )
}

/// What it found: how many output rows, and the most it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rows: usize,
    pub max: usize,
}

/// Its setting: the most rows under 产出指标.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub max_rows: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { max_rows: 20 }
    }
}

impl Setting for Settings {
    const PARAMS: &'static [Param] = &[MaxRows];

    fn shown(&self, _: Param) -> Option<String> {
        Some(self.max_rows.to_string())
    }
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.rows, self.max)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang, self.rows, self.max)
    }
}

/// COUNT-01: more output rows than the configured maximum.
fn check(form: &Form, flags: &mut Flags) {
    let rows = form.levels.level2s_under("产出").count();
    let max = form.settings.rules.count_01.max_rows;
    if rows > max {
        flags.push(Severity::Info, Location::Indicators, Finding { rows, max });
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn count01_fires_above_twenty_output_rows_only() {
        let mut decl = clean();
        for i in 0..16 {
            decl.indicators.push(row(
                "产出指标",
                "数量指标",
                &format!("指标{i}"),
                "1次",
                "1次",
            ));
        }
        assert_eq!(
            decl.indicators.iter().filter(|r| under(r, "产出")).count(),
            20
        );
        assert!(fired(&decl, Rule::Count01).is_empty());
        decl.indicators
            .push(row("产出", "数量", "再一个", "1次", "1次"));
        assert_eq!(
            fired(&decl, Rule::Count01)[0].finding(),
            &Finding { rows: 21, max: 20 }.into()
        );
    }
}
