//! Helpers the library's own tests share.

use std::path::{Path, PathBuf};

/// The Tianhe seed declaration in `sample-data`.
pub fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tianhe-sfj.json")
}

/// A throwaway folder holding a copy of the seed under each of `names`.
pub fn seed_copies(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in names {
        std::fs::copy(seed(), dir.path().join(name)).expect("the seed copied");
    }
    dir
}
