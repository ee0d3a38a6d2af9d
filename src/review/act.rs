//! Adding to a declaration's review: a comment or a decision, checked
//! first, written only when everything is right (never a partial record).

use super::journal::{JournalError, append};
use super::record::{
    Body, Decision, Disposition, Grade, Place, RECORD_VERSION, Record, new_id, rfc3339,
};
use super::sha256_hex;
use super::state::Review;
use crate::check::{Checked, check_file_keeping_bytes};
use crate::config::Config;
use crate::i18n::{Lang, errors as words};
use crate::load::{LoadError, LoadErrorKind};
use crate::model::Location;
use crate::rules::{Flag, Rule};
use std::path::{Path, PathBuf};

mod returned;
mod reword;
pub use reword::{Rewording, reword};

/// Why a review action was refused; nothing was written.
#[derive(Debug)]
pub enum ActError {
    /// The file cannot be read; the operating system's words.
    Unreadable(PathBuf, String),
    /// The file is not a declaration that loads.
    NotADeclaration(PathBuf, Box<LoadError>),
    /// The place is not a path of the format (`budget.income.other`, `indicators[7]`, `declaration`).
    BadLocation(String),
    /// A row the declaration does not have (`indicators[99]`).
    NoSuchPlace(String),
    UnknownRule(String),
    /// No comment with this id stands (never made, or withdrawn).
    NoSuchComment(String),
    EmptyText,
    EmptyReviewer,
    /// 退回修改 needs something to act on: a standing comment or a flag
    /// that goes to the department.
    ReturnWithNothing,
    /// Approving with error flags standing (their rules and places),
    /// without `--force`.
    StandingErrors(Vec<(Rule, Location)>),
    /// Deciding otherwise than another account's standing decision on
    /// this version, without `--force`: who decided what, and when.
    OverColleague(Box<super::Verdict>),
    /// No flag of this rule at this place.
    NoSuchFlag {
        rule: String,
        at: String,
    },
    /// `comment --rule` at a place where the file has no such flag.
    NoFlagToCommentOn {
        rule: String,
        at: String,
    },
    /// 不采纳 needs a reason.
    DismissWithoutReason,
    /// `dispose --all` on a file with no flag of the rule.
    NoFlagOfRule(String),
    /// `dispose --all` on a folder none of whose declarations has a flag
    /// of the rule.
    NoFlagOfRuleInFolder(String),
    /// A grade the decision does not take (通过 with 中 or 差, 退回修改
    /// with 优 or 良, 待审 with any).
    GradeDoesNotFit(Decision, Grade),
    /// The journal could not be read, so nothing was added to it (a link
    /// or a FIFO in its place, over the size cap).
    JournalUnreadable(PathBuf, JournalError),
    /// The journal could not be written (read-only folder, full disk, a
    /// link in its place…).
    Write(PathBuf, JournalError),
}

