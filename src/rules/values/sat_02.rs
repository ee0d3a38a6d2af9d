//! SAT-02 · 满意度目标偏低 (Satisfaction target low).

use crate::i18n::flags::pct;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::Param::*;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use rust_decimal::Decimal;

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Sat02,
    "SAT-02",
    &[Warning, Info],
    "满意度目标偏低",
    "Satisfaction target low",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "没有找到官方规定的满意度下限，常见申报表以不低于90%为目标。",
            "No official floor was found; forms commonly aim at 90% or more.",
        )),
    },
    &[WarningBelow, InfoBelow],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Sat02,
    location: "`indicators[i]`",
    fires_when: "a row under 满意度指标 whose lowest first percentage is below 85 (warning), else below 90 (info)",
    inputs: None,
    basis: "J: no official floor found; the seed uses ≥90%",
};

/// Its flag's words.
pub(crate) fn message(lang: Lang, lowest: Decimal, floor: Decimal) -> String {
    pick(
        lang,
        format!("满意度目标 {}% 低于 {}%", pct(lowest), pct(floor)),
        format!(
            "satisfaction target {}% is below {}%",
            pct(lowest),
            pct(floor)
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, lowest: &str, floor: Decimal) -> String {
    let floor = floor.normalize();
    pick(
        lang,
        format!("{places}的满意度目标值为{lowest}，建议不低于{floor}%"),
        format!("{places}: the satisfaction target is {lowest}; we suggest at least {floor}%"),
    )
}

/// SAT-02: a satisfaction target below the floors (rows under 满意度指标).
pub(super) fn check(row: &Indicator, s: &RuleSettings, at: Location, flags: &mut Flags) {
    let Some(lowest) = targets(row).filter_map(first_percentage).min() else {
        return;
    };
    let (severity, floor) = if lowest < s.values.sat02_warning_below {
        (Severity::Warning, s.values.sat02_warning_below)
    } else if lowest < s.values.sat02_info_below {
        (Severity::Info, s.values.sat02_info_below)
    } else {
        return;
    };
    flags.push(severity, at, Finding::Sat02 { lowest, floor });
}
