//! COST-01 · 成本指标写成了下限 (Cost target written as a floor).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Cost01,
    "COST-01",
    &[Warning],
    "成本指标写成了下限",
    "Cost target written as a floor",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "成本指标是花钱的上限（最多花多少），写成“≥”“不低于”等下限就失去了控制成本的意义；同类审核工具也把成本指标的“≥”列为问题。",
            "A cost target is a ceiling (what the work may at most cost); written as a floor (≥, 不低于) it controls nothing, and peer review tools flag ≥ on cost indicators.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Cost01,
    location: "`indicators[i]`",
    fires_when: "a cost row (产出指标 / 成本指标, or 一级 成本指标) whose name holds none of 节约 节省 降低 下降 压减 减少, with a target that is a floor: it holds ≥ ≧ ＞ > 不低于 不少于 大于 至少 以上 and no ceiling ≤ ≦ ＜ < 不高于 不超过 以内 以下 低于 少于 控制在 (see below)",
    inputs: None,
    basis: "J: a cost target says the most the work may cost",
    asks: "a ceiling (`≤`, 不超过) for a cost",
};

/// COST-01: `target` as submitted.
/// What it found: the target, as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub target: String,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        let target = &self.target;
        pick(
            lang,
            format!(
                "成本指标的指标值“{}”是下限；成本指标应写最多花多少（上限，如“≤”）",
                quote(target)
            ),
            format!(
                "cost target “{}” is a floor; a cost target should say the most it may cost (a ceiling, e.g. ≤)",
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
                "{places}为成本指标，指标值{targets}写为下限。建议改为成本控制的上限（如“≤”“不超过”）"
            ),
            format!(
                "{places}: a cost target {targets} written as a floor. We suggest a ceiling (≤, at most)"
            ),
        )
    }
}

/// Words in a cost indicator's name that make a floor right (the cost is
/// to come down).
const SAVING_WORDS: [&str; 6] = ["节约", "节省", "降低", "下降", "压减", "减少"];

/// COST-01: a cost target written as a floor (a row under 成本指标, or
/// 产出指标·成本指标, whose name does not say the cost is to come down).
fn check(form: &Form, flags: &mut Flags) {
    let levels = &form.levels;
    for (i, row) in form.target_rows() {
        let cost_row = levels.level1(i) == Some("成本")
            || (levels.level1(i) == Some("产出") && levels.level2(i) == Some("成本"));
        if !cost_row
            || non_blank(&row.name).is_some_and(|n| SAVING_WORDS.iter().any(|w| n.contains(w)))
        {
            continue;
        }
        let floor = |t: &&str| crate::text::is_floor(t) && !crate::text::is_ceiling(t);
        if let Some(t) = targets(&row).find(floor) {
            let target = t.to_string();
            flags.push(
                Severity::Warning,
                Location::Indicator(i, None),
                Finding { target },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn cost01_a_floor_on_a_cost_row() {
        for t in [
            "≥89元",
            "≧89元",
            "不低于89元",
            "89元以上",
            "至少89元",
            ">89元",
        ] {
            assert_eq!(
                rules_on_new_row(&cost_row("人均服务成本", t)),
                ["COST-01"],
                "{t}"
            );
        }
        // Under 一级 成本指标 too.
        let mut decl = clean();
        decl.indicators
            .push(row("成本指标", "经济成本指标", "单位成本", "≥5元", "≥5元"));
        assert_eq!(rules_on_new_row(&decl), ["COST-01"]);
        let f = fired(&decl, Rule::Cost01);
        assert_eq!(
            f[0].message(Lang::Zh),
            "成本指标的指标值“≥5元”是下限；成本指标应写最多花多少（上限，如“≤”）"
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn cost01_not_on_a_ceiling_a_saving_or_another_row() {
        for t in [
            "≤89元",
            "控制在89元以内",
            "不超过89元",
            "89元以下",
            "不大于89元",
            "89元",
        ] {
            assert!(
                rules_on_new_row(&cost_row("人均服务成本", t)).is_empty(),
                "{t}"
            );
        }
        // A saving rate is meant to be at least so much.
        for name in ["经费节约率", "运行成本降低率", "公用经费压减比例"] {
            assert!(
                !rules_on_new_row(&cost_row(name, "≥5%")).contains(&"COST-01".to_string()),
                "{name}"
            );
        }
        // A floor under another level is no cost target.
        assert!(rules_on_new_row(&with_row("带动就业人数", "≥50人", "≥50人")).is_empty());
    }
}
