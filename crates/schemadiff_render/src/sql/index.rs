//! CREATE INDEX, plain or CONCURRENTLY.

use super::names::{id, list, qn};
use schemadiff_model::{Index, IndexTarget};

pub fn create_index(ix: &Index) -> String {
    index_sql(ix, false)
}

/// `CREATE [UNIQUE] INDEX CONCURRENTLY`: builds without blocking writes (outside a
/// transaction block).
pub fn create_index_concurrently(ix: &Index) -> String {
    index_sql(ix, true)
}

fn index_sql(ix: &Index, concurrently: bool) -> String {
    let keys = ix
        .keys
        .iter()
        .map(|k| {
            let mut s = match &k.target {
                IndexTarget::Column(c) => id(c),
                IndexTarget::Expression(e) => format!("({})", e.sql),
            };
            if let Some(c) = &k.collation {
                s.push_str(&format!(" COLLATE {}", qn(c)));
            }
            if let Some(op) = &k.opclass {
                s.push_str(&format!(" {op}"));
            }
            if k.descending {
                s.push_str(" DESC");
            }
            match k.nulls_first {
                Some(true) => s.push_str(" NULLS FIRST"),
                Some(false) => s.push_str(" NULLS LAST"),
                None => {}
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ");
    let unique = if ix.unique { "UNIQUE " } else { "" };
    let concurrently = if concurrently { "CONCURRENTLY " } else { "" };
    let mut out = format!(
        "CREATE {unique}INDEX {concurrently}{} ON {} USING {} ({keys})",
        id(&ix.name.name),
        qn(&ix.table),
        ix.method
    );
    if !ix.include.is_empty() {
        out.push_str(&format!(" INCLUDE ({})", list(&ix.include)));
    }
    if ix.nulls_not_distinct {
        out.push_str(" NULLS NOT DISTINCT");
    }
    if !ix.with.is_empty() {
        out.push_str(&format!(" WITH ({})", ix.with.join(", ")));
    }
    if let Some(p) = &ix.predicate {
        out.push_str(&format!(" WHERE {}", p.sql));
    }
    out
}
