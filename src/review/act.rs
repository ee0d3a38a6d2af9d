//! Adding to a declaration's review: a comment or a decision, checked
//! first, written only when everything is right (never a partial record).

use super::journal::{JournalProblem, append, journal_path, read};
use super::record::{Body, Decision, Grade, Place, RECORD_VERSION, Record, new_id, rfc3339};
use super::sha256_hex;
use super::state::Review;
use crate::config::Config;
use crate::i18n::{Lang, errors as words};
use crate::load::{LoadError, LoadProblem, parse_file, read_named};
use crate::model::Location;
use crate::rules::Rule;
use std::path::{Path, PathBuf};

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
    /// 退回修改 needs at least one standing comment to act on.
    ReturnWithoutComment,
    /// The journal could not be read, so nothing was added to it (a link
    /// or a FIFO in its place, over the size cap).
    JournalUnreadable(PathBuf, JournalProblem),
    /// The journal could not be written (read-only folder, full disk, a
    /// link in its place…).
    Write(PathBuf, JournalProblem),
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
            ActError::ReturnWithoutComment => words::RETURN_WITHOUT_COMMENT.get(lang).into(),
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
    declaration: crate::model::Declaration,
    /// SHA-256 of the bytes read, for the record.
    sha: String,
    journal: PathBuf,
    journal_cap: u64,
}

/// Reads the file as the loader does (refused unread above the size cap,
/// as a link, a FIFO, or by a name that is not UTF-8) and checks it is a
/// declaration.
fn open(file: &Path, config: &Config) -> Result<Opened, ActError> {
    let refused = |e: LoadError| match e.problem {
        LoadProblem::Unreadable(why) => ActError::Unreadable(file.to_path_buf(), why),
        _ => ActError::NotADeclaration(file.to_path_buf(), Box::new(e)),
    };
    let bytes = read_named(file, config.max_file_bytes).map_err(refused)?;
    let declaration = parse_file(file, &bytes, config.max_file_bytes).map_err(refused)?;
    Ok(Opened {
        declaration,
        sha: sha256_hex(&bytes),
        journal: journal_path(file),
        journal_cap: config.max_journal_bytes,
    })
}

