//! The command line, a command to a file: each file holds its command's
//! arguments (the shared ones flattened from [`CommonArgs`] and
//! [`WhoArgs`]) and the function that runs it. What they orchestrate is
//! the library's; here is only parsing, calling and saying what happened.

pub mod check;
pub mod comment;
pub mod convert;
pub mod decide;
pub mod desk;
pub mod dispose;
pub mod edit;
pub mod export;
pub mod report;
pub mod rules;
pub mod withdraw;

use clap::{Args, ValueEnum};
use shenhe::config::Config;
use shenhe::i18n::{self, Lang};
use shenhe::sanitize::display_path;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What every command that reads a folder takes: the language the
/// reviewer reads, and the configuration file.
#[derive(Args)]
pub struct CommonArgs {
    #[arg(long, value_enum, default_value_t = LangArg::Zh, help = i18n::HELP_LANG)]
    pub lang: LangArg,
    #[arg(long, value_name = "PATH", help = i18n::HELP_CONFIG)]
    pub config: Option<PathBuf>,
}

impl CommonArgs {
    pub fn lang(&self) -> Lang {
        Lang::from(self.lang)
    }

    /// The configuration for the folder `dir`, with last year's folder
    /// read into it when `previous` (or `[compare] previous`) names one;
    /// the exit status after saying why not.
    pub fn config_for(&self, dir: &Path, previous: Option<&Path>) -> Result<Config, ExitCode> {
        let lang = self.lang();
        let mut config = load_config(lang, self.config.as_deref())?;
        shenhe::check::compare_with_last_year(&mut config, dir, previous).map_err(
            |(folder, e)| {
                let shown = display_path(&folder);
                let words = i18n::years::cannot_open_last_year(lang, &shown, &e.to_string());
                eprintln!("shenhe: {words}");
                ExitCode::from(2)
            },
        )?;
        Ok(config)
    }
}

/// Who is acting, in which language, with which configuration.
#[derive(Args)]
pub struct WhoArgs {
    #[arg(long, help = i18n::HELP_REVIEWER)]
    pub reviewer: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
    #[arg(long, value_name = "DIR", help = i18n::HELP_PREVIOUS)]
    pub previous: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// The folder named on the command line cannot be read: say so, exit 2.
pub fn cannot_open_folder(lang: Lang, dir: &Path, e: &std::io::Error) -> ExitCode {
    eprintln!(
        "shenhe: {}",
        i18n::cannot_open_folder(lang, &display_path(dir), &e.to_string())
    );
    ExitCode::from(2)
}

/// The configuration, or the exit status after saying why it is unusable.
pub fn load_config(lang: Lang, path: Option<&Path>) -> Result<Config, ExitCode> {
    Config::load(path).map_err(|e| {
        eprintln!("shenhe: {}", e.message(lang));
        ExitCode::from(2)
    })
}

/// Runs a review action and says what became of it.
pub fn act(
    who: &WhoArgs,
    file: &Path,
    action: impl FnOnce(&str, &Config) -> Result<shenhe::review::Record, shenhe::review::act::ActError>,
) -> ExitCode {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (lang, config, reviewer) = match signed(who, folder) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match action(&reviewer, &config) {
        Ok(record) => {
            warn_without_sticky_bit(lang, file);
            let journal = display_path(&shenhe::review::my_journal(file));
            let said = match &record.body {
                // Where the comment is, as the form says it (绩效指标第4行).
                shenhe::review::Body::Comment { place, .. } => {
                    let printed = shenhe::model::cells::Printed::none();
                    i18n::recorded_at(lang, &record.id, &place.shown(lang, printed), &journal)
                }
                _ => i18n::recorded(lang, &record.id, &journal),
            };
            emit(&format!("{said}\n"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("shenhe: {}", e.message(lang));
            ExitCode::from(2)
        }
    }
}

/// Says once, after a record is written, that the folder lets anyone of
/// the group remove others' journals (no sticky bit).
fn warn_without_sticky_bit(lang: Lang, file: &Path) {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if shenhe::review::journals::lacks_sticky_bit(folder) {
        let shown = display_path(folder);
        eprintln!("shenhe: {}", i18n::authorship::no_sticky_bit(lang, &shown));
    }
}

/// A writing command's language, configuration (with last year's folder
/// for declarations in `folder`, when one is named: a YOY flag is judged
/// like any other) and reviewer, or the exit status of a bad
/// configuration, already explained.
pub fn signed(who: &WhoArgs, folder: &Path) -> Result<(Lang, Config, String), ExitCode> {
    let lang = who.common.lang();
    let config = who.common.config_for(folder, who.previous.as_deref())?;
    let reviewer = shenhe::review::act::reviewer_name(who.reviewer.as_deref(), &config);
    Ok((lang, config, reviewer))
}

/// Writes a file the reviewer asked for, whole or not at all, and only over
/// a regular file or nothing: a temporary file nobody can predict, renamed
/// over the target. A refusal is said, and is exit 2.
pub fn write_out(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), ExitCode> {
    shenhe::safe_fs::replace(path, bytes, shenhe::safe_fs::EXPORT_MODE)
        .map_err(|refused| cannot_write(lang, path, &refused))
}

/// Writes files the reviewer asked for into `folder`, all or none,
/// making the folder (the reviewer's and the group's) where it is missing.
pub fn write_all(folder: &Path, files: &[(PathBuf, Vec<u8>)], lang: Lang) -> Result<(), ExitCode> {
    shenhe::safe_fs::write_all_into(folder, files)
        .map_err(|(path, refused)| cannot_write(lang, &path, &refused))
}

fn cannot_write(lang: Lang, path: &Path, refused: &shenhe::safe_fs::OpenError) -> ExitCode {
    let why = i18n::refused_target(lang, refused);
    eprintln!(
        "shenhe: {}",
        i18n::cannot_write(lang, &display_path(path), &why)
    );
    ExitCode::from(2)
}

/// `export` and `convert` stage whole files before putting them in place.
/// A signal that ends them (SIGTERM, SIGINT, SIGHUP) removes what is
/// staged first: no destructor runs then. (SIGKILL cannot be caught: the
/// next run removes what such a run left.)
pub fn clean_up_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                shenhe::safe_fs::exit_removing_staged(128 + signal);
            }
        });
    }
}
