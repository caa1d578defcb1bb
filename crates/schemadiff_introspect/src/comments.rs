//! `COMMENT ON` text for every object kind the catalog holds, columns included.
//!
//! Comments on objects outside the catalog (extension members, other schemas, domain
//! constraints, composite type attributes) are skipped.

use crate::ctx::{live, relation_name, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Comment, Ident, ObjectId};

pub(crate) const QUERY: Query = Query {
    name: "comments.sql",
    sql: include_str!("comments.sql"),
    filtered: false,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("objoid")?;
        let class: String = row.get("class")?;
        let class = match class.as_str() {
            "relation" => Class::Relation,
            "schema" => Class::Namespace,
            "type" => Class::Type,
            "constraint" => Class::Constraint,
            "function" => Class::Proc,
            "trigger" => Class::Trigger,
            "policy" => Class::Policy,
            "extension" => Class::Extension,
            _ => return Err(row.unexpected("comment object class", class)),
        };
        let Some(object) = ctx.object(class, oid) else {
            continue;
        };
        let on = match row.get::<Option<String>>("attname")? {
            Some(column) => match relation_name(object) {
                Some(table) => ObjectId::Column {
                    table: table.clone(),
                    column: Ident::new(column),
                },
                None => continue,
            },
            None => object.clone(),
        };
        ctx.catalog.set_comment(Comment {
            on,
            text: row.get("description")?,
            meta: live(oid),
        });
    }
    Ok(())
}
