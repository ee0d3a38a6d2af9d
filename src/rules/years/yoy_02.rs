//! YOY-02 · 上年的指标本年未再设置 (Last year's indicators dropped).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Yoy02,
    "YOY-02",
    &[Info],
    "上年的指标本年未再设置",
    "Last year's indicators dropped",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "上年设置的指标本年不再设置，可能是工作已完成，也可能是回避考核，值得问一问。",
            "An indicator set last year and dropped this year may be work finished, or a target avoided; worth a question.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Yoy02,
    location: "`indicators`",
    fires_when: "last year's rows dropped (one flag, naming five and counting the rest)",
    inputs: None,
    basis: "J",
};
