//! The words of writing from the desk: the editor, its questions, drafts.

use super::{Lang, Phrase, pick};

/// The editor's title line: what is being written, and where.
pub const NEW_COMMENT: Phrase = Phrase::new("新意见", "new comment");
pub const EDIT_COMMENT: Phrase = Phrase::new("修改意见", "edit comment");
pub const REWORD_PART: Phrase = Phrase::new("改写审核意见", "reword the notice");
pub const ADD_POINT: Phrase = Phrase::new("增加一点审核意见", "add a point to the notice");
pub const DISMISS_REASON: Phrase = Phrase::new("不采纳的原因", "why the flag is dismissed");
pub const DISMISS_RULE_REASON: Phrase = Phrase::new(
    "不采纳该规则全部问题的原因",
    "why every flag of the rule is dismissed",
);

pub fn editor_title(lang: Lang, what: Phrase, place: &str, restored: Option<&str>) -> String {
    let what = what.get(lang);
    match restored {
        Some(at) => pick(
            lang,
            format!("{what} · {place} · 恢复的草稿（{at}）"),
            format!("{what} · {place} · restored draft ({at})"),
        ),
        None => format!("{what} · {place}"),
    }
}

pub fn discard_prompt(lang: Lang) -> &'static str {
    pick(
        lang,
        "放弃这段还没保存的意见？ y 放弃 · n 继续写",
        "Throw away this unsaved comment? y discard · n keep writing",
    )
}

pub fn withdraw_prompt(lang: Lang) -> &'static str {
    pick(
        lang,
        "撤回这条意见？（记录保留在历史中） y 撤回 · n 取消",
        "Withdraw this comment? (it stays in the history) y withdraw · n cancel",
    )
}

pub fn not_a_comment(lang: Lang) -> &'static str {
    pick(
        lang,
        "光标不在一条有效意见上：在第 6 栏“审核意见”中选中意见后再按",
        "The cursor is not on a standing comment: select one in pane 6 first",
    )
}

pub fn comment_is_empty(lang: Lang) -> &'static str {
    pick(
        lang,
        "意见是空的，没有保存；Esc 关闭编辑框",
        "The comment is empty and was not saved; Esc closes the editor",
    )
}

pub fn comment_saved(lang: Lang) -> &'static str {
    pick(lang, "意见已保存", "Comment saved")
}

pub fn changed_since_seen(lang: Lang) -> &'static str {
    pick(
        lang,
        "已保存，但申报表在你打开后已被重新提交：这条记录按你看到的版本保存，显示为“针对此前提交的版本”",
        "Saved, but the declaration was resubmitted after you opened it: the record is kept against the version you saw and shows as made on an earlier version",
    )
}

/// After the editor's title, when a restored draft keeps the name it was
/// begun under.
pub fn signed_as(lang: Lang, name: &str) -> String {
    let name = crate::sanitize::display_line(name);
    pick(lang, format!(" · 署名 {name}"), format!(" · signed {name}"))
}

pub fn draft_restored(lang: Lang, at: &str) -> String {
    pick(
        lang,
        format!("已恢复 {at} 未保存的意见草稿：Ctrl-S 保存，Esc 放弃"),
        format!("Restored an unsaved draft from {at}: Ctrl-S saves, Esc discards"),
    )
}

pub fn draft_left_for_later(lang: Lang, file: &str) -> String {
    let file = crate::sanitize::display_line(file);
    pick(
        lang,
        format!("有一份 {file} 的意见草稿，但此文件现在打不开；草稿保留到下次"),
        format!("A draft for {file} is kept, but that file does not open now"),
    )
}

/// The draft store could not keep the words: say so, loudly.
pub fn draft_not_kept(lang: Lang, why: &std::io::Error) -> String {
    pick(
        lang,
        format!("草稿无法自动保存（{why}）：请尽快 Ctrl-S 保存意见"),
        format!("The draft cannot be kept ({why}): save with Ctrl-S soon"),
    )
}

/// The mark on a comment whose text was changed after it was made.
pub fn edited(lang: Lang) -> &'static str {
    pick(lang, "（已修改）", " (edited)")
}

/// After a failed save: where the words are now.
pub fn words_kept(lang: Lang) -> &'static str {
    pick(
        lang,
        "。意见仍在编辑框和草稿中，问题解决后再按 Ctrl-S",
        ". The words are still in the editor and the draft; Ctrl-S again once it is fixed",
    )
}

pub fn edited_comment_gone(lang: Lang) -> &'static str {
    pick(
        lang,
        "要修改的意见已被撤回，没有保存；再按 Ctrl-S 会把这段话作为同一位置的新意见保存",
        "The comment being edited was withdrawn, so nothing was saved; Ctrl-S again saves these words as a new comment at the same place",
    )
}

