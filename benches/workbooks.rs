//! `cargo bench --bench workbooks [-- N]`: `shenhe check` on N (default
//! 10,000) generated declarations as template workbooks against the same
//! N as JSON, with the peak memory of the workbook check.
//!
//! Targets (issue 9, then 23, on a 2-core machine): the workbook folder within 3×
//! the JSON folder, peak memory under 400 MB.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

#[path = "gen/mod.rs"]
mod generate;
#[allow(dead_code)]
#[path = "gen/workbook.rs"]
mod workbook;

use rayon::prelude::*;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median and minimum wall time of `shenhe check DIR --format json`.
fn check_time(dir: &std::path::Path) -> (Duration, Duration) {
    let exe = env!("CARGO_BIN_EXE_shenhe");
    let samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let _ = Command::new(exe)
                .arg("check")
                .arg(dir)
                .args(["--format", "json"])
                .stdout(std::process::Stdio::null())
                .status();
            t.elapsed()
        })
        .collect();
    let min = samples.iter().min().copied().unwrap_or_default();
    (median(samples), min)
}

fn peak_rss_mb(dir: &std::path::Path) -> Option<f64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", env!("CARGO_BIN_EXE_shenhe"), "check"])
        .arg(dir)
        .args(["--format", "json"])
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    let kb: f64 = String::from_utf8_lossy(&out.stderr)
        .trim()
        .lines()
        .last()?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// The JSON batch written again as workbooks, in the 区级 and 市级 layouts
/// by turns (written on first use and kept).
fn workbook_batch(json: &std::path::Path, n: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shenhe-bench-{n}-xlsx"));
    if dir.join(format!("decl-{:05}.xlsx", n - 1)).exists() {
        return dir;
    }
    std::fs::create_dir_all(&dir).expect("folder");
    let t = Instant::now();
    let bytes: u64 = (0..n)
        .into_par_iter()
        .map(|i| {
            let text = std::fs::read(json.join(format!("decl-{i:05}.json"))).expect("read");
            let mut d = shenhe::load::parse(&text).expect("a generated declaration loads");
            let layout = if i % 2 == 0 {
                workbook::Layout {
                    merge_levels: true,
                    formula_income: true,
                    ..Default::default()
                }
            } else {
                d.target_columns = shenhe::model::TargetColumns::One;
                d.indicators.iter_mut().for_each(|r| r.period_target = None);
                workbook::Layout {
                    level: "市级",
                    merge_levels: true,
                    percent_numbers: true,
                    ..Default::default()
                }
            };
            let book = workbook::write(&d, &layout).expect("written");
            std::fs::write(dir.join(format!("decl-{i:05}.xlsx")), &book).expect("write");
            book.len() as u64
        })
        .sum();
    println!(
        "generated {n} workbooks ({:.1} MB) in {:.0} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    dir
}

fn main() {
    let n = generate::count_from_args();
    let json = generate::batch(n);
    let books = workbook_batch(&json, n);
    // Warm the page cache for both.
    let _ = check_time(&json);
    let _ = check_time(&books);
    println!("{n} files, {} cores", rayon::current_num_threads());
    let (j, jmin) = check_time(&json);
    let (w, wmin) = check_time(&books);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "shenhe check, JSON       median {:>8.1} ms   min {:>8.1} ms",
        ms(j),
        ms(jmin)
    );
    println!(
        "shenhe check, workbooks  median {:>8.1} ms   min {:>8.1} ms",
        ms(w),
        ms(wmin)
    );
    println!(
        "workbooks / JSON: {:.2}× (target ≤ 3×, issue 23)",
        w.as_secs_f64() / j.as_secs_f64()
    );
    match peak_rss_mb(&books) {
        Some(mb) => println!("peak RSS, workbooks: {mb:.0} MB (target < 400 MB)"),
        None => println!("peak RSS: /usr/bin/time not available"),
    }
}
