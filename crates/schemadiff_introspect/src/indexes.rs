//! Indexes that do not back a constraint: keys, opclass, collation, order, INCLUDE, predicate.

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use crate::types::collation;
use schemadiff_model::{Expr, Ident, Index, IndexKey, IndexTarget, ObjectId, QualifiedName};
use std::collections::HashMap;

pub(crate) const QUERY: Query = Query {
    name: "indexes.sql",
    sql: include_str!("indexes.sql"),
    filtered: true,
};

/// `pg_index.indoption` bits (INDOPTION_DESC, INDOPTION_NULLS_FIRST).
const DESC: i16 = 1;
const NULLS_FIRST: i16 = 2;

/// What the server deparsed for one group of indexes (see indexes.sql's `text_rep`).
#[derive(Default)]
struct Deparsed {
    /// By key position: the expression's text, `None` for a column key.
    key_texts: Vec<Option<String>>,
    predicate: Option<String>,
}

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    let mut deparsed: HashMap<u32, Deparsed> = HashMap::new();
    for row in rows.iter() {
        let oid: u32 = row.get("indexrelid")?;
        if row.get::<Option<u32>>("text_rep")? == Some(oid) {
            let texts = Deparsed {
                key_texts: row.opt_strings("key_texts")?,
                predicate: row.get("predicate")?,
            };
            deparsed.insert(oid, texts);
        }
    }
    let none = Deparsed::default();
    for row in rows.iter() {
        let oid: u32 = row.get("indexrelid")?;
        let texts = match row.get::<Option<u32>>("text_rep")? {
            Some(rep) => deparsed
                .get(&rep)
                .ok_or_else(|| row.unexpected("text_rep without its index", rep))?,
            None => &none,
        };
        let name = QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let table = QualifiedName::new(
            row.get::<String>("table_schema")?,
            row.get::<String>("table_name")?,
        );
        let columns = column_names(ctx, row, &table)?;
        let key_count = usize::try_from(row.get::<i16>("indnkeyatts")?).unwrap_or(0);
        let include = columns
            .iter()
            .skip(key_count)
            .map(|c| {
                c.clone()
                    .ok_or_else(|| row.unexpected("INCLUDE expression", &name))
            })
            .collect::<Result<_, _>>()?;
        let index = Index {
            name: name.clone(),
            name_generated: false,
            table,
            unique: row.get("indisunique")?,
            nulls_not_distinct: row.get("indnullsnotdistinct")?,
            method: row.get("amname")?,
            keys: keys(row, &columns[..key_count.min(columns.len())], texts)?,
            include,
            predicate: texts.predicate.clone().map(Expr::new),
            with: row.strings("reloptions")?,
            meta: live(oid),
        };
        ctx.remember(Class::Relation, oid, ObjectId::Index { name });
        ctx.catalog.add_index(index).map_err(dup)?;
    }
    Ok(())
}

/// The name of each indexed column by position (keys, then INCLUDE), `None` for an
/// expression. A table's columns were read by columns.sql; a materialized view's come
/// with the row.
fn column_names(
    ctx: &Ctx,
    row: RowRef<'_>,
    table: &QualifiedName,
) -> Result<Vec<Option<Ident>>, IntrospectError> {
    let attnums: Vec<i16> = row.get("attnums")?;
    if let Some(names) = row.get::<Option<Vec<Option<String>>>>("column_names")? {
        return Ok(attnums
            .iter()
            .zip(names)
            .map(|(&attnum, name)| name.filter(|_| attnum != 0).map(Ident::new))
            .collect());
    }
    let relid: u32 = row.get("indrelid")?;
    let Some(table_def) = ctx
        .tables
        .get(&relid)
        .and_then(|name| ctx.catalog.tables.get(name))
    else {
        return Err(row.unexpected("index on a table that was not read", table));
    };
    attnums
        .into_iter()
        .map(|attnum| match attnum {
            0 => Ok(None),
            _ => ctx
                .column_name(relid, table_def, attnum)
                .map(Some)
                .ok_or_else(|| row.unexpected("index column attnum", attnum)),
        })
        .collect()
}

fn keys(
    row: RowRef<'_>,
    columns: &[Option<Ident>],
    texts: &Deparsed,
) -> Result<Vec<IndexKey>, IntrospectError> {
    let options: Vec<i16> = row.get("key_options")?;
    let opclasses = row.opt_strings("key_opclasses")?;
    let coll_schemas = row.opt_strings("key_coll_schemas")?;
    let coll_names = row.opt_strings("key_coll_names")?;
    columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let target = match column {
                Some(name) => IndexTarget::Column(name.clone()),
                None => {
                    let text = texts.key_texts.get(i).cloned().flatten();
                    IndexTarget::Expression(Expr::new(
                        text.ok_or_else(|| row.unexpected("index expression text", i + 1))?,
                    ))
                }
            };
            let option = options.get(i).copied().unwrap_or(0);
            let descending = option & DESC != 0;
            let nulls_first = option & NULLS_FIRST != 0;
            Ok(IndexKey {
                target,
                collation: collation((
                    coll_schemas.get(i).cloned().flatten(),
                    coll_names.get(i).cloned().flatten(),
                )),
                opclass: opclasses.get(i).cloned().flatten(),
                descending,
                // NULLS FIRST is the default for DESC, NULLS LAST for ASC.
                nulls_first: (nulls_first != descending).then_some(nulls_first),
            })
        })
        .collect()
}
