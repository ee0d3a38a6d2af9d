//! YOY-02 · 上年的指标本年未再设置 (Last year's indicators dropped).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

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
    asks: "say why last year's indicators went, keep those whose work goes on",
};

/// YOY-02: last year's indicators that no row of this year is.
pub(crate) fn message(lang: Lang, shown: &[String], more: usize) -> String {
    let names: Vec<String> = shown.iter().map(|n| format!("“{}”", quote(n))).collect();
    let (zh_more, en_more) =
        crate::i18n::flags::and_more(shown.len(), more, "等 {} 个", " and {} more");
    pick(
        lang,
        format!("上年的指标{}{zh_more}本年未再设置", names.join("")),
        format!(
            "last year's indicators {}{en_more} are not set this year",
            names.join(", ")
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, names: &str, count: usize, cut: bool) -> String {
    let and = if cut { "等" } else { "" };
    pick(
        lang,
        format!(
            "上年设置的{names}{and}{count}个指标本年未再设置。建议说明原因；相关工作仍在开展的，建议保留相应指标"
        ),
        format!(
            "Last year's indicators {names} ({count}) are not set this year. We suggest explaining why, and keeping those whose work goes on"
        ),
    )
}

/// What it found: last year's indicators no row of this year is, the
/// first few by name, and how many more.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub shown: Vec<String>,
    pub more: usize,
}

pub(crate) const CHECK: Check = Check::Years(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.shown, self.more)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        let names = crate::i18n::requests::values(lang, &self.shown);
        request(lang, &names, self.shown.len() + self.more, self.more > 0)
    }
}

/// How many dropped indicators it names.
const NAMED_DROPPED: usize = 5;

/// YOY-02: last year's rows that no row of this year matched.
fn check(form: &YearForm, flags: &mut Flags) {
    if form.rows.dropped.is_empty() {
        return;
    }
    let names: Vec<String> = form
        .rows
        .dropped
        .iter()
        .filter_map(|&j| form.last.indicators.get(j))
        .map(|r| r.name.clone().unwrap_or_default())
        .collect();
    let shown: Vec<String> = names.iter().take(NAMED_DROPPED).cloned().collect();
    let more = names.len() - shown.len();
    flags.push(
        Severity::Info,
        Location::Indicators,
        Finding { shown, more },
    );
}
