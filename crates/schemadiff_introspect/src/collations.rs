//! Collations created in the schemas in scope (`CREATE COLLATION`).

use crate::ctx::{dup, live, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Collation, QualifiedName};

pub(crate) const QUERY: Query = Query {
    name: "collations.sql",
    sql: include_str!("collations.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = QualifiedName::new(
            row.get::<String>("nspname")?,
            row.get::<String>("collname")?,
        );
        let provider = match row.get::<String>("provider")?.as_str() {
            "c" => "libc",
            "i" => "icu",
            "b" => "builtin",
            other => return Err(row.unexpected("collation provider", other)),
        };
        let libc = provider == "libc";
        ctx.catalog
            .add_collation(Collation {
                name,
                provider: provider.to_string(),
                // Only the provider that uses a setting keeps it (PostgreSQL 15 leaves
                // the others NULL, later versions may fill them in).
                locale: if libc { None } else { row.get("locale")? },
                lc_collate: if libc { row.get("collcollate")? } else { None },
                lc_ctype: if libc { row.get("collctype")? } else { None },
                deterministic: row.get("collisdeterministic")?,
                rules: row.get("rules")?,
                from: None,
                meta: live(oid),
            })
            .map_err(dup)?;
    }
    Ok(())
}
