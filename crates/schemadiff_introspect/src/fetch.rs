//! Runs the catalog queries in two pipelined groups (on one connection, or on two that
//! share a snapshot) and turns the rows into a catalog, the first group's objects while
//! the second group's rows are still on their way.

use crate::ctx::Ctx;
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use crate::typename::TypeNames;
use crate::{
    collations, columns, comments, constraints, deps, functions, grants, indexes, policies,
    schemas, sequences, tables, triggers, typename, types, views, Scope,
};
use schemadiff_model::Catalog;
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;
use tokio_postgres::types::ToSql;
use tokio_postgres::Client;

/// One consistent, read-only snapshot; a fixed `search_path` so `format_type` and the
/// `pg_get_*` functions render the same text whatever the role's own settings. JIT is
/// off (compiling each catalog query costs more than running it) and sorts of a few
/// hundred thousand catalog rows stay in memory. `SET LOCAL` ends with the transaction.
pub(crate) const BEGIN: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; \
                                SET LOCAL search_path = pg_catalog, public; \
                                SET LOCAL jit = off; \
                                SET LOCAL work_mem = '64MB'";

/// The settings of [`BEGIN`] for a transaction that imported a snapshot.
const SETTINGS: &str = "SET LOCAL search_path = pg_catalog, public; \
                        SET LOCAL jit = off; \
                        SET LOCAL work_mem = '64MB'";

/// The first group: what every later object hangs on (types, schemas, tables and their
/// columns). Built as soon as its rows are in, while the server still works on the
/// second group.
const FIRST: [Query; 7] = [
    typename::QUERY,
    schemas::SCHEMAS,
    schemas::EXTENSIONS,
    types::QUERY,
    tables::QUERY,
    columns::QUERY,
    sequences::QUERY,
];

/// The second group: constraints and indexes (whose keys are named from the first
/// group's columns), the other objects, then what attaches to any object by OID. On two
/// connections the server work splits about evenly: columns.sql is the largest query,
/// constraints + indexes + views together about as large, and the first group's build
/// runs while the second group is still on the server.
const SECOND: [Query; 9] = [
    constraints::QUERY,
    indexes::QUERY,
    views::QUERY,
    functions::QUERY,
    triggers::QUERY,
    policies::QUERY,
    deps::QUERY,
    grants::QUERY,
    comments::QUERY,
];

/// Every catalog query, in the order their rows are read.
pub(crate) fn all() -> impl Iterator<Item = Query> {
    FIRST.into_iter().chain(SECOND).chain([collations::QUERY])
}

async fn run(
    client: &Client,
    query: Query,
    schemas: &Vec<String>,
) -> Result<Rows, IntrospectError> {
    let params: &[&(dyn ToSql + Sync)] = if query.filtered { &[schemas] } else { &[] };
    let rows = client
        .query(query.sql, params)
        .await
        .map_err(|source| IntrospectError::Query {
            query: query.name,
            source,
        })?;
    Ok(Rows {
        query: query.name,
        rows,
    })
}

