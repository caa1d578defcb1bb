//! Row-level security policies.

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Expr, Ident, ObjectId, Policy, QualifiedName};

pub(crate) const QUERY: Query = Query {
    name: "policies.sql",
    sql: include_str!("policies.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let table =
            QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let name = Ident::new(row.get::<String>("polname")?);
        let command = match row.char("polcmd")? {
            '*' => "all",
            'r' => "select",
            'a' => "insert",
            'w' => "update",
            'd' => "delete",
            other => return Err(row.unexpected("polcmd", other)),
        };
        ctx.remember(
            Class::Policy,
            oid,
            ObjectId::Policy {
                table: table.clone(),
                name: name.clone(),
            },
        );
        ctx.catalog
            .add_policy(Policy {
                table,
                name,
                permissive: row.get("polpermissive")?,
                command: command.to_string(),
                roles: row.strings("roles")?.into_iter().map(Ident::new).collect(),
                using: row.get::<Option<String>>("using_expr")?.map(Expr::new),
                with_check: row.get::<Option<String>>("check_expr")?.map(Expr::new),
                meta: live(oid),
            })
            .map_err(dup)?;
    }
    Ok(())
}
