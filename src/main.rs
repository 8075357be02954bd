//! The `newsgraph` binary: parse arguments, run the command, map errors to an exit code.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = newsgraph::cli::Cli::parse();
    match newsgraph::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newsgraph: error: {error}");
            ExitCode::from(2)
        }
    }
}
