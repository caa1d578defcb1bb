//! Views and materialized views, with the server's rendering of their query.
//!
//! `columns` stays empty: the catalog does not record whether column names were
//! written (`CREATE VIEW v (a, b)`), and the rendered query already names them.
//! `refs` are filled afterwards from `pg_depend` by [`crate::deps`].

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{ObjectId, QualifiedName, View};
use std::collections::BTreeSet;

pub(crate) const QUERY: Query = Query {
    name: "views.sql",
    sql: include_str!("views.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let name = QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("relname")?);
        let materialized: bool = row.get("materialized")?;
        let mut options = Vec::new();
        let mut check_option = None;
        for option in row.strings("reloptions")? {
            match option.strip_prefix("check_option=") {
                Some(value) => check_option = Some(value.to_ascii_lowercase()),
                None => options.push(option),
            }
        }
        let query: String = row.get("query")?;
        let view = View {
            name: name.clone(),
            materialized,
            columns: Vec::new(),
            query: tidy_query(&query),
            options,
            check_option,
            // Plain views are always "populated"; only materialized ones can lack data.
            with_data: !materialized || row.get::<bool>("relispopulated")?,
            refs: BTreeSet::new(),
            meta: live(oid),
        };
        ctx.remember(Class::Relation, oid, ObjectId::view(name, materialized));
        ctx.catalog.add_view(view).map_err(dup)?;
    }
    Ok(())
}

/// `pg_get_viewdef` starts with a space and ends with `;`: keep the query alone.
fn tidy_query(text: &str) -> String {
    let text = text.trim();
    text.strip_suffix(';')
        .unwrap_or(text)
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn viewdef_loses_its_padding_and_semicolon() {
        assert_eq!(super::tidy_query(" SELECT 1 AS x;"), "SELECT 1 AS x");
    }
}
