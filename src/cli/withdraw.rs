//! `shenhe withdraw FILE ID`: the reviewer's own comment taken back.

use super::{WhoArgs, act};
use clap::Args;
use shenhe::i18n;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct WithdrawArgs {
    #[arg(help = i18n::HELP_FILE)]
    pub file: PathBuf,
    #[arg(help = i18n::HELP_ID)]
    pub id: String,
    #[command(flatten)]
    pub who: WhoArgs,
}

pub fn run(args: WithdrawArgs) -> ExitCode {
    let WithdrawArgs { file, id, who } = args;
    act(&who, &file, |reviewer, config| {
        shenhe::review::act::withdraw(&file, &id, reviewer, config)
    })
}
