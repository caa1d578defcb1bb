//! The steps `plan` and `diff` share: load files, resolve each side to a catalog (live
//! introspection, dev database, or the static parse), then diff and plan.
//!
//! Every function reports its own failure on stderr and returns the exit code.

use crate::desired::{canonical, DevOutcome, DevServer};
use crate::exit::ExitCode;
use crate::join::join_meta;
use crate::report::{fail, print_diagnostics};
use crate::scope;
use schemadiff_diff::DiffInput;
use schemadiff_model::Catalog;
use schemadiff_parse::Loaded;
use schemadiff_plan::{Plan, PlanInput};
use std::path::Path;

/// One side of a comparison, as catalogs.
#[derive(Debug)]
pub struct Side {
    /// What is compared: live, canonical (dev database) or static.
    pub catalog: Catalog,
    /// The files' static catalog when `catalog` is canonical: objects to create are
    /// written as the files have them.
    pub source: Option<Catalog>,
    /// For headers: the folder, file or database.
    pub label: String,
    /// How the catalog was obtained, for headers.
    pub mode: String,
    /// True when `catalog` is the static parse (no database involved).
    pub is_static: bool,
}

/// Parses the files and prints their diagnostics; errors stop the command.
pub fn load_files(
    path: &Path,
    options: &schemadiff_parse::LoadOptions,
    warnings: bool,
) -> Result<Loaded, ExitCode> {
    let loaded = schemadiff_parse::load_path_with(path, options);
    print_diagnostics(&loaded.diagnostics, warnings);
    if loaded.has_errors() {
        fail(
            &format!(
                "the schema files in {} have errors; no plan was made",
                path.display()
            ),
            "fix the errors above and run the command again",
        );
        return Err(ExitCode::Failure);
    }
    Ok(loaded)
}

/// The creation plan of the files (also what the dev database executes).
pub fn static_plan(catalog: &Catalog) -> Result<Plan, ExitCode> {
    schemadiff_plan::plan_create(catalog).map_err(|cycle| {
        fail(
            &cycle.to_string(),
            "break the cycle: one of these objects must not reference the next",
        );
        ExitCode::Failure
    })
}

/// A files side: canonical through a dev database on `dev` when given (falling back to
/// the static catalog when the server cannot host one), static otherwise; restricted to
/// `schemas`.
pub async fn files_side(
    loaded: &Loaded,
    label: &str,
    dev: Option<DevServer<'_>>,
    schemas: &[String],
) -> Result<Side, ExitCode> {
    let mut source = loaded.catalog.clone();
    scope::retain(&mut source, schemas);
    let static_side = |mode: String| Side {
        catalog: source.clone(),
        source: None,
        label: label.to_string(),
        mode,
        is_static: true,
    };
    let Some(dev) = dev else {
        return Ok(static_side("static: parsed from files".to_string()));
    };
    let plan = static_plan(&loaded.catalog)?;
    match canonical(loaded, &plan, dev, Some(schemas)).await {
        Ok(DevOutcome::Canonical { catalog, .. }) => {
            let mut catalog = *catalog;
            join_meta(&mut catalog, &loaded.catalog);
            Ok(Side {
                catalog,
                source: Some(source),
                label: label.to_string(),
                mode: "canonical: loaded into a dev database".to_string(),
                is_static: false,
            })
        }
        Ok(DevOutcome::Rejected(report)) => {
            print_diagnostics(&report.diagnostics, true);
            fail(
                &format!(
                    "PostgreSQL rejected {} statement(s) of the files ({} skipped as dependents)",
                    report.failed, report.skipped
                ),
                "fix the statements above; the dev database has been dropped",
            );
            Err(ExitCode::Failure)
        }
        Ok(DevOutcome::Unreachable(why)) => {
            eprintln!("warning: no dev database available ({why}); using the static catalog");
            Ok(static_side("static: no dev database available".to_string()))
        }
        Err(e) => {
            fail(
                &format!("{e:#}"),
                "check --dev-url and that the role may CREATE DATABASE",
            );
            Err(ExitCode::Failure)
        }
    }
}

/// A live side within `schemas`.
pub async fn database_side(url: &str, schemas: &[String]) -> Result<Side, ExitCode> {
    match crate::live::read(url, schemas).await {
        Ok(catalog) => Ok(Side {
            catalog,
            source: None,
            label: crate::devdb::lifecycle::redact(url),
            mode: "live".to_string(),
            is_static: false,
        }),
        Err(e) => Err(connection_failure(&e)),
    }
}

/// The schema names of a live side (for the default scope).
pub async fn database_schemas(url: &str) -> Result<Vec<String>, ExitCode> {
    crate::live::schemas_of(url)
        .await
        .map_err(|e| connection_failure(&e))
}

fn connection_failure(e: &anyhow::Error) -> ExitCode {
    fail(
        &format!("{e:#}"),
        "check the database URL and that the server is running and accepts this user",
    );
    ExitCode::Failure
}

/// Diffs `current` against `desired` and orders the changes.
pub fn plan_between(current: &Side, desired: &Side) -> Result<Plan, ExitCode> {
    let changes = schemadiff_diff::diff(DiffInput {
        current: &current.catalog,
        desired: &desired.catalog,
        source: desired.source.as_ref(),
    });
    schemadiff_plan::plan_changes(PlanInput {
        changes: &changes,
        current: &current.catalog,
        desired: &desired.catalog,
    })
    .map_err(|cycle| {
        fail(
            &cycle.to_string(),
            "this is a dependency cycle among the changes; please report it",
        );
        ExitCode::Failure
    })
}
