//! One line of a review journal: who said what about which place, when,
//! and about which version of the declaration.

use crate::i18n::{Phrase, decisions as words};
use serde::{Deserialize, Serialize};

/// The version of the journal line format this build writes and reads.
pub const RECORD_VERSION: u32 = 1;

/// A record as it stands in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Line format version.
    pub v: u32,
    /// Unique across reviewers and machines (time, process, counter, host-free).
    pub id: String,
    /// The name the reviewer gave (`--reviewer`, the config file): a
    /// display name anyone can type.
    pub reviewer: String,
    /// The operating-system login of the process that wrote the record,
    /// from its user id (not from `$USER`), so that a name typed for
    /// someone else shows. Absent in records of earlier builds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// UTC, RFC 3339 (`2026-11-26T15:10:00.123Z`).
    pub at: String,
    /// SHA-256 of the declaration file when the record was written, so a
    /// resubmitted file's old comments can be told apart.
    pub declaration_sha256: String,
    #[serde(flatten)]
    pub body: Body,
}

impl Record {
    /// Can this record be shown for what it claims? A time that is not RFC
    /// 3339 or a reviewer who is blank once invisible characters are
    /// removed makes the line unreadable: it is skipped and reported.
    pub fn is_sound(&self) -> bool {
        self.at.parse::<jiff::Timestamp>().is_ok() && !crate::sanitize::is_blank(&self.reviewer)
    }
}

/// What a record says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    /// A comment on a place.
    Comment { place: Place, text: String },
    /// A new text for an earlier comment (the old one stays in the history).
    Edit { of: String, text: String },
    /// An earlier comment taken back.
    Withdraw { of: String },
    /// The decision on the declaration; the latest counts.
    Decision {
        decision: Decision,
        grade: Option<Grade>,
    },
    /// The reviewer's judgement of one flag (its rule at its place): it
    /// goes to the department, or it does not, and why. The latest counts.
    Disposition {
        rule: String,
        path: String,
        disposition: Disposition,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The reviewer's judgement of every flag of one rule in this version
    /// of the file, said once (a rule that does not apply to this form or
    /// this batch). A later judgement of one place overrides it there, and
    /// a later one of the rule overrides those: the latest counts.
    RuleDisposition {
        rule: String,
        disposition: Disposition,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The reviewer's own words for a part of the 审核意见 of this version
    /// of the file: `opening`, `closing`, a point by its key, or a point
    /// of their own (`added/…`, placed `after` a point). `text` replaces
    /// the words; `dropped` leaves the part out; neither gives the part
    /// its generated words back. The latest for a part counts.
    Reword {
        part: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        dropped: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// What was sent back to the department: this version of the
    /// declaration as format v1 JSON (absent when it would not fit the
    /// journal's caps), and the points of the 审核意见 as sent, so that
    /// the resubmission can be held against them. The latest counts.
    Returned {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        declaration: Option<Kept>,
        points: Vec<SentPoint>,
    },
}

/// A declaration kept in a record: the text of its format v1 document,
/// as a JSON string (a few KB held as text, not a tree of values many
/// times that: a desk may hold thousands). Read through the format's own
/// loader when it is needed, so a record written by hand is held to the
/// format like any file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kept(String);

impl Kept {
    pub fn new(json: String) -> Kept {
        Kept(json)
    }

    /// The document's text.
    pub fn text(&self) -> &str {
        &self.0
    }
}

/// A point of a 审核意见 as sent, numbered by its place in it (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentPoint {
    /// The point's key (`4/HIER-01/…`, `4/row/indicators[3]`, `comment/…`).
    pub key: String,
    /// Its first paragraph, as the department read it.
    pub text: String,
    /// The rows and boxes it names, as paths.
    #[serde(default)]
    pub places: Vec<String>,
}

/// What a `reword` record's `part` names: the journal's spelling is
/// here only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    Opening,
    Closing,
    /// A point of a reviewer's own (`added/…`).
    Added,
    /// A point of the notice, by its key.
    Point(&'a str),
}

impl Part<'_> {
    pub const OPENING: &'static str = "opening";
    pub const CLOSING: &'static str = "closing";
    /// The part a new point of a reviewer's is written as; the record
    /// gives it a name of its own after this.
    pub const NEW_POINT: &'static str = "added/";

    pub fn of(part: &str) -> Part<'_> {
        match part {
            Part::OPENING => Part::Opening,
            Part::CLOSING => Part::Closing,
            p if p.starts_with(Part::NEW_POINT) => Part::Added,
            p => Part::Point(p),
        }
    }

    /// What a rewording of this part did, for the history.
    pub fn summary(self, lang: crate::i18n::Lang, text: Option<&str>, dropped: bool) -> String {
        use crate::i18n::authorship as say;
        let which = match self {
            Part::Opening => say::OPENING,
            Part::Closing => say::CLOSING,
            Part::Added => say::ADDED_POINT,
            Part::Point(_) => say::POINT,
        };
        say::reword_summary(lang, which, self == Part::Added, text, dropped)
    }
}

