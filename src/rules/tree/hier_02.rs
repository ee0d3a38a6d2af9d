//! HIER-02 · 缺少一级指标 (A required level-1 indicator is missing).

use crate::i18n::requests::{list_separator, values};
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Hier02,
    "HIER-02",
    &[Error],
    "缺少一级指标",
    "A required level-1 indicator is missing",
    Basis {
        cite: Some(Phrase::new(
            "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）（绩效目标涵盖产出、成本、效益和服务对象满意度）；《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十三条",
            "Opinions of the CPC Central Committee and the State Council on Fully Implementing Budget Performance Management (Zhongfa [2018] No. 34) (targets cover outputs, cost, benefits and satisfaction); Interim Measures for the Performance Evaluation of Fiscal Expenditure (Caiyu [2011] No. 285), Article 13",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Hier02,
    location: "`indicators`",
    fires_when: "no row under 产出指标, 效益指标 or 满意度指标 (one flag per missing one)",
    inputs: None,
    basis: "S: 中发〔2018〕34号; 财预〔2011〕285号 第十三条",
    asks: "add the 一级 missing",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, level1: &str) -> String {
    pick(
        lang,
        format!("缺少一级指标“{level1}”"),
        format!("no row under level-1 “{level1}”"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, missing: &[String]) -> String {
    let (names, list) = (values(lang, missing), missing.join(list_separator(lang)));
    pick(
        lang,
        format!("绩效指标缺少一级指标{names}。请补充设置{list}"),
        format!("No indicator under {names}. Please add some"),
    )
}

/// What it found: the 一级 with no row.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub level1: &'static str,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_34);

    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.level1)
    }

    fn request(&self, lang: Lang, group: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang, &each(group, |f| f.finding.level1.to_string()))
    }
}

/// HIER-02: each of 产出, 效益, 满意度 needs at least one row.
fn check(form: &Form, flags: &mut Flags) {
    let levels = &form.levels;
    for level1 in ["产出指标", "效益指标", "满意度指标"] {
        let name = level1.trim_end_matches("指标");
        if levels.level2s_under(name).next().is_none() {
            let found = Finding { level1 };
            flags.push(Severity::Error, Location::Indicators, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn hier02_one_flag_per_missing_first_level() {
        let mut decl = clean();
        decl.indicators
            .retain(|r| !under(r, "满意度") && !under(r, "效益"));
        let f = fired(&decl, Rule::Hier02);
        assert_eq!(
            f.iter().map(|f| f.finding().clone()).collect::<Vec<_>>(),
            [
                Finding {
                    level1: "效益指标"
                }
                .into(),
                Finding {
                    level1: "满意度指标"
                }
                .into()
            ]
        );
    }
}
