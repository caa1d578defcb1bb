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
    /// Show the ordered migration plan from a live (or an empty) database to the schema files.
    Plan(PlanArgs),
    /// Compare any two states: schema folders/files or databases.
    Diff(DiffArgs),
    /// Write an existing database out as schema files, one folder per schema.
    Dump(DumpArgs),
    /// Print a catalog (live, canonical or static), or the static/canonical parity table.
    Inspect(InspectArgs),
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Folder of domain folders (`DIR/<domain>/**/*.sql`) or a single .sql file.
    #[arg(long, default_value = "schemas")]
    pub schemas: PathBuf,
    /// The live database to plan against (postgres://user@host/db). Without it the plan
    /// starts from an empty database.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Manage only this schema (repeatable; case-sensitive, as stored). Default: every
    /// non-system schema of the database plus those the files define or mention, never
    /// `schemadiff`.
    #[arg(long = "schema", value_name = "NAME")]
    pub scope: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub desired: DesiredArgs,
    /// Exit 1 when the plan has steps (a drift gate for CI).
    #[arg(long)]
    pub check: bool,
    /// Allow steps with this hazard code (repeatable), e.g. `--allow data-loss`.
    #[arg(long = "allow", value_name = "CODE")]
    pub allow: Vec<String>,
    /// Also write the versioned plan file (JSON) to this path.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print warnings as well as errors about the schema files.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub warnings: bool,
}

/// How the desired state is built from files.
#[derive(Debug, Args)]
pub struct DesiredArgs {
    /// A PostgreSQL server URL for the dev database: the files are loaded into a
    /// temporary database there (created and always dropped). Default with a live
    /// database: a temporary database on that database's server.
    #[arg(long, value_name = "URL")]
    pub dev_url: Option<String>,
    /// Skip the dev database: compare the files as parsed (offline).
    #[arg(long = "static", conflicts_with = "dev_url")]
    pub static_only: bool,
    /// The search_path the files are written for (`foo,public`): unqualified names
    /// belong to its first schema instead of `public`.
    #[arg(long, value_name = "SCHEMA[,SCHEMA...]")]
    pub search_path: Option<String>,
}

impl DesiredArgs {
    /// How the files' unqualified names are read.
    pub fn load_options(&self) -> schemadiff_parse::LoadOptions {
        load_options(self.search_path.as_deref())
    }
}

/// The load options of a `--search-path` value: unqualified names belong to its first
/// schema (a quoted name keeps its case), `public` without one.
fn load_options(search_path: Option<&str>) -> schemadiff_parse::LoadOptions {
    let first = search_path.and_then(|p| p.split(',').map(str::trim).find(|s| !s.is_empty()));
    schemadiff_parse::LoadOptions {
        default_schema: first.map(|s| {
            match s.strip_prefix('"').and_then(|q| q.strip_suffix('"')) {
                Some(quoted) => {
                    schemadiff_model::Ident::from_sql(&quoted.replace("\"\"", "\""), true)
                }
                None => schemadiff_model::Ident::from_sql(s, false),
            }
        }),
        existing_schemas: Vec::new(),
        threads: None,
    }
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The current side: a schema folder, a .sql file, or a database URL
    /// (postgres:// or postgresql://).
    #[arg(long, value_name = "DIR|FILE|URL")]
    pub from: String,
    /// The desired side: a schema folder, a .sql file, or a database URL.
    #[arg(long, value_name = "DIR|FILE|URL")]
    pub to: String,
    /// Compare only this schema (repeatable; case-sensitive, as stored).
    #[arg(long = "schema", value_name = "NAME")]
    pub scope: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub desired: DesiredArgs,
    /// Exit 1 when the two sides differ.
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

#[derive(Debug, Args)]
pub struct DumpArgs {
    /// The database to read (postgres://user@host/db; a socket directory host is percent-encoded).
    #[arg(long, value_name = "URL")]
    pub database_url: String,
    /// The folder to write the schema files into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Dump only this schema (repeatable; case-sensitive, as stored). Default: every
    /// non-system schema, `public` only when it has objects, never `schemadiff`.
    #[arg(long = "schema", value_name = "NAME")]
    pub schemas: Vec<String>,
    /// How files are grouped into folders.
    #[arg(long, value_enum, default_value_t = DumpLayout::Schema)]
    pub by: DumpLayout,
    /// Write into a non-empty --out folder, replacing files of the same name.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpLayout {
    /// One folder per PostgreSQL schema, one file per table.
    Schema,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Print this database's catalog (postgres://user@host/db).
    #[arg(long, value_name = "URL", conflicts_with_all = ["schemas", "dev_url"])]
    pub database_url: Option<String>,
    /// Print the files' catalog: static (parsed) alone, canonical with --dev-url.
    #[arg(long, value_name = "DIR")]
    pub schemas: Option<PathBuf>,
    /// A server URL: the files are loaded into a temporary database there (always
    /// dropped) and read back as PostgreSQL stores them.
    #[arg(long, value_name = "URL", requires = "schemas")]
    pub dev_url: Option<String>,
    /// With --schemas: the search_path the files are written for (`foo,public`):
    /// unqualified names belong to its first schema instead of `public`.
    #[arg(long, value_name = "SCHEMA[,SCHEMA...]", requires = "schemas")]
    pub search_path: Option<String>,
    /// With --schemas: the database the files are meant for. Schemas it already has may
    /// be used without CREATE SCHEMA, as `plan --database-url` allows (the catalog then
    /// holds them as implied schemas). Only its schema names are read.
    #[arg(long, value_name = "URL", requires = "schemas")]
    pub target_url: Option<String>,
    /// Only this schema (repeatable; as stored). Default: every non-system schema of the
    /// database, or the schemas the files define or mention.
    #[arg(long = "schema", value_name = "NAME")]
    pub scope: Vec<String>,
    /// Print the parity table of the static against the canonical catalog, per kind.
    #[arg(long, requires = "dev_url")]
    pub parity: bool,
    /// With --parity: also list every object the two catalogs disagree on.
    #[arg(long, requires = "parity")]
    pub verbose: bool,
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// A count and one line per object, per kind (with --parity: a Markdown table).
    Text,
    /// The catalog's objects per kind as JSON (with --parity: the figures).
    Json,
}

impl InspectArgs {
    /// How the files' unqualified names are read (`--search-path`).
    pub fn load_options(&self) -> schemadiff_parse::LoadOptions {
        load_options(self.search_path.as_deref())
    }
}
