//! Triggers, with their `pg_get_triggerdef` text and the function they execute.

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Ident, ObjectId, ObjectKind, QualifiedName, Trigger};

pub(crate) const QUERY: Query = Query {
    name: "triggers.sql",
    sql: include_str!("triggers.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let table =
            QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let name = Ident::new(row.get::<String>("tgname")?);
        let function = ObjectId::Function {
            kind: ObjectKind::Function,
            name: QualifiedName::new(
                row.get::<String>("function_schema")?,
                row.get::<String>("function_name")?,
            ),
            // Trigger functions are declared without arguments.
            args: String::new(),
        };
        ctx.remember(
            Class::Trigger,
            oid,
            ObjectId::Trigger {
                table: table.clone(),
                name: name.clone(),
            },
        );
        ctx.catalog
            .add_trigger(Trigger {
                table,
                name,
                function,
                definition: row.get("definition")?,
                meta: live(oid),
            })
            .map_err(dup)?;
    }
    Ok(())
}