impl ActError {
    /// What was refused, in words that say what to fix.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ActError::Unreadable(p, why) => words::cannot_read(lang, p, why),
            ActError::NotADeclaration(p, err) => {
                let file = crate::sanitize::display_path(p);
                words::not_a_declaration(lang, &file, &err.message(lang, &file))
            }
            ActError::BadLocation(at) => words::bad_location(lang, at),
            ActError::NoSuchPlace(at) => words::no_such_place(lang, at),
            ActError::UnknownRule(id) => words::unknown_rule(lang, id),
            ActError::NoSuchComment(id) => words::no_such_comment(lang, id),
            ActError::EmptyText => words::EMPTY_TEXT.get(lang).into(),
            ActError::EmptyReviewer => words::EMPTY_REVIEWER.get(lang).into(),
            ActError::ReturnWithNothing => words::RETURN_WITH_NOTHING.get(lang).into(),
            ActError::StandingErrors(flags) => {
                let named: Vec<String> = flags
                    .iter()
                    .map(|(rule, at)| {
                        crate::i18n::flag_place(&crate::i18n::location(lang, *at), rule.id())
                    })
                    .collect();
                words::standing_errors(lang, &named)
            }
            ActError::OverColleague(v) => {
                let who = crate::i18n::signed(lang, &v.reviewer, v.login.as_deref());
                let at = crate::clock::shown(&v.at, &crate::clock::local_zone());
                let decided = v.decided(lang);
                words::over_colleague(lang, &who, &at, &decided)
            }
            ActError::NoSuchFlag { rule, at } => words::no_such_flag(lang, rule, at),
            ActError::NoFlagToCommentOn { rule, at } => {
                words::no_flag_to_comment_on(lang, rule, at)
            }
            ActError::DismissWithoutReason => words::DISMISS_WITHOUT_REASON.get(lang).into(),
            ActError::NoFlagOfRule(rule) => words::no_flag_of_rule(lang, rule),
            ActError::NoFlagOfRuleInFolder(rule) => words::no_flag_of_rule_in_folder(lang, rule),
            ActError::GradeDoesNotFit(decision, grade) => {
                let fitting: Vec<&str> = decision
                    .grades()
                    .iter()
                    .map(|g| g.label().get(lang))
                    .collect();
                words::grade_does_not_fit(
                    lang,
                    decision.label().get(lang),
                    grade.label().get(lang),
                    &fitting,
                )
            }
            ActError::Write(p, why) => words::cannot_write_journal(lang, p, &why.message(lang)),
            ActError::JournalUnreadable(p, why) => {
                words::cannot_read_journal(lang, p, &why.message(lang))
            }
        }
    }
}

/// A record written, and whether the declaration file had changed since
/// the version the reviewer was looking at (the record is pinned to that
/// version, so it shows as made on an earlier one).
#[derive(Debug)]
pub struct Written {
    pub record: Record,
    pub changed_since_seen: bool,
}

impl From<Record> for Written {
    /// A record written where no version was pinned (edits, withdrawals).
    fn from(record: Record) -> Written {
        Written {
            record,
            changed_since_seen: false,
        }
    }
}

/// The declaration file as a record needs it.
struct Opened {
    /// The declaration with its flags, or why it did not load: a file
    /// that was read but is no declaration can still be commented on as a
    /// whole and returned.
    checked: Result<Checked, LoadError>,
    file: PathBuf,
    /// SHA-256 of the bytes read, for the record.
    sha: String,
    journal: PathBuf,
    journal_cap: u64,
}

/// Reads the file as the loader does (refused unread above the size cap,
/// as a link, a FIFO, or by a name that is not UTF-8) and checks it.
fn open(file: &Path, config: &Config) -> Result<Opened, ActError> {
    let (entry, bytes) = check_file_keeping_bytes(file, config);
    let Some(bytes) = bytes else {
        return Err(match entry.outcome {
            Err(LoadError {
                problem: LoadErrorKind::Unreadable(why),
                ..
            }) => ActError::Unreadable(file.to_path_buf(), why),
            Err(e) => ActError::NotADeclaration(file.to_path_buf(), Box::new(e)),
            Ok(_) => ActError::Unreadable(file.to_path_buf(), String::new()),
        });
    };
    Ok(Opened {
        checked: entry.outcome,
        file: file.to_path_buf(),
        sha: sha256_hex(&bytes),
        journal: super::journals::own_path(file, &super::account::Account::current()),
        journal_cap: config.max_journal_bytes,
    })
}

impl Opened {
    /// The declaration's review as its journal tells it now.
    fn review(&self) -> Result<Review, ActError> {
        let reads = super::journals::read_all(&self.file, self.journal_cap)
            .map_err(|(path, e)| ActError::JournalUnreadable(path, e))?;
        Ok(Review::of_journals(&reads, &self.sha))
    }

    /// The declaration and its flags, or why only the whole file can be
    /// spoken of.
    fn loaded(&self) -> Result<&Checked, ActError> {
        self.checked
            .as_ref()
            .map_err(|e| ActError::NotADeclaration(self.file.clone(), Box::new(e.clone())))
    }