/// Sends a group's queries at once and collects their rows in order: tokio-postgres
/// pipelines concurrent requests on one connection, so a group costs about one round
/// trip plus the server's work. Each query is polled in order, so the requests go out
/// in order; the first error ends the group.
async fn group(
    client: &Client,
    queries: &[Query],
    schemas: &Vec<String>,
) -> Result<Vec<Rows>, IntrospectError> {
    type Pending<'a> = Pin<Box<dyn Future<Output = Result<Rows, IntrospectError>> + Send + 'a>>;
    let mut pending: Vec<Pending<'_>> = queries
        .iter()
        .map(|&query| Box::pin(run(client, query, schemas)) as Pending<'_>)
        .collect();
    let mut done: Vec<Option<Rows>> = queries.iter().map(|_| None).collect();
    poll_fn(|cx| {
        for (future, slot) in pending.iter_mut().zip(done.iter_mut()) {
            if slot.is_none() {
                if let Poll::Ready(result) = future.as_mut().poll(cx) {
                    *slot = Some(result?);
                }
            }
        }
        if done.iter().all(Option::is_some) {
            Poll::Ready(Ok(done.iter_mut().filter_map(Option::take).collect()))
        } else {
            Poll::Pending
        }
    })
    .await
}

/// Requests of [`read`]: one per query plus the COMMIT of each connection (the
/// caller adds its BEGIN requests).
pub(crate) const READ_REQUESTS: usize = FIRST.len() + SECOND.len() + 1;

/// How the second group's connection gets into the snapshot.
pub(crate) enum Second<'a> {
    /// The first group's connection, whose transaction is open.
    Same,
    /// Another connection, with no transaction yet: [`begin_with_snapshot`] of the
    /// snapshot the first connection exported.
    Import(&'a Client, String),
}

/// Reads both groups inside the first connection's open transaction (and the second
/// connection's, which takes over its snapshot), and builds the catalog. On one
/// connection, its requests are answered in the order they were sent.
pub(crate) async fn read(
    first: &Client,
    second: Second<'_>,
    scope: &Scope,
) -> Result<Catalog, IntrospectError> {
    let s = &scope.schemas;
    let (mut ctx, second_rows, collation_rows) = tokio::try_join!(
        async {
            let rows = group(first, &FIRST, s).await?;
            // Building here overlaps with the server's work on the second group.
            build_first(rows)
        },
        async {
            match second {
                Second::Same => group(first, &SECOND, s).await,
                Second::Import(client, begin) => {
                    client.batch_execute(&begin).await.map_err(|source| {
                        IntrospectError::Transaction {
                            action: "begin",
                            source,
                        }
                    })?;
                    group(client, &SECOND, s).await
                }
            }
        },
        // Few rows and nothing refers to them by OID: pipelined behind the first group.
        run(first, collations::QUERY, s),
    )?;
    collations::load(&mut ctx, &collation_rows)?;
    build_second(ctx, second_rows)
}

/// Type names first (every typed column needs them), tables before their columns.
fn build_first(rows: Vec<Rows>) -> Result<Ctx, IntrospectError> {
    let [type_names, schemas, extensions, types, tables, columns, sequences] = exactly(rows)?;
    let mut ctx = Ctx {
        types: TypeNames::load(&type_names)?,
        ..Ctx::default()
    };
    drop(type_names);
    schemas::load_schemas(&mut ctx, &schemas)?;
    schemas::load_extensions(&mut ctx, &extensions)?;
    types::load(&mut ctx, &types)?;
    tables::load(&mut ctx, &tables)?;
    columns::load(&mut ctx, &columns)?;
    sequences::load(&mut ctx, &sequences)?;
    Ok(ctx)
}

/// Constraints and indexes on the tables, the other objects, then the references,
/// grants and comments that attach to any object by OID.
fn build_second(mut ctx: Ctx, rows: Vec<Rows>) -> Result<Catalog, IntrospectError> {
    let [constraints, indexes, views, functions, triggers, policies, deps, grants, comments] =
        exactly(rows)?;
    constraints::load(&mut ctx, &constraints)?;
    indexes::load(&mut ctx, &indexes)?;
    views::load(&mut ctx, &views)?;
    functions::load(&mut ctx, &functions)?;
    triggers::load(&mut ctx, &triggers)?;
    policies::load(&mut ctx, &policies)?;
    deps::load(&mut ctx, &deps)?;
    grants::load(&mut ctx, &grants)?;
    comments::load(&mut ctx, &comments)?;
    ctx.catalog.shrink_to_fit();
    Ok(ctx.catalog)
}

/// A group's rows as an array of its length ([`group`] returns one per query).
fn exactly<const N: usize>(rows: Vec<Rows>) -> Result<[Rows; N], IntrospectError> {
    rows.try_into()
        .map_err(|rows: Vec<Rows>| IntrospectError::Unexpected {
            query: "catalog query group",
            what: "row sets",
            value: rows.len().to_string(),
        })
}

/// `BEGIN` on a second connection that takes over `snapshot` (from
/// `pg_export_snapshot()` on the first): `SET TRANSACTION SNAPSHOT` must come before
/// any query of the transaction.
pub(crate) fn begin_with_snapshot(snapshot: &str) -> String {
    format!(
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; \
         SET TRANSACTION SNAPSHOT {}; {SETTINGS}",
        schemadiff_model::quote::quote_literal(snapshot)
    )
}

#[cfg(test)]
mod tests {
    use super::{all, begin_with_snapshot, BEGIN, SETTINGS};
    use std::collections::BTreeSet;

    #[test]
    fn every_query_is_a_distinct_commented_file() {
        let names: BTreeSet<_> = all().map(|q| q.name).collect();
        assert_eq!(names.len(), all().count());
        for q in all() {
            assert!(
                q.sql.starts_with("-- "),
                "{} must open with a comment",
                q.name
            );
            assert_eq!(q.filtered, q.sql.contains("$1"), "{}: filter flag", q.name);
        }
    }

    #[test]
    fn both_transactions_use_the_same_settings() {
        assert!(BEGIN.ends_with(SETTINGS), "{BEGIN}");
        let begin = begin_with_snapshot("00000003-0000001B-1");
        assert!(begin.contains("SET TRANSACTION SNAPSHOT '00000003-0000001B-1';"));
        assert!(begin.ends_with(SETTINGS));
    }
}
