//! `shenhe decide FILE approve|return|pending [--grade 优|良|中|差]`: the
//! decision on a declaration, asked about first unless `--force`.

use super::{WhoArgs, act};
use clap::{Args, ValueEnum};
use shenhe::i18n;
use shenhe::review::{Decision, Grade};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct DecideArgs {
    #[arg(help = i18n::HELP_FILE)]
    pub file: PathBuf,
    #[arg(value_enum)]
    pub decision: DecisionArg,
    #[arg(long, value_enum, help = i18n::HELP_GRADE)]
    pub grade: Option<GradeArg>,
    #[arg(long, help = i18n::HELP_FORCE)]
    pub force: bool,
    #[command(flatten)]
    pub who: WhoArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DecisionArg {
    Pending,
    Approve,
    Return,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GradeArg {
    #[value(name = "优")]
    Excellent,
    #[value(name = "良")]
    Good,
    #[value(name = "中")]
    Fair,
    #[value(name = "差")]
    Poor,
}

pub fn run(args: DecideArgs) -> ExitCode {
    let DecideArgs {
        file,
        decision,
        grade,
        force,
        who,
    } = args;
    let decision = match decision {
        DecisionArg::Pending => Decision::Pending,
        DecisionArg::Approve => Decision::Approve,
        DecisionArg::Return => Decision::Return,
    };
    let grade = grade.map(|g| match g {
        GradeArg::Excellent => Grade::Excellent,
        GradeArg::Good => Grade::Good,
        GradeArg::Fair => Grade::Fair,
        GradeArg::Poor => Grade::Poor,
    });
    act(&who, &file, |reviewer, config| {
        use shenhe::review::act::Guard;
        let guard = if force {
            Guard::Forced
        } else {
            Guard::AskFirst
        };
        shenhe::review::act::decide(&file, decision, grade, reviewer, None, guard, config)
            .map(|w| w.record)
    })
}
