//! The `schemadiff` binary: parses arguments and hands off to a command.

mod args;
mod commands;
mod desired;
mod devdb;
mod exit;
mod report;

use clap::Parser;

fn main() {
    let args = args::Cli::parse();
    let code = match args.command {
        args::Command::Plan(plan) => commands::plan::run(&plan),
        args::Command::Dump(dump) => commands::dump::run(&dump),
    };
    std::process::exit(code as i32);
}
