//! `shenhe report DIR [--out FOLDER]`: the report to the government on the
//! season's review — 审核情况报告.docx and 审核情况统计.xlsx, written together
//! or not at all; without `--out`, the report's text.

use super::{CommonArgs, cannot_open_folder, emit, write_all};
use clap::Args;
use shenhe::i18n::{self, report as words};
use shenhe::review::export::report;
use shenhe::sanitize::display_path;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ReportArgs {
    #[arg(help = i18n::HELP_DIR, default_value = ".")]
    pub dir: PathBuf,
    #[arg(long, value_name = "FOLDER", help = i18n::HELP_REPORT_OUT)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: &ReportArgs) -> ExitCode {
    let lang = args.common.lang();
    let config = match args.common.config_for(&args.dir, None) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let rows = match shenhe::review::export::gather(&args.dir, &config) {
        Ok(r) => r,
        Err(e) => return cannot_open_folder(lang, &args.dir, &e),
    };
    // What the report leaves blank is said once, as the notices' is.
    let missing: Vec<&str> = [("to", &config.report.to), ("issuer", &config.report.issuer)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k)
        .collect();
    if !missing.is_empty() {
        eprintln!("shenhe: {}", words::settings_missing(lang, &missing));
    }
    // Dated in the reviewer's own zone.
    let today = jiff::Timestamp::now()
        .to_zoned(shenhe::clock::local_zone())
        .date();
    // Counted once, for the document and the workbook alike.
    let season = shenhe::review::export::season(&rows);
    let made = report::report(&rows, &season, &config.report, today);
    let Some(folder) = args.out.as_deref() else {
        emit(&report::text(&made));
        return ExitCode::SUCCESS;
    };
    let docx = match report::document(&made) {
        Ok(b) => b,
        Err(why) => {
            eprintln!("shenhe: {}", words::failed(lang, &why));
            return ExitCode::from(2);
        }
    };
    let xlsx = match shenhe::review::export::statistics(&rows, &season) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("shenhe: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let files = vec![
        (folder.join(words::DOCX_NAME), docx),
        (folder.join(words::XLSX_NAME), xlsx),
    ];
    if let Err(code) = write_all(folder, &files, lang) {
        return code;
    }
    for (path, _) in &files {
        emit(&format!("{}\n", i18n::written(lang, &display_path(path))));
    }
    ExitCode::SUCCESS
}
