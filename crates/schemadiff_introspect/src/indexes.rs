//! Indexes that do not back a constraint: keys, opclass, collation, order, INCLUDE, predicate.

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use crate::types::collation;
use schemadiff_model::{Expr, Ident, Index, IndexKey, IndexTarget, ObjectId, QualifiedName};

pub(crate) const QUERY: Query = Query {
    name: "indexes.sql",
    sql: include_str!("indexes.sql"),
    filtered: true,
};

/// `pg_index.indoption` bits (INDOPTION_DESC, INDOPTION_NULLS_FIRST).
const DESC: i16 = 1;
const NULLS_FIRST: i16 = 2;

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("indexrelid")?;
        let name = QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let index = Index {
            name: name.clone(),
            name_generated: false,
            table: QualifiedName::new(
                row.get::<String>("table_schema")?,
                row.get::<String>("table_name")?,
            ),
            unique: row.get("indisunique")?,
            nulls_not_distinct: row.get("indnullsnotdistinct")?,
            method: row.get("amname")?,
            keys: keys(row)?,
            include: row
                .strings("include")?
                .into_iter()
                .map(Ident::new)
                .collect(),
            predicate: row.get::<Option<String>>("predicate")?.map(Expr::new),
            with: row.strings("reloptions")?,
            meta: live(oid),
        };
        ctx.remember(Class::Relation, oid, ObjectId::Index { name });
        ctx.catalog.add_index(index).map_err(dup)?;
    }
    Ok(())
}

fn keys(row: RowRef<'_>) -> Result<Vec<IndexKey>, IntrospectError> {
    let exprs: Vec<bool> = row
        .get::<Option<Vec<bool>>>("key_exprs")?
        .unwrap_or_default();
    let texts = row.strings("key_texts")?;
    let opclasses = row.opt_strings("key_opclasses")?;
    let coll_schemas = row.opt_strings("key_coll_schemas")?;
    let coll_names = row.opt_strings("key_coll_names")?;
    let options: Vec<i16> = row
        .get::<Option<Vec<i16>>>("key_options")?
        .unwrap_or_default();
    let keys = exprs
        .into_iter()
        .zip(texts)
        .zip(opclasses)
        .zip(coll_schemas.into_iter().zip(coll_names))
        .zip(options)
        .map(|((((is_expr, text), opclass), coll), option)| {
            let descending = option & DESC != 0;
            let nulls_first = option & NULLS_FIRST != 0;
            IndexKey {
                target: if is_expr {
                    IndexTarget::Expression(Expr::new(text))
                } else {
                    IndexTarget::Column(Ident::new(text))
                },
                collation: collation(coll),
                opclass,
                descending,
                // NULLS FIRST is the default for DESC, NULLS LAST for ASC.
                nulls_first: (nulls_first != descending).then_some(nulls_first),
            }
        })
        .collect();
    Ok(keys)
}
