//! FUND-06 · 重点任务资金明显少于项目支出与事业发展性支出之和 (Key-task funds well below project plus development spending).

use crate::amount::{format_wan, percent_of};
use crate::i18n::flags::{money, pct};
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund06,
    "FUND-06",
    &[Info],
    "重点任务资金明显少于项目支出与事业发展性支出之和",
    "Key-task funds well below project plus development spending",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "重点任务只列重点，资金略少于项目支出与事业发展性支出之和属正常；差得太多，可能漏列了任务。",
            "Key tasks list only the main ones, so a small shortfall is normal; a large one may mean tasks were left out.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund06,
    location: "`key_tasks`",
    fires_when: "Σ funds < 90% of (project + development)",
    inputs: Some("project, the tasks"),
    basis: "J: key tasks are only the 重点 ones, a small gap is normal",
    asks: "add the key tasks or funds left out",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, tasks: Decimal, base: Decimal, min_share: Decimal) -> String {
    // The share as every share shows (one decimal); the floor as configured.
    let share = percent_of(tasks, base).map_or_else(|| "—".to_string(), |p| p.to_string());
    let min = min_share
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or_else(|| "—".to_string(), pct);
    pick(
        lang,
        format!(
            "重点任务资金合计 {} 万元只占项目支出与事业发展性支出之和 {} 万元的 {share}%，低于 {min}%",
            money(tasks),
            money(base)
        ),
        format!(
            "key-task funds {} are {share}% of project plus development spending {} (万元), below {min}%",
            money(tasks),
            money(base)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, tasks: Decimal, base: Decimal, share: &str) -> String {
    let (t, b) = (format_wan(tasks), format_wan(base));
    pick(
        lang,
        format!(
            "年度重点工作任务拟投入资金合计{t}万元，占项目支出与事业发展性支出之和{b}万元的{share}。建议补充未列入的重点工作任务或其资金"
        ),
        format!(
            "The key tasks' funds ({t} 万元) are {share} of project and development spending ({b} 万元). We suggest adding the key tasks or funds left out"
        ),
    )
}

/// What it found: the tasks' funds, project + development spending,
/// and the share they fall short of.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub tasks: Decimal,
    pub base: Decimal,
    pub min_share: Decimal,
}

/// Its setting: the share key tasks should reach.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    #[serde(deserialize_with = "exact_decimal")]
    pub min_share: Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_share: Decimal::new(90, 2),
        }
    }
}

impl Setting for Settings {
    const PARAMS: &'static [Param] = &[MinShare];

    fn shown(&self, _: Param) -> Option<String> {
        Some(self.min_share.to_string())
    }

    fn validate(&self) -> Result<(), SettingError> {
        match self.min_share.is_sign_negative() || self.min_share > Decimal::ONE {
            true => Err(SettingError::Bad {
                key: "min_share",
                reason: ValueRule::ShareRange,
            }),
            false => Ok(()),
        }
    }
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.tasks, self.base, self.min_share)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        let share = crate::amount::percent_of(self.tasks, self.base)
            .map_or_else(|| "—".to_string(), |p| format!("{}%", p.round_dp(1)));
        request(lang, self.tasks, self.base, &share)
    }
}

/// FUND-06: key tasks cover less than the configured share of project +
/// development spending.
fn check(form: &Form, flags: &mut Flags) {
    let t = &form.totals;
    let (Some(tasks), Some(base)) = (t.key_tasks, t.project_and_development) else {
        return;
    };
    let min_share = form.settings.rules.fund_06.min_share;
    // Beyond any real budget the product may not be held: then the share
    // is not judged.
    if runs(form, Rule::Fund06)
        && base
            .checked_mul(min_share)
            .is_some_and(|floor| tasks < floor)
    {
        let found = Finding {
            tasks,
            base,
            min_share,
        };
        flags.push(Severity::Info, Location::KeyTasks, found);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use crate::rules::test_support::*;

    #[test]
    fn fund06_fires_on_a_form_without_development_money() {
        // The real forms: 事业发展性支出 blank, key tasks a third of 项目支出.
        let mut decl = clean();
        decl.budget.development.special_fund = None;
        decl.budget.development.other = None;
        decl.budget.expenditure.basic = Some(d("450.10"));
        decl.key_tasks[0].funds = Some(d("20.00"));
        decl.key_tasks[1].funds = Some(d("12.00"));
        let f = fired(&decl, Rule::Fund06);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message(crate::i18n::Lang::Zh),
            "重点任务资金合计 32.00 万元只占项目支出与事业发展性支出之和 96.00 万元的 33.3%，低于 90%"
        );
    }

    #[test]
    fn fund06_fires_below_the_share_only() {
        let mut decl = clean();
        // 90% of 126 = 113.40
        decl.key_tasks[0].funds = Some(d("83.40"));
        assert!(fired(&decl, Rule::Fund06).is_empty());
        decl.key_tasks[0].funds = Some(d("83.39"));
        assert_eq!(fired(&decl, Rule::Fund06).len(), 1);
        let mut s = RuleSettings::default();
        s.rules.fund_06.min_share = d("0.5");
        assert!(
            crate::rules::check(&decl, &s)
                .iter()
                .all(|f| f.rule() != Rule::Fund06)
        );
    }
}