pub fn rescanning(lang: Lang) -> &'static str {
    pick(lang, "正在重新读取文件夹…", "Reading the folder again…")
}

/// Approving over error flags that still stand: asked before the grade.
pub fn approve_anyway_prompt(lang: Lang, errors: usize) -> String {
    pick(
        lang,
        format!("仍有 {errors} 个错误未处理，确定通过？ y 通过 · n 返回"),
        format!("{errors} error flag(s) still stand. Approve anyway? y approve · n back"),
    )
}

pub fn not_a_flag(lang: Lang) -> &'static str {
    pick(
        lang,
        "光标所在行没有问题可采纳或不采纳",
        "the line under the cursor has no flag to include or dismiss",
    )
}

pub fn flag_dismissed(lang: Lang) -> &'static str {
    pick(
        lang,
        "已不采纳：这个问题不会写入审核意见",
        "dismissed: the flag stays out of the notice",
    )
}

/// A flag's disposition as a pane marks it: `不采纳：原因`, `采纳`.
pub fn judgement_mark(lang: Lang, disposition: Phrase, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("{}{}{}", disposition.get(lang), super::colon(lang), r),
        None => disposition.get(lang).to_string(),
    }
}

/// After a judgement made of every flag of the rule at once.
pub fn judged_rule_wide(lang: Lang) -> &'static str {
    pick(lang, "（按规则判断全部问题）", " (every flag of the rule)")
}

/// The detail's label for a flag's disposition.
pub fn judgement_label(lang: Lang) -> &'static str {
    pick(lang, "审核判断", "judged")
}

pub fn cannot_approve_unread(lang: Lang) -> &'static str {
    pick(
        lang,
        "无法读取的文件不能通过，只能退回（写一条意见说明要怎样改，再按 r）",
        "a file that could not be read cannot be approved, only returned (write a comment saying what to fix, then r)",
    )
}

/// The title of a file that could not be read, opened to be returned.
pub fn unreadable_title(lang: Lang, file: &str) -> String {
    pick(
        lang,
        format!("{file} · 无法读取（可写意见、退回修改）"),
        format!("{file} · could not be read (comment on it, return it)"),
    )
}

/// Asked once, when no reviewer's name could be found.
pub fn sign_prompt(lang: Lang) -> &'static str {
    pick(
        lang,
        "请输入审核人姓名（将记入审核记录；Enter 确定，Esc 暂不保存）：",
        "Your name as reviewer (it signs the record; Enter to use it, Esc to put off): ",
    )
}

pub fn name_needed(lang: Lang) -> &'static str {
    pick(lang, "请输入姓名", "Type a name")
}

pub fn not_signed(lang: Lang) -> &'static str {
    pick(
        lang,
        "未保存：需要审核人姓名。文字仍在，可再次保存",
        "Not saved: a reviewer's name is needed. The words are still here; save again",
    )
}

/// The reviewer in the header; `name` empty when none is known yet.
pub fn reviewer_shown(lang: Lang, name: &str) -> String {
    match name.trim() {
        "" => pick(lang, "审核人未设置", "reviewer not set").to_string(),
        name => pick(lang, format!("审核人 {name}"), format!("reviewer {name}")),
    }
}

/// After a rule-wide 不采纳 is saved.
pub fn rule_dismissed(lang: Lang, rule: &str, flags: usize, files: usize) -> String {
    let rule = crate::sanitize::display_line(rule);
    match (lang, files) {
        (Lang::Zh, 1) => format!("已不采纳本申报表 {rule} 的全部 {flags} 个问题"),
        (Lang::Zh, _) => format!("已不采纳 {files} 份申报表中 {rule} 的全部 {flags} 个问题"),
        (Lang::En, 1) => format!("all {flags} {rule} flags here dismissed"),
        (Lang::En, _) => format!("all {flags} {rule} flags in {files} declarations dismissed"),
    }
}

/// A rule-wide 不采纳 asks first, saying what it covers.
pub fn dismiss_rule_prompt(lang: Lang, rule: &str, flags: usize, files: usize) -> String {
    let rule = crate::sanitize::display_line(rule);
    match (lang, files) {
        (Lang::Zh, 1) => format!("不采纳本申报表 {rule} 的全部 {flags} 个问题？（y/n）"),
        (Lang::Zh, _) => {
            format!("不采纳全批 {files} 份申报表中 {rule} 的全部 {flags} 个问题？（y/n）")
        }
        (Lang::En, 1) => format!("Dismiss all {flags} {rule} flags of this declaration? (y/n)"),
        (Lang::En, _) => {
            format!("Dismiss all {flags} {rule} flags in {files} declarations of the batch? (y/n)")
        }
    }
}
