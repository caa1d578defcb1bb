//! `schemadiff inspect`: print a catalog — live (`--database-url`), canonical (`--schemas`
//! with `--dev-url`: the files as PostgreSQL stores them) or static (`--schemas` alone) —
//! or, with `--parity`, how far the static catalog agrees with the canonical one.

mod catalog_json;
mod dev;
mod parity;

use crate::args::{InspectArgs, InspectFormat};
use crate::commands::dump::retain_schemas;
use crate::desired::managed_schemas;
use crate::exit::ExitCode;
use crate::report::{fail, print_diagnostics};
use schemadiff_introspect::Scope;
use schemadiff_model::{Catalog, Ident};
use schemadiff_parse::Loaded;

pub fn run(args: &InspectArgs) -> ExitCode {
    let text = match (&args.database_url, &args.schemas) {
        (Some(url), _) => live(url, &args.scope).map(|(c, scope)| output(&c, &scope, args)),
        (None, Some(dir)) => files(dir, args),
        (None, None) => Err((
            "nothing to inspect".to_string(),
            "pass --database-url URL, or --schemas DIR (with --dev-url URL for the canonical catalog)",
        )),
    };
    match text {
        Ok(text) => match write_stdout(&text) {
            Ok(()) => ExitCode::Clean,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::Clean,
            Err(e) => {
                fail(
                    &format!("cannot write the catalog: {e}"),
                    "check the output destination",
                );
                ExitCode::Failure
            }
        },
        Err((message, help)) => {
            fail(&message, help);
            ExitCode::Failure
        }
    }
}

type Failure = (String, &'static str);

/// The live catalog of `url`, scoped to `schemas` (all non-system schemas when empty).
fn live(url: &str, schemas: &[String]) -> Result<(Catalog, Vec<String>), Failure> {
    let runtime = crate::runtime::runtime().map_err(|_| {
        (
            "no async runtime".to_string(),
            "this is a bug; please report it",
        )
    })?;
    let scope = Scope {
        schemas: schemas.to_vec(),
    };
    let catalog = runtime
        .block_on(schemadiff_introspect::introspect_url(url, &scope))
        .map_err(|e| (format!("{e}: {}", chain(&e)), "check --database-url"))?
        .catalog;
    let names = if schemas.is_empty() {
        catalog
            .schemas
            .keys()
            .map(|s| s.as_str().to_string())
            .collect()
    } else {
        schemas.to_vec()
    };
    Ok((catalog, names))
}

/// The static catalog of the files and, with `--dev-url`, the canonical one.
fn files(dir: &std::path::Path, args: &InspectArgs) -> Result<String, Failure> {
    let mut options = args.load_options();
    if let Some(target) = &args.target_url {
        options.existing_schemas = target_schemas(target)?;
    }
    let loaded = schemadiff_parse::load_path_with(dir, &options);
    print_diagnostics(&loaded.diagnostics, false);
    if loaded.has_errors() {
        return Err((
            "the schema files have errors".to_string(),
            "fix the errors above and run `schemadiff inspect` again",
        ));
    }
    let scope = if args.scope.is_empty() {
        managed_schemas(&loaded.catalog)
    } else {
        args.scope.clone()
    };
    let mut stat = loaded.catalog.clone();
    keep_only(&mut stat, &scope);
    let Some(dev_url) = &args.dev_url else {
        return Ok(output(&stat, &scope, args));
    };
    let (canon, before) = dev_catalog(&loaded, dev_url, &scope)?;
    if args.parity {
        let report = parity::parity(&stat, &canon, &before);
        return Ok(match args.format {
            InspectFormat::Json => json_text(&report.to_json()),
            InspectFormat::Text => parity::render(&report, args.verbose),
        });
    }
    Ok(output(&canon, &scope, args))
}

/// The schema names `--target-url` already has (files may use them without creating them).
fn target_schemas(url: &str) -> Result<Vec<Ident>, Failure> {
    let runtime = crate::runtime::runtime().map_err(|_| {
        (
            "no async runtime".to_string(),
            "this is a bug; please report it",
        )
    })?;
    let names = runtime
        .block_on(crate::live::schemas_of(url))
        .map_err(|e| (format!("{e:#}"), "check --target-url"))?;
    Ok(names.iter().map(|n| Ident::from_sql(n, true)).collect())
}

/// Loads the files into a temporary database (always dropped) and introspects `scope`.
/// Also returns what the scope held before loading (see `parity::parity`).
fn dev_catalog(
    loaded: &Loaded,
    dev_url: &str,
    scope: &[String],
) -> Result<(Catalog, Catalog), Failure> {
    let plan = schemadiff_plan::plan_create(&loaded.catalog).map_err(|cycle| {
        (
            cycle.to_string(),
            "break the cycle: one of these objects must not reference the next",
        )
    })?;
    let runtime = crate::runtime::runtime().map_err(|_| {
        (
            "no async runtime".to_string(),
            "this is a bug; please report it",
        )
    })?;
    match runtime.block_on(dev::canonical_in(loaded, &plan, dev_url, scope)) {
        Ok(dev::Dev::Loaded { catalog, before }) => Ok((*catalog, *before)),
        Ok(dev::Dev::Rejected(report)) => {
            print_diagnostics(&report.diagnostics, true);
            Err((
                format!(
                    "PostgreSQL rejected {} statement(s) of the files ({} skipped as dependents)",
                    report.failed, report.skipped
                ),
                "fix the statements above; the dev database has been dropped",
            ))
        }
        Err(e) => Err((
            format!("{e:#}"),
            "check --dev-url and that the role may CREATE DATABASE",
        )),
    }
}

fn keep_only(c: &mut Catalog, scope: &[String]) {
    let names: Vec<Ident> = scope.iter().map(|s| Ident::new(s.as_str())).collect();
    retain_schemas(c, |s| names.contains(s));
}

fn output(c: &Catalog, scope: &[String], args: &InspectArgs) -> String {
    match args.format {
        InspectFormat::Json => json_text(&catalog_json::catalog_json(c, scope)),
        InspectFormat::Text => listing(c, scope),
    }
}

/// Per kind, the count and one line per object.
fn listing(c: &Catalog, scope: &[String]) -> String {
    let mut out = format!("schemas in scope: {}\n", scope.join(", "));
    for (kind, objects) in catalog_json::kinds(c) {
        if objects.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{kind} ({})\n", objects.len()));
        for o in objects {
            out.push_str(&format!("  {o}\n"));
        }
    }
    out
}

fn json_text(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The error's causes after its own message (`db error` alone says nothing).
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = Vec::new();
    let mut cause = e.source();
    while let Some(c) = cause {
        parts.push(c.to_string());
        cause = c.source();
    }
    parts.join(": ")
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