    /// Its flags with those of the rules that look across the folder
    /// (XDUP-01), which need the folder's other files read: only asked for
    /// when the file's own flags do not settle the question.
    fn flags_with_folder(&self, config: &Config) -> Vec<Flag> {
        let folder = self.file.parent().unwrap_or(Path::new("."));
        let name = crate::load::file_label(&self.file);
        crate::check::check_folder(folder, config)
            .ok()
            .and_then(|entries| entries.into_iter().find(|e| e.file == name))
            .and_then(|e| e.outcome.ok())
            .map(|v| v.flags)
            .unwrap_or_else(|| {
                self.checked
                    .as_ref()
                    .map(|c| c.flags.clone())
                    .unwrap_or_default()
            })
    }

    /// Writes `body`, pinned to the version the reviewer saw (`seen`),
    /// and says whether the file has changed since.
    fn write_seen(
        &mut self,
        seen: Option<&str>,
        reviewer: &str,
        body: Body,
    ) -> Result<Written, ActError> {
        let changed_since_seen = self.pin(seen);
        let record = write(self, reviewer, body)?;
        Ok(Written {
            record,
            changed_since_seen,
        })
    }

    /// Pins what is written to the version the reviewer saw, when that is
    /// known and the file has changed since.
    fn pin(&mut self, seen: Option<&str>) -> bool {
        match seen {
            Some(seen) if seen != self.sha => {
                self.sha = seen.to_string();
                true
            }
            _ => false,
        }
    }
}

fn write(opened: &Opened, reviewer: &str, body: Body) -> Result<Record, ActError> {
    if crate::sanitize::is_blank(reviewer) {
        return Err(ActError::EmptyReviewer);
    }
    let now = std::time::SystemTime::now();
    let record = Record {
        v: RECORD_VERSION,
        id: new_id(now),
        reviewer: reviewer.trim().to_string(),
        login: login(),
        at: rfc3339(now),
        declaration_sha256: opened.sha.clone(),
        body,
    };
    append(&opened.journal, &record).map_err(|e| ActError::Write(opened.journal.clone(), e))?;
    if let Some(folder) = opened.journal.parent() {
        super::journals::forget_listing(folder);
    }
    Ok(record)
}

