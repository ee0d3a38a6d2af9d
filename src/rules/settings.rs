//! What the rules may be told: thresholds, word lists, and which rules
//! are off. The configuration file converts into this; the rules read
//! nothing else.

use super::Rule;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

/// What the rules may be told.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    disabled: HashSet<Rule>,
    tolerances: BTreeMap<Rule, Decimal>,
    pub fund06_min_share: Decimal,
    pub count01_max_rows: usize,
    pub sat02_warning_below: Decimal,
    pub sat02_info_below: Decimal,
    pub quant04_min_common: usize,
    pub quant02_words: Vec<String>,
    pub class01_words: Vec<String>,
}

const VAGUE_WORDS: [&str; 12] = [
    "提高",
    "提升",
    "改善",
    "加强",
    "增强",
    "优化",
    "进一步",
    "有效",
    "明显",
    "显著",
    "逐步",
    "不断",
];
const TIME_WORDS: [&str; 13] = [
    "及时", "按时", "时限", "时间", "期限", "日", "天", "周", "月", "年", "小时", "前", "内",
];

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            disabled: HashSet::new(),
            tolerances: BTreeMap::new(),
            fund06_min_share: Decimal::new(90, 2),
            count01_max_rows: 20,
            sat02_warning_below: Decimal::from(85),
            sat02_info_below: Decimal::from(90),
            quant04_min_common: 4,
            quant02_words: VAGUE_WORDS.iter().map(|s| s.to_string()).collect(),
            class01_words: TIME_WORDS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl RuleSettings {
    pub fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(&rule)
    }

    /// The money tolerance of a FUND rule: a difference of exactly this much
    /// does not fire.
    pub fn tolerance(&self, rule: Rule) -> Decimal {
        self.tolerances
            .get(&rule)
            .copied()
            .unwrap_or(Decimal::new(1, 2))
    }

    /// The money tolerance of a FUND rule, as the configuration sets it.
    pub fn set_tolerance(&mut self, rule: Rule, tolerance: Decimal) {
        self.tolerances.insert(rule, tolerance);
    }

    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        if on {
            self.disabled.remove(&rule);
        } else {
            self.disabled.insert(rule);
        }
    }
}
