//! `format_type` output + type OID -> model `TypeName` (built-ins unqualified, user types with schema).

use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Ident, TypeName};
use std::collections::HashMap;

pub(crate) const QUERY: Query = Query {
    name: "type_names.sql",
    sql: include_str!("type_names.sql"),
    filtered: false,
};

/// A type outside `pg_catalog`.
#[derive(Debug, Clone)]
struct TypeInfo {
    schema: String,
    name: String,
    elem: Option<u32>,
    from_extension: bool,
}

/// Every non-`pg_catalog` type by OID; anything not found is a built-in.
#[derive(Debug, Default)]
pub(crate) struct TypeNames {
    by_oid: HashMap<u32, TypeInfo>,
}

impl TypeNames {
    pub fn load(rows: &Rows) -> Result<TypeNames, IntrospectError> {
        let mut by_oid = HashMap::with_capacity(rows.rows.len());
        for row in rows.iter() {
            let oid: u32 = row.get("oid")?;
            by_oid.insert(
                oid,
                TypeInfo {
                    schema: row.get("nspname")?,
                    name: row.get("typname")?,
                    elem: row.get("elem")?,
                    from_extension: row.get("from_extension")?,
                },
            );
        }
        Ok(TypeNames { by_oid })
    }

    /// The model type for a type OID and its `format_type(oid, typmod)` text.
    ///
    /// Built-ins keep `format_type`'s canonical name with the modifiers taken out
    /// (`timestamp(3) with time zone` -> `timestamp with time zone` + `3`); user types
    /// get their schema and bare name; extension types (PostGIS `geography`) stay
    /// unqualified, as users write them.
    pub fn resolve(&self, oid: u32, formatted: &str) -> TypeName {
        let (base, array_dims) = strip_array_suffix(formatted);
        let mut info = self.by_oid.get(&oid);
        if let Some(elem) = info.and_then(|i| i.elem) {
            info = self.by_oid.get(&elem);
        }
        match info {
            Some(info) => TypeName {
                schema: (!info.from_extension).then(|| Ident::new(info.schema.clone())),
                name: info.name.as_str().into(),
                modifiers: trailing_modifiers(base),
                array_dims,
            },
            None => {
                let (name, modifiers) = split_builtin(base);
                TypeName {
                    modifiers,
                    array_dims,
                    // Static text for built-in names: no allocation per column.
                    ..TypeName::builtin(&name)
                }
            }
        }
    }
}

/// `integer[]` -> (`integer`, 1). `format_type` always prints one `[]` per array type.
fn strip_array_suffix(s: &str) -> (&str, u8) {
    let mut rest = s.trim();
    let mut dims = 0u8;
    while let Some(r) = rest.strip_suffix("[]") {
        rest = r.trim_end();
        dims = dims.saturating_add(1);
    }
    (rest, dims)
}

/// `public.geography(Point,4326)` -> `Point,4326`; none when the text does not end in `)`.
fn trailing_modifiers(s: &str) -> Option<String> {
    let inner = s.strip_suffix(')')?;
    let mut depth = 0usize;
    for (i, c) in inner.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return Some(inner[i + 1..].to_string()),
            '(' => depth -= 1,
            '"' => return None,
            _ => {}
        }
    }
    None
}

/// `character varying(255)` -> (`character varying`, `255`);
/// `timestamp(3) with time zone` -> (`timestamp with time zone`, `3`).
fn split_builtin(s: &str) -> (String, Option<String>) {
    if s.starts_with('"') {
        return (s.to_string(), None);
    }
    let Some(open) = s.find('(') else {
        return (s.to_string(), None);
    };
    let Some(close) = s[open..].find(')').map(|i| open + i) else {
        return (s.to_string(), None);
    };
    let head = s[..open].trim_end();
    let tail = s[close + 1..].trim_start();
    let name = if tail.is_empty() {
        head.to_string()
    } else {
        format!("{head} {tail}")
    };
    (name, Some(s[open + 1..close].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(entries: &[(u32, &str, &str, Option<u32>, bool)]) -> TypeNames {
        let by_oid = entries
            .iter()
            .map(|(oid, schema, name, elem, ext)| {
                (
                    *oid,
                    TypeInfo {
                        schema: schema.to_string(),
                        name: name.to_string(),
                        elem: *elem,
                        from_extension: *ext,
                    },
                )
            })
            .collect();
        TypeNames { by_oid }
    }

    #[test]
    fn builtins_split_name_and_modifiers() {
        let t = TypeNames::default();
        let vc = t.resolve(1043, "character varying(255)");
        assert_eq!(
            (vc.name.as_str(), vc.modifiers.as_deref()),
            ("character varying", Some("255"))
        );
        let ts = t.resolve(1184, "timestamp(3) with time zone");
        assert_eq!(ts.name, "timestamp with time zone");
        assert_eq!(ts.modifiers.as_deref(), Some("3"));
        assert_eq!(ts.to_string(), "timestamp(3) with time zone");
        let arr = t.resolve(1016, "bigint[]");
        assert_eq!((arr.name.as_str(), arr.array_dims), ("bigint", 1));
        let num = t.resolve(1700, "numeric(10,2)");
        assert_eq!(num.to_string(), "numeric(10,2)");
        assert_eq!(t.resolve(18, "\"char\"").name, "\"char\"");
    }

    #[test]
    fn user_and_extension_types() {
        let t = names(&[
            (10, "core", "email_address", None, false),
            (11, "core", "_email_address", Some(10), false),
            (20, "public", "geography", None, true),
            (21, "public", "_geography", Some(20), true),
        ]);
        let email = t.resolve(11, "core.email_address[]");
        assert_eq!(email.schema.as_ref().map(|s| s.as_str()), Some("core"));
        assert_eq!(
            (email.name.as_str(), email.array_dims),
            ("email_address", 1)
        );
        let geo = t.resolve(20, "public.geography(Point,4326)");
        assert_eq!(geo.schema, None);
        assert_eq!(geo.to_string(), "geography(Point,4326)");
        let geo_arr = t.resolve(21, "geography(Point,4326)[]");
        assert_eq!(geo_arr.to_string(), "geography(Point,4326)[]");
    }
}
