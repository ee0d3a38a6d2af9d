//! The 审核意见: what goes back to a department, built from the flags the
//! reviewer let stand and the comments they wrote. One [`Notice`] is the
//! document's text in order; [`markdown`](text::markdown), the desk's
//! preview ([`text::plain`]) and [`docx`] lay out the same text.
//!
//! Never in it: file names, rule IDs, severity words, dismissed flags,
//! withdrawn comments, comments on an earlier version of the file (unless
//! asked for), the names of the reviewers (the bureau speaks as one).

pub mod docx;
mod points;
pub mod text;
mod wording;

use super::record::Decision;
use super::state::{Comment, Review};
use crate::check::Entry;
use crate::config::NoticeSettings;
use crate::i18n::{Lang, Phrase, notice as words};
use crate::model::Declaration;
use crate::rules::Flag;
use crate::sanitize::display_line;
use jiff::civil::{Date, Weekday};

/// The document, in reading order. Every text is in its safe form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    /// 主送: `{部门名称}：`.
    pub addressee: String,
    pub opening: String,
    pub sections: Vec<Section>,
    /// 联系人：…，联系电话：….
    pub contact: String,
    /// 发文字号, under the title, when the office numbers its notices.
    pub number: Option<String>,
    /// The issuing bureau, signed at the foot.
    pub issuer: String,
    /// The notice's date, in words.
    pub date: String,
    /// The opening and the closing, as reworded by a reviewer or not.
    pub opening_wording: Wording,
    pub closing_wording: Wording,
    /// Parts reworded on an earlier version of the file (a resubmission):
    /// not applied, and the preview says so.
    pub stale_rewordings: usize,
}

/// One section of the form, with the points about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 基本信息, 预算整体情况, … (without its number).
    pub heading: String,
    pub points: Vec<Point>,
}

/// One problem and what to change, or one comment: a numbered point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// What a reviewer's edit of the point names: the same for the same
    /// problem while the file does not change (`4/HIER-01/…`,
    /// `comment/{id}`).
    pub key: String,
    /// The first is the point's numbered paragraph; each further one (a
    /// comment, a line of one) is a paragraph of its own.
    pub paragraphs: Vec<String>,
    /// Whose words these are: the generated ones, or a reviewer's.
    pub wording: Wording,
    /// The rows and boxes it names (none for a comment on the whole, or
    /// a reviewer's own point): what a resubmission is held to.
    pub places: Vec<crate::model::Location>,
}

/// Whose words a part of the notice has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wording {
    /// As shenhe wrote it from the flags and comments.
    #[default]
    Generated,
    /// A reviewer rewrote it.
    Reworded,
    /// A reviewer left it out: not in any document; the preview shows it,
    /// to be put back.
    Dropped,
    /// A reviewer's point of their own.
    Added,
}

/// When the notice is dated, how it is numbered, and what it leaves in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The notice's date (the reviewer's local date).
    pub date: Date,
    /// The day by which the department must send the file again.
    pub deadline: Date,
    /// Comments made on an earlier version of the file go in too.
    pub include_earlier: bool,
    /// 发文字号, `{n}` counted per export from `first_number`.
    pub number: Option<String>,
    pub first_number: u32,
}

impl Issue {
    /// Dated `date`, due `[notice] deadline_days` working days later (the
    /// holidays it lists skipped), numbered as `[notice] number` says.
    pub fn on(date: Date, settings: &NoticeSettings) -> Issue {
        Issue {
            date,
            deadline: working_days_after(date, settings.deadline_days, &settings.holidays),
            include_earlier: false,
            number: settings.number.clone(),
            first_number: 1,
        }
    }

    /// The 发文字号 of the `i`th notice of an export (from 0).
    pub fn number_of(&self, i: usize) -> Option<String> {
        let n = u64::from(self.first_number).saturating_add(i as u64);
        self.number
            .as_deref()
            .map(|template| display_line(&template.replace("{n}", &n.to_string())).into_owned())
    }
}

