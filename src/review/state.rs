//! What a journal adds up to: the comments as they stand now (edits
//! applied, withdrawals marked, made on an earlier version or not) and the
//! decision that counts (the latest).

use super::journal::Journal;
use super::journals::{Read, Sourced, Vouch};
use super::record::{Body, Decision, Disposition, Grade, Place, Record};
use crate::rules::{Flag, Severity};

/// A comment as it stands after its edits and withdrawal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: String,
    /// Who wrote it, as they gave their name.
    pub reviewer: String,
    /// The login of the process that wrote it, where the record has one.
    pub login: Option<String>,
    pub at: String,
    pub place: Place,
    /// The latest text.
    pub text: String,
    pub edited: bool,
    /// Who wrote the text that stands, when that is somebody else than
    /// the author (乙 editing 甲's comment).
    pub editor: Option<Who>,
    pub withdrawn: bool,
    /// Who withdrew it, when somebody else than the author did.
    pub withdrawn_by: Option<Who>,
    /// Made on another version of the declaration file (resubmitted since).
    pub earlier_version: bool,
    /// Vouched for by the system, or from the shared journal of earlier
    /// builds (never [`Vouch::Forged`]: a forged record does not count).
    pub vouch: Vouch,
}

impl Comment {
    /// Takes an edit or a withdrawal of this comment, by `login`.
    fn take(&mut self, r: &Record, login: &Option<String>) {
        // Somebody else than the author: who, is said with it.
        let by = (r.reviewer != self.reviewer || *login != self.login).then(|| Who {
            name: r.reviewer.clone(),
            login: login.clone(),
        });
        match &r.body {
            Body::Edit { text, .. } => {
                self.text = text.clone();
                self.edited = true;
                // The words that stand are the last editor's.
                self.editor = by;
            }
            Body::Withdraw { .. } => {
                self.withdrawn = true;
                self.withdrawn_by = by;
            }
            _ => {}
        }
    }

    /// Who wrote the words of the comment that stand: `甲`, or `甲（乙修改）`
    /// when somebody else edited them; with the logins where they differ
    /// from the names (the desk, the xlsx and json exports), or without
    /// (the notice that goes to the department).
    pub fn author(&self, lang: crate::i18n::Lang, logins: bool) -> String {
        let sign = |name: &str, login: Option<&str>| {
            if logins {
                crate::i18n::signed(lang, name, login)
            } else {
                crate::sanitize::display_line(name).into_owned()
            }
        };
        let author = sign(&self.reviewer, self.login.as_deref());
        let editor = self
            .editor
            .as_ref()
            .map(|e| sign(&e.name, e.login.as_deref()));
        crate::i18n::edited_by(lang, &author, editor.as_deref())
    }
}

/// Somebody who wrote a record: the name they gave and the login the
/// record carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub name: String,
    pub login: Option<String>,
}

/// The decision that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub decision: Decision,
    pub grade: Option<Grade>,
    pub reviewer: String,
    pub login: Option<String>,
    pub at: String,
    pub earlier_version: bool,
    pub vouch: Vouch,
}

impl Verdict {
    /// The decision and its grade in words (`退回修改（中）`).
    pub fn decided(&self, lang: crate::i18n::Lang) -> String {
        let decision = self.decision.label().get(lang);
        match self.fitting_grade() {
            Some(g) => {
                crate::i18n::authorship::decided_with_grade(lang, decision, g.label().get(lang))
            }
            None => decision.to_string(),
        }
    }

    /// The grade as it may be shown beside the decision: none where the
    /// record pairs them against the catalogue (written by hand or by an
    /// older version), so that no document says 审核结果为“差”，予以通过.
    pub fn fitting_grade(&self) -> Option<Grade> {
        self.grade.filter(|_| !self.contradicts())
    }

    /// The record holds a grade its decision does not take.
    pub fn contradicts(&self) -> bool {
        !self.decision.fits(self.grade)
    }
}

/// A reviewer's disposition of a flag, as the journal has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub rule: String,
    /// The flag's place; `None` for every flag of the rule in the file
    /// (a rule-wide judgement).
    pub path: Option<String>,
    pub disposition: Disposition,
    /// Why a flag was dismissed (always given for 不采纳).
    pub reason: Option<String>,
    pub reviewer: String,
    pub login: Option<String>,
    pub at: String,
    /// Made on another version of the file: the flags may have changed
    /// with it, so it no longer counts, and shows as history.
    pub earlier_version: bool,
    pub vouch: Vouch,
}