impl Body {
    /// What the record does, in a few words (a forged one is shown so).
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::authorship as say;
        match self {
            Body::Comment { text, .. } => say::comment_summary(lang, text),
            Body::Edit { .. } => say::edit_summary(lang).into(),
            Body::Withdraw { .. } => say::withdraw_summary(lang).into(),
            Body::Decision { decision, grade } => {
                let decision = decision.label().get(lang);
                let decided = match grade {
                    Some(g) => say::decided_with_grade(lang, decision, g.label().get(lang)),
                    None => decision.to_string(),
                };
                say::decision_summary(lang, &decided)
            }
            Body::Disposition { .. } | Body::RuleDisposition { .. } => {
                say::judgement_summary(lang).into()
            }
            Body::Reword {
                part,
                text,
                dropped,
                ..
            } => Part::of(part).summary(lang, text.as_deref(), *dropped),
            Body::Returned { points, .. } => say::returned_summary(lang, points.len()),
        }
    }
}

/// 采纳 / 不采纳: does a flag go to the department?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// 采纳: the flag is a point of the 审核意见.
    Accept,
    /// 不采纳: the reviewer judged the flag acceptable; it stays out.
    Dismiss,
}

impl Disposition {
    pub fn label(self) -> Phrase {
        match self {
            Disposition::Accept => words::ACCEPTED,
            Disposition::Dismiss => words::DISMISSED,
        }
    }
}

/// What a comment points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// The declaration as a whole.
    Declaration,
    /// A place in it, as the format spec writes paths (`budget.income.other`,
    /// `key_tasks[2]`, `indicators[7]`).
    Location { path: String },
    /// A flag: its rule and where it points.
    Flag { rule: String, path: String },
}

impl Place {
    /// Where the comment points, in the form's words: 整份申报表,
    /// 绩效指标第24行, or 绩效指标第24行 · QUANT-04 for a flag; `printed`
    /// adds a workbook's cell and the form's own-use label.
    pub fn shown(&self, lang: crate::i18n::Lang, printed: crate::model::cells::Printed) -> String {
        let at = |path: &str| {
            crate::model::Location::parse(path).map_or_else(
                || crate::sanitize::display_line(path).into_owned(),
                |l| crate::i18n::place(lang, l, printed),
            )
        };
        match self {
            Place::Declaration => crate::i18n::whole_declaration(lang).to_string(),
            Place::Location { path } => at(path),
            Place::Flag { rule, path } => crate::i18n::flag_place(&at(path), rule),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// 待审
    Pending,
    /// 通过
    Approve,
    /// 退回修改
    Return,
}

/// 优 / 良 / 中 / 差
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    #[serde(rename = "优")]
    Excellent,
    #[serde(rename = "良")]
    Good,
    #[serde(rename = "中")]
    Fair,
    #[serde(rename = "差")]
    Poor,
}

impl Decision {
    /// The grades this decision may carry (catalogue v3, *Review results*,
    /// after 财预〔2015〕88号): 通过 takes 优 or 良, 退回修改 takes 中 or
    /// 差, 待审 none; every decision may go without a grade.
    pub fn grades(self) -> &'static [Grade] {
        match self {
            Decision::Approve => &[Grade::Excellent, Grade::Good],
            Decision::Return => &[Grade::Fair, Grade::Poor],
            Decision::Pending => &[],
        }
    }

