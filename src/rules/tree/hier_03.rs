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
    asks: "add the 二级 missing under 产出指标",
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

/// What it found: the 二级 of 产出指标 with no row.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub level2: &'static str,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_285);

    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.level2)
    }

    fn request(&self, lang: Lang, group: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang, &each(group, |f| f.finding.level2.to_string()))
    }
}

/// HIER-03: 产出指标 without a 数量, 质量 or 时效 row, one flag per missing kind.
fn check(form: &Form, flags: &mut Flags) {
    let output: Vec<Option<&str>> = form.levels.level2s_under("产出").collect();
    if output.is_empty() {
        return;
    }
    for level2 in ["数量指标", "质量指标", "时效指标"] {
        let name = level2.trim_end_matches("指标");
        if !output.contains(&Some(name)) {
            let found = Finding { level2 };
            flags.push(Severity::Warning, Location::Indicators, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn hier03_names_each_missing_second_level() {
        let mut decl = clean();
        decl.indicators.retain(|r| {
            level_name(&r.level2) != Some("时效") && level_name(&r.level2) != Some("质量")
        });
        let f = fired(&decl, Rule::Hier03);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].finding(),
            &Finding {
                level2: "质量指标"
            }
            .into()
        );
        // Without any output row, HIER-02 speaks and HIER-03 stays silent.
        decl.indicators.retain(|r| !under(r, "产出"));
        assert!(fired(&decl, Rule::Hier03).is_empty());
        assert_eq!(fired(&decl, Rule::Hier02).len(), 1);
    }
}
