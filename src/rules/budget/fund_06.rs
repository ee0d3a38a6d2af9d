//! FUND-06 · 重点任务资金明显少于项目支出与事业发展性支出之和 (Key-task funds well below project plus development spending).

use crate::i18n::Phrase;
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

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
    &[MinShare],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Fund06,
    location: "`key_tasks`",
    fires_when: "Σ funds < 90% of (project + development)",
    inputs: Some("project, the tasks"),
    basis: "J: key tasks are only the 重点 ones, a small gap is normal",
};
