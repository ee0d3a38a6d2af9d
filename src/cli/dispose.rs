//! `shenhe dispose FILE --rule ID --at PLACE accept|dismiss`: a flag
//! included in the notice or dismissed with a reason; `--all` judges every
//! flag of the rule in the file, or (given a folder) in every file.

use super::{WhoArgs, act, emit, signed};
use clap::{Args, ValueEnum};
use shenhe::i18n;
use shenhe::review::Disposition;
use shenhe::sanitize::display_path;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct DisposeArgs {
    #[arg(help = i18n::HELP_DISPOSE_FILE)]
    pub file: PathBuf,
    #[arg(long, help = i18n::HELP_DISPOSE_RULE)]
    pub rule: String,
    #[arg(long, help = i18n::HELP_DISPOSE_AT, required_unless_present = "all", conflicts_with = "all")]
    pub at: Option<String>,
    #[arg(long, help = i18n::HELP_DISPOSE_ALL)]
    pub all: bool,
    #[arg(value_enum)]
    pub disposition: DispositionArg,
    #[arg(long, help = i18n::HELP_REASON)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub who: WhoArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DispositionArg {
    Accept,
    Dismiss,
}

pub fn run(args: DisposeArgs) -> ExitCode {
    let DisposeArgs {
        file,
        rule,
        at,
        all,
        disposition,
        reason,
        who,
    } = args;
    let disposition = match disposition {
        DispositionArg::Accept => Disposition::Accept,
        DispositionArg::Dismiss => Disposition::Dismiss,
    };
    let reason = reason.as_deref();
    match at {
        _ if all && file.is_dir() => dispose_folder(&who, &file, &rule, disposition, reason),
        _ if all => act(&who, &file, |reviewer, config| {
            shenhe::review::act::dispose_rule(&file, &rule, disposition, reason, reviewer, config)
        }),
        Some(at) => act(&who, &file, |reviewer, config| {
            shenhe::review::act::dispose(&file, &rule, &at, disposition, reason, reviewer, config)
        }),
        // clap requires --at unless --all is given.
        None => ExitCode::from(2),
    }
}

/// `dispose DIR --rule ID --all`: one record per declaration that has the
/// flag, each line saying where it went; then how many flags of how many
/// files were judged. A journal that could not be written is named, and
/// the exit status is 2, but the others stand.
fn dispose_folder(
    who: &WhoArgs,
    dir: &Path,
    rule: &str,
    disposition: Disposition,
    reason: Option<&str>,
) -> ExitCode {
    let (lang, config, reviewer) = match signed(who, dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let judged = match shenhe::review::act::dispose_rule_in_folder(
        dir,
        rule,
        disposition,
        reason,
        &reviewer,
        &config,
    ) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("shenhe: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let mut out = String::new();
    for (file, record, _) in &judged.written {
        let journal = display_path(&shenhe::review::my_journal(&dir.join(file)));
        out.push_str(&i18n::recorded(lang, &record.id, &journal));
        out.push('\n');
    }
    let flags: usize = judged.written.iter().map(|(_, _, n)| n).sum();
    out.push_str(&i18n::rule_judged_in_folder(
        lang,
        rule,
        disposition.label().get(lang),
        judged.written.len(),
        flags,
    ));
    out.push('\n');
    emit(&out);
    for (file, e) in &judged.failed {
        eprintln!(
            "shenhe: {}: {}",
            shenhe::sanitize::display_line(file),
            e.message(lang)
        );
    }
    if judged.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
