//! `schemadiff diff --from A --to B`: the plan between any two states, each a schema
//! folder/file or a database URL. Two folders compare offline (static) unless
//! `--dev-url` is given; a folder next to a database is loaded into a dev database on
//! that database's server.

use crate::args::DiffArgs;
use crate::desired::{managed_schemas, DevServer};
use crate::exit::ExitCode;
use crate::live::is_database_url;
use crate::output::{self, Header};
use crate::pipeline::{self, Side};
use crate::scope;
use schemadiff_parse::Loaded;
use std::path::Path;

/// One side as given on the command line, files already parsed.
enum Spec<'a> {
    Files(&'a str, Box<Loaded>),
    Database(&'a str),
}

impl Spec<'_> {
    fn parse<'a>(
        arg: &'a str,
        options: &schemadiff_parse::LoadOptions,
        warnings: bool,
    ) -> Result<Spec<'a>, ExitCode> {
        if is_database_url(arg) {
            return Ok(Spec::Database(arg));
        }
        let loaded = pipeline::load_files(Path::new(arg), options, warnings)?;
        Ok(Spec::Files(arg, Box::new(loaded)))
    }
}

pub fn run(args: &DiffArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) | Err(code) => code,
    }
}

fn run_inner(args: &DiffArgs) -> Result<ExitCode, ExitCode> {
    let options = args.desired.load_options();
    let from = Spec::parse(&args.from, &options, args.warnings)?;
    let to = Spec::parse(&args.to, &options, args.warnings)?;
    let runtime = crate::runtime::runtime()?;
    let (current, desired) = runtime.block_on(sides(args, &from, &to))?;
    let plan = pipeline::plan_between(&current, &desired)?;
    let header = Header {
        from: format!("{} ({})", current.label, current.mode),
        to: format!("{} ({})", desired.label, desired.mode),
        mode: if current.is_static || desired.is_static {
            "static: parsed from files, offline".to_string()
        } else {
            "canonical".to_string()
        },
        mode_word: if current.is_static || desired.is_static {
            "static"
        } else {
            "canonical"
        },
        changes: true,
    };
    output::print(&output::render(&plan, args.format, &header))?;
    Ok(if args.check && !plan.steps.is_empty() {
        ExitCode::Findings
    } else {
        ExitCode::Clean
    })
}

async fn sides(args: &DiffArgs, from: &Spec<'_>, to: &Spec<'_>) -> Result<(Side, Side), ExitCode> {
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut database = None;
    for spec in [from, to] {
        match spec {
            Spec::Files(_, loaded) => found.push(managed_schemas(&loaded.catalog)),
            Spec::Database(url) => {
                database.get_or_insert(*url);
                found.push(pipeline::database_schemas(url).await?);
            }
        }
    }
    let lists: Vec<&[String]> = found.iter().map(Vec::as_slice).collect();
    let schemas = scope::resolve(&args.scope, &lists);
    let dev = match (args.desired.static_only, &args.desired.dev_url, database) {
        (true, _, _) => None,
        (false, Some(dev), _) => Some(DevServer::Explicit(dev)),
        (false, None, Some(db)) => Some(DevServer::Target(db)),
        (false, None, None) => None,
    };
    let mut current = side(from, dev, &schemas).await?;
    let mut desired = side(to, dev, &schemas).await?;
    if let Spec::Files(_, loaded) = to {
        crate::join::join_domains(&mut current.catalog, &loaded.catalog);
    }
    // A static side next to a live one keeps the schemas PostgreSQL has implicitly.
    if desired.is_static && !current.is_static {
        let mentioned = lists.get(1).copied().unwrap_or_default();
        scope::adopt_implicit_schemas(&mut desired.catalog, &current.catalog, mentioned);
    }
    if current.is_static && !desired.is_static {
        let mentioned = lists.first().copied().unwrap_or_default();
        scope::adopt_implicit_schemas(&mut current.catalog, &desired.catalog, mentioned);
    }
    Ok((current, desired))
}

async fn side(
    spec: &Spec<'_>,
    dev: Option<DevServer<'_>>,
    schemas: &[String],
) -> Result<Side, ExitCode> {
    match spec {
        Spec::Files(label, loaded) => pipeline::files_side(loaded, label, dev, schemas).await,
        Spec::Database(url) => pipeline::database_side(url, schemas).await,
    }
}
