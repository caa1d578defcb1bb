//! Enum, composite and domain types.

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use crate::text::check_body;
use schemadiff_model::{
    CompositeAttribute, Expr, Ident, ObjectId, QualifiedName, TypeDef, UserType,
};

pub(crate) const QUERY: Query = Query {
    name: "types.sql",
    sql: include_str!("types.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("typname")?);
        let def = match row.char("typtype")? {
            'e' => TypeDef::Enum {
                labels: row.strings("labels")?,
            },
            'c' => composite(ctx, row)?,
            'd' => domain(ctx, row)?,
            other => return Err(row.unexpected("typtype", other)),
        };
        ctx.remember(Class::Type, oid, ObjectId::Type { name: name.clone() });
        ctx.catalog
            .add_type(UserType {
                name,
                def,
                meta: live(oid),
            })
            .map_err(dup)?;
    }
    Ok(())
}

fn composite(ctx: &Ctx, row: RowRef<'_>) -> Result<TypeDef, IntrospectError> {
    let names = row.strings("attr_names")?;
    let types: Vec<u32> = row
        .get::<Option<Vec<u32>>>("attr_types")?
        .unwrap_or_default();
    let formatted = row.strings("attr_formatted")?;
    let coll_schemas = row.opt_strings("attr_coll_schemas")?;
    let coll_names = row.opt_strings("attr_coll_names")?;
    let attributes = names
        .into_iter()
        .zip(types)
        .zip(formatted)
        .zip(coll_schemas.into_iter().zip(coll_names))
        .map(|(((name, oid), formatted), coll)| CompositeAttribute {
            name: Ident::new(name),
            ty: ctx.types.resolve(oid, &formatted),
            collation: collation(coll),
        })
        .collect();
    Ok(TypeDef::Composite { attributes })
}

fn domain(ctx: &Ctx, row: RowRef<'_>) -> Result<TypeDef, IntrospectError> {
    let base_oid: u32 = row.get("base_oid")?;
    let base_text: String = row.get("base_type")?;
    let checks = row
        .strings("check_names")?
        .into_iter()
        .zip(row.strings("check_defs")?)
        .map(|(name, def)| (Ident::new(name), Expr::new(check_body(&def))))
        .collect();
    Ok(TypeDef::Domain {
        base: ctx.types.resolve(base_oid, &base_text),
        default: row.get::<Option<String>>("default_expr")?.map(Expr::new),
        not_null: row.get("typnotnull")?,
        collation: collation((row.get("collation_schema")?, row.get("collation_name")?)),
        checks,
    })
}

/// A collation from its (schema, name) pair; none when either is missing.
pub(crate) fn collation(pair: (Option<String>, Option<String>)) -> Option<QualifiedName> {
    match pair {
        (Some(schema), Some(name)) => Some(QualifiedName::new(schema, name)),
        _ => None,
    }
}
