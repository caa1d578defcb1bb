//! schemadiff_introspect reads a live PostgreSQL (15+) database into a
//! [`schemadiff_model::Catalog`] through a fixed set of set-based `pg_catalog` queries.
//!
//! All queries run in one `REPEATABLE READ READ ONLY` transaction (one consistent
//! snapshot), pipelined on the caller's connection; their number does not depend on the
//! number of objects. Each query's text is a `.sql` file beside the module that reads
//! its rows. Texts (types, defaults, checks, views, functions, triggers) are the server's
//! own rendering (`format_type`, `pg_get_expr`, `pg_get_*def`) under a fixed
//! `search_path` of `pg_catalog, public`, so two databases with the same schema give
//! equal catalogs whatever the connecting role's settings.
//!
//! Objects that belong to an extension (`pg_depend.deptype = 'e'`) are left out; the
//! extensions themselves are kept. Expression, view and function `refs` come from
//! `pg_depend` (one query, [`deps`]).

mod collations;
mod columns;
mod comments;
mod constraints;
mod ctx;
mod deps;
mod error;
mod fetch;
mod functions;
mod grants;
mod indexes;
mod policies;
mod query;
mod schemas;
mod sequences;
mod tables;
mod text;
mod triggers;
mod typename;
mod types;
mod views;

pub use error::IntrospectError;

use schemadiff_model::Catalog;
use tokio::task::JoinHandle;
use tokio_postgres::{Client, NoTls, SimpleQueryMessage};

/// Which schemas to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Schema names as stored (case-sensitive). Empty means every schema except
    /// `pg_catalog`, `information_schema`, `pg_toast*` and `pg_temp*`.
    pub schemas: Vec<String>,
}

/// The catalog read from the database and what it cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introspected {
    pub catalog: Catalog,
    /// Requests sent to the server: the `BEGIN` batch, each catalog query, `COMMIT`
    /// (on each connection). Fixed, whatever the number of objects.
    pub queries: usize,
}

/// The connection task returned by [`connect`]; it ends when the client is dropped.
pub type ConnectionTask = JoinHandle<Result<(), tokio_postgres::Error>>;

/// Connects without TLS and drives the connection on a spawned tokio task.
/// Must be called inside a tokio runtime.
pub async fn connect(url: &str) -> Result<(Client, ConnectionTask), IntrospectError> {
    let config: tokio_postgres::Config =
        url.parse().map_err(|source| IntrospectError::InvalidUrl {
            url: error::redact_url(url),
            source,
        })?;
    let (client, connection) =
        config
            .connect(NoTls)
            .await
            .map_err(|source| IntrospectError::Connect {
                url: error::redact_url(url),
                source,
            })?;
    Ok((client, tokio::spawn(connection)))
}

/// Reads every object in `scope` into a catalog. The connection must not be inside a
/// transaction (introspection opens and commits its own read-only one).
pub async fn introspect(client: &Client, scope: &Scope) -> Result<Introspected, IntrospectError> {
    client.batch_execute(fetch::BEGIN).await.map_err(begin)?;
    let catalog = match fetch::read(client, fetch::Second::Same, scope).await {
        Ok(catalog) => catalog,
        Err(e) => {
            // The transaction is aborted; end it so the connection stays usable. The
            // original error is the one worth reporting.
            let _ = client.batch_execute("ROLLBACK").await;
            return Err(e);
        }
    };
    client.batch_execute("COMMIT").await.map_err(commit)?;
    Ok(Introspected {
        catalog,
        // BEGIN, the queries, COMMIT.
        queries: fetch::READ_REQUESTS + 2,
    })
}

/// Like [`connect`] + [`introspect`], but on two connections to `url` that share one
/// snapshot (`pg_export_snapshot` / `SET TRANSACTION SNAPSHOT`, both `REPEATABLE READ
/// READ ONLY`): the server works on two query groups at once, which roughly halves the
/// wall time on a server with a spare core. Both connections are closed on return.
pub async fn introspect_url(url: &str, scope: &Scope) -> Result<Introspected, IntrospectError> {
    let ((first, first_task), (second, second_task)) =
        tokio::try_join!(connect(url), connect(url))?;
    let result = introspect_pair(&first, &second, scope).await;
    // Dropping a client ends its connection (and any transaction still open).
    drop((first, second));
    let _ = tokio::join!(first_task, second_task);
    result
}

async fn introspect_pair(
    first: &Client,
    second: &Client,
    scope: &Scope,
) -> Result<Introspected, IntrospectError> {
    let export = format!("{}; SELECT pg_export_snapshot()", fetch::BEGIN);
    let snapshot = first
        .simple_query(&export)
        .await
        .map_err(begin)?
        .into_iter()
        .find_map(|message| match message {
            SimpleQueryMessage::Row(row) => row.get(0).map(str::to_string),
            _ => None,
        })
        .ok_or_else(|| IntrospectError::Unexpected {
            query: "pg_export_snapshot()",
            what: "snapshot id",
            value: "no row".to_string(),
        })?;
    // Imported while the first connection's transaction (which exported it) is open.
    let import = fetch::Second::Import(second, fetch::begin_with_snapshot(&snapshot));
    let catalog = fetch::read(first, import, scope).await?;
    tokio::try_join!(
        first.batch_execute("COMMIT"),
        second.batch_execute("COMMIT")
    )
    .map_err(commit)?;
    Ok(Introspected {
        catalog,
        // Per connection BEGIN (with the export or the import) and COMMIT.
        queries: fetch::READ_REQUESTS + 4,
    })
}

fn begin(source: tokio_postgres::Error) -> IntrospectError {
    IntrospectError::Transaction {
        action: "begin",
        source,
    }
}

fn commit(source: tokio_postgres::Error) -> IntrospectError {
    IntrospectError::Transaction {
        action: "commit",
        source,
    }
}

/// The catalog queries as `(file name, SQL text)`, in execution order, for benchmarks
/// that time them with another client. Each takes `$1::text[]` (the schema filter)
/// when its text mentions `$1`.
pub fn catalog_queries() -> Vec<(&'static str, &'static str)> {
    fetch::all().map(|q| (q.name, q.sql)).collect()
}
