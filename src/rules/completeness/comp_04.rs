//! COMP-04 · 预算金额未填写 (Budget amount blank).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, COMPLETENESS_88, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp04,
    "COMP-04",
    &[Error, Warning, Info],
    "预算金额未填写",
    "Budget amount blank",
    Basis {
        cite: Some(COMPLETENESS_88),
        reason: Some(Phrase::new(
            "按栏目分轻重是本工具的做法：基本支出、项目支出、财政拨款未填为错误；本级使用资金未填则整笔预算没有分到级次，为警告；省模板常不填没有此项资金的栏目（财政专项资金、其他事业发展性支出、其他资金、拟用于对下转移支付资金），未填按0计，只作提示。",
            "Grading by box is this tool's practice: a blank basic spending, project spending or fiscal appropriation is an error; a blank own-use box leaves the budget unassigned to a level, a warning; the province's template is routinely sent without the boxes for money the department does not have (special fund, other development spending, other income, transfers to lower levels), so those read as 0 and are only noted.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp04,
    location: "the amount's path",
    fires_when: "a budget amount blank: error for a required box, warning for 本级使用资金, info for an optional box (its message says it is read as 0: `…未填写，按0计`)",
    inputs: None,
    basis: "S: 完整性; the severities J, after real forms",
};

/// COMP-04: a budget amount blank: an error for a required box, a
/// warning for own use, information for an optional box (read as 0).
pub(super) fn check(decl: &Declaration, flags: &mut Flags) {
    for b in BudgetBox::ALL {
        if b.get(&decl.budget).is_none() {
            let (severity, read_as_zero) = match BoxKind::of(b) {
                BoxKind::Required => (Severity::Error, false),
                BoxKind::OwnUse => (Severity::Warning, false),
                BoxKind::Optional => (Severity::Info, true),
            };
            let own_use_label = (b == BudgetBox::OwnUse)
                .then(|| decl.budget.by_level.own_use_label.clone())
                .flatten();
            let found = Finding::Comp04 {
                read_as_zero,
                own_use_label,
            };
            flags.push(severity, Location::BudgetBox(b), found);
        }
    }
}
