//! `shenhe edit FILE ID --text …`: the reviewer's own comment reworded.

use super::{WhoArgs, act};
use clap::Args;
use shenhe::i18n;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct EditArgs {
    #[arg(help = i18n::HELP_FILE)]
    pub file: PathBuf,
    #[arg(help = i18n::HELP_ID)]
    pub id: String,
    #[arg(long, help = i18n::HELP_TEXT)]
    pub text: String,
    #[command(flatten)]
    pub who: WhoArgs,
}

pub fn run(args: EditArgs) -> ExitCode {
    let EditArgs {
        file,
        id,
        text,
        who,
    } = args;
    act(&who, &file, |reviewer, config| {
        shenhe::review::act::edit(&file, &id, &text, reviewer, config)
    })
}
