//! COMP-03 · 绩效指标行内容不全 (Indicator row incomplete).

use crate::i18n::Phrase;
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp03,
    "COMP-03",
    &[Error, Warning],
    "绩效指标行内容不全",
    "Indicator row incomplete",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）关于绩效目标完整性的审核要求，以及绩效目标分为中长期目标和年度目标的规定",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), on completeness, and on targets for the whole period and for the year",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp03,
    location: "`indicators[i]`",
    fires_when: "not a template row, and — error: a level or the name blank, or every target blank; else, with two target columns, warning: exactly one target blank. One flag per row",
    inputs: None,
    basis: "S: 88号 中长期/年度目标",
    asks: "fill in the blank cells",
};

/// What it found: the cells of the row left blank.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub blank: Vec<IndicatorField>,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_88);

    fn message(&self, lang: Lang, _: Location) -> String {
        words::blank_cells(lang, &self.blank)
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let names = group.iter().flat_map(|f| {
            let blank = &f.finding.blank;
            blank.iter().map(|b| crate::i18n::indicator_field(lang, *b))
        });
        blank_cells_point(lang, places, names)
    }
}

/// COMP-03: an indicator row missing its levels, its name or its targets.
/// One flag per row: an error when a level, the name or every target is
/// blank, else (two target columns) a warning when exactly one target is.
/// A template row is COMP-05's.
fn check(form: &Form, flags: &mut Flags) {
    let decl = form.decl;
    let two = decl.target_columns == TargetColumns::Two;
    for (i, r) in decl.indicators.iter().enumerate() {
        if r.is_template_row() {
            continue;
        }
        let period = (
            IndicatorField::PeriodTarget,
            two && is_blank(&r.period_target),
        );
        let cells = [
            (IndicatorField::Level1, is_blank(&r.level1)),
            (IndicatorField::Level2, is_blank(&r.level2)),
            (IndicatorField::Name, is_blank(&r.name)),
            period,
            (IndicatorField::AnnualTarget, is_blank(&r.annual_target)),
        ];
        let structure_blank = cells[..3].iter().any(|c| c.1);
        let targets_blank = cells[3..].iter().filter(|c| c.1).count();
        let all_targets_blank = targets_blank == usize::from(decl.target_columns.count());
        let severity = if structure_blank || all_targets_blank {
            Severity::Error
        } else if targets_blank == 1 {
            Severity::Warning
        } else {
            continue;
        };
        let blank = cells.iter().filter(|c| c.1).map(|c| c.0).collect();
        flags.push(severity, Location::Indicator(i, None), Finding { blank });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn comp03_error_for_missing_structure_warning_for_one_target() {
        let mut decl = clean();
        decl.indicators[0].annual_target = None;
        decl.indicators[1].period_target = Some("".into());
        decl.indicators[1].annual_target = None;
        decl.indicators[2].level2 = None;
        decl.indicators[2].annual_target = None;
        let f = fired(&decl, Rule::Comp03);
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.location.to_string(), f.severity))
            .collect();
        assert_eq!(
            got,
            [
                ("indicators[1]".to_string(), Severity::Error),
                ("indicators[2]".to_string(), Severity::Error),
                ("indicators[0]".to_string(), Severity::Warning),
            ]
        );
        assert_eq!(
            f[1].finding(),
            &Finding {
                blank: vec![IndicatorField::Level2, IndicatorField::AnnualTarget]
            }
            .into()
        );
    }
}