/// What an export asks of its notices' issue, as the reviewer typed it.
#[derive(Debug, Clone, Default)]
pub struct IssueRequest<'a> {
    /// `YYYY-MM-DD`, today or later; else `[notice] deadline_days`.
    pub deadline: Option<&'a str>,
    /// 发文字号 with `{n}`; else `[notice] number`.
    pub number: Option<&'a str>,
    /// The `{n}` of the first notice.
    pub first_number: u32,
    pub include_earlier: bool,
}

/// Why a deadline given for an export was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum DeadlineError {
    NotADate(String),
    /// Before the notice's own date: the department could not meet it.
    Past {
        given: String,
        today: Date,
    },
}

impl DeadlineError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DeadlineError::NotADate(given) => crate::i18n::bad_deadline(lang, given),
            DeadlineError::Past { given, today } => {
                crate::i18n::past_deadline(lang, given, &today.to_string())
            }
        }
    }
}

worded_error!(DeadlineError);

impl Issue {
    /// The issue of an export's notices: dated `today`, due and numbered
    /// as `request` says, else as the configuration does.
    pub fn for_export(
        today: Date,
        settings: &NoticeSettings,
        request: &IssueRequest,
    ) -> Result<Issue, DeadlineError> {
        let mut issue = Issue::on(today, settings);
        issue.include_earlier = request.include_earlier;
        if let Some(number) = request.number {
            issue.number = Some(number.to_string());
        }
        issue.first_number = request.first_number;
        if let Some(day) = request.deadline {
            let given = || day.to_string();
            match day.trim().parse::<Date>() {
                Ok(d) if d < today => {
                    return Err(DeadlineError::Past {
                        given: given(),
                        today,
                    });
                }
                Ok(d) => issue.deadline = d,
                Err(_) => return Err(DeadlineError::NotADate(given())),
            }
        }
        Ok(issue)
    }
}

/// `n` working days after `date`: Monday to Friday, none of `holidays`.
pub fn working_days_after(date: Date, n: u32, holidays: &[Date]) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return day,
        }
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        if !weekend && !holidays.contains(&day) {
            left -= 1;
        }
    }
    day
}

/// Which notice a declaration gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 退回修改: the points are what to change.
    Returned,
    /// 通过, with the comments as suggestions.
    Approved,
}

/// The notice a declaration gets as its review stands: returned ones
/// always, approved ones with comments when `approved` asks for them.
pub fn of(
    entry: &Entry,
    review: &Review,
    settings: &NoticeSettings,
    issue: &Issue,
    approved: bool,
    lang: Lang,
) -> Option<Notice> {
    let kind = match review.decision() {
        Decision::Return => Kind::Returned,
        Decision::Approve if approved && comments(review, issue).next().is_some() => Kind::Approved,
        _ => return None,
    };
    Some(build(entry, review, settings, issue, kind, lang))
}

/// The comments that go out: standing, and on this version of the file
/// unless earlier ones are asked for.
fn comments<'r>(review: &'r Review, issue: &Issue) -> impl Iterator<Item = &'r Comment> {
    let earlier = issue.include_earlier;
    review
        .standing()
        .filter(move |c| earlier || !c.earlier_version)
}

