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
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Sat02,
    location: "`indicators[i]`",
    fires_when: "a row under 满意度指标 whose lowest first percentage is below 85 (warning), else below 90 (info)",
    inputs: None,
    basis: "J: no official floor found; the seed uses ≥90%",
    asks: "a satisfaction target not below the configured floor",
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

/// What it found: the lowest satisfaction percentage, and the floor it
/// is below.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub lowest: Decimal,
    pub floor: Decimal,
}

/// Its settings: below the first, a warning; below the second, an info.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    #[serde(deserialize_with = "crate::rules::configured::exact_decimal")]
    pub warning_below: Decimal,
    #[serde(deserialize_with = "crate::rules::configured::exact_decimal")]
    pub info_below: Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            warning_below: Decimal::from(85),
            info_below: Decimal::from(90),
        }
    }
}

impl Setting for Settings {
    const PARAMS: &'static [Param] = &[WarningBelow, InfoBelow];

    fn shown(&self, param: Param) -> Option<String> {
        match param {
            WarningBelow => Some(self.warning_below.to_string()),
            InfoBelow => Some(self.info_below.to_string()),
            _ => None,
        }
    }

    fn validate(&self) -> Result<(), SettingError> {
        match self.warning_below > self.info_below {
            true => Err(SettingError::Bad {
                key: "warning_below",
                reason: ValueRule::WarningAboveInfo,
            }),
            false => Ok(()),
        }
    }
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.lowest, self.floor)
    }

    /// Below the warning floor and below the info floor are two points.
    fn kind(&self, _: Severity) -> String {
        self.floor.normalize().to_string()
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let lowest = each(group, |f| format!("{}%", f.finding.lowest.normalize()));
        let lowest = lowest.join(requests::list_separator(lang));
        request(lang, places, &lowest, self.floor)
    }
}

/// SAT-02: a satisfaction target below the floors (rows under 满意度指标).
fn check(form: &Form, flags: &mut Flags) {
    let s = &form.settings.rules.sat_02;
    for (i, row) in form.target_rows() {
        if !form.levels.under(i, "满意度") {
            continue;
        }
        let Some(lowest) = targets(&row).filter_map(first_percentage).min() else {
            continue;
        };
        let (severity, floor) = if lowest < s.warning_below {
            (Severity::Warning, s.warning_below)
        } else if lowest < s.info_below {
            (Severity::Info, s.info_below)
        } else {
            continue;
        };
        flags.push(
            severity,
            Location::Indicator(i, None),
            Finding { lowest, floor },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn sat02_thresholds_at_their_edges() {
        let sev = |p: &str, a: &str| {
            fired(&with_satisfaction("群众满意度", p, a), Rule::Sat02)
                .iter()
                .map(|f| f.severity)
                .collect::<Vec<_>>()
        };
        assert_eq!(sev("≥84.9%", "≥95%"), [Severity::Warning]);
        assert_eq!(sev("≥85%", "≥85%"), [Severity::Info]);
        assert_eq!(sev("≥89.99%", "≥90%"), [Severity::Info]);
        assert_eq!(sev("≥90%", "≥90%"), []);
        assert_eq!(sev("良好", "满意"), []);
        let f = fired(&with_satisfaction("群众满意度", "80%", "88%"), Rule::Sat02);
        assert_eq!(
            f[0].finding(),
            &Finding {
                lowest: Decimal::from(80),
                floor: Decimal::from(85)
            }
            .into()
        );
    }
}
