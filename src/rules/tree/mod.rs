//! HIER-01 … HIER-04, DUP-01, COUNT-01: the three-level indicator tree.
//!
//! Level names are compared as the catalogue defines them: trimmed, one
//! trailing 指标 removed (see [`crate::text::level_name`]).

pub(crate) mod count_01;
pub(crate) mod dup_01;
pub(crate) mod hier_01;
pub(crate) mod hier_02;
pub(crate) mod hier_03;
pub(crate) mod hier_04;

use super::configured::Setting;
use super::docs::Section;
use super::violation::{Check, Form, Found, Violation, each};
use super::{Flags, Ground, Param, Severity};
use crate::i18n::requests::{DOC_34, DOC_88, DOC_285};
use crate::model::{Declaration, Location};
use crate::text::{level_name, non_blank, normalise};

pub(crate) const SECTION: Section = Section::Tree;

/// The valid 一级 → 二级 pairs, level names without 指标.
pub const TREE: [(&str, &[&str]); 4] = [
    ("产出", &["数量", "质量", "时效", "成本"]),
    ("效益", &["经济效益", "社会效益", "生态效益", "可持续影响"]),
    ("满意度", &["服务对象满意度"]),
    ("成本", &["经济成本", "社会成本", "生态环境成本"]),
];

/// Each row's level names (trimmed, one trailing 指标 removed), worked out
/// once per declaration: the tree and value rules all ask for them. A
/// template row belongs to no level: only HIER-01, SAFE-01 and COMP-05
/// see it.
pub struct Levels<'a> {
    rows: Vec<(Option<&'a str>, Option<&'a str>)>,
}

impl<'a> Levels<'a> {
    pub fn of(decl: &'a Declaration) -> Self {
        Levels {
            rows: decl
                .indicators
                .iter()
                .map(|r| match r.is_template_row() {
                    true => (None, None),
                    false => (level_name(&r.level1), level_name(&r.level2)),
                })
                .collect(),
        }
    }

    pub fn level1(&self, i: usize) -> Option<&'a str> {
        self.rows.get(i).and_then(|r| r.0)
    }

    pub fn level2(&self, i: usize) -> Option<&'a str> {
        self.rows.get(i).and_then(|r| r.1)
    }

    /// Is row `i` under this 一级 (name without 指标)?
    pub fn under(&self, i: usize, level1: &str) -> bool {
        self.level1(i) == Some(level1)
    }

    /// The rows under a 一级, as their level-2 names.
    fn level2s_under(&self, level1: &'a str) -> impl Iterator<Item = Option<&'a str>> + '_ {
        self.rows
            .iter()
            .filter(move |r| r.0 == Some(level1))
            .map(|r| r.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Indicator;

    pub(super) fn under(row: &Indicator, level1: &str) -> bool {
        level_name(&row.level1) == Some(level1)
    }
}
