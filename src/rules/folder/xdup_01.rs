//! XDUP-01 · 同一部门同一年度重复申报 (Same department and year submitted twice).

use crate::i18n::flags::and_more;
use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};
use crate::sanitize::quote;

use super::*;

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
    asks: "say which submission stands, withdraw the others",
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

/// What it found: the other files of the double submission, the first
/// few by name, and how many more there are (a folder of 10,000 copies
/// must not give each file a list of 9,999).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub shown: Vec<String>,
    pub more: usize,
}

pub(crate) const CHECK: Check = Check::Folder(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.shown, self.more)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], _: &str, _: &Declaration) -> String {
        request(lang)
    }
}

/// XDUP-01: the same department (trimmed name, characters that show
/// nothing left out) and the same fiscal year
/// (two blanks are the same) in more than one file: a double submission.
/// Every such file gets the flag, naming up to [`NAMED_OTHERS`] others by
/// file name and counting the rest. One grouping pass, and a constant
/// amount of work per file: linear in the folder.
fn check(members: &mut [Member], _: &RuleSettings) {
    let mut groups: HashMap<(std::borrow::Cow<str>, Option<i32>), Vec<usize>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        // Compared as a reader sees them: an invisible character added to
        // a name does not make it another department's.
        let name = m.name.map(crate::sanitize::visible);
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            groups.entry((name, m.year)).or_default().push(i);
        }
    }
    for mut group in groups.into_values().filter(|g| g.len() > 1) {
        group.sort_by(|a, b| members[*a].file.cmp(members[*b].file));
        // Any member's others are among the first NAMED_OTHERS + 1.
        let first: Vec<(usize, String)> = group
            .iter()
            .take(NAMED_OTHERS + 1)
            .map(|&i| (i, members[i].file.to_string()))
            .collect();
        for &i in &group {
            let shown = others(&first, |&(j, _)| j != i);
            let more = group.len() - 1 - shown.len();
            let at = Location::Department(DepartmentField::Name);
            push(
                &mut members[i],
                Severity::Warning,
                at,
                Finding { shown, more },
            );
        }
    }
}
