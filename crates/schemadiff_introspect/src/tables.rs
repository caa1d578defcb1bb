//! Tables: ordinary, partitioned, partitions, inheritance children, unlogged, RLS, options.
//!
//! Columns and constraints are attached by [`crate::columns`] and [`crate::constraints`].

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use crate::text::split_top_level;
use schemadiff_model::{
    ObjectId, PartitionBy, PartitionOf, PartitionStrategy, QualifiedName, Table,
};

pub(crate) const QUERY: Query = Query {
    name: "tables.sql",
    sql: include_str!("tables.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let mut table = Table::new(name.clone(), live(oid));
        table.unlogged = row.char("relpersistence")? == 'u';
        table.rls_enabled = row.get("relrowsecurity")?;
        table.rls_forced = row.get("relforcerowsecurity")?;
        table.options = row.strings("reloptions")?;
        if let Some(key) = row.get::<Option<String>>("partition_key")? {
            table.partition_by = Some(partition_by(row, &key)?);
        }
        let parents: Vec<QualifiedName> = row
            .strings("parent_schemas")?
            .into_iter()
            .zip(row.strings("parent_names")?)
            .map(|(schema, name)| QualifiedName::new(schema, name))
            .collect();
        if row.get::<bool>("relispartition")? {
            let bound: Option<String> = row.get("partition_bound")?;
            if let (Some(parent), Some(bound)) = (parents.first(), bound) {
                table.partition_of = Some(PartitionOf {
                    parent: parent.clone(),
                    bound,
                });
            }
        } else {
            table.inherits = parents;
        }
        ctx.tables.insert(oid, name.clone());
        ctx.remember(Class::Relation, oid, ObjectId::table(name));
        ctx.catalog.add_table(table).map_err(dup)?;
    }
    Ok(())
}

/// `RANGE (created_at, lower(name))` -> strategy + key texts.
fn partition_by(row: RowRef<'_>, key: &str) -> Result<PartitionBy, IntrospectError> {
    let (strategy, rest) = key
        .split_once(' ')
        .ok_or_else(|| row.unexpected("partition key", key))?;
    let strategy = match strategy {
        "RANGE" => PartitionStrategy::Range,
        "LIST" => PartitionStrategy::List,
        "HASH" => PartitionStrategy::Hash,
        _ => return Err(row.unexpected("partition strategy", strategy)),
    };
    let inner = rest
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .ok_or_else(|| row.unexpected("partition key", key))?;
    Ok(PartitionBy {
        strategy,
        keys: split_top_level(inner),
    })
}
