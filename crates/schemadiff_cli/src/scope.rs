//! Which schemas a command manages: every non-system schema of the live side plus the
//! schemas the files define or mention (or only the `--schema` options), never the
//! history schema; and trimming a catalog to them.

use schemadiff_model::{Catalog, Ident, ObjectId};
use std::collections::BTreeSet;
use tokio_postgres::Client;

/// Where `apply` keeps its history; never diffed, never dropped.
pub const HISTORY_SCHEMA: &str = "schemadiff";

/// The names of the non-system schemas of a database that no extension created.
pub async fn live_schemas(client: &Client) -> Result<Vec<String>, tokio_postgres::Error> {
    let rows = client
        .query(
            "SELECT n.nspname::text FROM pg_namespace n \
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') \
               AND n.nspname !~ '^pg_(toast|temp)' \
               AND n.oid NOT IN (SELECT d.objid FROM pg_depend d \
                   WHERE d.classid = 'pg_namespace'::regclass AND d.deptype = 'e') \
             ORDER BY 1",
            &[],
        )
        .await?;
    Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
}

/// The managed schemas: `explicit` when given, otherwise the union of the other lists;
/// the history schema is always left out.
pub fn resolve(explicit: &[String], found: &[&[String]]) -> Vec<String> {
    let names: BTreeSet<String> = if explicit.is_empty() {
        found.iter().flat_map(|l| l.iter().cloned()).collect()
    } else {
        explicit.iter().cloned().collect()
    };
    names.into_iter().filter(|s| s != HISTORY_SCHEMA).collect()
}

/// An introspection scope for exactly `schemas`. The introspector reads every schema
/// when its list is empty, so an empty scope becomes a name no schema can have.
pub fn introspect_scope(schemas: &[String]) -> schemadiff_introspect::Scope {
    if schemas.is_empty() {
        return schemadiff_introspect::Scope {
            schemas: vec![String::new()],
        };
    }
    schemadiff_introspect::Scope {
        schemas: schemas.to_vec(),
    }
}

/// Drops every schema-scoped object outside `schemas`. Extensions (database-wide) and
/// statements kept verbatim stay.
pub fn retain(catalog: &mut Catalog, schemas: &[String]) {
    let keep: BTreeSet<&str> = schemas.iter().map(String::as_str).collect();
    let ok = |s: &Ident| keep.contains(s.as_str());
    let ok_id = |id: &ObjectId| id.schema().is_none_or(ok);
    catalog.schemas.retain(|s, _| ok(s));
    catalog.collations.retain(|q, _| ok(&q.schema));
    catalog.types.retain(|q, _| ok(&q.schema));
    catalog.sequences.retain(|q, _| ok(&q.schema));
    catalog.tables.retain(|q, _| ok(&q.schema));
    catalog.indexes.retain(|q, _| ok(&q.schema));
    catalog.views.retain(|q, _| ok(&q.schema));
    catalog.functions.retain(|id, _| ok_id(id));
    catalog.triggers.retain(|(t, _), _| ok(&t.schema));
    catalog.policies.retain(|(t, _), _| ok(&t.schema));
    catalog.grants.retain(|(id, _), _| ok_id(id));
    catalog.comments.retain(|id, _| ok_id(id));
}

/// Static mode only: schemas PostgreSQL has without being told (`public`), and schemas
/// the files use without creating, are taken from the live side so the plan does not
/// drop them.
pub fn adopt_implicit_schemas(desired: &mut Catalog, current: &Catalog, mentioned: &[String]) {
    for (name, schema) in &current.schemas {
        let implicit = name.as_str() == "public" || mentioned.iter().any(|m| m == name.as_str());
        if implicit && !desired.schemas.contains_key(name) {
            desired.schemas.insert(name.clone(), schema.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn explicit_schemas_win_and_history_is_never_managed() {
        let live = names(&["public", "schemadiff", "app"]);
        let files = names(&["core"]);
        assert_eq!(
            resolve(&[], &[&live, &files]),
            names(&["app", "core", "public"])
        );
        assert_eq!(
            resolve(&names(&["app", "schemadiff"]), &[&live, &files]),
            names(&["app"])
        );
    }

    #[test]
    fn empty_scope_reads_nothing() {
        assert_eq!(introspect_scope(&[]).schemas, vec![String::new()]);
    }
}
