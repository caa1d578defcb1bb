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
/// columns and constraints). Built as soon as its rows are in. Together with [`SECOND`]
/// the server work splits about evenly (columns + constraints vs indexes + the rest).
const FIRST: [Query; 8] = [
    typename::QUERY,
    schemas::SCHEMAS,
    schemas::EXTENSIONS,
    types::QUERY,
    tables::QUERY,
    columns::QUERY,
    constraints::QUERY,
    sequences::QUERY,
];

/// The second group: objects on tables, then what attaches to any object by OID.
const SECOND: [Query; 8] = [
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

/// Sends a group's queries at once: tokio-postgres pipelines concurrent requests on one
/// connection, so a group costs about one round trip plus the server's work.
async fn group(
    client: &Client,
    queries: &[Query; 8],
    schemas: &Vec<String>,
) -> Result<[Rows; 8], IntrospectError> {
    let [q0, q1, q2, q3, q4, q5, q6, q7] = *queries;
    let (r0, r1, r2, r3, r4, r5, r6, r7) = tokio::try_join!(
        run(client, q0, schemas),
        run(client, q1, schemas),
        run(client, q2, schemas),
        run(client, q3, schemas),
        run(client, q4, schemas),
        run(client, q5, schemas),
        run(client, q6, schemas),
        run(client, q7, schemas),
    )?;
    Ok([r0, r1, r2, r3, r4, r5, r6, r7])
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

/// Type names first (every typed column needs them), tables before their columns and
/// constraints.
fn build_first(rows: [Rows; 8]) -> Result<Ctx, IntrospectError> {
    let [type_names, schemas, extensions, types, tables, columns, constraints, sequences] = rows;
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
    constraints::load(&mut ctx, &constraints)?;
    sequences::load(&mut ctx, &sequences)?;
    Ok(ctx)
}

/// Every object before the references, grants and comments that attach to it by OID.
fn build_second(mut ctx: Ctx, rows: [Rows; 8]) -> Result<Catalog, IntrospectError> {
    let [indexes, views, functions, triggers, policies, deps, grants, comments] = rows;
    indexes::load(&mut ctx, &indexes)?;
    views::load(&mut ctx, &views)?;
    functions::load(&mut ctx, &functions)?;
    triggers::load(&mut ctx, &triggers)?;
    policies::load(&mut ctx, &policies)?;
    deps::load(&mut ctx, &deps)?;
    grants::load(&mut ctx, &grants)?;
    comments::load(&mut ctx, &comments)?;
    Ok(ctx.catalog)
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
