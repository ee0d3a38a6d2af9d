//! Words about who wrote a record, as far as the system vouches for it.

use super::{Lang, Phrase, pick};
use crate::sanitize::display_line;

/// After a record from the shared journal of earlier builds.
pub fn unverified(lang: Lang) -> &'static str {
    pick(lang, "〔未核实〕", " [unverified]")
}

/// After a comment withdrawn by somebody else than its author.
pub fn withdrawn_by(lang: Lang, who: &str) -> String {
    pick(
        lang,
        format!("（{who}撤回）"),
        format!(" (withdrawn by {who})"),
    )
}

/// What a record does, in a few words: a comment (its text quoted).
pub fn comment_summary(lang: Lang, text: &str) -> String {
    let text = crate::sanitize::quote(text);
    pick(
        lang,
        format!("意见“{text}”"),
        format!("the comment “{text}”"),
    )
}

/// A decision, with its grade (`通过 优`).
pub fn decision_summary(lang: Lang, decided: &str) -> String {
    pick(
        lang,
        format!("审核结论“{decided}”"),
        format!("the decision “{decided}”"),
    )
}

pub fn edit_summary(lang: Lang) -> &'static str {
    pick(lang, "一次修改", "an edit")
}

pub fn withdraw_summary(lang: Lang) -> &'static str {
    pick(lang, "一次撤回", "a withdrawal")
}

/// The parts of the notice, as the history names them.
pub const OPENING: Phrase = Phrase::new("开头", "the opening");
pub const CLOSING: Phrase = Phrase::new("结尾", "the closing");
pub const ADDED_POINT: Phrase = Phrase::new("新增的一点", "a point added");
pub const POINT: Phrase = Phrase::new("一点", "a point");

/// A reworded part of the notice, in the history: which part (`added`: a
/// point of the reviewer's own), and what became of it (its new words
/// quoted at the start).
pub fn reword_summary(
    lang: Lang,
    which: Phrase,
    added: bool,
    text: Option<&str>,
    dropped: bool,
) -> String {
    let which = which.get(lang);
    match (text, dropped) {
        (_, true) => pick(
            lang,
            format!("审核意见：删去{which}"),
            format!("notice: {which} left out"),
        ),
        (Some(t), false) => {
            let t = super::requests::quoted(lang, t);
            match added {
                true => pick(
                    lang,
                    format!("审核意见：增加一点{t}"),
                    format!("notice: a point added, {t}"),
                ),
                false => pick(
                    lang,
                    format!("审核意见：{which}改写为{t}"),
                    format!("notice: {which} reworded, {t}"),
                ),
            }
        }
        (None, false) => pick(
            lang,
            format!("审核意见：{which}恢复为生成的文字"),
            format!("notice: {which} back to the generated words"),
        ),
    }
}

pub fn judgement_summary(lang: Lang) -> &'static str {
    pick(lang, "一次问题判断", "a judgement of a flag")
}

/// The heading over records that claim another account than their file's owner.
pub fn forged_heading(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("冒名记录 {n} 条（记录自称的账号与写入它的账号不符，不计入）："),
        format!(
            "{n} forged record(s) (they claim another account than the one that wrote them; not counted):"
        ),
    )
}

/// One forged record: who wrote it, whom it claims, what it does, when.
pub fn forged_line(lang: Lang, owner: &str, claims: &str, what: &str, at: &str) -> String {
    let owner = display_line(owner);
    pick(
        lang,
        format!("账号 {owner} 冒用“{claims}”写入{what} · {at}"),
        format!("the account {owner} wrote {what} as “{claims}” · {at}"),
    )
}

/// A journal named for one account and owned by another.
pub fn misnamed(lang: Lang, file: &str, owner: &str) -> String {
    let (file, owner) = (display_line(file), display_line(owner));
    pick(
        lang,
        format!(
            "审核记录被冒名建立：{file} 以他人账号命名，实为账号 {owner} 所有，其中记录一概不计入，也不会再写入"
        ),
        format!(
            "a review journal planted under another's name: {file} is owned by the account {owner}; none of its records count, and nothing is written to it"
        ),
    )
}

