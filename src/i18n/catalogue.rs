//! The catalogue's own words: what each severity is called.
//! `rules::Severity::label` says which is whose.

use super::Phrase;

pub const ERROR: Phrase = Phrase::new("错误", "error");
pub const WARNING: Phrase = Phrase::new("警告", "warning");
pub const INFO: Phrase = Phrase::new("提示", "info");

/// A rule's 依据 as shown: the documents it rests on, as officials cite
/// them; where it is this tool's own practice, that it is, that the office
/// can change (`tunable`: its threshold or words) or switch it off in
/// configuration, and the reason in one sentence.
pub fn rule_basis(
    lang: super::Lang,
    cite: Option<&str>,
    reason: Option<&str>,
    tunable: bool,
) -> String {
    use super::Lang;
    let change = match (lang, tunable) {
        (Lang::Zh, true) => "本单位可在配置中调整其设置或关闭此项。",
        (Lang::Zh, false) => "本单位可在配置中关闭此项。",
        (Lang::En, true) => {
            "Your office can change its settings or switch it off in the configuration."
        }
        (Lang::En, false) => "Your office can switch it off in the configuration.",
    };
    match (lang, cite, reason) {
        (Lang::Zh, Some(cite), None) => format!("{cite}。"),
        (Lang::Zh, Some(cite), Some(reason)) => format!("{cite}；{reason}{change}"),
        (Lang::Zh, None, reason) => {
            format!(
                "本工具的审核做法，不是文件规定：{}{change}",
                reason.unwrap_or("")
            )
        }
        (Lang::En, Some(cite), None) => format!("{cite}."),
        (Lang::En, Some(cite), Some(reason)) => format!("{cite}. {reason} {change}"),
        (Lang::En, None, reason) => format!(
            "{} This is a review practice of this tool, not a rule of any document. {change}",
            reason.unwrap_or("")
        ),
    }
}
