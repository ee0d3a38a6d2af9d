//! `shenhe desk DIR` (and the bare `shenhe DIR` at a terminal): the
//! review desk, once its configuration and key table are known good.

use super::check::CheckArgs;
use super::{CommonArgs, cannot_open_folder};
use clap::{Args, ValueEnum};
use shenhe::config::Config;
use shenhe::i18n;
use shenhe::sanitize::display_path;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct DeskArgs {
    #[arg(help = i18n::HELP_DIR, default_value = ".")]
    pub dir: PathBuf,
    #[arg(long, value_name = "DIR", help = i18n::HELP_PREVIOUS)]
    pub previous: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub look: LookArgs,
}

/// How the desk looks and listens.
#[derive(Args)]
pub struct LookArgs {
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, help = i18n::HELP_COLOR)]
    pub color: ColorArg,
    #[arg(long, help = i18n::HELP_ASCII)]
    pub ascii: bool,
    #[arg(long, help = i18n::HELP_MOUSE)]
    pub mouse: bool,
    #[arg(long, help = i18n::HELP_REVIEWER)]
    pub reviewer: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// What the bare `shenhe DIR` was given, as desk options.
pub fn bare(check: CheckArgs, look: LookArgs) -> DeskArgs {
    DeskArgs {
        dir: check.dir,
        previous: check.previous,
        common: check.common,
        look,
    }
}

pub fn run(args: DeskArgs) -> ExitCode {
    let lang = args.common.lang();
    let config = match args.common.config_for(&args.dir, args.previous.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // Mistakes in [keys] are said before the screen changes, too.
    let keys = match shenhe::tui::keymap::table_with(&config.keys) {
        Ok(k) => k,
        Err(problem) => {
            let path = args
                .common
                .config
                .clone()
                .or_else(Config::default_path)
                .unwrap_or_default();
            eprintln!("shenhe: {}", problem.message(lang, &display_path(&path)));
            return ExitCode::from(2);
        }
    };
    // A folder that cannot be read is said before the screen changes.
    if let Err(e) = std::fs::read_dir(&args.dir) {
        return cannot_open_folder(lang, &args.dir, &e);
    }
    // NO_COLOR: any non-empty value (no-color.org).
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match args.look.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => !no_color,
    };
    let reviewer = shenhe::review::act::reviewer_name(args.look.reviewer.as_deref(), &config);
    let options = shenhe::tui::Options {
        reviewer,
        lang,
        color,
        ascii: args.look.ascii,
        mouse: args.look.mouse,
    };
    match shenhe::tui::run(args.dir, config, options, keys) {
        Ok(None) => ExitCode::SUCCESS,
        // Ended by SIGHUP / SIGTERM, drafts kept: the shell's convention.
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            eprintln!("shenhe: {e}");
            ExitCode::from(2)
        }
    }
}
