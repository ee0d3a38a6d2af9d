//! Review records: what reviewers say about declarations, kept in an
//! append-only journal beside each declaration file.

pub mod act;
pub mod export;
pub mod journal;
pub mod record;
pub mod state;

pub use journal::{Journal, append, journal_path, read};
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