/// The notice as the department would read it were the declaration sent
/// back as `kind` now (the desk's preview, before any decision).
pub fn build(
    entry: &Entry,
    review: &Review,
    settings: &NoticeSettings,
    issue: &Issue,
    kind: Kind,
    lang: Lang,
) -> Notice {
    let deadline = date_words(lang, issue.deadline);
    // A grade the decision does not take (a hand-written or older record)
    // is left out: the notice states the decision alone.
    let grade = review
        .verdict
        .as_ref()
        .and_then(|v| v.fitting_grade())
        .map(|g| g.label().get(lang));
    let said: Vec<&Comment> = comments(review, issue).collect();
    let (department, opening, sections) = match &entry.outcome {
        Ok(checked) => {
            let d = &checked.declaration;
            let department = department_name(lang, d);
            let opening = match kind {
                Kind::Returned => {
                    let earlier = earlier_points(lang, review, checked);
                    words::opening_returned(
                        lang,
                        &department,
                        d.fiscal_year,
                        grade,
                        &deadline,
                        &earlier,
                    )
                }
                Kind::Approved => words::opening_approved(lang, &department, d.fiscal_year, grade),
            };
            let flags: Vec<&Flag> = match kind {
                Kind::Returned => review.standing_flags(&checked.flags).collect(),
                Kind::Approved => Vec::new(),
            };
            (
                department,
                opening,
                points::sections(lang, d, &flags, &said),
            )
        }
        Err(e) => {
            let department = e.department.as_deref().map_or_else(
                || words::NO_DEPARTMENT.get(lang).to_string(),
                |n| display_line(n).into_owned(),
            );
            let opening = words::opening_unreadable(lang, &e.for_department(lang), &deadline);
            (
                department,
                opening,
                points::other_section(lang, &said).into_iter().collect(),
            )
        }
    };
    let year = entry
        .outcome
        .as_ref()
        .ok()
        .and_then(|c| c.declaration.fiscal_year);
    let or = |v: &Option<String>, missing: Phrase| {
        v.as_deref().map_or_else(
            || missing.get(lang).to_string(),
            |s| display_line(s).into_owned(),
        )
    };
    // A file read too little to name its department is titled by its name.
    let titled = match &entry.outcome {
        Err(e) if e.department.is_none() => display_line(&entry.file).into_owned(),
        _ => department.clone(),
    };
    Notice {
        title: words::title(lang, &titled, year),
        number: None,
        addressee: words::addressee(lang, &department),
        opening,
        sections,
        contact: words::contact(
            lang,
            &or(&settings.contact, words::NO_CONTACT),
            &or(&settings.phone, words::NO_PHONE),
        ),
        issuer: or(&settings.issuer, words::NO_ISSUER),
        date: date_words(lang, issue.date),
        opening_wording: Wording::Generated,
        closing_wording: Wording::Generated,
        stale_rewordings: 0,
    }
    .reworded(&review.rewordings, lang)
}

/// A second round's word on the last notice: which of its points the
/// resubmission did not answer (see `review::revision`).
fn earlier_points(lang: Lang, review: &Review, checked: &crate::check::Checked) -> String {
    let Some(revision) = super::revision::of(review, checked) else {
        return String::new();
    };
    let of = |s: super::revision::Status| -> Vec<usize> {
        revision
            .points
            .iter()
            .filter(|p| p.status == s)
            .map(|p| p.n)
            .collect()
    };
    use super::revision::Status;
    words::earlier_points(lang, &of(Status::Untouched), &of(Status::StillFlagged))
}

/// The `[notice]` keys the config file leaves unset, for the command's
/// one warning.
pub fn missing_settings(settings: &NoticeSettings) -> Vec<&'static str> {
    [
        ("issuer", &settings.issuer),
        ("contact", &settings.contact),
        ("phone", &settings.phone),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(k, _)| k)
    .collect()
}

fn date_words(lang: Lang, d: Date) -> String {
    words::date(lang, d.year(), d.month(), d.day())
}

/// The department as the notice addresses it: its name, or a visible gap.
fn department_name(lang: Lang, d: &Declaration) -> String {
    crate::text::non_blank(&d.department.name).map_or_else(
        || words::NO_DEPARTMENT.get(lang).to_string(),
        |n| display_line(n.trim()).into_owned(),
    )
}

/// The lines of a comment as the reviewer wrote them, blank ones
/// dropped, each ended as a sentence where the reviewer left it open (a
/// letter's paragraphs end with a full stop).
fn comment_lines(lang: Lang, c: &Comment) -> Vec<String> {
    reviewer_lines(&c.text)
        .into_iter()
        .map(|l| match l.chars().last() {
            Some(last) if last.is_alphanumeric() => format!("{l}{}", words::full_stop(lang)),
            _ => l,
        })
        .collect()
}

/// A reviewer's text as the paragraphs of a document: its lines, made
/// safe, blank ones dropped.
fn reviewer_lines(text: &str) -> Vec<String> {
    crate::sanitize::display(text)
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests;
