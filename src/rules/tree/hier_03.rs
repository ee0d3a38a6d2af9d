//! HIER-03 · 产出指标缺少数量、质量或时效指标 (Output indicators lack quantity, quality or timeliness).

use crate::i18n::requests::{list_separator, values};
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Hier03,
    "HIER-03",
    &[Warning],
    "产出指标缺少数量、质量或时效指标",
    "Output indicators lack quantity, quality or timeliness",
    Basis {
        cite: Some(Phrase::new(
            "《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条（数量、质量、成本和时效）",
            "Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285), Article 14 (quantity, quality, cost and timeliness)",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Hier03,
    location: "`indicators`",
    fires_when: "产出指标 has rows but no 数量, 质量 or 时效 row (one flag per missing one)",
    inputs: None,
    basis: "S: 285号 第十四条",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, level2: &str) -> String {
    pick(
        lang,
        format!("产出指标下缺少二级指标“{level2}”"),
        format!("output indicators have no “{level2}” row"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, missing: &[String]) -> String {
    let (names, list) = (values(lang, missing), missing.join(list_separator(lang)));
    pick(
        lang,
        format!("产出指标下缺少二级指标{names}。请补充设置{list}"),
        format!("Output indicators have no {names}. Please add some"),
    )
}

/// HIER-03: 产出指标 without a 数量, 质量 or 时效 row, one flag per missing kind.
pub(super) fn check(levels: &Levels, flags: &mut Flags) {
    let output: Vec<Option<&str>> = levels.level2s_under("产出").collect();
    if output.is_empty() {
        return;
    }
    for level2 in ["数量指标", "质量指标", "时效指标"] {
        let name = level2.trim_end_matches("指标");
        if !output.contains(&Some(name)) {
            let found = Finding::Hier03 { level2 };
            flags.push(Severity::Warning, Location::Indicators, found);
        }
    }
}
