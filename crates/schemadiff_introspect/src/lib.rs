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
use tokio_postgres::{Client, NoTls};

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
    /// Requests sent to the server: the `BEGIN` batch, each catalog query, `COMMIT`.
    /// Fixed, whatever the number of objects.
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
    client
        .batch_execute(fetch::BEGIN)
        .await
        .map_err(|source| IntrospectError::Transaction {
            action: "begin",
            source,
        })?;
    let fetched = match fetch::fetch_all(client, scope).await {
        Ok(fetched) => fetched,
        Err(e) => {
            // The transaction is aborted; end it so the connection stays usable. The
            // original error is the one worth reporting.
            let _ = client.batch_execute("ROLLBACK").await;
            return Err(e);
        }
    };
    client
        .batch_execute("COMMIT")
        .await
        .map_err(|source| IntrospectError::Transaction {
            action: "commit",
            source,
        })?;
    let queries = fetched.count() + 2;
    let catalog = fetched.build()?;
    Ok(Introspected { catalog, queries })
}

/// The catalog queries as `(file name, SQL text)`, in execution order, for benchmarks
/// that time them with another client. Each takes `$1::text[]` (the schema filter)
/// when its text mentions `$1`.
pub fn catalog_queries() -> Vec<(&'static str, &'static str)> {
    fetch::ALL.iter().map(|q| (q.name, q.sql)).collect()
}
