//! The library's layers, as `src/lib.rs` writes them down, kept by the
//! code: a module of `src/` uses only modules below it (so there is no
//! import cycle either). Test code may reach anywhere it needs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Lowest first. Each may use those before it, never those after.
const LAYERS: [&str; 16] = [
    "sanitize", "width", "text", "amount", "safe_fs", "clock",  // what everything uses
    "model",  // the declaration, and where a workbook's boxes sit
    "i18n",   // every word a reviewer reads
    "load",   // files in: JSON and the province's workbooks
    "rules",  // the catalogue, and its rules' settings
    "config", // the configuration file, converted into settings
    "check",  // load + rules + the folder rules
    "report", // what `check` prints
    "review", // journals, review actions, drafts, exports
    "desk",   // the review desk's state
    "tui",    // the desk in a terminal
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Test-only files: unit-test modules and their helpers.
fn is_test_file(rel: &str) -> bool {
    rel.ends_with("tests.rs") || rel.contains("tests/") || rel == "testing.rs"
}

/// The top modules a line of code names (`crate::load::…`,
/// `use crate::{check, rules::Flag}`).
fn named(line: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in line.match_indices("crate::") {
        let rest = &line[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: those after `{` or a `,` at depth 0.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        start = false;
                        out.insert(ident(&group[j..]));
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for path in files {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // The binary (`main.rs`, `cli/`) stands on the library from outside:
        // it names it as `shenhe::`, and nothing of it is `crate::` there.
        if is_test_file(&rel) || rel == "lib.rs" || rel == "main.rs" || rel.starts_with("cli/") {
            if rel.starts_with("cli/") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    !text.contains("crate::"),
                    "{rel}: the binary's modules reach the library as shenhe::"
                );
            }
            continue;
        }
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs");
        let own = rank(top).unwrap_or_else(|| panic!("{rel}: {top} is in no layer"));
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            // A file's unit tests come last: they may use what they need.
            if line.trim_start().starts_with("#[cfg(test)]")
                && text
                    .lines()
                    .nth(n + 1)
                    .is_some_and(|next| next.trim_start().starts_with("mod tests"))
            {
                break;
            }
            if line.trim_start().starts_with("//") {
                continue;
            }
            for m in named(line) {
                checked += 1;
                match rank(&m) {
                    Some(r) if r < own || m == top => {}
                    Some(_) => wrong.push(format!("{rel}:{}: {top} uses {m}", n + 1)),
                    None if m == "testing" => {}
                    None => wrong.push(format!("{rel}:{}: {m} is in no layer", n + 1)),
                }
            }
        }
    }
    assert!(checked > 200, "the scan found the imports ({checked})");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_library_is_in_a_layer_and_lib_rs_names_them() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(m) = line.trim().strip_prefix("pub mod ") {
            let m = m.trim_end_matches(';');
            assert!(LAYERS.contains(&m), "{m} is in no layer");
        }
    }
    for m in LAYERS {
        assert!(
            lib.contains(&format!("[`{m}`]")),
            "lib.rs does not describe {m}"
        );
    }
}

#[test]
fn the_scan_reads_groups_and_paths() {
    assert_eq!(
        named("use crate::{check::Entry, rules::{self, Flag}, i18n};"),
        ["check", "i18n", "rules"].map(String::from).into()
    );
    assert_eq!(
        named("let x = crate::load::read(p, crate::config::DEFAULT);"),
        ["config", "load"].map(String::from).into()
    );
}
