//! How measurable a declaration's indicators are (issue 24): the share of
//! its indicator rows whose targets are quantified or graded, by the
//! catalogue's own definitions (*has a number*, *graded*) — the rows
//! QUANT-01 … QUANT-04 stay silent on for want of a number are counted
//! here too, so one figure says what those rules say row by row.

use crate::model::Declaration;
use crate::text::{has_number, is_graded};
use serde::Serialize;

/// Indicator rows, and of them those whose targets are all quantified or
/// graded. A row counts when it is not the form's empty template line;
/// a row with no target at all counts, as not measurable: a blank target
/// measures nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Measurability {
    pub rows: usize,
    pub measurable: usize,
}

impl Measurability {
    pub fn of(d: &Declaration) -> Measurability {
        let mut m = Measurability::default();
        for row in d.indicators.iter().filter(|r| !r.is_template_row()) {
            m.rows += 1;
            let mut targets = row.targets(d.target_columns).peekable();
            let any = targets.peek().is_some();
            if any && targets.all(|t| has_number(t) || is_graded(t)) {
                m.measurable += 1;
            }
        }
        m
    }

    /// Two together (a batch's, or a department's rows with another's).
    pub fn plus(self, other: Measurability) -> Measurability {
        Measurability {
            rows: self.rows.saturating_add(other.rows),
            measurable: self.measurable.saturating_add(other.measurable),
        }
    }

    /// Less measurable first: the shares compared exactly, by multiplying
    /// across (no rounding makes 1/3 and 333/1000 equal).
    pub fn cmp_share(self, other: Measurability) -> std::cmp::Ordering {
        let left = self.measurable.saturating_mul(other.rows);
        let right = other.measurable.saturating_mul(self.rows);
        left.cmp(&right)
    }

    /// The share measurable, in per mille rounded half up (no float: 7 of
    /// 9 is 778; 1000 when there are no rows, as nothing is unmeasurable).
    pub fn per_mille(self) -> usize {
        match self.rows {
            0 => 1000,
            rows => {
                let twice = self.measurable.saturating_mul(2000).saturating_add(rows);
                twice / rows.saturating_mul(2)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TargetColumns;

    use crate::testing::quantity_row as row;

    #[test]
    fn a_row_is_measurable_when_every_target_it_has_is_a_number_or_a_grade() {
        let mut d = Declaration {
            target_columns: TargetColumns::Two,
            indicators: vec![
                row("培训场次", "≥12场", "≥40场"),
                row("群众满意度", "良好以上", "90%"),
                row("工作质量", "符合考核标准", "≥95%"),
                row("办结率", "", ""),
                // The form's empty line for a category: not a row.
                row("", "", ""),
            ],
            ..Declaration::default()
        };
        assert_eq!(
            Measurability::of(&d),
            Measurability {
                rows: 4,
                measurable: 2
            }
        );
        // With one target column, the period cell is not a target.
        d.target_columns = TargetColumns::One;
        d.indicators[2].annual_target = Some("≥95%".into());
        d.indicators[2].period_target = Some("符合考核标准".into());
        assert_eq!(Measurability::of(&d).measurable, 3);
        assert_eq!(Measurability::of(&d).per_mille(), 750);
        assert_eq!(Measurability::default().per_mille(), 1000);
        let seven_of_nine = Measurability {
            rows: 9,
            measurable: 7,
        };
        assert_eq!(seven_of_nine.per_mille(), 778);
    }
}
