//! Command-line arguments (clap types never leave this crate).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "schemadiff",
    version,
    about = "Declarative schema-as-code for PostgreSQL: plan, review and apply schema changes"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the ordered migration plan from an empty database to the schema files.
    Plan(PlanArgs),
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Folder of domain folders (`DIR/<domain>/**/*.sql`) or a single .sql file.
    #[arg(long, default_value = "schemas")]
    pub schemas: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A PostgreSQL server URL: the files are loaded into a temporary database there
    /// (created and always dropped) so PostgreSQL itself validates them.
    #[arg(long, value_name = "URL")]
    pub dev_url: Option<String>,
    /// Exit 1 when the plan has steps (a drift gate for CI).
    #[arg(long)]
    pub check: bool,
    /// Print warnings as well as errors about the schema files.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A summary per domain and kind, then the SQL.
    Text,
    /// Just the SQL script.
    Sql,
    /// Machine-readable steps.
    Json,
}
