//! YOY-01 · 指标值比上年降低 (Target made easier than last year's).

use crate::i18n::requests::quoted;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Yoy01,
    "YOY-01",
    &[Warning],
    "指标值比上年降低",
    "Target made easier than last year's",
    Basis {
        cite: Some(Phrase::new(
            "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）适当性审核（绩效目标与资金量是否匹配）；赤峰市审计局2023年5月17日公布的预算绩效目标常见问题（目标设定“无压力”）",
            "Measures for the Management of Budget Performance Targets of Central Departments (Caiyu [2015] No. 88), review of appropriateness (is the target in keeping with the money); the common defects published by the Chifeng Municipal Audit Bureau on 17 May 2023 (targets set without pressure)",
        )),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Yoy01,
    location: "`indicators[i]`",
    fires_when: "a matched row whose target and last year's both have a number, in the same unit, both percentages or neither, and this year's is easier: lower where neither is a ceiling, higher where both are (a ceiling against a floor: no flag). The message names last year's target, and last year's name where it differs",
    inputs: None,
    basis: "S: 财预〔2015〕88号 适当性审核; 赤峰市审计局 2023 (targets \"无压力\")",
    asks: "explain why the target asks less than last year's, or set it no lower",
};

/// YOY-01: a target made easier, with last year's name where it differs.
pub(crate) fn message(
    lang: Lang,
    was_named: Option<&str>,
    before: &str,
    now: &str,
    ceiling: bool,
) -> String {
    let (before, now) = (quote(before), quote(now));
    let (zh_verb, en_verb) = if ceiling {
        ("放宽为", "raised to")
    } else {
        ("降为", "lowered to")
    };
    let (zh_was, en_was) = match was_named {
        Some(name) => (
            format!("（上年指标为“{}”）", quote(name)),
            format!(" (last year's indicator: “{}”)", quote(name)),
        ),
        None => (String::new(), String::new()),
    };
    pick(
        lang,
        format!("指标值由上年的“{before}”{zh_verb}“{now}”{zh_was}"),
        format!("target {en_verb} “{now}” from last year's “{before}”{en_was}"),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, pairs: &str) -> String {
    pick(
        lang,
        format!(
            "{places}的目标要求低于上年（{pairs}）。请说明降低的理由，或按不低于上年的水平设定指标值"
        ),
        format!(
            "{places}: the target asks less than last year's ({pairs}). Please explain why, or set it no lower than last year's"
        ),
    )
}

/// `“城乡居民基础养老金标准”上年为“≥200元每人每月”、本年为“≥190元每人每月”`:
/// a target made easier, by its row's name.
pub(crate) fn request_pair(lang: Lang, name: &str, before: &str, now: &str) -> String {
    let (before, now) = (quoted(lang, before), quoted(lang, now));
    match name.is_empty() {
        true => pick(
            lang,
            format!("上年为{before}、本年为{now}"),
            format!("{before} last year, {now} now"),
        ),
        false => pick(
            lang,
            format!("{}上年为{before}、本年为{now}", quoted(lang, name)),
            format!("{}: {before} last year, {now} now", quoted(lang, name)),
        ),
    }
}

/// What it found: last year's target and this year's, as submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Last year's name, where it differs from this year's.
    pub was_named: Option<String>,
    pub before: String,
    pub now: String,
    /// Both are ceilings: the ceiling was raised (else a floor lowered).
    pub ceiling: bool,
}

pub(crate) const CHECK: Check = Check::Years(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(crate::i18n::requests::DOC_88);

    fn message(&self, lang: Lang, _: Location) -> String {
        let f = self;
        message(lang, f.was_named.as_deref(), &f.before, &f.now, f.ceiling)
    }

    /// Each pair names its row: the places may name only the first two
    /// of many.
    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        decl: &Declaration,
    ) -> String {
        let pairs = crate::text::once_each(group.iter().map(|f| {
            let name = match f.location {
                Location::Indicator(i, _) => decl.indicators.get(i),
                _ => None,
            }
            .and_then(|r| non_blank(&r.name))
            .unwrap_or("");
            request_pair(lang, name.trim(), &f.finding.before, &f.finding.now)
        }));
        let sep = crate::i18n::requests::clause_separator(lang);
        request(lang, places, &pairs.join(sep))
    }
}

/// YOY-01: a matched row whose target is easier than last year's.
fn check(form: &YearForm, flags: &mut Flags) {
    for (i, m) in form.rows.rows.iter().enumerate() {
        let Some((j, _)) = *m else { continue };
        let (Some(row), Some(was)) = (form.decl.indicators.get(i), form.last.indicators.get(j))
        else {
            continue;
        };
        if let Some(found) = easier(row, was) {
            flags.push(Severity::Warning, Location::Indicator(i, None), found);
        }
    }
}

/// Is this year's target easier than last year's?
fn easier(row: &Indicator, was: &Indicator) -> Option<Finding> {
    if Movement::of(row, was) != Movement::Easier {
        return None;
    }
    Some(Finding {
        was_named: renamed(row, was).map(str::to_string),
        before: compared(was)?.to_string(),
        now: compared(row)?.to_string(),
        ceiling: is_ceiling(compared(row)?),
    })
}
