//! The words of the 审核意见 that goes back to a department: a document in
//! the form Chinese government offices write (GB/T 9704-2012), and its
//! English rendering for an English desk. `review::notice` says which
//! words go where; every text from a declaration or a journal reaching
//! these functions is already in its safe form.

use super::{Lang, Phrase, pick};

/// The sections of the form, in form order, and the last one for what
/// belongs to none.
pub const BASIC: Phrase = Phrase::new("基本信息", "Basic information");
pub const BUDGET: Phrase = Phrase::new("预算整体情况", "Budget");
pub const GOAL: Phrase = Phrase::new("总体绩效目标", "Overall performance goal");
pub const TASKS: Phrase = Phrase::new("年度重点工作任务", "Key tasks of the year");
pub const INDICATORS: Phrase = Phrase::new("绩效指标", "Performance indicators");
pub const OTHER: Phrase = Phrase::new("其他意见", "Other comments");

/// Shown where the config file has no `[notice] issuer`, `contact`,
/// `phone`: visible on the page, so nobody prints it unfilled.
pub const NO_ISSUER: Phrase = Phrase::new("（请填写财政局名称）", "(the bureau's name)");
pub const NO_CONTACT: Phrase = Phrase::new("（请填写联系人）", "(contact person)");
pub const NO_DEPARTMENT: Phrase = Phrase::new("（请填写部门名称）", "(the department's name)");
pub const NO_PHONE: Phrase = Phrase::new("（请填写联系电话）", "(telephone)");

/// The document's title.
pub fn title(lang: Lang, department: &str, year: Option<i32>) -> String {
    match lang {
        Lang::Zh => format!(
            "关于{department}{}部门整体预算绩效目标的审核意见",
            year.map(|y| format!("{y}年度")).unwrap_or_default()
        ),
        Lang::En => format!(
            "Review of the {}department-wide budget performance targets of {department}",
            year.map(|y| format!("{y} ")).unwrap_or_default()
        ),
    }
}

/// 主送: the department, then a colon.
pub fn addressee(lang: Lang, department: &str) -> String {
    pick(lang, format!("{department}："), format!("To {department}:"))
}

/// The form the department sent, as the opening names it.
fn the_form(lang: Lang, department: &str, year: Option<i32>) -> String {
    match lang {
        Lang::Zh => format!(
            "你单位报送的《{department}{}部门整体预算绩效目标申报表》已收悉。",
            year.map(|y| format!("{y}年度")).unwrap_or_default()
        ),
        Lang::En => format!(
            "We have received and reviewed the {}department-wide budget performance target declaration of {department}.",
            year.map(|y| format!("{y} ")).unwrap_or_default()
        ),
    }
}

/// `经审核，审核结果为“中”，` and the English subject of what follows.
fn result(lang: Lang, grade: Option<&str>) -> String {
    match (lang, grade) {
        (Lang::Zh, Some(g)) => format!("经审核，审核结果为“{g}”，"),
        (Lang::Zh, None) => "经审核，".to_string(),
        (Lang::En, Some(g)) => format!("The result of the review is \"{g}\"; it"),
        (Lang::En, None) => "It".to_string(),
    }
}

/// The opening of a notice that returns the declaration for revision.
pub fn opening_returned(
    lang: Lang,
    department: &str,
    year: Option<i32>,
    grade: Option<&str>,
    deadline: &str,
    earlier: &str,
) -> String {
    let (form, result) = (the_form(lang, department, year), result(lang, grade));
    pick(
        lang,
        format!(
            "{form}{result}现退回修改，请于{deadline}前修改完善后重新报送。{earlier}具体意见如下："
        ),
        format!(
            "{form} {result} is returned for revision. Please revise it and submit it again by {deadline}. {earlier}Our comments follow."
        ),
    )
}

/// What the opening of a second round says of the last notice's points:
/// `上次退回意见第2、5点未修改，第3点修改后问题仍在。`; empty when every
/// point was answered.
pub fn earlier_points(lang: Lang, untouched: &[usize], still: &[usize]) -> String {
    let list =
        |v: &[usize], sep: &str| v.iter().map(usize::to_string).collect::<Vec<_>>().join(sep);
    let zh = match (untouched.is_empty(), still.is_empty()) {
        (true, true) => return String::new(),
        (false, true) => format!("上次退回意见第{}点未修改。", list(untouched, "、")),
        (true, false) => format!("上次退回意见第{}点修改后问题仍在。", list(still, "、")),
        (false, false) => format!(
            "上次退回意见第{}点未修改，第{}点修改后问题仍在。",
            list(untouched, "、"),
            list(still, "、")
        ),
    };
    let en = match (untouched.is_empty(), still.is_empty()) {
        (false, true) => format!(
            "Points {} of our last notice were not addressed. ",
            list(untouched, ", ")
        ),
        (true, false) => format!(
            "Points {} of our last notice were changed, but the problem remains. ",
            list(still, ", ")
        ),
        _ => format!(
            "Points {} of our last notice were not addressed, and points {} were changed but the problem remains. ",
            list(untouched, ", "),
            list(still, ", ")
        ),
    };
    pick(lang, zh, en)
}

/// The opening of a notice for an approved declaration with suggestions.
pub fn opening_approved(
    lang: Lang,
    department: &str,
    year: Option<i32>,
    grade: Option<&str>,
) -> String {
    let (form, result) = (the_form(lang, department, year), result(lang, grade));
    pick(
        lang,
        format!("{form}{result}予以通过。以下意见供你单位参考："),
        format!("{form} {result} is approved. The following suggestions are for your reference."),
    )
}

