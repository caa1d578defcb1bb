//! Table constraints: primary key, unique, foreign key, check, exclusion.

use crate::ctx::{live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use schemadiff_model::{
    Constraint, ConstraintKind, Deferrable, Expr, FkAction, ForeignKey, Ident, ObjectId,
    QualifiedName, Table,
};

pub(crate) const QUERY: Query = Query {
    name: "constraints.sql",
    sql: include_str!("constraints.sql"),
    filtered: true,
};

/// Attaches each constraint to its table. `name_generated` is always false: the
/// server already named every constraint.
pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let relid: u32 = row.get("conrelid")?;
        let Some(table_name) = ctx.tables.get(&relid).cloned() else {
            continue;
        };
        let Some(table) = ctx.catalog.tables.get(&table_name) else {
            continue;
        };
        let oid: u32 = row.get("oid")?;
        let name = Ident::new(row.get::<String>("conname")?);
        let deferrable = match (row.get("condeferrable")?, row.get("condeferred")?) {
            (false, _) => Deferrable::No,
            (true, false) => Deferrable::InitiallyImmediate,
            (true, true) => Deferrable::InitiallyDeferred,
        };
        let columns = Columns { ctx, relid, table };
        let constraint = Constraint {
            name: name.clone(),
            name_generated: false,
            kind: kind(row, &columns)?,
            deferrable,
            not_valid: !row.get::<bool>("convalidated")?,
            meta: live(oid),
        };
        if let ConstraintKind::Exclusion { .. } = constraint.kind {
            ctx.constraint_indexes
                .insert(row.get("conindid")?, (table_name.clone(), name.clone()));
        }
        ctx.remember(
            Class::Constraint,
            oid,
            ObjectId::Constraint {
                table: table_name.clone(),
                name: name.clone(),
            },
        );
        if let Some(table) = ctx.catalog.tables.get_mut(&table_name) {
            table.constraints.insert(name, constraint);
        }
    }
    Ok(())
}

/// Names a constraint table's columns by attnum.
struct Columns<'a> {
    ctx: &'a Ctx,
    relid: u32,
    table: &'a Table,
}

impl Columns<'_> {
    fn names(
        &self,
        row: RowRef<'_>,
        attnums: impl IntoIterator<Item = i16>,
    ) -> Result<Vec<Ident>, IntrospectError> {
        attnums
            .into_iter()
            .map(|attnum| {
                self.ctx
                    .column_name(self.relid, self.table, attnum)
                    .ok_or_else(|| row.unexpected("constraint column attnum", attnum))
            })
            .collect()
    }

    /// `conkey`: the key columns in key order.
    fn keys(&self, row: RowRef<'_>) -> Result<Vec<Ident>, IntrospectError> {
        let attnums: Option<Vec<i16>> = row.get("key_attnums")?;
        self.names(row, attnums.unwrap_or_default())
    }

    /// The backing index's columns beyond its key columns: `INCLUDE (...)`.
    fn include(&self, row: RowRef<'_>) -> Result<Vec<Ident>, IntrospectError> {
        let attnums: Option<Vec<i16>> = row.get("index_attnums")?;
        let key_count: Option<i16> = row.get("indnkeyatts")?;
        let skip = usize::try_from(key_count.unwrap_or(0)).unwrap_or(0);
        self.names(row, attnums.unwrap_or_default().into_iter().skip(skip))
    }
}

fn kind(row: RowRef<'_>, columns: &Columns<'_>) -> Result<ConstraintKind, IntrospectError> {
    Ok(match row.char("contype")? {
        'p' => ConstraintKind::PrimaryKey {
            columns: columns.keys(row)?,
            include: columns.include(row)?,
        },
        'u' => ConstraintKind::Unique {
            columns: columns.keys(row)?,
            include: columns.include(row)?,
            nulls_not_distinct: row.get("nulls_not_distinct")?,
        },
        'f' => ConstraintKind::ForeignKey(foreign_key(row, columns.keys(row)?)?),
        'c' => ConstraintKind::Check {
            // pg_get_expr: the expression alone, without `CHECK (...)`.
            expr: Expr::new(row.get::<String>("check_def")?),
            no_inherit: row.get("connoinherit")?,
        },
        'x' => ConstraintKind::Exclusion {
            method: row
                .get::<Option<String>>("exclusion_method")?
                .unwrap_or_default(),
            elements: row
                .strings("exclusion_elements")?
                .into_iter()
                .zip(row.strings("exclusion_operators")?)
                .collect(),
            predicate: row
                .get::<Option<String>>("exclusion_predicate")?
                .map(Expr::new),
        },
        other => return Err(row.unexpected("contype", other)),
    })
}

fn foreign_key(row: RowRef<'_>, columns: Vec<Ident>) -> Result<ForeignKey, IntrospectError> {
    let schema: Option<String> = row.get("ref_schema")?;
    let table: Option<String> = row.get("ref_table")?;
    let (Some(schema), Some(table)) = (schema, table) else {
        return Err(row.unexpected("foreign key without referenced table", "NULL"));
    };
    Ok(ForeignKey {
        columns,
        ref_table: QualifiedName::new(schema, table),
        ref_columns: row
            .strings("ref_columns")?
            .into_iter()
            .map(Ident::new)
            .collect(),
        on_delete: action(row, "confdeltype")?,
        on_update: action(row, "confupdtype")?,
        match_full: row.char("confmatchtype")? == 'f',
    })
}

fn action(row: RowRef<'_>, column: &'static str) -> Result<FkAction, IntrospectError> {
    Ok(match row.char(column)? {
        'a' => FkAction::NoAction,
        'r' => FkAction::Restrict,
        'c' => FkAction::Cascade,
        'n' => FkAction::SetNull,
        'd' => FkAction::SetDefault,
        other => return Err(row.unexpected("foreign key action", other)),
    })
}
