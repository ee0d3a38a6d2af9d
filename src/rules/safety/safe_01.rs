//! SAFE-01 · 文本含控制字符或不可见字符 (Text holds control or invisible characters).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;

/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Safe01,
    "SAFE-01",
    &[Warning],
    "文本含控制字符或不可见字符",
    "Text holds control or invisible characters",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "不可见字符和控制字符会使屏幕上的文字与实际内容不一致（参见已公开的漏洞 CVE-2021-42574 等）；本工具显示时已作安全处理。",
            "Invisible and control characters can make text on screen differ from what it holds (see published flaws such as CVE-2021-42574); the desk shows it safely.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Safe01,
    location: "the field's path",
    fires_when: "a string value holds a control character U+0000–U+001F or U+007F–U+009F (except line feed, a CR LF pair, tab), a bidi control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), an invisible format character (U+200B–U+200D, U+2060, U+00AD, U+FEFF), or U+2028/U+2029. One flag per field",
    inputs: None,
    basis: "J, after CVE-2021-42574 (Trojan Source), CVE-2021-25743, CVE-2024-52005",
    asks: "remove the invisible characters",
};

/// `shown`: the characters as they are shown (`^[`, `<U+202E>`).
/// Its flag's words.
pub(crate) fn message(lang: Lang, shown: &[String]) -> String {
    pick(
        lang,
        format!(
            "含控制字符或不可见字符 {}，已按可见形式显示",
            shown.join(" ")
        ),
        format!(
            "holds control or invisible characters {}, shown visibly",
            shown.join(" ")
        ),
    )
}

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str) -> String {
    pick(
        lang,
        format!("{places}含有不可见字符或控制字符。建议删除这些字符后重新报送"),
        format!("{places} holds invisible or control characters. We suggest removing them"),
    )
}

/// What it found: the offending characters as they are shown (`^[`,
/// `<U+202E>`), the first few.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub shown: Vec<String>,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        message(lang, &self.shown)
    }

    fn request(&self, lang: Lang, _: &[Found<'_, Self>], places: &str, _: &Declaration) -> String {
        request(lang, places)
    }
}

/// SAFE-01: one flag per text field that holds such characters.
fn check(form: &Form, flags: &mut Flags) {
    for (at, text) in form.decl.texts() {
        if needs_escaping(text) {
            let shown = offending(text);
            flags.push(Severity::Warning, at, Finding { shown });
        }
    }
}