/// The indent of a paragraph's first line in text: two full-width
/// spaces in Chinese, as on paper; two spaces in English.
pub fn text_indent(lang: Lang) -> &'static str {
    pick(lang, "\u{3000}\u{3000}", "  ")
}

/// The opening of a notice for a file that could not be read at all.
pub fn opening_unreadable(lang: Lang, why: &str, deadline: &str) -> String {
    pick(
        lang,
        format!(
            "你单位报送的部门整体预算绩效目标申报表文件无法读取，未能审核。原因是：{why}。现予退回，请于{deadline}前按模板修正后重新报送。"
        ),
        format!(
            "The budget performance target declaration you sent could not be read, so it was not reviewed. The reason: {why}. It is returned; please correct it following the template and submit it again by {deadline}."
        ),
    )
}

/// The sections' numbers: 一、二、… (and their English 1. 2. …).
pub fn section_number(lang: Lang, n: usize) -> String {
    pick(lang, format!("{}、", numeral(n)), format!("{n}. "))
}

/// The points' numbers within a section: （一）（二）…
pub fn point_number(lang: Lang, n: usize) -> String {
    pick(lang, format!("（{}）", numeral(n)), format!("({n}) "))
}

/// 1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九; larger numbers as digits.
fn numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// What ends a sentence: `。` / `.`.
pub fn full_stop(lang: Lang) -> &'static str {
    pick(lang, "。", ".")
}

/// 联系人：…，联系电话：…。
pub fn contact(lang: Lang, person: &str, phone: &str) -> String {
    pick(
        lang,
        format!("联系人：{person}，联系电话：{phone}。"),
        format!("Contact: {person}, telephone {phone}."),
    )
}

/// The notice's date: 2026年12月1日 / 1 December 2026.
pub fn date(lang: Lang, year: i16, month: i8, day: i8) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => {
            let m = usize::try_from(month - 1)
                .ok()
                .and_then(|m| MONTHS.get(m))
                .unwrap_or(&"");
            format!("{day} {m} {year}")
        }
    }
}

/// The command's one warning when the config does not say who sends the
/// notice: it still works, with the gaps visible on the page.
pub fn notice_settings_missing(lang: Lang, missing: &[&str]) -> String {
    let keys = missing.join(", ");
    pick(
        lang,
        format!(
            "配置文件的 [notice] 没有 {keys}：审核意见里相应位置留有“（请填写…）”，打印前请补上，或在配置文件中设置"
        ),
        format!(
            "the config file's [notice] has no {keys}: the notice shows \"(…)\" in their place; fill them in before printing, or set them in the config file"
        ),
    )
}

/// The file a notice is written to, beside its declaration's stem.
pub fn notice_file_suffix(lang: Lang) -> &'static str {
    pick(lang, "审核意见", "review-notice")
}

/// A notice's document that could not be made.
pub fn document_problem(lang: Lang, file: &str, why: &str) -> String {
    let (file, why) = (
        crate::sanitize::display_line(file),
        crate::sanitize::display_line(why),
    );
    pick(
        lang,
        format!("无法生成 {file} 的审核意见文档（{why}），什么也没有写入"),
        format!("cannot make the notice for {file} ({why}); nothing was written"),
    )
}

/// What the preview marks on a part a reviewer changed (never printed).
pub const MARK_REWORDED: Phrase = Phrase::new("〔已改写〕", " [reworded]");
pub const MARK_ADDED: Phrase = Phrase::new("〔新增〕", " [added]");
pub const MARK_DROPPED: Phrase =
    Phrase::new("〔已删去，按 x 恢复〕", " [left out; x puts it back]");

/// The preview of a resubmitted file whose earlier version was reworded.
pub fn stale_rewordings(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!(
            "申报表已重新报送：此前版本的审核意见上有 {n} 处改写，未用于这一版本，请重新核对后再改写。"
        ),
        format!(
            "The declaration was resubmitted: {n} rewordings of the earlier version's notice are not applied to this one; look again and reword what still needs it."
        ),
    )
}

/// x on the opening or the closing: the letter needs both.
pub const KEEP_OPENING_AND_CLOSING: Phrase = Phrase::new(
    "开头和结尾不能删去，可以按 e 改写",
    "the opening and the closing stay; e rewords them",
);

/// A part reworded, left out, put back or added.
pub const REWORDED: Phrase = Phrase::new(
    "已记录对审核意见的修改（只用于这一版本的申报表）",
    "the notice's wording is recorded (for this version of the declaration)",
);

/// The desk's preview of a notice: its title bar and what it says when
/// the declaration is not one that gets a notice.
pub const PREVIEW: Phrase = Phrase::new("审核意见预览", "notice preview");
pub const PREVIEW_NONE: Phrase = Phrase::new(
    "这份申报表还没有退回修改，也没有可供参考的意见：审核意见要在退回修改（或通过且有意见）后才会发出。下面是退回时部门会收到的内容。",
    "This declaration has not been returned and has no suggestions: a notice goes out once it is returned (or approved with comments). Below is what the department would receive if it were returned.",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_as_chinese_documents_count() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100]
            .iter()
            .map(|&n| numeral(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "100"
            ]
        );
    }
}
