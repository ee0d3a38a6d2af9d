//! `shenhe export DIR --format docx|md|csv|xlsx|json`: what leaves the
//! bureau — the 审核意见 of the declarations returned, or the folder's
//! reviews for a spreadsheet or a machine — written whole or not at all.

use super::{CommonArgs, cannot_open_folder, emit, write_all, write_out};
use clap::{Args, ValueEnum};
use shenhe::config::Config;
use shenhe::i18n::{self, Lang};
use shenhe::review::export::Table;
use shenhe::sanitize::display_path;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExportArgs {
    #[arg(help = i18n::HELP_DIR, default_value = ".")]
    pub dir: PathBuf,
    #[arg(long, value_enum, help = i18n::HELP_EXPORT_FORMAT)]
    pub format: ExportFormat,
    #[arg(long, value_name = "PATH", help = i18n::HELP_OUT)]
    pub out: Option<PathBuf>,
    #[arg(long, help = i18n::HELP_INCLUDE_APPROVED)]
    pub include_approved: bool,
    #[arg(long, help = i18n::HELP_INCLUDE_EARLIER)]
    pub include_earlier: bool,
    #[arg(long, value_name = "YYYY-MM-DD", help = i18n::HELP_DEADLINE)]
    pub deadline: Option<String>,
    #[arg(long, value_name = "TEXT", help = i18n::HELP_NUMBER)]
    pub number: Option<String>,
    #[arg(long, value_name = "N", default_value_t = 1, help = i18n::HELP_NUMBER_FROM)]
    pub number_from: u32,
    #[arg(long, value_name = "DIR", help = i18n::HELP_PREVIOUS)]
    pub previous: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Docx,
    Md,
    Csv,
    Xlsx,
    Json,
}

pub fn run(args: &ExportArgs) -> ExitCode {
    let lang = args.common.lang();
    let config = match args.common.config_for(&args.dir, args.previous.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let rows = match shenhe::review::export::gather(&args.dir, &config) {
        Ok(r) => r,
        Err(e) => return cannot_open_folder(lang, &args.dir, &e),
    };
    let out = args.out.as_deref();
    // Journal times (UTC) are shown in the reviewer's zone: TZ, or the system's.
    let zone = shenhe::clock::local_zone();
    let table = match args.format {
        ExportFormat::Md | ExportFormat::Docx => return export_notices(args, &config, &rows),
        ExportFormat::Csv => Table::Csv,
        ExportFormat::Json => Table::Json,
        ExportFormat::Xlsx => Table::Xlsx,
    };
    let bytes = match table.write(&rows, lang, &zone) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("shenhe: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let Some(path) = out else {
        if matches!(args.format, ExportFormat::Xlsx) && std::io::stdout().is_terminal() {
            eprintln!("shenhe: {}", i18n::xlsx_needs_out(lang));
            return ExitCode::from(2);
        }
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
        return ExitCode::SUCCESS;
    };
    match write_out(path, &bytes, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// The 审核意见: printed (md without `--out`), or one document per notice
/// in the `--out` folder, all written or none.
fn export_notices(
    args: &ExportArgs,
    config: &Config,
    rows: &[shenhe::review::export::Reviewed],
) -> ExitCode {
    use shenhe::review::export::NoticeFormat;
    use shenhe::review::notice::{Issue, IssueRequest, missing_settings};
    let lang = args.common.lang();
    // The notice is dated in the reviewer's own zone.
    let today = jiff::Timestamp::now()
        .to_zoned(shenhe::clock::local_zone())
        .date();
    let request = IssueRequest {
        deadline: args.deadline.as_deref(),
        number: args.number.as_deref(),
        first_number: args.number_from,
        include_earlier: args.include_earlier,
    };
    let issue = match Issue::for_export(today, &config.notice, &request) {
        Ok(issue) => issue,
        Err(e) => {
            eprintln!("shenhe: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    // What goes to a department is in the notice's language, whatever
    // the reviewer reads on the terminal.
    let to_department = Lang::from(config.notice.lang);
    let missing = missing_settings(&config.notice);
    if !missing.is_empty() {
        eprintln!(
            "shenhe: {}",
            i18n::notice::notice_settings_missing(lang, &missing)
        );
    }
    let notices = shenhe::review::export::notices(
        rows,
        &config.notice,
        &issue,
        args.include_approved,
        to_department,
    );
    if notices.is_empty() {
        eprintln!("shenhe: {}", i18n::no_notices(lang));
    }
    let Some(folder) = args.out.as_deref() else {
        if matches!(args.format, ExportFormat::Docx) {
            eprintln!("shenhe: {}", i18n::docx_needs_out(lang));
            return ExitCode::from(2);
        }
        emit(&shenhe::review::export::markdown(&notices, to_department));
        return ExitCode::SUCCESS;
    };
    let format = match args.format {
        ExportFormat::Docx => NoticeFormat::Docx,
        _ => NoticeFormat::Md,
    };
    let files: Vec<(PathBuf, Vec<u8>)> =
        match shenhe::review::export::notice_files(&notices, format, to_department) {
            Ok(files) => files
                .into_iter()
                .map(|(name, bytes)| (folder.join(name), bytes))
                .collect(),
            Err(problem) => {
                eprintln!("shenhe: {}", problem.message(lang));
                return ExitCode::from(2);
            }
        };
    if let Err(code) = write_all(folder, &files, lang) {
        return code;
    }
    for (path, _) in &files {
        emit(&format!("{}\n", i18n::written(lang, &display_path(path))));
    }
    ExitCode::SUCCESS
}
