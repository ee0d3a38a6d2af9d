//! `shenhe rules [--format json]`: the rule catalogue, its IDs, severities,
//! titles, 依据 and settings.

use super::{Format, LangArg, emit};
use clap::Args;
use shenhe::i18n;
use shenhe::report;
use std::process::ExitCode;

#[derive(Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = Format::Text, help = i18n::HELP_FORMAT)]
    pub format: Format,
    #[arg(long, value_enum, default_value_t = LangArg::Zh, help = i18n::HELP_LANG)]
    pub lang: LangArg,
}

pub fn run(args: &RulesArgs) -> ExitCode {
    emit(&match args.format {
        Format::Text => report::rules_text(args.lang.into()),
        Format::Json => report::rules_json(),
    });
    ExitCode::SUCCESS
}
