//! Schemas and extensions (the extensions themselves, never their member objects).

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Extension, Ident, ObjectId, Schema};

pub(crate) const SCHEMAS: Query = Query {
    name: "schemas.sql",
    sql: include_str!("schemas.sql"),
    filtered: true,
};

pub(crate) const EXTENSIONS: Query = Query {
    name: "extensions.sql",
    sql: include_str!("extensions.sql"),
    filtered: false,
};

/// `authorization` is set only when the owner is not the introspecting role: a schema
/// file without `AUTHORIZATION` creates a schema owned by whoever runs it.
pub(crate) fn load_schemas(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = Ident::new(row.get::<String>("nspname")?);
        let owner: Option<String> = row.get("owner")?;
        ctx.remember(
            Class::Namespace,
            oid,
            ObjectId::Schema { name: name.clone() },
        );
        ctx.catalog
            .add_schema(Schema {
                name,
                authorization: owner.map(Ident::new),
                meta: live(oid),
            })
            .map_err(dup)?;
    }
    Ok(())
}

pub(crate) fn load_extensions(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = Ident::new(row.get::<String>("extname")?);
        ctx.remember(
            Class::Extension,
            oid,
            ObjectId::Extension { name: name.clone() },
        );
        ctx.catalog
            .add_extension(Extension {
                name,
                schema: Some(Ident::new(row.get::<String>("nspname")?)),
                version: Some(row.get("extversion")?),
                meta: live(oid),
            })
            .map_err(dup)?;
    }
    Ok(())
}