impl Disposition {
    /// What a flag nobody has judged gets: errors and warnings go to the
    /// department, notes (提示) do not.
    pub fn default_for(severity: Severity) -> Disposition {
        match severity {
            Severity::Error | Severity::Warning => Disposition::Accept,
            Severity::Info => Disposition::Dismiss,
        }
    }
}

/// A declaration's review as its journal tells it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    /// Every comment, withdrawn ones included, in the order they were made.
    pub comments: Vec<Comment>,
    /// The decision that counts: the latest the system vouches for.
    pub verdict: Option<Verdict>,
    /// The latest decision of the shared journal of earlier builds: shown,
    /// to be confirmed (decided again), never counted.
    pub unconfirmed: Option<Verdict>,
    /// Every disposition of a flag, in the order they were made.
    pub dispositions: Vec<Judged>,
    /// Journal lines that did not read (see [`Journal::skipped`]).
    pub skipped: Vec<usize>,
    /// Why the journal could not be read at all (a link or a FIFO in its
    /// place, over the size cap); then there are no records.
    pub journal_problem: Option<super::JournalError>,
    /// Records that claim another account than the one that wrote them:
    /// shown as forged, never counted. With the login of who wrote each.
    pub forged: Vec<(Record, String)>,
    /// Journals named for one account and owned by another: (file name,
    /// owner's login). None of their records count.
    pub misnamed: Vec<(String, String)>,
    /// Each journal read, by file name, with the ids of its records: what
    /// the desk compares to tell a journal that lost records.
    pub seen: Vec<(String, Vec<String>)>,
    /// Journals that lost records while the desk watched them (filled by
    /// the desk, which saw both readings; see [`Review::lost_since`]).
    pub tampered: Vec<String>,
    /// The reviewers' own words for the notice, in the order written;
    /// only what the system vouches for (the notice is the bureau's).
    pub rewordings: Vec<Reworded>,
    /// What was sent back to the department, each time, in the order
    /// written; only what the system vouches for.
    pub returned: Vec<Returned>,
}

/// A version of the declaration sent back, with the points of its notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// The version sent back (SHA-256 of the file).
    pub sha: String,
    pub at: String,
    pub reviewer: String,
    /// That version as format v1 JSON; `None` when it did not fit the
    /// journal's caps.
    pub declaration: Option<super::record::Kept>,
    pub points: Vec<super::record::SentPoint>,
    /// Sent back as another version than the one in the folder now: the
    /// department has resubmitted since.
    pub earlier_version: bool,
}

/// A part of the notice reworded, dropped or added by a reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reworded {
    pub part: String,
    pub text: Option<String>,
    pub dropped: bool,
    pub after: Option<String>,
    pub reviewer: String,
    pub login: Option<String>,
    pub at: String,
    /// Written on another version of the file: not applied to this one.
    pub earlier_version: bool,
}

impl Review {
    /// Adds up one journal whose every record is taken as vouched for
    /// (tests, and the records a caller has already weighed).
    pub fn of(journal: &Journal, current_sha256: &str) -> Review {
        let sourced = journal.records.iter().map(|r| Sourced {
            record: r,
            vouch: Vouch::Vouched,
            login: r.login.clone(),
            when: None,
        });
        Review::of_sourced(sourced, journal.skipped.clone(), current_sha256)
    }

    /// Adds up every journal of a declaration, their records in the order
    /// of their times (a journal's own order where two agree; no record
    /// later than its file last changed).
    pub fn of_journals(reads: &[Read], current_sha256: &str) -> Review {
        let mut all: Vec<Sourced> = reads.iter().flat_map(Read::sourced).collect();
        all.sort_by_key(|s| s.when);
        let skipped = reads
            .iter()
            .flat_map(|r| r.journal.skipped.clone())
            .collect();
        let mut review = Review::of_sourced(all.into_iter(), skipped, current_sha256);
        let name = |r: &Read| crate::load::file_label(&r.file.path);
        review.misnamed = reads
            .iter()
            .filter(|r| r.misnamed())
            .map(|r| {
                (
                    name(r),
                    r.owner
                        .as_ref()
                        .map(|o| o.login.clone())
                        .unwrap_or_default(),
                )
            })
            .collect();
        review.seen = reads
            .iter()
            .map(|r| {
                (
                    name(r),
                    r.journal.records.iter().map(|x| x.id.clone()).collect(),
                )
            })
            .collect();
        review
    }

