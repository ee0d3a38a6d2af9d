//! `shenhe check DIR`: every declaration of a folder checked, printed as
//! text or JSON; the exit status says whether any has an error.

use super::{CommonArgs, Format, cannot_open_folder, emit};
use clap::Args;
use rayon::prelude::*;
use shenhe::i18n;
use shenhe::report;
use shenhe::review::season::{Member, Season};
use shenhe::sanitize::display_path;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CheckArgs {
    #[arg(help = i18n::HELP_DIR, default_value = ".")]
    pub dir: PathBuf,
    #[arg(long, value_name = "DIR", help = i18n::HELP_PREVIOUS)]
    pub previous: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text, help = i18n::HELP_FORMAT)]
    pub format: Format,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The batch's figures: each file's review read from its journals, on all
/// cores (the folder's journals listed once: most files have none).
fn season_of(
    entries: &[shenhe::check::Entry<shenhe::check::Verdict>],
    dir: &std::path::Path,
    config: &shenhe::config::Config,
) -> Season {
    let listing = shenhe::review::journals::Listing::of(dir);
    let reviews: Vec<_> = entries
        .par_iter()
        .map(|e| {
            let path = dir.join(&e.file);
            match listing.has_journals(&path) {
                true => shenhe::review::review_of(&path, config),
                false => shenhe::review::Review::default(),
            }
        })
        .collect();
    let members = entries.iter().zip(&reviews).map(|(e, review)| Member {
        file: &e.file,
        department: e.outcome.as_ref().map_or(&None, |v| &v.department),
        checked: e
            .outcome
            .as_ref()
            .ok()
            .map(|v| (v.flags.as_slice(), v.measurability, &v.rows)),
        review,
    });
    // `check` keeps no declaration: the few rows named are read again
    // from their files (one changed since gives its row no more, and the
    // next file holding the row is read).
    let cap = config.max_file_bytes;
    let text_of = |file: &str, key: shenhe::rules::RowKey| {
        key.text_in(&shenhe::load::read(&dir.join(file), cap).ok()?)
    };
    Season::of(members, None, text_of)
}

pub fn run(args: CheckArgs) -> ExitCode {
    let lang = args.common.lang();
    let config = match args.common.config_for(&args.dir, args.previous.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let last = config.rules.last_year.clone();
    let entries = match shenhe::check::check_folder(&args.dir, &config) {
        Ok(e) => e,
        Err(e) => return cannot_open_folder(lang, &args.dir, &e),
    };
    if entries.is_empty() {
        eprintln!("shenhe: {}", i18n::no_files(lang, &display_path(&args.dir)));
    }
    match args.format {
        Format::Text => emit(&report::text(&entries, lang, last.as_deref())),
        Format::Json => {
            let season = season_of(&entries, &args.dir, &config);
            // Straight to the terminal or pipe; a closed pipe is not an error.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let _ = report::write_json(&entries, lang, last.as_deref(), Some(&season), &mut out)
                .and_then(|()| out.flush());
        }
    }
    let code = ExitCode::from(report::Summary::of(&entries).exit_code() as u8);
    // The process ends here: freeing two folders of declarations piece by
    // piece is work the system does at once when it exits.
    std::mem::forget((entries, config, last));
    code
}
