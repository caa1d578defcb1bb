//! The canonical catalog for `inspect`: the files' create plan executed in a temporary
//! database (dropped on success, error and ctrl-c alike), read back for an exact scope.
//!
//! Same steps as `desired::canonical` (the dev database's lifecycle and loader are
//! shared), but always for the scope the caller names, and a server that cannot be
//! reached is an error rather than a fallback: inspect was asked for this catalog.

use crate::devdb::lifecycle::{redact, TempDatabase};
use crate::devdb::load::{load, LoadReport};
use anyhow::{Context, Result};
use schemadiff_model::Catalog;
use schemadiff_parse::Loaded;
use schemadiff_plan::Plan;

#[derive(Debug)]
pub enum Dev {
    /// The catalog after loading, and the same scope read before loading: what an
    /// empty database already has (the `public` schema and its default grant).
    Loaded {
        catalog: Box<Catalog>,
        before: Box<Catalog>,
    },
    Rejected(LoadReport),
}

pub async fn canonical_in(
    loaded: &Loaded,
    plan: &Plan,
    server_url: &str,
    scope: &[String],
) -> Result<Dev> {
    let temp = TempDatabase::create(server_url).await?;
    let work = async {
        let (client, task) = schemadiff_introspect::connect(&temp.url)
            .await
            .context("cannot connect to the dev database")?;
        // An empty list would mean "every schema" to the introspector; the files
        // managing no schema at all is the only way to get here with one.
        let schemas = if scope.is_empty() {
            vec![String::new()]
        } else {
            scope.to_vec()
        };
        let scope = schemadiff_introspect::Scope { schemas };
        let before = schemadiff_introspect::introspect_url(&temp.url, &scope)
            .await?
            .catalog;
        let report = load(&client, plan, &loaded.sources)
            .await
            .context("lost the dev database connection while loading")?;
        if report.failed > 0 {
            drop(client);
            let _ = task.await;
            return Ok(Dev::Rejected(report));
        }
        drop(client);
        let _ = task.await;
        // The load is committed: read it like a live database.
        let introspected = schemadiff_introspect::introspect_url(&temp.url, &scope).await;
        Ok(Dev::Loaded {
            catalog: Box::new(introspected?.catalog),
            before: Box::new(before),
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
