//! Review records: what reviewers say about declarations, kept in an
//! append-only journal beside each declaration file.

pub mod account;
pub mod act;
pub mod draft;
pub mod export;
pub mod journal;
pub mod journals;
pub mod notice;
pub mod record;
pub mod revision;
pub mod season;
pub mod state;

pub use journal::{Journal, JournalError, append, declaration_of, journal_path, read};
pub use journals::my_journal;
pub use record::{Body, Decision, Disposition, Grade, Place, RECORD_VERSION, Record};
pub use state::{Comment, Judged, Review, Verdict, Who};

/// SHA-256 of a file's bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The review of a declaration file as its journal tells it. A file with
/// no journal costs one failed open; the file is hashed (read through the
/// capped reader) only when there are records to compare it with. A
/// journal that cannot be read gives a review with no records that says
/// why ([`Review::journal_problem`]).
pub fn review_of(declaration: &std::path::Path, config: &crate::config::Config) -> Review {
    review_with(declaration, config, || {
        crate::load::read_named(declaration, config.max_file_bytes)
            .map(|b| sha256_hex(&b))
            .unwrap_or_default()
    })
}

/// As [`review_of`], with how to know the declaration's SHA-256 (the
/// desk's loader already hashed the bytes it read; an export hashes them
/// only here, when there are records to compare them with).
pub fn review_with(
    declaration: &std::path::Path,
    config: &crate::config::Config,
    sha: impl FnOnce() -> String,
) -> Review {
    let reads = match journals::read_all(declaration, config.max_journal_bytes) {
        Ok(reads) => reads,
        Err((_, problem)) => {
            return Review {
                journal_problem: Some(problem),
                ..Review::default()
            };
        }
    };
    let empty = |r: &journals::Read| r.journal.records.is_empty() && r.journal.skipped.is_empty();
    if reads.iter().all(empty) && !reads.iter().any(journals::Read::misnamed) {
        return Review::default();
    }
    Review::of_journals(&reads, &sha())
}
