//! XDUP-01 · 同一部门同一年度重复申报 (Same department and year submitted twice).

use crate::i18n::flags::and_more;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Xdup01,
    "XDUP-01",
    &[Warning],
    "同一部门同一年度重复申报",
    "Same department and year submitted twice",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "同一部门同一年度有两份申报表，多为重复提交，应只审其中一份。",
            "Two forms of one department for one year are usually a double submission; only one should be reviewed.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Xdup01,
    location: "`department.name`",
    fires_when: "another file of the folder has the same non-blank department name (trimmed) and the same fiscal year (two blanks are the same): a double submission. Every such file is flagged, naming five others and counting the rest",
    inputs: None,
    basis: "J",
};

/// The other files of a double submission: the first few, and how many more.
/// Its flag's words.
pub(crate) fn message(lang: Lang, shown: &[String], more: usize) -> String {
    let files: Vec<String> = shown.iter().map(|f| quote(f)).collect();
    let (zh_more, en_more) = and_more(shown.len(), more, " 等 {} 个文件", " and {} more files");
    pick(
        lang,
        format!(
            "同一部门同一年度还有申报文件：{}{zh_more}",
            files.join("、")
        ),
        format!(
            "the same department and year is also declared in {}{en_more}",
            files.join(", ")
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang) -> String {
    pick(
        lang,
        "本批次收到你单位同一年度的申报表不止一份。建议确认以哪一份为准，并撤回其余各份".into(),
        "More than one declaration of yours for this year was received. We suggest saying which one stands and withdrawing the others".into(),
    )
}
