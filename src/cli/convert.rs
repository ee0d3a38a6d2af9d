//! `shenhe convert FILE… [--out DIR]`: declarations (workbooks or JSON)
//! written as format v1 JSON (`shenhe::load::convert`), all or none.

use super::{CommonArgs, emit, load_config, write_all};
use clap::Args;
use shenhe::i18n;
use shenhe::load::convert::{self, ConvertError};
use shenhe::sanitize::display_path;
use std::path::PathBuf;
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
    let lang = args.common.lang();
    let config = match load_config(lang, args.common.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let out = args.out.as_deref();
    let refused = |e: ConvertError| {
        for line in e.lines(lang) {
            eprintln!("shenhe: {line}");
        }
        ExitCode::from(2)
    };
    let converted = match convert::read_all(&args.files, out.is_some(), config.max_file_bytes) {
        Ok(c) => c,
        Err(e) => return refused(e),
    };
    let Some(dir) = out else {
        emit(converted.first().map_or("", |c| c.json.as_str()));
        return ExitCode::SUCCESS;
    };
    let files = match convert::files_in(dir, &converted) {
        Ok(f) => f,
        Err(e) => return refused(e),
    };
    if let Err(code) = write_all(dir, &files, lang) {
        return code;
    }
    for (target, _) in &files {
        emit(&format!("{}\n", i18n::written(lang, &display_path(target))));
    }
    ExitCode::SUCCESS
}
