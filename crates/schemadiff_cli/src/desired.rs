//! The desired state: the static catalog from the files, and — when a server is
//! available — the canonical catalog PostgreSQL produces from them in a dev database.

use crate::devdb::lifecycle::{redact, TempDatabase};
use crate::devdb::load::{load, LoadReport};
use anyhow::{Context, Result};
use schemadiff_model::Catalog;
use schemadiff_parse::Loaded;
use schemadiff_plan::Plan;
use std::collections::BTreeSet;

/// What the dev database gave.
#[derive(Debug)]
pub enum DevOutcome {
    /// PostgreSQL accepted every statement; this is its rendering of the files.
    Canonical {
        catalog: Box<Catalog>,
        queries: usize,
    },
    /// Some statements were rejected (diagnostics point into the files).
    Rejected(LoadReport),
    /// No server could be reached: the caller falls back to the static catalog.
    Unreachable(String),
}

/// Where the dev database goes.
#[derive(Debug, Clone, Copy)]
pub enum DevServer<'a> {
    /// `--dev-url`: failing to create the database there is an error.
    Explicit(&'a str),
    /// The target's server: if the database cannot be created there (no server, no
    /// CREATEDB), the static catalog is used and the output says so.
    Target(&'a str),
}

impl DevServer<'_> {
    fn url(&self) -> &str {
        match self {
            DevServer::Explicit(u) | DevServer::Target(u) => u,
        }
    }
}

/// Loads the plan into a temporary database on the server, introspects `scope` (None:
/// the schemas the files define or mention), and drops the database — on success, on
/// error and on ctrl-c alike.
pub async fn canonical(
    loaded: &Loaded,
    plan: &Plan,
    server: DevServer<'_>,
    scope: Option<&[String]>,
) -> Result<DevOutcome> {
    let server_url = server.url();
    let temp = match TempDatabase::create(server_url).await {
        Ok(t) => t,
        Err(e) if is_unreachable(&e) || matches!(server, DevServer::Target(_)) => {
            return Ok(DevOutcome::Unreachable(format!("{e:#}")))
        }
        Err(e) => return Err(e),
    };
    let work = async {
        let (client, task) = schemadiff_introspect::connect(&temp.url)
            .await
            .context("cannot connect to the dev database")?;
        let report = load(&client, plan, &loaded.sources)
            .await
            .context("lost the dev database connection while loading")?;
        if report.failed > 0 {
            drop(client);
            let _ = task.await;
            return Ok(DevOutcome::Rejected(report));
        }
        let scope = match scope {
            Some(s) => crate::scope::introspect_scope(s),
            None => schemadiff_introspect::Scope {
                schemas: managed_schemas(&loaded.catalog),
            },
        };
        drop(client);
        let _ = task.await;
        // The load is committed: read it like a live database.
        let introspected = schemadiff_introspect::introspect_url(&temp.url, &scope).await?;
        Ok(DevOutcome::Canonical {
            catalog: Box::new(introspected.catalog),
            queries: introspected.queries,
        })
    };
    let outcome = tokio::select! {
        outcome = work => outcome,
        _ = tokio::signal::ctrl_c() => {
            let name = temp.name.clone();
            temp.drop_now().await.ok();
            eprintln!("interrupted: dropped the dev database {name}");
            std::process::exit(130);
        }
    };
    temp.drop_now()
        .await
        .with_context(|| format!("could not drop the dev database on {}", redact(server_url)))?;
    outcome
}

/// The schemas the files define or put objects in.
pub fn managed_schemas(catalog: &Catalog) -> Vec<String> {
    let mut names: BTreeSet<String> = catalog
        .schemas
        .keys()
        .map(|s| s.as_str().to_string())
        .collect();
    let qualified = catalog
        .tables
        .keys()
        .chain(catalog.views.keys())
        .chain(catalog.sequences.keys())
        .chain(catalog.types.keys())
        .chain(catalog.indexes.keys())
        .chain(catalog.functions.values().map(|f| &f.name));
    names.extend(qualified.map(|q| q.schema.as_str().to_string()));
    names.into_iter().collect()
}

fn is_unreachable(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let text = cause.to_string();
        text.contains("error connecting to server")
            || text.contains("Connection refused")
            || text.contains("No such file or directory")
    })
}
