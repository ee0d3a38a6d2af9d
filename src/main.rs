//! `shenhe`: parses the command line and hands it to its command
//! (`src/cli/<command>.rs`); with no command, the desk at a terminal and
//! the check otherwise.
#![forbid(unsafe_code)]

mod cli;

use clap::{Parser, Subcommand};
use cli::{check, comment, convert, decide, desk, dispose, edit, export, report, rules, withdraw};
use shenhe::i18n;
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "shenhe", version, about = i18n::ABOUT, after_help = i18n::AFTER_HELP)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: check::CheckArgs,
    #[command(flatten)]
    look: desk::LookArgs,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = i18n::HELP_DESK)]
    Desk(desk::DeskArgs),
    #[command(about = i18n::HELP_CHECK, after_help = i18n::AFTER_HELP)]
    Check(check::CheckArgs),
    #[command(about = i18n::HELP_COMMENT)]
    Comment(comment::CommentArgs),
    #[command(about = i18n::HELP_EDIT)]
    Edit(edit::EditArgs),
    #[command(about = i18n::HELP_WITHDRAW)]
    Withdraw(withdraw::WithdrawArgs),
    #[command(about = i18n::HELP_DECIDE)]
    Decide(decide::DecideArgs),
    #[command(about = i18n::HELP_DISPOSE)]
    Dispose(dispose::DisposeArgs),
    #[command(about = i18n::HELP_EXPORT)]
    Export(export::ExportArgs),
    #[command(about = i18n::HELP_REPORT)]
    Report(report::ReportArgs),
    #[command(about = i18n::HELP_CONVERT)]
    Convert(convert::ConvertArgs),
    #[command(about = i18n::HELP_RULES)]
    Rules(rules::RulesArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Rules(args)) => rules::run(&args),
        Some(Command::Desk(args)) => desk::run(args),
        Some(Command::Convert(args)) => {
            cli::clean_up_on_signals();
            convert::run(&args)
        }
        Some(Command::Export(args)) => {
            cli::clean_up_on_signals();
            export::run(&args)
        }
        Some(Command::Report(args)) => {
            cli::clean_up_on_signals();
            report::run(&args)
        }
        Some(Command::Comment(args)) => comment::run(args),
        Some(Command::Edit(args)) => edit::run(args),
        Some(Command::Withdraw(args)) => withdraw::run(args),
        Some(Command::Decide(args)) => decide::run(args),
        Some(Command::Dispose(args)) => dispose::run(args),
        // The desk needs a terminal; piped or scripted, the same command
        // prints the check instead.
        None if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() => {
            desk::run(desk::bare(cli.check, cli.look))
        }
        None => check::run(cli.check),
    }
}

// Checking a folder allocates many small strings on every core at once;
// with mimalloc `shenhe check` runs 15% fewer instructions than with glibc
// malloc (callgrind, 300 generated files) and ~15% less wall time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