impl Opened {
    /// The declaration's review as its journal tells it now.
    fn review(&self) -> Result<Review, ActError> {
        let existing = read(&self.journal, self.journal_cap)
            .map_err(|e| ActError::JournalUnreadable(self.journal.clone(), e))?;
        Ok(Review::of(&existing, &self.sha))
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
    Ok(record)
}

/// The login name of this process's user id, looked up through the
/// system's user database (NSS: LDAP accounts too); the bare uid when it has
/// no name. Never `$USER`, which anyone can set.
pub fn login() -> Option<String> {
    #[cfg(unix)]
    {
        let uid = nix::unistd::getuid();
        Some(match nix::unistd::User::from_uid(uid) {
            Ok(Some(user)) => user.name,
            _ => format!("uid {uid}"),
        })
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Adds a comment at `at` (a path, or `declaration` for the whole), on the
/// flag of `rule` there if given.
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
        if !changed_since_seen && !loc.exists_in(&opened.declaration) {
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

/// Records a decision. Returning needs a standing comment to act on.
/// `seen` pins it to the version the reviewer saw, as for [`comment_on`]:
/// approving must never approve a file nobody looked at.
pub fn decide(
    file: &Path,
    decision: Decision,
    grade: Option<Grade>,
    reviewer: &str,
    seen: Option<&str>,
    config: &Config,
) -> Result<Written, ActError> {
    let mut opened = open(file, config)?;
    if decision == Decision::Return && opened.review()?.standing().next().is_none() {
        return Err(ActError::ReturnWithoutComment);
    }
    let changed_since_seen = opened.pin(seen);
    let record = write(&opened, reviewer, Body::Decision { decision, grade })?;
    Ok(Written {
        record,
        changed_since_seen,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, PathBuf) {
        let dir = crate::testing::seed_copies(&["tianhe-sfj.json"]);
        let file = dir.path().join("tianhe-sfj.json");
        (dir, file)
    }

    fn journal_lines(file: &Path) -> usize {
        std::fs::read_to_string(journal_path(file))
            .map(|t| t.lines().count())
            .unwrap_or(0)
    }

    #[test]
    fn comments_on_the_whole_a_place_and_a_flag() {
        let (_dir, file) = folder();
        let c = Config::default();
        comment(&file, "declaration", None, "整体较好", "王审核", &c).unwrap();
        comment(
            &file,
            "budget.income.other",
            None,
            "其他资金为0，请说明",
            "王审核",
            &c,
        )
        .unwrap();
        let r = comment(
            &file,
            "indicators[23]",
            Some("quant-04"),
            "请改为可衡量的目标值",
            "王审核",
            &c,
        )
        .unwrap();
        assert_eq!(
            r.body,
            Body::Comment {
                place: Place::Flag {
                    rule: "QUANT-04".into(),
                    path: "indicators[23]".into()
                },
                text: "请改为可衡量的目标值".into()
            }
        );
        let j = read(&journal_path(&file), u64::MAX).unwrap();
        assert_eq!(j.records.len(), 3);
        assert!(j.records.iter().all(|r| r.declaration_sha256.len() == 64));
    }

    #[test]
    fn bad_input_writes_nothing() {
        let (_dir, file) = folder();
        let c = Config::default();
        assert!(matches!(
            comment(&file, "indicators[99]", None, "x", "a", &c),
            Err(ActError::NoSuchPlace(_))
        ));
        assert!(matches!(
            comment(&file, "budget.nope", None, "x", "a", &c),
            Err(ActError::BadLocation(_))
        ));
        assert!(matches!(
            comment(&file, "budget", Some("NOPE-1"), "x", "a", &c),
            Err(ActError::UnknownRule(_))
        ));
        assert!(matches!(
            comment(&file, "budget", None, "  ", "a", &c),
            Err(ActError::EmptyText)
        ));
        assert!(matches!(
            comment(&file, "budget", None, "x", " ", &c),
            Err(ActError::EmptyReviewer)
        ));
        assert!(matches!(
            comment(
                &file.with_file_name("nope.json"),
                "budget",
                None,
                "x",
                "a",
                &c
            ),
            Err(ActError::Unreadable(..))
        ));
        assert!(matches!(
            decide(&file, Decision::Return, Some(Grade::Fair), "a", None, &c),
            Err(ActError::ReturnWithoutComment)
        ));
        assert_eq!(journal_lines(&file), 0, "nothing was written");
    }

    #[test]
    fn returning_needs_a_standing_comment() {
        let (_dir, file) = folder();
        let c = Config::default();
        decide(&file, Decision::Approve, Some(Grade::Good), "a", None, &c).unwrap();
        comment(&file, "overall_goal", None, "目标没有量化", "a", &c).unwrap();
        decide(&file, Decision::Return, Some(Grade::Fair), "a", None, &c).unwrap();
        let j = read(&journal_path(&file), u64::MAX).unwrap();
        let sha = sha256_hex(&std::fs::read(&file).unwrap());
        assert_eq!(Review::of(&j, &sha).decision(), Decision::Return);
    }

    #[test]
    fn edits_and_withdrawals_point_at_a_standing_comment() {
        let (_dir, file) = folder();
        let c = Config::default();
        let first = comment(&file, "overall_goal", None, "目标没有量化", "王", &c).unwrap();
        edit(&file, &first.id, "总体目标没有量化指标", "王", &c).unwrap();
        let sha = sha256_hex(&std::fs::read(&file).unwrap());
        let review = Review::of(&read(&journal_path(&file), u64::MAX).unwrap(), &sha);
        assert_eq!(review.comments[0].text, "总体目标没有量化指标");
        assert!(review.comments[0].edited);
        withdraw(&file, &first.id, "王", &c).unwrap();
        assert!(matches!(
            withdraw(&file, &first.id, "王", &c),
            Err(ActError::NoSuchComment(_))
        ));
        assert!(matches!(
            edit(&file, "no-such-id", "x", "王", &c),
            Err(ActError::NoSuchComment(_))
        ));
        assert!(matches!(
            edit(&file, &first.id, " ", "王", &c),
            Err(ActError::EmptyText)
        ));
        assert_eq!(journal_lines(&file), 3, "the refused ones wrote nothing");
        assert!(matches!(
            comment_on(
                &file,
                Place::Flag {
                    rule: "NOPE-9".into(),
                    path: "budget".into()
                },
                "x",
                "王",
                None,
                &c
            ),
            Err(ActError::UnknownRule(_))
        ));
    }

    #[test]
    fn a_broken_declaration_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("broken.json");
        std::fs::write(&file, "{not json").unwrap();
        assert!(matches!(
            comment(&file, "budget", None, "x", "a", &Config::default()),
            Err(ActError::NotADeclaration(..))
        ));
        assert!(!journal_path(&file).exists());
    }

    #[test]
    fn a_journal_that_cannot_be_written_fails_with_the_reason_and_writes_nothing() {
        // (A read-only folder does not stop root, who runs these tests here;
        // a folder where the journal should be stops everyone.)
        let (_dir, file) = folder();
        std::fs::create_dir(journal_path(&file)).unwrap();
        let result = comment(&file, "budget", None, "意见", "a", &Config::default());
        match result {
            Err(ActError::Write(path, e)) => {
                assert_eq!(path, journal_path(&file));
                assert_eq!(
                    e,
                    JournalProblem::NotRegular(crate::safe_fs::Kind::Directory)
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            std::fs::read_dir(journal_path(&file)).unwrap().count(),
            0,
            "nothing else written"
        );
    }
}
