//! Runs every catalog query (pipelined on one connection) and turns the rows into a catalog.

use crate::ctx::Ctx;
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use crate::typename::TypeNames;
use crate::{
    columns, comments, constraints, deps, functions, grants, indexes, policies, schemas, sequences,
    tables, triggers, typename, types, views, Scope,
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

/// Every catalog query, in the order their rows are read.
pub(crate) const ALL: [Query; 16] = [
    typename::QUERY,
    schemas::SCHEMAS,
    schemas::EXTENSIONS,
    types::QUERY,
    tables::QUERY,
    columns::QUERY,
    constraints::QUERY,
    sequences::QUERY,
    indexes::QUERY,
    views::QUERY,
    functions::QUERY,
    triggers::QUERY,
    policies::QUERY,
    deps::QUERY,
    grants::QUERY,
    comments::QUERY,
];

/// The rows of every query.
#[derive(Debug)]
pub(crate) struct Fetched {
    type_names: Rows,
    schemas: Rows,
    extensions: Rows,
    types: Rows,
    tables: Rows,
    columns: Rows,
    constraints: Rows,
    sequences: Rows,
    indexes: Rows,
    views: Rows,
    functions: Rows,
    triggers: Rows,
    policies: Rows,
    deps: Rows,
    grants: Rows,
    comments: Rows,
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

/// Sends all of [`ALL`] at once: tokio-postgres pipelines concurrent requests on one
/// connection, so the whole read costs about one round trip plus the server's work.
pub(crate) async fn fetch_all(client: &Client, scope: &Scope) -> Result<Fetched, IntrospectError> {
    let s = &scope.schemas;
    let (
        type_names,
        schemas,
        extensions,
        types,
        tables,
        columns,
        constraints,
        sequences,
        indexes,
        views,
        functions,
        triggers,
        policies,
        deps,
        grants,
        comments,
    ) = tokio::try_join!(
        run(client, typename::QUERY, s),
        run(client, schemas::SCHEMAS, s),
        run(client, schemas::EXTENSIONS, s),
        run(client, types::QUERY, s),
        run(client, tables::QUERY, s),
        run(client, columns::QUERY, s),
        run(client, constraints::QUERY, s),
        run(client, sequences::QUERY, s),
        run(client, indexes::QUERY, s),
        run(client, views::QUERY, s),
        run(client, functions::QUERY, s),
        run(client, triggers::QUERY, s),
        run(client, policies::QUERY, s),
        run(client, deps::QUERY, s),
        run(client, grants::QUERY, s),
        run(client, comments::QUERY, s),
    )?;
    Ok(Fetched {
        type_names,
        schemas,
        extensions,
        types,
        tables,
        columns,
        constraints,
        sequences,
        indexes,
        views,
        functions,
        triggers,
        policies,
        deps,
        grants,
        comments,
    })
}

impl Fetched {
    /// How many catalog queries were sent (one per field).
    pub fn count(&self) -> usize {
        ALL.len()
    }

    /// Reads the rows in dependency order: type names first (every typed column needs
    /// them), tables before their columns and constraints, and every object before the
    /// grants and comments that attach to it by OID.
    pub fn build(self) -> Result<Catalog, IntrospectError> {
        let mut ctx = Ctx {
            types: TypeNames::load(&self.type_names)?,
            ..Ctx::default()
        };
        schemas::load_schemas(&mut ctx, &self.schemas)?;
        schemas::load_extensions(&mut ctx, &self.extensions)?;
        types::load(&mut ctx, &self.types)?;
        tables::load(&mut ctx, &self.tables)?;
        columns::load(&mut ctx, &self.columns)?;
        constraints::load(&mut ctx, &self.constraints)?;
        sequences::load(&mut ctx, &self.sequences)?;
        indexes::load(&mut ctx, &self.indexes)?;
        views::load(&mut ctx, &self.views)?;
        functions::load(&mut ctx, &self.functions)?;
        triggers::load(&mut ctx, &self.triggers)?;
        policies::load(&mut ctx, &self.policies)?;
        // After every object that can carry references.
        deps::load(&mut ctx, &self.deps)?;
        grants::load(&mut ctx, &self.grants)?;
        comments::load(&mut ctx, &self.comments)?;
        Ok(ctx.catalog)
    }
}

#[cfg(test)]
mod tests {
    use super::ALL;
    use std::collections::BTreeSet;

    #[test]
    fn every_query_is_a_distinct_commented_file() {
        let names: BTreeSet<_> = ALL.iter().map(|q| q.name).collect();
        assert_eq!(names.len(), ALL.len());
        for q in ALL {
            assert!(
                q.sql.starts_with("-- "),
                "{} must open with a comment",
                q.name
            );
            assert_eq!(q.filtered, q.sql.contains("$1"), "{}: filter flag", q.name);
        }
    }
}
