//! Table columns: type, NOT NULL, default, identity, generated, collation.

use crate::ctx::{live, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use crate::sequences::SeqParams;
use crate::types::collation;
use schemadiff_model::{Column, Expr, Ident, Identity};

pub(crate) const QUERY: Query = Query {
    name: "columns.sql",
    sql: include_str!("columns.sql"),
    filtered: true,
};

/// Appends each column to its table in attnum order and remembers where it went, so
/// constraints can name their key columns. Columns of tables that were left out
/// (extension members) are skipped.
pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    // The query has no ORDER BY (sorting ~55k wide rows cost the server more than
    // sorting their keys costs here).
    let mut order = rows
        .iter()
        .map(|row| Ok((row.get::<u32>("attrelid")?, row.get::<i16>("attnum")?, row)))
        .collect::<Result<Vec<_>, IntrospectError>>()?;
    order.sort_unstable_by_key(|&(relid, attnum, _)| (relid, attnum));
    for (relid, attnum, row) in order {
        let Some(table_name) = ctx.tables.get(&relid) else {
            continue;
        };
        let name = Ident::new(row.get::<String>("attname")?);
        if !row.get::<bool>("attislocal")? {
            ctx.inherited_columns.insert((relid, attnum), name);
            continue;
        }
        let type_oid: u32 = row.get("atttypid")?;
        let formatted: String = row.get("formatted")?;
        let mut column = Column::new(name, ctx.types.resolve(type_oid, &formatted));
        // Columns have no OID of their own: they carry their table's.
        column.meta = live(relid);
        column.not_null = row.get("attnotnull")?;
        column.collation =
            collation((row.get("collation_schema")?, row.get("collation_name")?)).map(Box::new);
        let expr: Option<Expr> = row.get::<Option<String>>("expr")?.map(Expr::new);
        if row.char("attgenerated")? == 's' {
            column.generated = expr.map(Box::new);
        } else {
            column.default = expr;
        }
        column.identity = match row.char("attidentity")? {
            'a' => Some(Box::new(identity(row, true)?)),
            'd' => Some(Box::new(identity(row, false)?)),
            _ => None,
        };
        if let Some(table) = ctx.catalog.tables.get_mut(table_name) {
            ctx.columns.insert((relid, attnum), table.columns.len());
            table.columns.push(column);
        }
    }
    Ok(())
}

/// `GENERATED ALWAYS|BY DEFAULT AS IDENTITY`, with the non-default sequence options.
fn identity(row: RowRef<'_>, always: bool) -> Result<Identity, IntrospectError> {
    let type_oid: Option<u32> = row.get("seqtypid")?;
    let options = match type_oid {
        Some(type_oid) => SeqParams {
            type_oid,
            increment: row.get("seqincrement")?,
            min: row.get("seqmin")?,
            max: row.get("seqmax")?,
            start: row.get("seqstart")?,
            cache: row.get("seqcache")?,
            cycle: row.get("seqcycle")?,
        }
        .non_default_sql(),
        None => None,
    };
    Ok(Identity { always, options })
}
