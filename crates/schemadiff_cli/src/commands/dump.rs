//! `schemadiff dump`: read a live database and write it out as schema files, one folder
//! per schema (the layout is `schemadiff_render::dump`'s), so a team can adopt the tool.

use crate::args::{DumpArgs, DumpLayout};
use crate::exit::ExitCode;
use crate::report::fail;
use schemadiff_introspect::{IntrospectError, Scope};
use schemadiff_model::{Catalog, Ident};
use schemadiff_render::dump::{dump_files, DumpFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The schema where `apply` keeps its history: tool state, never part of a dump.
const HISTORY_SCHEMA: &str = "schemadiff";

pub fn run(args: &DumpArgs) -> ExitCode {
    // One folder per schema is the only layout so far; `--by` leaves room for others.
    let DumpLayout::Schema = args.by;
    if let Err(why) = check_out_dir(&args.out, args.force) {
        fail(
            &why,
            "pass --force to write into it anyway, or choose an empty --out folder",
        );
        return ExitCode::Failure;
    }
    let runtime = match crate::runtime::runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    if args.schemas.iter().any(|s| s == HISTORY_SCHEMA) {
        eprintln!("warning: the {HISTORY_SCHEMA} schema holds schemadiff's own history; it is never dumped");
    }
    let scope = Scope {
        schemas: args.schemas.clone(),
    };
    let mut catalog = match runtime.block_on(read(&args.database_url, &scope)) {
        Ok(catalog) => catalog,
        Err(e) => {
            let help = miette::Diagnostic::help(&e)
                .map(|h| h.to_string())
                .unwrap_or_else(|| "check --database-url".to_string());
            fail(&describe(&e), &help);
            return ExitCode::Failure;
        }
    };
    // An explicitly named `public` is dumped even when empty; by default only with objects.
    let keep_public = !args.schemas.is_empty() || has_objects(&catalog, "public");
    retain_schemas(&mut catalog, |s| {
        s.as_str() != HISTORY_SCHEMA && (keep_public || s.as_str() != "public")
    });
    let missing: Vec<&str> = args
        .schemas
        .iter()
        .filter(|s| {
            s.as_str() != HISTORY_SCHEMA && !catalog.schemas.contains_key(&Ident::new(s.as_str()))
        })
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        fail(
            &format!("no schema named {} in the database", missing.join(", ")),
            "--schema takes names as stored (case-sensitive); `\\dn` in psql lists them",
        );
        return ExitCode::Failure;
    }
    // Deparsed expressions are written so that loading them stores the same expression
    // again (dump → load → dump is then identical; see `dump_expr`).
    schemadiff_render::dump_expr::stabilize_catalog(&mut catalog);
    let plan = match schemadiff_plan::plan_create(&catalog) {
        Ok(plan) => plan,
        Err(cycle) => {
            fail(
                &cycle.to_string(),
                "the database has a dependency cycle schemadiff cannot order; please report it",
            );
            return ExitCode::Failure;
        }
    };
    let files = dump_files(&catalog, &plan);
    if let Err(e) = write_files(&args.out, &files) {
        fail(&e, "check that --out is writable");
        return ExitCode::Failure;
    }
    if args.force {
        warn_stale(&args.out, &files);
    }
    let tables = files
        .iter()
        .filter(|f| f.path.parent().and_then(Path::file_name) == Some("tables".as_ref()))
        .count();
    println!(
        "wrote {} file(s) ({tables} table file(s), {} schema(s)) to {}",
        files.len(),
        catalog.schemas.len(),
        args.out.display()
    );
    ExitCode::Clean
}

/// Reads the catalog in one read-only snapshot shared by two connections, then
/// disconnects.
async fn read(url: &str, scope: &Scope) -> Result<Catalog, IntrospectError> {
    Ok(schemadiff_introspect::introspect_url(url, scope)
        .await?
        .catalog)
}

/// The error and its causes on one line (`db error` alone says nothing: the server's
/// message is in the source chain).
fn describe(e: &IntrospectError) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let part = c.to_string();
        if !text.contains(&part) {
            text.push_str(&format!(": {part}"));
        }
        cause = c.source();
    }
    text.replace('\n', " ")
}

/// `--out` must be missing or an empty folder, unless `--force`.
fn check_out_dir(out: &Path, force: bool) -> Result<(), String> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(format!(
            "--out {} exists and is not a folder",
            out.display()
        ));
    }
    let mut entries = std::fs::read_dir(out)
        .map_err(|e| format!("cannot read --out folder {}: {e}", out.display()))?;
    if entries.next().is_some() && !force {
        return Err(format!(
            "--out folder {} is not empty; refusing to write into it",
            out.display()
        ));
    }
    Ok(())
}

/// Whether any object other than the schema itself (and its grants and comments) is in it.
fn has_objects(c: &Catalog, schema: &str) -> bool {
    let q = |s: &Ident| s.as_str() == schema;
    c.types.keys().any(|n| q(&n.schema))
        || c.collations.keys().any(|n| q(&n.schema))
        || c.sequences.keys().any(|n| q(&n.schema))
        || c.tables.keys().any(|n| q(&n.schema))
        || c.indexes.keys().any(|n| q(&n.schema))
        || c.views.keys().any(|n| q(&n.schema))
        || c.functions.values().any(|f| q(&f.name.schema))
}

/// Drops every schema-scoped object whose schema `keep` rejects. Extensions (database-wide)
/// and verbatim statements stay.
pub(crate) fn retain_schemas(c: &mut Catalog, keep: impl Fn(&Ident) -> bool) {
    c.schemas.retain(|s, _| keep(s));
    c.collations.retain(|n, _| keep(&n.schema));
    c.types.retain(|n, _| keep(&n.schema));
    c.sequences.retain(|n, _| keep(&n.schema));
    c.tables.retain(|n, _| keep(&n.schema));
    c.indexes.retain(|n, _| keep(&n.schema));
    c.views.retain(|n, _| keep(&n.schema));
    c.functions.retain(|id, _| id.schema().is_none_or(&keep));
    c.triggers.retain(|(t, _), _| keep(&t.schema));
    c.policies.retain(|(t, _), _| keep(&t.schema));
    c.grants.retain(|(on, _), _| on.schema().is_none_or(&keep));
    c.comments.retain(|on, _| on.schema().is_none_or(&keep));
}

fn write_files(out: &Path, files: &[DumpFile]) -> Result<(), String> {
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create --out folder {}: {e}", out.display()))?;
    for f in files {
        let path = out.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create folder {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &f.content)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// With `--force`, `.sql` files this dump did not write would still be loaded by `plan`:
/// say so rather than delete what may be someone's work.
fn warn_stale(out: &Path, files: &[DumpFile]) {
    let written: BTreeSet<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
    let mut stale = Vec::new();
    sql_files(out, &mut stale);
    stale.retain(|p| !written.contains(p));
    stale.sort();
    for p in stale {
        eprintln!(
            "warning: {} was not written by this dump but is still in --out",
            p.display()
        );
    }
}

fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sql_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
}
