//! Review records: what reviewers say about declarations, kept in an
//! append-only journal beside each declaration file.

pub mod act;
pub mod draft;
pub mod export;
pub mod journal;
pub mod record;
pub mod state;

pub use journal::{Journal, append, declaration_of, journal_path, read};
pub use record::{Body, Decision, Grade, Place, RECORD_VERSION, Record};
pub use state::{Comment, Review, Verdict};

/// SHA-256 of a file's bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The review of a declaration file as its journal tells it. A file with
/// no journal costs one failed open; the file is hashed only when there
/// are records to compare it with. A journal that cannot be read counts
/// as empty here (the desk cannot do better than show no comments).
pub fn review_of(declaration: &std::path::Path) -> Review {
    review_with(declaration, None)
}

/// As [`review_of`], with the declaration's bytes when they were just read
/// (the desk's loader has them; hashing them saves a second read).
pub fn review_with(declaration: &std::path::Path, bytes: Option<&[u8]>) -> Review {
    let Ok(journal) = read(&journal_path(declaration)) else {
        return Review::default();
    };
    if journal.records.is_empty() && journal.skipped.is_empty() {
        return Review::default();
    }
    let sha = match bytes {
        Some(b) => sha256_hex(b),
        None => std::fs::read(declaration)
            .map(|b| sha256_hex(&b))
            .unwrap_or_default(),
    };
    Review::of(&journal, &sha)
}