/// The login name of this process's account, looked up through the
/// system's user database (NSS: LDAP accounts too); `uid N` when it has no
/// name. Never `$USER`, which anyone can set. It is the owner of the
/// journal the record goes to, which is what readers hold it to.
pub fn login() -> Option<String> {
    #[cfg(unix)]
    {
        Some(super::account::Account::current().login)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Adds a comment at `at` (a path, or `declaration` for the whole), on the
/// flag of `rule` there if given: a rule the file has no flag of at that
/// place is refused, as for [`dispose`].
pub fn comment(
    file: &Path,
    at: &str,
    rule: Option<&str>,
    text: &str,
    reviewer: &str,
    config: &Config,
) -> Result<Record, ActError> {
    let place = if at.trim() == "declaration" {
        Place::Declaration
    } else {
        let loc = Location::parse(at).ok_or_else(|| ActError::BadLocation(at.to_string()))?;
        match rule {
            Some(id) => {
                let rule =
                    Rule::from_id(id).ok_or_else(|| ActError::UnknownRule(id.to_string()))?;
                Place::Flag {
                    rule: rule.id().to_string(),
                    path: loc.to_string(),
                }
            }
            None => Place::Location {
                path: loc.to_string(),
            },
        }
    };
    if rule.is_some() && place == Place::Declaration {
        return Err(ActError::BadLocation(at.to_string()));
    }
    if let Place::Flag { rule, path } = &place {
        let opened = open(file, config)?;
        let flagged = |flags: &[Flag]| {
            flags
                .iter()
                .any(|f| f.rule().id() == rule && f.location.to_string() == *path)
        };
        if !flagged(&opened.loaded()?.flags) && !flagged(&opened.flags_with_folder(config)) {
            return Err(ActError::NoFlagToCommentOn {
                rule: rule.clone(),
                at: path.clone(),
            });
        }
    }
    comment_on(file, place, text, reviewer, None, config).map(|w| w.record)
}

/// Adds a comment at a place given as the journal writes it (the desk
/// knows the place; the command line spells it). `seen` is the SHA-256 of
/// the file as the reviewer saw it (the desk's copy): when the file has
/// been replaced since, the comment is still written — pinned to that
/// version, its place as the reviewer saw it — and says so.
pub fn comment_on(
    file: &Path,
    place: Place,
    text: &str,
    reviewer: &str,
    seen: Option<&str>,
    config: &Config,
) -> Result<Written, ActError> {
    let mut opened = open(file, config)?;
    if text.trim().is_empty() {
        return Err(ActError::EmptyText);
    }
    let changed_since_seen = opened.pin(seen);
    if let Place::Location { path } | Place::Flag { path, .. } = &place {
        let loc = Location::parse(path).ok_or_else(|| ActError::BadLocation(path.clone()))?;
        // The place was on the version the reviewer saw; the new file may
        // have fewer rows, and the words must not be lost for that.
        if !changed_since_seen && !loc.exists_in(&opened.loaded()?.declaration) {
            return Err(ActError::NoSuchPlace(path.clone()));
        }
    }
    if let Place::Flag { rule, .. } = &place
        && Rule::from_id(rule).is_none()
    {
        return Err(ActError::UnknownRule(rule.clone()));
    }
    let record = write(
        &opened,
        reviewer,
        Body::Comment {
            place,
            text: text.to_string(),
        },
    )?;
    Ok(Written {
        record,
        changed_since_seen,
    })
}

/// The declaration file, with the comment `of` standing in its journal.
fn standing_comment(file: &Path, of: &str, config: &Config) -> Result<Opened, ActError> {
    let opened = open(file, config)?;
    if !opened.review()?.standing().any(|c| c.id == of) {
        return Err(ActError::NoSuchComment(of.to_string()));
    }
    Ok(opened)
}

/// A new text for the comment `of`; the old text stays in the history.
pub fn edit(
    file: &Path,
    of: &str,
    text: &str,
    reviewer: &str,
    config: &Config,
) -> Result<Record, ActError> {
    if text.trim().is_empty() {
        return Err(ActError::EmptyText);
    }
    let opened = standing_comment(file, of, config)?;
    write(
        &opened,
        reviewer,
        Body::Edit {
            of: of.to_string(),
            text: text.to_string(),
        },
    )
}

/// Takes the comment `of` back; it stays in the history, marked.
pub fn withdraw(
    file: &Path,
    of: &str,
    reviewer: &str,
    config: &Config,
) -> Result<Record, ActError> {
    let opened = standing_comment(file, of, config)?;
    write(&opened, reviewer, Body::Withdraw { of: of.to_string() })
}

/// Whether approving asks about standing errors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Refuse what needs a yes first (the command line without
    /// `--force`): approving while error flags stand, and deciding
    /// otherwise than a colleague's standing decision.
    AskFirst,
    /// The reviewer has been asked and said yes (the desk), or gave
    /// `--force`.
    Forced,
}

/// Records a decision. Its grade must fit it (通过: 优, 良 or none; 退回修改:
/// 中, 差 or none). Returning needs something to act on: a standing
/// comment or a flag that goes to the department. Approving a declaration
/// whose error flags still stand is refused under
/// [`Guard::AskFirst`]. `seen` pins it to the version the reviewer
/// saw, as for [`comment_on`]: approving must never approve a file nobody
/// looked at.
pub fn decide(
    file: &Path,
    decision: Decision,
    grade: Option<Grade>,
    reviewer: &str,
    seen: Option<&str>,
    guard: Guard,
    config: &Config,
) -> Result<Written, ActError> {
    if let Some(g) = grade
        && !decision.fits(grade)
    {
        return Err(ActError::GradeDoesNotFit(decision, g));
    }
    let mut opened = open(file, config)?;
    let review = opened.review()?;
    if guard == Guard::AskFirst
        && let Some(v) = review.colleague_verdict(login().as_deref())
        && v.decision != decision
    {
        return Err(ActError::OverColleague(Box::new(v.clone())));
    }
    match decision {
        Decision::Return if review.standing().next().is_none() => {
            let own = opened.checked.as_ref().map(|c| c.flags.as_slice());
            let flagged = |flags: &[Flag]| review.standing_flags(flags).next().is_some();
            if !own.is_ok_and(flagged) && !flagged(&opened.flags_with_folder(config)) {
                return Err(ActError::ReturnWithNothing);
            }
        }
        Decision::Approve => {
            let checked = opened.loaded()?;
            let errors = review.standing_errors(&checked.flags);
            if guard == Guard::AskFirst && !errors.is_empty() {
                let named = errors.iter().map(|f| (f.rule(), f.location)).collect();
                return Err(ActError::StandingErrors(named));
            }
        }
        _ => {}
    }
    let written = opened.write_seen(seen, reviewer, Body::Decision { decision, grade })?;
    // What goes back is kept, for the resubmission to be held against:
    // unless the file changed under the reviewer (then not this version).
    if decision == Decision::Return && !written.changed_since_seen {
        returned::keep(&opened, reviewer, config);
    }
    Ok(written)
}

/// Judges the flag of `rule` at `at` (a path): 采纳 or 不采纳, which needs a
/// reason. A rule and place that have no flag in the file are refused.
pub fn dispose(
    file: &Path,
    rule: &str,
    at: &str,
    disposition: Disposition,
    reason: Option<&str>,
    reviewer: &str,
    config: &Config,
) -> Result<Record, ActError> {
    let rule = Rule::from_id(rule).ok_or_else(|| ActError::UnknownRule(rule.to_string()))?;
    let loc = Location::parse(at).ok_or_else(|| ActError::BadLocation(at.to_string()))?;
    let opened = open(file, config)?;
    let flagged = |flags: &[Flag]| flags.iter().any(|f| f.rule() == rule && f.location == loc);
    if !flagged(&opened.loaded()?.flags) && !flagged(&opened.flags_with_folder(config)) {
        return Err(ActError::NoSuchFlag {
            rule: rule.id().to_string(),
            at: loc.to_string(),
        });
    }
    let body = disposition_body(rule.id(), &loc.to_string(), disposition, reason)?;
    write(&opened, reviewer, body)
}

/// A reviewer's judgement of one flag, as the desk hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub rule: String,
    pub path: String,
    pub disposition: Disposition,
    pub reason: Option<String>,
}

