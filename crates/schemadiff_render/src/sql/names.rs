//! Identifier and type spelling for SQL output (quoting goes through `schemadiff_model::quote`).

use schemadiff_model::quote;
use schemadiff_model::{Ident, QualifiedName, TypeName};

pub fn id(i: &Ident) -> String {
    quote::ident(i)
}

pub fn qn(q: &QualifiedName) -> String {
    quote::qualified(q)
}

pub fn list(idents: &[Ident]) -> String {
    idents.iter().map(id).collect::<Vec<_>>().join(", ")
}

pub fn literal(s: &str) -> String {
    quote::quote_literal(s)
}

/// A type as SQL: built-ins by their canonical name, user types qualified and quoted.
pub fn type_sql(t: &TypeName) -> String {
    let mut out = match &t.schema {
        Some(schema) => {
            let base = format!("{}.{}", quote::ident(schema), quote::quote_ident(&t.name));
            match &t.modifiers {
                Some(m) => format!("{base}({m})"),
                None => base,
            }
        }
        None => {
            let mut plain = t.clone();
            plain.array_dims = 0;
            plain.to_string()
        }
    };
    for _ in 0..t.array_dims {
        out.push_str("[]");
    }
    out
}