    /// Does `grade` fit this decision?
    pub fn fits(self, grade: Option<Grade>) -> bool {
        grade.is_none_or(|g| self.grades().contains(&g))
    }

    pub fn label(self) -> Phrase {
        match self {
            Decision::Pending => words::PENDING,
            Decision::Approve => words::APPROVED,
            Decision::Return => words::RETURNED,
        }
    }

    /// As the list's narrow column shows it.
    pub fn short_label(self) -> Phrase {
        match self {
            Decision::Pending => words::PENDING_SHORT,
            Decision::Approve => words::APPROVED_SHORT,
            Decision::Return => words::RETURNED_SHORT,
        }
    }
}

impl Grade {
    pub fn label(self) -> Phrase {
        match self {
            Grade::Excellent => words::EXCELLENT,
            Grade::Good => words::GOOD,
            Grade::Fair => words::FAIR,
            Grade::Poor => words::POOR,
        }
    }
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (Howard Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A time as UTC RFC 3339 with milliseconds.
pub fn rfc3339(t: std::time::SystemTime) -> String {
    let since = t.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// A fresh record id: time, process and a per-process counter, so two
/// reviewers writing in the same millisecond still differ.
pub fn new_id(now: std::time::SystemTime) -> String {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = now
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    format!("{nanos:x}-{:x}-{n:x}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn utc_times_read_as_people_write_them() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_millis(951_782_400_123)),
            "2000-02-29T00:00:00.123Z"
        );
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(1_795_705_800)),
            "2026-11-26T15:10:00.000Z"
        );
    }

    #[test]
    fn ids_differ_even_in_the_same_instant() {
        let t = std::time::SystemTime::now();
        assert_ne!(new_id(t), new_id(t));
    }

    #[test]
    fn grades_fit_decisions_as_88_says() {
        use Decision::*;
        use Grade::*;
        for (decision, fits) in [
            (Approve, [true, true, false, false]),
            (Return, [false, false, true, true]),
            (Pending, [false, false, false, false]),
        ] {
            for (grade, fit) in [Excellent, Good, Fair, Poor].into_iter().zip(fits) {
                assert_eq!(decision.fits(Some(grade)), fit, "{decision:?} {grade:?}");
            }
            assert!(decision.fits(None), "{decision:?} without a grade");
        }
    }

    #[test]
    fn a_record_is_one_json_line_with_its_kind() {
        let r = Record {
            v: RECORD_VERSION,
            id: "x".into(),
            reviewer: "王审核".into(),
            login: None,
            at: "2026-11-26T15:10:00.000Z".into(),
            declaration_sha256: "ab".into(),
            body: Body::Comment {
                place: Place::Flag {
                    rule: "QUANT-04".into(),
                    path: "indicators[23]".into(),
                },
                text: "第一行\n第二行".into(),
            },
        };
        let line = serde_json::to_string(&r).unwrap();
        assert!(!line.contains('\n'), "one line: {line}");
        assert!(line.contains(r#""kind":"comment""#) && line.contains(r#""place":{"kind":"flag""#));
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), r);
        let d = Body::Decision {
            decision: Decision::Return,
            grade: Some(Grade::Fair),
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"kind":"decision","decision":"return","grade":"中"}"#
        );
    }
}
