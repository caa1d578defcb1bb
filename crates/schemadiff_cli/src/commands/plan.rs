//! `schemadiff plan`: the ordered migration plan from a live database (or an empty one)
//! to the files; `--out` writes the plan file, `--allow` passes the safety gates,
//! `--check` is a drift gate.

use crate::args::PlanArgs;
use crate::desired::{managed_schemas, DevServer};
use crate::exit::ExitCode;
use crate::gate::{self, Allowed};
use crate::live::TargetIdentity;
use crate::output::{self, Header};
use crate::pipeline::{self, Side};
use crate::plan_file::{self, PlanFileInput};
use crate::report::fail;
use crate::scope;
use schemadiff_model::Catalog;
use schemadiff_parse::Loaded;
use schemadiff_plan::Plan;

pub fn run(args: &PlanArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) | Err(code) => code,
    }
}

fn run_inner(args: &PlanArgs) -> Result<ExitCode, ExitCode> {
    let allowed = Allowed::parse(&args.allow).map_err(|e| {
        fail(&e, "pass a hazard code listed in docs/hazards.md");
        ExitCode::Failure
    })?;
    let mut options = args.desired.load_options();
    // Against a database, its schema names are read once: files may use schemas it
    // already has without creating them, and they are part of the default scope.
    let live = match &args.database_url {
        Some(url) => {
            let runtime = crate::runtime::runtime()?;
            // When the target cannot be read here, the plan below reports why.
            let names = runtime.block_on(crate::live::schemas_of(url)).ok();
            options.existing_schemas = names
                .iter()
                .flatten()
                .map(|n| schemadiff_model::Ident::from_sql(n, true))
                .collect();
            Some((url, runtime, names))
        }
        None => None,
    };
    let loaded = pipeline::load_files(&args.schemas, &options, args.warnings)?;
    match live {
        None => {
            let (plan, header) = super::plan_empty::plan(args, &loaded)?;
            let empty = Catalog::default();
            let ctx = Finish {
                current: &empty,
                desired: &loaded.catalog,
                target: None,
                schemas: &managed_schemas(&loaded.catalog),
            };
            finish(args, &allowed, &plan, &header, ctx)
        }
        Some((url, runtime, names)) => {
            let target = Target {
                url,
                runtime: &runtime,
                schemas: names.as_deref(),
            };
            against_database(args, &allowed, &loaded, target)
        }
    }
}

/// The database a plan is made against, with what was already read of it.
struct Target<'a> {
    url: &'a str,
    runtime: &'a tokio::runtime::Runtime,
    /// Its schema names, when they could be read before the files were loaded.
    schemas: Option<&'a [String]>,
}

fn against_database(
    args: &PlanArgs,
    allowed: &Allowed,
    loaded: &Loaded,
    live: Target<'_>,
) -> Result<ExitCode, ExitCode> {
    let url = live.url;
    let target = TargetIdentity::from_url(url).map_err(|e| {
        fail(
            &format!("{e:#}"),
            "write it as postgres://user@host:port/database",
        );
        ExitCode::Failure
    })?;
    let (current, desired, schemas) =
        live.runtime
            .block_on(sides(args, loaded, url, live.schemas))?;
    let plan = pipeline::plan_between(&current, &desired)?;
    let header = Header {
        from: format!("{} ({})", target.label(), current.mode),
        to: args.schemas.display().to_string(),
        mode: desired.mode.clone(),
        mode_word: if desired.is_static {
            "static"
        } else {
            "canonical"
        },
        changes: true,
    };
    let ctx = Finish {
        current: &current.catalog,
        desired: &desired.catalog,
        target: Some(&target),
        schemas: &schemas,
    };
    finish(args, allowed, &plan, &header, ctx)
}

/// The live side, the desired side and the managed schemas.
async fn sides(
    args: &PlanArgs,
    loaded: &Loaded,
    url: &str,
    live: Option<&[String]>,
) -> Result<(Side, Side, Vec<String>), ExitCode> {
    let live = match live {
        Some(names) => names.to_vec(),
        None => pipeline::database_schemas(url).await?,
    };
    let mentioned = managed_schemas(&loaded.catalog);
    let schemas = scope::resolve(&args.scope, &[&live, &mentioned]);
    let mut current = pipeline::database_side(url, &schemas).await?;
    crate::join::join_domains(&mut current.catalog, &loaded.catalog);
    let dev = match (&args.desired.static_only, &args.desired.dev_url) {
        (true, _) => None,
        (false, Some(dev)) => Some(DevServer::Explicit(dev)),
        (false, None) => Some(DevServer::Target(url)),
    };
    let label = args.schemas.display().to_string();
    let mut desired = pipeline::files_side(loaded, &label, dev, &schemas).await?;
    if desired.is_static {
        scope::adopt_implicit_schemas(&mut desired.catalog, &current.catalog, &mentioned);
    }
    Ok((current, desired, schemas))
}

/// What the plan file needs besides the plan.
struct Finish<'a> {
    current: &'a Catalog,
    desired: &'a Catalog,
    target: Option<&'a TargetIdentity>,
    schemas: &'a [String],
}

/// Prints the plan, writes `--out`, then applies the gates: blocked hazards exit 2,
/// `--check` with pending changes exits 1.
fn finish(
    args: &PlanArgs,
    allowed: &Allowed,
    plan: &Plan,
    header: &Header,
    ctx: Finish<'_>,
) -> Result<ExitCode, ExitCode> {
    output::print(&output::render(plan, args.format, header))?;
    if let Some(out) = &args.out {
        let file = plan_file::build(PlanFileInput {
            plan,
            current: ctx.current,
            desired: ctx.desired,
            target: ctx.target,
            mode: header.mode_word,
            schemas: ctx.schemas,
        });
        plan_file::write(out, &file).map_err(|e| {
            fail(
                &format!("cannot write the plan file {}: {e}", out.display()),
                "check that the folder exists and is writable",
            );
            ExitCode::Failure
        })?;
    }
    if args.check {
        // A drift gate: pending changes are findings, whatever they would need to run.
        return Ok(if plan.steps.is_empty() {
            ExitCode::Clean
        } else {
            ExitCode::Findings
        });
    }
    let blocked = gate::blocked(plan, allowed);
    if !blocked.is_empty() {
        gate::report(&blocked);
        return Ok(ExitCode::Failure);
    }
    Ok(ExitCode::Clean)
}
