//! YOY-03 · 总体绩效目标照抄上年 (Overall goal copied from last year).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Yoy03,
    "YOY-03",
    &[Info],
    "总体绩效目标照抄上年",
    "Overall goal copied from last year",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "总体目标去掉数字后与上年九成以上相同，多为改了年份照抄；相似度的界限是本工具的做法。",
            "A goal nine-tenths the same as last year's once numbers are removed is usually last year's with the year changed; the similarity required is this tool's practice.",
        )),
    },
    <Settings as Setting>::PARAMS,
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Yoy03,
    location: "`overall_goal`",
    fires_when: "the goal is non-blank and, both normalised with every run of digits removed, 1 − edit distance ÷ the longer length ≥ 0.9 against last year's; the message gives the edits and the length",
    inputs: None,
    basis: "J",
    asks: "state the goal from this year's work",
};

/// YOY-03: the goal is last year's, numbers aside.
pub(crate) fn message(lang: Lang, edits: usize, chars: usize) -> String {
    if edits == 0 {
        return pick(
            lang,
            "总体绩效目标与上年的相同（只有数字不同）".to_string(),
            "the overall goal is last year's, only its numbers changed".to_string(),
        );
    }
    pick(
        lang,
        format!("总体绩效目标与上年的基本相同（去掉数字后，{chars} 个字中仅有 {edits} 处不同）"),
        format!(
            "the overall goal is last year's (numbers aside, {edits} edits in {chars} characters)"
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang) -> String {
    pick(
        lang,
        "总体绩效目标与上年的基本相同。建议结合本年度的工作任务重新拟定".into(),
        "The overall goal is nearly last year's. We suggest stating it from this year's work"
            .into(),
    )
}

/// What it found: how many edits apart the goals are, of how many
/// characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub edits: usize,
    pub chars: usize,
}

/// Its setting: how alike this year's goal and last year's must be.
pub type Settings = crate::rules::similar::Similarity;

pub(crate) const CHECK: Check = Check::Years(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, self.edits, self.chars)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang)
    }
}

/// YOY-03: the goal is last year's, every run of digits aside.
fn check(form: &YearForm, flags: &mut Flags) {
    let min = form.settings.rules.yoy_03.min_similarity;
    if let Some(found) = goal_copied(form.decl, form.last, min) {
        flags.push(Severity::Info, Location::OverallGoal, found);
    }
}

fn goal_copied(decl: &Declaration, last: &Declaration, min: Decimal) -> Option<Finding> {
    let text = |d: &Declaration| -> Vec<char> {
        normalise(non_blank(&d.overall_goal).unwrap_or(""))
            .chars()
            .filter(|c| !c.is_ascii_digit() && !('０'..='９').contains(c))
            .collect()
    };
    non_blank(&decl.overall_goal)?;
    let (now, before) = (text(decl), text(last));
    if now.is_empty() || before.is_empty() {
        return None;
    }
    let k = similar::allowed_edits(now.len(), before.len(), min);
    let edits = similar::edit_distance_within(&now, &before, k)?;
    Some(Finding {
        edits,
        chars: now.len().max(before.len()),
    })
}
