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

/// A throwaway folder holding copies of these files of `sample-data`.
pub fn sample_copies(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for name in names {
        std::fs::copy(samples.join(name), dir.path().join(name)).expect("the sample copied");
    }
    dir
}

/// The desk with the sample folder loaded (all at once), nothing pressed.
pub fn sample_desk(lang: crate::i18n::Lang) -> crate::desk::Desk {
    sample_desk_with(lang, crate::config::Config::default())
}

/// As [`sample_desk`], with `sample-data/2024` named as last year's folder.
pub fn sample_desk_with_last_year(lang: crate::i18n::Lang) -> crate::desk::Desk {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut config = crate::config::Config::default();
    crate::check::compare_with_last_year(&mut config, &dir, Some(&dir.join("2024")))
        .expect("sample-data/2024 reads");
    sample_desk_with(lang, config)
}

fn sample_desk_with(lang: crate::i18n::Lang, config: crate::config::Config) -> crate::desk::Desk {
    use crate::desk::{Desk, Event, Item};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let files = crate::load::declaration_files(&dir).expect("sample-data is there");
    let items = files
        .iter()
        .map(|p| Item::from(crate::check::check_file(p, &config)))
        .collect();
    let mut d = Desk::new(lang, "sample-data".into(), config);
    d.event(Event::SignedBy("张审核".into()));
    d.event(Event::Clock {
        today: jiff::civil::Date::constant(2026, 12, 1),
        // The reviewer in 广州: journal times show eight hours on.
        zone: jiff::tz::TimeZone::fixed(jiff::tz::offset(8)),
    });
    d.event(Event::Loaded(items));
    d.event(Event::Finished);
    d
}

/// A journal record as tests write them: by `reviewer` at `at` (UTC) on
/// version `sha` of the file.
pub fn record(
    id: &str,
    reviewer: &str,
    login: Option<&str>,
    at: &str,
    sha: &str,
    body: crate::review::Body,
) -> crate::review::Record {
    crate::review::Record {
        v: crate::review::RECORD_VERSION,
        id: id.into(),
        reviewer: reviewer.into(),
        login: login.map(str::to_string),
        at: at.into(),
        declaration_sha256: sha.into(),
        body,
    }
}

/// A comment's body.
pub fn comment(place: crate::review::Place, text: &str) -> crate::review::Body {
    crate::review::Body::Comment {
        place,
        text: text.into(),
    }
}

/// The review a journal of one record tells, written by 王审核 at `at`
/// (UTC) on version `sha`, read with the file now at version `now`.
pub fn review_of_one(
    at: &str,
    sha: &str,
    now: &str,
    body: crate::review::Body,
) -> crate::review::Review {
    let journal = crate::review::Journal {
        records: vec![record("r1", "王审核", None, at, sha, body)],
        skipped: vec![],
        bytes: 0,
    };
    crate::review::Review::of(&journal, now)
}