    fn of_sourced<'j>(
        records: impl Iterator<Item = Sourced<'j>>,
        skipped: Vec<usize>,
        current_sha256: &str,
    ) -> Review {
        let mut review = Review {
            skipped,
            ..Review::default()
        };
        // Edits and withdrawals find their comment by id at once: a journal
        // of many edits must not cost edits × comments.
        let mut by_id: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut later: Vec<(&Record, Option<String>)> = Vec::new();
        for Sourced {
            record: r,
            vouch,
            login,
            ..
        } in records
        {
            if let Vouch::Forged { owner } = vouch {
                review.forged.push((r.clone(), owner));
                continue;
            }
            let earlier_version = r.declaration_sha256 != current_sha256;
            let found = |of: &str| by_id.get(of).copied();
            let judged =
                |rule: &String, path: Option<&String>, disposition, reason: &Option<String>| {
                    Judged {
                        rule: rule.clone(),
                        path: path.cloned(),
                        disposition,
                        reason: reason.clone(),
                        reviewer: r.reviewer.clone(),
                        login: login.clone(),
                        at: r.at.clone(),
                        earlier_version,
                        vouch: vouch.clone(),
                    }
                };
            match &r.body {
                Body::Comment { place, text } => {
                    by_id.entry(r.id.as_str()).or_insert(review.comments.len());
                    review.comments.push(Comment {
                        id: r.id.clone(),
                        reviewer: r.reviewer.clone(),
                        login: login.clone(),
                        at: r.at.clone(),
                        place: place.clone(),
                        text: text.clone(),
                        edited: false,
                        editor: None,
                        withdrawn: false,
                        withdrawn_by: None,
                        earlier_version,
                        vouch: vouch.clone(),
                    });
                }
                Body::Edit { of, .. } | Body::Withdraw { of } => {
                    match found(of).and_then(|i| review.comments.get_mut(i)) {
                        Some(c) => c.take(r, &login),
                        // Its comment comes later in time (one machine's
                        // clock behind another's): applied after them all.
                        None => later.push((r, login.clone())),
                    }
                }
                Body::Decision { decision, grade } => {
                    let verdict = Verdict {
                        decision: *decision,
                        grade: *grade,
                        reviewer: r.reviewer.clone(),
                        login: login.clone(),
                        at: r.at.clone(),
                        earlier_version,
                        vouch: vouch.clone(),
                    };
                    // A decision nobody vouches for (the shared journal of
                    // earlier builds, which any of the group could append
                    // to) decides nothing: it waits to be confirmed.
                    match vouch {
                        Vouch::Vouched => review.verdict = Some(verdict),
                        _ => review.unconfirmed = Some(verdict),
                    }
                }
                Body::Disposition {
                    rule,
                    path,
                    disposition,
                    reason,
                } => review
                    .dispositions
                    .push(judged(rule, Some(path), *disposition, reason)),
                Body::RuleDisposition {
                    rule,
                    disposition,
                    reason,
                } => review
                    .dispositions
                    .push(judged(rule, None, *disposition, reason)),
                Body::Reword {
                    part,
                    text,
                    dropped,
                    after,
                } if vouch == Vouch::Vouched => review.rewordings.push(Reworded {
                    part: part.clone(),
                    text: text.clone(),
                    dropped: *dropped,
                    after: after.clone(),
                    reviewer: r.reviewer.clone(),
                    login: login.clone(),
                    at: r.at.clone(),
                    earlier_version,
                }),
                Body::Reword { .. } => {}
                Body::Returned {
                    declaration,
                    points,
                } if vouch == Vouch::Vouched => review.returned.push(Returned {
                    sha: r.declaration_sha256.clone(),
                    at: r.at.clone(),
                    reviewer: r.reviewer.clone(),
                    declaration: declaration.clone(),
                    points: points.clone(),
                    earlier_version,
                }),
                Body::Returned { .. } => {}
            }
        }
        for (r, login) in later {
            let of = match &r.body {
                Body::Edit { of, .. } | Body::Withdraw { of } => of,
                _ => continue,
            };
            if let Some(c) = by_id
                .get(of.as_str())
                .and_then(|&i| review.comments.get_mut(i))
            {
                c.take(r, &login);
            }
        }
        review
    }

    /// The last version sent back that is not the one in the folder now:
    /// what this resubmission answers (this version may itself have been
    /// sent back since).
    pub fn answered(&self) -> Option<&Returned> {
        self.returned.iter().rev().find(|r| r.earlier_version)
    }

    /// The decision that stands on this version when another account than
    /// `me` made it: deciding otherwise asks first.
    pub fn colleague_verdict(&self, me: Option<&str>) -> Option<&Verdict> {
        self.verdict
            .as_ref()
            .filter(|v| !v.earlier_version && v.login.as_deref() != me)
    }

    /// The journals that held records in `before` which this reading no
    /// longer has: emptied, cut short, rewritten or removed.
    pub fn lost_since(&self, before: &Review) -> Vec<String> {
        before
            .seen
            .iter()
            .filter(|(file, ids)| {
                let now: std::collections::HashSet<&String> = self
                    .seen
                    .iter()
                    .filter(|(f, _)| f == file)
                    .flat_map(|(_, ids)| ids)
                    .collect();
                ids.iter().any(|id| !now.contains(id))
            })
            .map(|(file, _)| file.clone())
            .collect()
    }

    /// Anything the system cannot vouch for that a reviewer must see: a
    /// forged record, a planted journal, records lost while watched.
    pub fn alarmed(&self) -> bool {
        !self.forged.is_empty() || !self.misnamed.is_empty() || !self.tampered.is_empty()
    }

    /// The disposition that counts for the flag of `rule` at `path`: the
    /// latest made on this version of the file, of that place or of the
    /// whole rule (so a judgement of one place after a rule-wide one
    /// overrides it there).
    pub fn judged(&self, rule: &str, path: &str) -> Option<&Judged> {
        // Only a judgement the system vouches for counts: one from the
        // shared journal of earlier builds could be anybody's.
        self.dispositions.iter().rev().find(|j| {
            j.vouch == Vouch::Vouched
                && !j.earlier_version
                && j.rule == rule
                && j.path.as_deref().is_none_or(|p| p == path)
        })
    }

    /// The reviewer's dismissal of `flag` (不采纳, with its reason), if
    /// that is how it was last judged.
    pub fn dismissal(&self, flag: &Flag) -> Option<&Judged> {
        // Most reviews judge nothing: no place is spelled out for them.
        if self.dispositions.is_empty() {
            return None;
        }
        self.judged(flag.rule().id(), &flag.location.to_string())
            .filter(|j| j.disposition == Disposition::Dismiss)
    }

    /// The reviewer's disposition of `flag` where there is one, the
    /// default for its severity where not.
    pub fn disposition_of(&self, flag: &Flag) -> Disposition {
        if self.dispositions.is_empty() {
            return Disposition::default_for(flag.severity);
        }
        self.judged(flag.rule().id(), &flag.location.to_string())
            .map_or(Disposition::default_for(flag.severity), |j| j.disposition)
    }

    /// The flags that go to the department (采纳).
    pub fn standing_flags<'f>(&self, flags: &'f [Flag]) -> impl Iterator<Item = &'f Flag> {
        flags
            .iter()
            .filter(|f| self.disposition_of(f) == Disposition::Accept)
    }

    /// Error flags still standing: what approving would pass over.
    pub fn standing_errors<'f>(&self, flags: &'f [Flag]) -> Vec<&'f Flag> {
        self.standing_flags(flags)
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    /// Comments not withdrawn.
    pub fn standing(&self) -> impl Iterator<Item = &Comment> {
        self.comments.iter().filter(|c| !c.withdrawn)
    }

    /// The file was resubmitted after reviewers wrote about it: some
    /// record was made on an earlier version (已重报).
    pub fn resubmitted(&self) -> bool {
        self.comments.iter().any(|c| c.earlier_version)
            || self.verdict.as_ref().is_some_and(|v| v.earlier_version)
            || self.dispositions.iter().any(|j| j.earlier_version)
    }

    /// 待审 unless a decision was made.
    pub fn decision(&self) -> Decision {
        self.verdict
            .as_ref()
            .map_or(Decision::Pending, |v| v.decision)
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::{RECORD_VERSION, Record};
    use super::*;

    fn rec(id: &str, sha: &str, body: Body) -> Record {
        Record {
            v: RECORD_VERSION,
            id: id.into(),
            reviewer: "王审核".into(),
            login: None,
            at: format!("2026-11-26T15:00:0{}.000Z", id.len()),
            declaration_sha256: sha.into(),
            body,
        }
    }

    fn comment(text: &str) -> Body {
        Body::Comment {
            place: Place::Declaration,
            text: text.into(),
        }
    }

    #[test]
    fn edits_replace_text_withdrawals_mark_and_the_latest_decision_counts() {
        let journal = Journal {
            records: vec![
                rec("a", "old", comment("预算不平衡")),
                rec("b", "new", comment("指标未量化")),
                rec(
                    "c",
                    "new",
                    Body::Edit {
                        of: "b".into(),
                        text: "指标未量化，请补充数值".into(),
                    },
                ),
                rec("d", "new", Body::Withdraw { of: "a".into() }),
                rec(
                    "e",
                    "new",
                    Body::Decision {
                        decision: Decision::Approve,
                        grade: Some(Grade::Good),
                    },
                ),
                rec(
                    "f",
                    "new",
                    Body::Decision {
                        decision: Decision::Return,
                        grade: Some(Grade::Fair),
                    },
                ),
                rec(
                    "g",
                    "new",
                    Body::Edit {
                        of: "nope".into(),
                        text: "ignored".into(),
                    },
                ),
            ],
            skipped: vec![8],
            bytes: 0,
        };
        let r = Review::of(&journal, "new");
        assert_eq!(r.comments.len(), 2);
        assert!(r.comments[0].withdrawn && r.comments[0].earlier_version);
        assert_eq!(r.comments[1].text, "指标未量化，请补充数值");
        assert!(r.comments[1].edited && !r.comments[1].earlier_version);
        assert_eq!(r.standing().count(), 1);
        assert_eq!(r.decision(), Decision::Return);
        assert_eq!(r.verdict.as_ref().unwrap().grade, Some(Grade::Fair));
        assert_eq!(r.skipped, vec![8]);
    }

    /// Journals of two machines whose clocks disagree: a withdrawal that
    /// sorts before its comment still takes it back.
    #[test]
    fn a_withdrawal_before_its_comment_in_time_still_counts() {
        let journal = Journal {
            records: vec![
                rec("w", "v1", Body::Withdraw { of: "c".into() }),
                rec("c", "v1", comment("预算不平衡")),
            ],
            skipped: vec![],
            bytes: 0,
        };
        let review = Review::of(&journal, "v1");
        assert!(review.comments[0].withdrawn);
    }

    #[test]
    fn a_resubmitted_file_marks_every_old_record() {
        let journal = Journal {
            records: vec![rec("a", "v1", comment("x"))],
            skipped: vec![],
            bytes: 0,
        };
        assert!(Review::of(&journal, "v2").comments[0].earlier_version);
        assert!(!Review::of(&journal, "v1").comments[0].earlier_version);
        assert!(Review::of(&journal, "v2").resubmitted());
        assert!(!Review::of(&journal, "v1").resubmitted());
        assert_eq!(
            Review::of(&Journal::default(), "v1").decision(),
            Decision::Pending
        );
    }

    fn rule_wide(rule: &str, disposition: Disposition) -> Body {
        Body::RuleDisposition {
            rule: rule.into(),
            disposition,
            reason: Some("模板预留空行".into()),
        }
    }

    fn one_place(rule: &str, path: &str, disposition: Disposition) -> Body {
        Body::Disposition {
            rule: rule.into(),
            path: path.into(),
            disposition,
            reason: None,
        }
    }

    #[test]
    fn a_rule_wide_judgement_covers_every_place_and_the_latest_counts() {
        use Disposition::{Accept, Dismiss};
        let journal = |bodies: Vec<Body>| Journal {
            records: bodies
                .into_iter()
                .enumerate()
                .map(|(i, b)| rec(&"x".repeat(i + 1), "v1", b))
                .collect(),
            skipped: vec![],
            bytes: 0,
        };
        let at = |r: &Review, path: &str| r.judged("COMP-05", path).map(|j| j.disposition);
        // The rule for all, then one place back in.
        let r = Review::of(
            &journal(vec![
                rule_wide("COMP-05", Dismiss),
                one_place("COMP-05", "indicators[9]", Accept),
            ]),
            "v1",
        );
        assert_eq!(at(&r, "indicators[9]"), Some(Accept));
        assert_eq!(at(&r, "indicators[10]"), Some(Dismiss));
        assert_eq!(r.judged("QUANT-01", "indicators[9]"), None, "its rule only");
        assert_eq!(r.judged("COMP-05", "indicators[10]").unwrap().path, None);
        // One place, then the rule for all: the later covers it too.
        let r = Review::of(
            &journal(vec![
                one_place("COMP-05", "indicators[9]", Accept),
                rule_wide("COMP-05", Dismiss),
            ]),
            "v1",
        );
        assert_eq!(at(&r, "indicators[9]"), Some(Dismiss));
        assert_eq!(r.dispositions.len(), 2, "the history keeps both");
        // Made on another version: it does not carry to the new one.
        let r = Review::of(&journal(vec![rule_wide("COMP-05", Dismiss)]), "v2");
        assert_eq!(at(&r, "indicators[9]"), None);
        assert!(r.resubmitted());
    }

    #[test]
    fn a_rule_wide_record_is_one_json_line_of_its_own_kind() {
        let line = serde_json::to_string(&rule_wide("COMP-05", Disposition::Dismiss)).unwrap();
        assert_eq!(
            line,
            r#"{"kind":"rule_disposition","rule":"COMP-05","disposition":"dismiss","reason":"模板预留空行"}"#
        );
    }
}
