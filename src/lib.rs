//! shenhe (审核): a reviewer's desk for 部门整体预算绩效目标申报表.
//!
//! The domain is a library; the terminal desk ([`tui`], behind the default
//! `tui` feature) and the command line (`src/main.rs`) are thin layers over
//! it. Layers, lowest first; each uses only those before it (the test
//! `tests/layers.rs` keeps this, so there is no import cycle either):
//!
//! 1. Beside everything: [`sanitize`] (the one place untrusted text is made
//!    safe to show), [`width`] (the one place display width is measured),
//!    [`text`] (the catalogue's definitions: blank, normalised, numbers…),
//!    [`amount`] (exact money), [`safe_fs`] (the one place files of the
//!    shared folder are opened and replaced: no link followed, no FIFO
//!    waited on, modes on the descriptor), [`clock`] (journal times, kept
//!    in UTC, shown in the reviewer's zone).
//! 2. [`model`]: the declaration as format v1 carries it (read by `load`,
//!    written back by `model::v1`), and where a workbook's boxes sit
//!    (`model::cells`).
//! 3. [`i18n`]: every word a reviewer reads, in Chinese and English. It
//!    names no type above the model: an error, a flag's finding or a desk
//!    command says which words are its own (`message`, `label`), and the
//!    words are spelled here.
//! 4. [`load`]: files in (JSON, and the province's Excel template through
//!    `load::workbook`), one error per broken file; no rule runs here.
//! 5. [`rules`]: one file a rule (its entry, finding, words, check and
//!    settings), gathered by one registry line each.
//! 6. [`config`]: config.toml, converted into rule settings and limits.
//! 7. [`check`]: a file loaded and its rules run; a folder on all cores
//!    with the rules that look across files.
//! 8. [`report`]: what `check` prints.
//! 9. [`review`]: review journals, actions (comment, decide…), drafts and
//!    exports.
//! 10. [`desk`]: the review desk's state, changed by commands and events
//!     without I/O.
//! 11. [`tui`]: the desk in a terminal.
#![forbid(unsafe_code)]

/// `Display` (in English, for logs and for `?` in tests) and
/// `std::error::Error` for an error type whose words are its own
/// `message(lang)`: users read the message in their language.
macro_rules! worded_error {
    ($t:ty) => {
        worded_error!($t, |e: &$t| e.message($crate::i18n::Lang::En));
    };
    ($t:ty, $words:expr) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&($words)(self))
            }
        }
        impl std::error::Error for $t {}
    };
}

pub mod amount;
pub mod check;
pub mod clock;
pub mod config;
pub mod desk;
pub mod i18n;
pub mod load;
pub mod model;
pub mod report;
pub mod review;
pub mod rules;
pub mod safe_fs;
pub mod sanitize;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
pub mod width;

#[cfg(test)]
mod testing;
