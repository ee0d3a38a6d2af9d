//! `shenhe comment FILE --at PLACE --text …`: a comment written to the
//! reviewer's journal beside the declaration.

use super::{WhoArgs, act};
use clap::Args;
use shenhe::i18n;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CommentArgs {
    #[arg(help = i18n::HELP_FILE)]
    pub file: PathBuf,
    #[arg(long, help = i18n::HELP_AT)]
    pub at: String,
    #[arg(long, help = i18n::HELP_RULE)]
    pub rule: Option<String>,
    #[arg(long, help = i18n::HELP_TEXT)]
    pub text: String,
    #[command(flatten)]
    pub who: WhoArgs,
}

pub fn run(args: CommentArgs) -> ExitCode {
    let CommentArgs {
        file,
        at,
        rule,
        text,
        who,
    } = args;
    act(&who, &file, |reviewer, config| {
        shenhe::review::act::comment(&file, &at, rule.as_deref(), &text, reviewer, config)
    })
}
