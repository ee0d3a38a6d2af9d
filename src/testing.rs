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

/// The desk on a folder holding 教育局 returned (by 王审核, on 2026-12-01
/// at 10:00 in 广州) and resubmitted: PERIOD-01's row fixed, QUANT-05's
/// target changed but still no percentage, a row added, 基本支出 raised.
pub fn resubmitted_desk(lang: crate::i18n::Lang) -> crate::desk::Desk {
    use crate::desk::{Desk, Event, Item};
    use crate::review::act::{self, Guard};
    let dir = sample_copies(&["yx-jyj.json"]);
    let file = dir.path().join("yx-jyj.json");
    let config = crate::config::Config::default();
    act::decide(
        &file,
        crate::review::Decision::Return,
        Some(crate::review::Grade::Fair),
        "王审核",
        None,
        Guard::Forced,
        &config,
    )
    .expect("returned");
    // Fixed times, for screens that show them.
    let journal = crate::review::my_journal(&file);
    let text = std::fs::read_to_string(&journal).expect("the journal");
    let fixed: String = text
        .lines()
        .map(|l| {
            let mut r: serde_json::Value = serde_json::from_str(l).expect("a record");
            r["at"] = "2026-12-01T02:00:00.000Z".into();
            r.to_string() + "\n"
        })
        .collect();
    std::fs::write(&journal, fixed).expect("the journal written");
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the file")).expect("JSON");
    resubmission_of_jyj(&mut v);
    std::fs::write(&file, serde_json::to_vec_pretty(&v).expect("JSON")).expect("resubmitted");
    let mut d = Desk::new(lang, "resubmitted".into(), config.clone());
    d.event(Event::SignedBy("张审核".into()));
    d.event(Event::Clock {
        today: jiff::civil::Date::constant(2026, 12, 4),
        zone: jiff::tz::TimeZone::fixed(jiff::tz::offset(8)),
    });
    d.event(Event::Loaded(vec![Item::load(&file, &config)]));
    d.event(Event::Finished);
    d
}

/// 教育局's resubmission after its four points (DUP-01 on row 13, which
/// repeats row 4; PERIOD-01 on row 14; QUANT-05 on row 19; COST-01 on
/// row 22) were sent back: PERIOD-01 fixed, QUANT-05's target changed
/// but still no percentage, the other two left; a row added, 基本支出
/// raised.
pub fn resubmission_of_jyj(v: &mut serde_json::Value) {
    let Some(rows) = v["indicators"].as_array_mut() else {
        return;
    };
    rows[13]["annual_target"] = "≥3个".into();
    rows[18]["annual_target"] = "≥99".into();
    rows[18]["period_target"] = "≥99".into();
    rows.push(
        serde_json::json!({"level1": "效益指标", "level2": "社会效益指标",
        "name": "家校共育活动参与率", "period_target": "≥80%", "annual_target": "≥80%"}),
    );
    v["budget"]["expenditure"]["basic"] = "186600.40".into();
}

/// A folder made for indicator rows written alike (issue 24): 档案馆's
/// declaration under five names, each with rows of its own —
/// 群众满意度 ≥90% in three departments (written with a space and a 。 in
/// one), 培训场次 ≥12场 in two, 培训场次 ≥15场 in 丙局's two files (a
/// double submission, one department) and in 丁局's, and a row of 甲局's
/// alone.
pub fn alike_rows_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/yx-daj.json");
    let base: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sample).expect("the sample")).expect("JSON");
    /// A file, its department, and its rows' names and targets.
    type Made<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let rows: [Made; 5] = [
        (
            "a.json",
            "甲局",
            &[
                ("群众满意度", "≥90%"),
                ("培训场次", "≥12场"),
                ("独有指标", "1项"),
            ],
        ),
        (
            "b.json",
            "乙局",
            &[("培训场次", "≥12场"), ("群众 满意度", "≥90%。")],
        ),
        (
            "c.json",
            "丙局",
            &[("群众满意度", "≥90%"), ("培训场次", "≥15场")],
        ),
        (
            "c-v2.json",
            "丙局",
            &[("培训场次", "≥15场"), ("群众满意度", "≥90%")],
        ),
        ("d.json", "丁局", &[("培训场次", "≥15场")]),
    ];
    for (file, name, rows) in rows {
        let mut v = base.clone();
        v["department"]["name"] = name.into();
        v["indicators"] = rows
            .iter()
            .map(|(name, target)| {
                serde_json::json!({
                    "level1": "产出指标", "level2": "数量指标", "name": name,
                    "annual_target": target, "period_target": target,
                })
            })
            .collect();
        std::fs::write(dir.path().join(file), v.to_string()).expect("written");
    }
    dir
}

/// The desk over [`alike_rows_folder`], loaded in two batches out of
/// order, as the loader does; the folder goes with it.
pub fn alike_rows_desk(lang: crate::i18n::Lang) -> (tempfile::TempDir, crate::desk::Desk) {
    use crate::desk::{Desk, Event, Item};
    let dir = alike_rows_folder();
    let config = crate::config::Config::default();
    let load = |names: &[&str]| -> Vec<Item> {
        let load = |n: &&str| Item::load(&dir.path().join(n), &config);
        names.iter().map(load).collect()
    };
    let mut d = Desk::new(lang, "alike".into(), config.clone());
    d.event(Event::SignedBy("张审核".into()));
    d.event(Event::Found(5));
    d.event(Event::Loaded(load(&["d.json", "c.json"])));
    d.event(Event::Loaded(load(&["b.json", "c-v2.json", "a.json"])));
    d.event(Event::Finished);
    (dir, d)
}

/// An indicator row under 产出指标 › 数量指标; an empty text is a blank box.
pub fn quantity_row(name: &str, annual: &str, period: &str) -> crate::model::Indicator {
    let cell = |t: &str| (!t.is_empty()).then(|| t.to_string());
    crate::model::Indicator {
        level1: Some("产出指标".into()),
        level2: Some("数量指标".into()),
        name: cell(name),
        period_target: cell(period),
        annual_target: cell(annual),
    }
}
