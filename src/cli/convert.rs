//! `shenhe convert FILE… [--out DIR]`: declarations (workbooks or JSON)
//! written as format v1 JSON; every file read before anything is written.

use super::{CommonArgs, emit, load_config, write_out};
use clap::Args;
use shenhe::i18n::{self, Lang};
use shenhe::load;
use shenhe::sanitize::display_path;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ConvertArgs {
    #[arg(required = true, help = i18n::HELP_CONVERT_FILES)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "DIR", help = i18n::HELP_OUT_DIR)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: &ConvertArgs) -> ExitCode {
    convert(
        &args.files,
        args.out.as_deref(),
        args.common.lang(),
        args.common.config.as_deref(),
    )
}

/// `shenhe convert`: every file is read before anything is written, so a
/// batch converts whole or not at all.
fn convert(files: &[PathBuf], out: Option<&Path>, lang: Lang, config: Option<&Path>) -> ExitCode {
    let config = match load_config(lang, config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if out.is_none() && files.len() > 1 {
        eprintln!("shenhe: {}", i18n::convert_needs_out(lang));
        return ExitCode::from(2);
    }
    let mut converted = Vec::new();
    let mut failed = 0;
    for file in files {
        match load::read_alone(file, config.max_file_bytes) {
            Ok(d) => converted.push((file, shenhe::model::v1::to_json(&d))),
            Err(e) => {
                failed += 1;
                let label = display_path(file);
                eprintln!("shenhe: {}", &e.message(lang, &label));
            }
        }
    }
    if failed > 0 {
        eprintln!("shenhe: {}", i18n::convert_nothing_written(lang, failed));
        return ExitCode::from(2);
    }
    let Some(dir) = out else {
        let text = converted.first().map(|(_, t)| t.as_str()).unwrap_or("");
        emit(text);
        return ExitCode::SUCCESS;
    };
    let targets: Vec<PathBuf> = converted
        .iter()
        .map(|(file, _)| {
            let mut name = file.file_stem().unwrap_or_default().to_os_string();
            name.push(".json");
            dir.join(name)
        })
        .collect();
    // Two inputs of one stem (x/a.xlsx, y/a.xlsx) would write one file.
    for (i, target) in targets.iter().enumerate() {
        if let Some(j) = targets[..i].iter().position(|t| t == target) {
            let (a, b) = (display_path(converted[j].0), display_path(converted[i].0));
            let t = display_path(target);
            eprintln!("shenhe: {}", i18n::convert_same_target(lang, &a, &b, &t));
            return ExitCode::from(2);
        }
    }
    // A NAME.json beside NAME.xlsx would make both error rows.
    for target in &targets {
        if let Some(other) = load::same_stem(target).first() {
            let (t, o) = (display_path(target), display_path(other));
            eprintln!("shenhe: {}", i18n::convert_beside_namesake(lang, &t, &o));
            return ExitCode::from(2);
        }
    }
    for (target, (_, text)) in targets.iter().zip(&converted) {
        if let Err(code) = write_out(target, text.as_bytes(), lang) {
            return code;
        }
        emit(&format!("{}\n", i18n::written(lang, &display_path(target))));
    }
    ExitCode::SUCCESS
}