/// As [`dispose`], for the desk, which knows the flag from its own check
/// of the version `seen`: written pinned to that version, as a comment is.
pub fn dispose_on(
    file: &Path,
    judgement: &Judgement,
    reviewer: &str,
    seen: Option<&str>,
    config: &Config,
) -> Result<Written, ActError> {
    let mut opened = open(file, config)?;
    let Judgement {
        rule,
        path,
        disposition,
        reason,
    } = judgement;
    let body = disposition_body(rule, path, *disposition, reason.as_deref())?;
    opened.write_seen(seen, reviewer, body)
}

/// Judges every flag of `rule` in the file at once (the rule does not
/// apply to this form): one record, pinned to the version read. A rule the
/// file has no flag of is refused.
pub fn dispose_rule(
    file: &Path,
    rule: &str,
    disposition: Disposition,
    reason: Option<&str>,
    reviewer: &str,
    config: &Config,
) -> Result<Record, ActError> {
    let (rule, body) = rule_judgement(rule, disposition, reason)?;
    let opened = open(file, config)?;
    let flagged = |flags: &[Flag]| flags.iter().any(|f| f.rule() == rule);
    if !flagged(&opened.loaded()?.flags) && !flagged(&opened.flags_with_folder(config)) {
        return Err(ActError::NoFlagOfRule(rule.id().to_string()));
    }
    write(&opened, reviewer, body)
}

/// What a rule-wide judgement over a folder came to: for each declaration
/// that had flags of the rule, its file, the record and how many flags it
/// judged; and the files whose journal could not be written, with why.
#[derive(Debug, Default)]
pub struct FolderJudged {
    pub written: Vec<(String, Record, usize)>,
    pub failed: Vec<(String, ActError)>,
}