/// Journals that lost records while the desk watched them.
pub fn tampered(lang: Lang, files: &[String]) -> String {
    let files: Vec<String> = files.iter().map(|f| display_line(f).into_owned()).collect();
    pick(
        lang,
        format!(
            "审核记录被删改：{} 中已读到的记录不见了（删除、清空或改写）；请向同事和管理员核实",
            files.join("、")
        ),
        format!(
            "review records tampered with: records already read from {} are gone (deleted, emptied or rewritten); check with colleagues and the administrator",
            files.join(", ")
        ),
    )
}

/// The shared folder lets anyone of the group remove others' journals.
pub fn no_sticky_bit(lang: Lang, folder: &str) -> String {
    let folder = display_line(folder);
    pick(
        lang,
        format!(
            "文件夹 {folder} 未设置粘滞位：组内任何人都能删除或替换他人的审核记录。请管理员执行 chmod +t（见 README）"
        ),
        format!(
            "the folder {folder} lacks the sticky bit: anyone of the group can remove or replace another's review journal. Ask the administrator to chmod +t it (see the README)"
        ),
    )
}

/// A decision with its grade: `退回修改（中）`.
pub fn decided_with_grade(lang: Lang, decision: &str, grade: &str) -> String {
    pick(
        lang,
        format!("{decision}（{grade}）"),
        format!("{decision} ({grade})"),
    )
}

/// The desk's question before deciding over a colleague's decision.
pub fn over_colleague_prompt(lang: Lang, who: &str, at: &str, decided: &str, new: &str) -> String {
    pick(
        lang,
        format!("{who} 已于 {at} {decided}。仍要改为{new}？ y 是  n 否"),
        format!("{who} decided {decided} at {at}. Decide {new} instead? y yes  n no"),
    )
}

/// Under the decision line: a decision from the shared journal of earlier
/// builds, which decides nothing until it is made again.
pub fn unconfirmed_decision(lang: Lang, decided: &str, who: &str, at: &str) -> String {
    pick(
        lang,
        format!(
            "旧版共用审核记录中的结论“{decided}”（{who} · {at}）未经核实，不计入；请重新作出结论"
        ),
        format!(
            "the decision “{decided}” ({who} · {at}) in the shared journal of earlier builds is unverified and does not count: decide again"
        ),
    )
}

/// The list's 审核 cell for such a decision.
pub fn unconfirmed_short(lang: Lang) -> &'static str {
    pick(lang, "待确认", "confirm")
}

/// The xlsx export's sheet of what the system could not vouch for.
pub fn alarm_sheet_name(lang: Lang) -> &'static str {
    pick(lang, "核实", "Unvouched")
}

pub fn alarm_sheet_header(lang: Lang) -> [&'static str; 7] {
    pick(
        lang,
        [
            "文件",
            "部门名称",
            "情况",
            "写入账号",
            "自称",
            "内容",
            "时间",
        ],
        [
            "file",
            "department",
            "what",
            "written by",
            "claims",
            "record",
            "time",
        ],
    )
}

/// A record claiming another account than its file's owner.
pub fn forged_kind(lang: Lang) -> &'static str {
    pick(lang, "冒名记录（不计入）", "forged record (not counted)")
}

/// A journal named for one account and owned by another.
pub fn misnamed_kind(lang: Lang) -> &'static str {
    pick(
        lang,
        "冒名建立的审核记录（不计入）",
        "journal planted under another's name (not counted)",
    )
}

/// A decision from the shared journal of earlier builds.
pub fn unconfirmed_kind(lang: Lang) -> &'static str {
    pick(
        lang,
        "未核实的结论（待重新作出）",
        "unverified decision (to be made again)",
    )
}

/// A record of what was sent back, in a few words.
pub fn returned_summary(lang: Lang, points: usize) -> String {
    pick(
        lang,
        format!("留存退回的版本和审核意见（{points} 点）"),
        format!("kept the version returned and its notice ({points} points)"),
    )
}
