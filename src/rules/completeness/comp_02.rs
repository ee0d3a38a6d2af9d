//! COMP-02 · 重点任务缺失或内容不全 (Key tasks missing or incomplete).

use crate::rules::catalogue::{Basis, COMPLETENESS_88, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp02,
    "COMP-02",
    &[Error],
    "重点任务缺失或内容不全",
    "Key tasks missing or incomplete",
    Basis {
        cite: Some(COMPLETENESS_88),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp02,
    location: "`key_tasks` or `key_tasks[i].FIELD`",
    fires_when: "no key task at all; or one flag per blank name, content, funds or expected_outcome",
    inputs: None,
    basis: "S: 完整性",
};

/// COMP-02: no key task, or one flag per blank cell of a task.
pub(super) fn check(decl: &Declaration, flags: &mut Flags) {
    if decl.key_tasks.is_empty() {
        flags.push(Severity::Error, Location::KeyTasks, Finding::NoKeyTask);
    }
    for (i, t) in decl.key_tasks.iter().enumerate() {
        let cells = [
            (TaskField::Name, is_blank(&t.name)),
            (TaskField::Content, is_blank(&t.content)),
            (TaskField::Funds, t.funds.is_none()),
            (TaskField::ExpectedOutcome, is_blank(&t.expected_outcome)),
        ];
        for (field, blank) in cells {
            if blank {
                let at = Location::KeyTask(i, Some(field));
                flags.push(Severity::Error, at, Finding::Comp02);
            }
        }
    }
}
