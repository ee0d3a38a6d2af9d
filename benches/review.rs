//! `cargo bench --bench review [-- N]`: review state at scale.
//!
//! Targets (issue 4, 2-core machine): a folder of 10,000 declarations with
//! 50,000 review records among them loads with its review state within
//! 1.5× the time of the same folder without records; saving a comment
//! returns in under 50 ms on a local disk. Also measured: keeping a draft,
//! which the desk does after each key typed in the comment editor.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

#[path = "gen/mod.rs"]
mod generate;

use rayon::prelude::*;
use shenhe::config::Config;
use shenhe::desk::Item;
use shenhe::load::declaration_files;
use shenhe::review::{Body, Place, RECORD_VERSION, Record, append, my_journal, sha256_hex};
use std::path::Path;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RECORDS_PER_FILE: usize = 5;

/// What the desk's loader does per file ([`Item::load`]: read, check,
/// review); a folder without records costs one failed open per file more
/// than none at all.
fn load(dir: &Path, config: &Config) -> usize {
    let files = declaration_files(dir).expect("list");
    files
        .par_iter()
        .map(|p| Item::load(p, config).review.comments.len())
        .sum()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let n = generate::count_from_args();
    let plain = generate::batch(n);
    // The same declarations, with journals: a folder of their own.
    let reviewed = std::env::temp_dir().join(format!("shenhe-bench-{n}-reviewed"));
    if !my_journal(&reviewed.join(format!("decl-{:05}.json", n - 1))).exists() {
        std::fs::create_dir_all(&reviewed).expect("folder");
        for p in declaration_files(&plain).expect("list") {
            let to = reviewed.join(p.file_name().expect("name"));
            std::fs::copy(&p, &to).expect("copy");
            let sha = sha256_hex(&std::fs::read(&to).expect("read"));
            for i in 0..RECORDS_PER_FILE {
                let record = Record {
                    v: RECORD_VERSION,
                    id: format!("bench-{i}"),
                    reviewer: "王审核".into(),
                    // In this account's own journal, as this account.
                    login: shenhe::review::act::login(),
                    at: "2026-11-26T09:00:00.000Z".into(),
                    declaration_sha256: sha.clone(),
                    body: Body::Comment {
                        place: Place::Location {
                            path: format!("indicators[{i}]"),
                        },
                        text: "指标值请改为可衡量的数值，并与年度重点工作任务对应。".into(),
                    },
                };
                append(&my_journal(&to), &record).expect("append");
            }
        }
        println!(
            "wrote {} records in {}",
            n * RECORDS_PER_FILE,
            reviewed.display()
        );
    }
    let config = Config::default();
    // Warm the page cache for both folders.
    load(&plain, &config);
    load(&reviewed, &config);

    let runs = 5;
    let without: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            load(&plain, &config);
            t.elapsed()
        })
        .collect();
    let mut comments = 0;
    let with: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            comments = load(&reviewed, &config);
            t.elapsed()
        })
        .collect();
    let (a, b) = (median(without), median(with));
    println!("{n} declarations; {comments} comments read");
    println!(
        "load without records:        median {:>8.1} ms",
        a.as_secs_f64() * 1e3
    );
    println!(
        "load with review state:      median {:>8.1} ms",
        b.as_secs_f64() * 1e3
    );
    println!(
        "ratio: {:.2}× (target ≤ 1.5×)",
        b.as_secs_f64() / a.as_secs_f64()
    );

    // Saving a comment: the whole act (checks, hash, lock, write, fsync).
    let file = reviewed.join("decl-00000.json");
    let mut saves: Vec<Duration> = (0..50)
        .map(|i| {
            let t = Instant::now();
            shenhe::review::act::comment(
                &file,
                "budget",
                None,
                &format!("第{i}条保存测试"),
                "王审核",
                &config,
            )
            .expect("saved");
            t.elapsed()
        })
        .collect();
    saves.sort();
    println!(
        "saving a comment:            median {:>8.2} ms   max {:>8.2} ms   (target < 50 ms)",
        saves[saves.len() / 2].as_secs_f64() * 1e3,
        saves[saves.len() - 1].as_secs_f64() * 1e3
    );

    // Keeping a draft, as after each key typed in the editor (write a
    // temporary file, fsync, rename, fsync the folder).
    let drafts = std::env::temp_dir().join("shenhe-bench-drafts");
    let store = shenhe::review::draft::Store::open(&drafts).expect("draft store");
    let mut text = String::new();
    let mut keeps: Vec<Duration> = (0..200)
        .map(|i| {
            text.push(if i % 2 == 0 { '意' } else { '见' });
            let draft = shenhe::review::draft::Draft::new(
                "/bench",
                "decl-00000.json",
                shenhe::review::draft::Target::New {
                    place: Place::Declaration,
                },
                &text,
            );
            let t = Instant::now();
            store.keep(&draft).expect("kept");
            t.elapsed()
        })
        .collect();
    store.clear().expect("cleared");
    keeps.sort();
    println!(
        "keeping a draft (per key):   median {:>8.2} ms   max {:>8.2} ms",
        keeps[keeps.len() / 2].as_secs_f64() * 1e3,
        keeps[keeps.len() - 1].as_secs_f64() * 1e3
    );

    // The 审核意见 of every declaration of the folder as if each were
    // returned: built, as Markdown, and as a Word document (what
    // `export --format docx` does after gathering the folder).
    let t = Instant::now();
    let rows = shenhe::review::export::gather(&reviewed, &config).expect("gathered");
    let gathered = t.elapsed();
    let issue = shenhe::review::notice::Issue::on(
        jiff::civil::Date::constant(2026, 12, 1),
        &shenhe::config::NoticeSettings::default(),
    );
    let t = Instant::now();
    let notices: Vec<_> = rows
        .par_iter()
        .map(|r| {
            shenhe::review::notice::build(
                &r.entry,
                &r.review,
                &config.notice,
                &issue,
                shenhe::review::notice::Kind::Returned,
                shenhe::i18n::Lang::Zh,
            )
        })
        .collect();
    let built = t.elapsed();
    let t = Instant::now();
    let bytes: usize = notices
        .par_iter()
        .map(|n| {
            shenhe::review::notice::docx::document(n, shenhe::i18n::Lang::Zh)
                .expect("a document")
                .len()
        })
        .sum();
    let documents = t.elapsed();
    println!(
        "notices: gather {:>8.1} ms, build {n} {:>8.1} ms, {n} docx {:>8.1} ms ({:.1} KB each)",
        gathered.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3,
        documents.as_secs_f64() * 1e3,
        bytes as f64 / n as f64 / 1024.0
    );
}