/// Judges every flag of `rule` in every declaration of the folder that has
/// one: one record per file, each pinned to the version it was read at.
/// The rule and the reason are checked before anything is written; a file
/// whose journal cannot be written is reported and does not stop the rest.
pub fn dispose_rule_in_folder(
    dir: &Path,
    rule: &str,
    disposition: Disposition,
    reason: Option<&str>,
    reviewer: &str,
    config: &Config,
) -> Result<FolderJudged, ActError> {
    let (rule, body) = rule_judgement(rule, disposition, reason)?;
    if crate::sanitize::is_blank(reviewer) {
        return Err(ActError::EmptyReviewer);
    }
    let entries = crate::check::check_folder(dir, config)
        .map_err(|e| ActError::Unreadable(dir.to_path_buf(), e.to_string()))?;
    let mut judged = FolderJudged::default();
    for entry in entries {
        let Ok(verdict) = &entry.outcome else {
            continue;
        };
        let count = verdict.flags.iter().filter(|f| f.rule() == rule).count();
        if count == 0 {
            continue;
        }
        let written = open(&dir.join(&entry.file), config)
            .and_then(|opened| write(&opened, reviewer, body.clone()));
        match written {
            Ok(record) => judged.written.push((entry.file, record, count)),
            Err(e) => judged.failed.push((entry.file, e)),
        }
    }
    if judged.written.is_empty() && judged.failed.is_empty() {
        return Err(ActError::NoFlagOfRuleInFolder(rule.id().to_string()));
    }
    Ok(judged)
}

/// As [`dispose_rule`], for the desk, which knows the flags from its own
/// check of the version `seen`: written pinned to that version.
pub fn dispose_rule_on(
    file: &Path,
    rule: &str,
    disposition: Disposition,
    reason: Option<&str>,
    reviewer: &str,
    seen: Option<&str>,
    config: &Config,
) -> Result<Written, ActError> {
    let (_, body) = rule_judgement(rule, disposition, reason)?;
    let mut opened = open(file, config)?;
    opened.write_seen(seen, reviewer, body)
}

/// A rule-wide judgement as recorded, once its rule and reason are right.
fn rule_judgement(
    rule: &str,
    disposition: Disposition,
    reason: Option<&str>,
) -> Result<(Rule, Body), ActError> {
    let rule = Rule::from_id(rule).ok_or_else(|| ActError::UnknownRule(rule.to_string()))?;
    let body = Body::RuleDisposition {
        rule: rule.id().to_string(),
        disposition,
        reason: judgement_reason(disposition, reason)?,
    };
    Ok((rule, body))
}

fn disposition_body(
    rule: &str,
    path: &str,
    disposition: Disposition,
    reason: Option<&str>,
) -> Result<Body, ActError> {
    Ok(Body::Disposition {
        rule: rule.to_string(),
        path: path.to_string(),
        disposition,
        reason: judgement_reason(disposition, reason)?,
    })
}

/// The reason as recorded: trimmed, none when blank; 不采纳 needs one.
fn judgement_reason(
    disposition: Disposition,
    reason: Option<&str>,
) -> Result<Option<String>, ActError> {
    let reason = reason
        .map(str::trim)
        .filter(|r| !crate::sanitize::is_blank(r));
    if disposition == Disposition::Dismiss && reason.is_none() {
        return Err(ActError::DismissWithoutReason);
    }
    Ok(reason.map(str::to_string))
}

/// Who is reviewing: `--reviewer`, else `reviewer` in the config file,
/// else the login name.
pub fn reviewer_name(given: Option<&str>, config: &Config) -> String {
    given
        .map(str::to_string)
        .or_else(|| config.reviewer.clone())
        .or_else(|| {
            ["USER", "LOGNAME", "USERNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok())
        })
        .unwrap_or_default()
}

worded_error!(ActError);

#[cfg(test)]
mod tests;
