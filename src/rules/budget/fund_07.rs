//! FUND-07 · 重点任务资金为零 (A key task with no funds).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Fund07,
    "FUND-07",
    &[Info],
    "重点任务资金为零",
    "A key task with no funds",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "列为重点任务却不安排资金，需要核实。",
            "A key task with no money needs checking.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund07,
    location: "`key_tasks[i].funds`",
    fires_when: "a task's funds = 0",
    inputs: Some("—"),
    basis: "J",
    asks: "give the task's funds, or say why it needs none",
};

/// What it found: the place says it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding;

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    /// Its flag's words.
    fn message(&self, lang: Lang, _: Location) -> String {
        pick(
            lang,
            "该重点任务拟投入的资金为 0",
            "this key task has no funds",
        )
        .into()
    }

    /// Its point's words in the 审核意见.
    fn request(&self, lang: Lang, _: &[Found<'_, Self>], places: &str, _: &Declaration) -> String {
        pick(
            lang,
            format!("{places}拟投入的资金为0。建议填写任务所需资金，或说明不需要资金的原因"),
            format!(
                "{places}: no funds. We suggest giving the funds the task needs, or saying why it needs none"
            ),
        )
    }
}

/// FUND-07: a key task with zero funds.
fn check(form: &Form, flags: &mut Flags) {
    for (i, task) in form.decl.key_tasks.iter().enumerate() {
        if task.funds.is_some_and(|v| v.is_zero()) {
            let at = Location::KeyTask(i, Some(TaskField::Funds));
            flags.push(Severity::Info, at, Finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn fund07_flags_a_zero_task() {
        let mut decl = clean();
        decl.key_tasks.push(task("0.00"));
        let f = fired(&decl, Rule::Fund07);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.to_string(), "key_tasks[2].funds");
    }
}
