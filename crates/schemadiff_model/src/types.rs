//! Canonical column and argument types, spelled as PostgreSQL's `format_type` spells them.

use crate::ident::{Ident, QualifiedName};
use serde::Serialize;
use smol_str::SmolStr;
use std::fmt;

/// A type reference. Built-in types use their canonical `format_type` name
/// (`integer`, `character varying`, `timestamp with time zone`); user and extension
/// types keep their (optional) schema.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TypeName {
    /// Set for user-defined types written with a schema (or resolved to one).
    pub schema: Option<Ident>,
    /// A `SmolStr`: built-in names point at static text, others up to 23 bytes are
    /// inline, so the type of each of a big catalog's columns costs no allocation.
    pub name: SmolStr,
    /// Type modifiers as written, normalised: `255`, `5,2`, `Point,4326`.
    pub modifiers: Option<String>,
    pub array_dims: u8,
}

/// Which serial pseudo-type a column used: it expands to an integer type,
/// an owned sequence and a `nextval` default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SerialKind {
    Small,
    Regular,
    Big,
}

impl SerialKind {
    pub fn integer_type(self) -> TypeName {
        TypeName::builtin(match self {
            SerialKind::Small => "smallint",
            SerialKind::Regular => "integer",
            SerialKind::Big => "bigint",
        })
    }
}

/// What a written type name turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Canonical {
    Type(TypeName),
    Serial(SerialKind),
}

impl TypeName {
    pub fn builtin(name: &str) -> TypeName {
        let name = match builtin_canonical_names().iter().find(|b| **b == name) {
            Some(stat) => SmolStr::new_static(stat),
            None => SmolStr::new(name),
        };
        TypeName {
            schema: None,
            name,
            modifiers: None,
            array_dims: 0,
        }
    }

    pub fn user(name: QualifiedName) -> TypeName {
        TypeName {
            schema: Some(name.schema),
            name: name.name.as_smol_str().clone(),
            modifiers: None,
            array_dims: 0,
        }
    }

    /// The qualified name of a user-defined type, if this is one.
    pub fn qualified(&self) -> Option<QualifiedName> {
        self.schema
            .as_ref()
            .map(|s| QualifiedName::new(s.clone(), Ident::new(self.name.clone())))
    }

    pub fn is_builtin(&self) -> bool {
        self.schema.is_none()
            && (builtin_canonical_names().contains(&self.name.as_str())
                || self.name.starts_with("interval "))
    }
}

/// Canonicalises a built-in type name written in SQL (any case, any alias)
/// with its modifiers. Returns `None` when the name is not a built-in type.
pub fn canonicalize_builtin(written: &str, modifiers: Option<&str>) -> Option<Canonical> {
    let lower = collapse_spaces(&written.to_ascii_lowercase());
    let mods = modifiers.map(normalize_modifiers);
    let name = match lower.as_str() {
        "serial" | "serial4" => return Some(Canonical::Serial(SerialKind::Regular)),
        "bigserial" | "serial8" => return Some(Canonical::Serial(SerialKind::Big)),
        "smallserial" | "serial2" => return Some(Canonical::Serial(SerialKind::Small)),
        "int" | "int4" | "integer" => "integer",
        "int2" | "smallint" => "smallint",
        "int8" | "bigint" => "bigint",
        "float4" | "real" => "real",
        "float8" | "double precision" => "double precision",
        "float" => {
            // float(p): p <= 24 is real, otherwise double precision.
            let p: u32 = mods.as_deref().and_then(|m| m.parse().ok()).unwrap_or(53);
            let name = if p <= 24 { "real" } else { "double precision" };
            return Some(Canonical::Type(TypeName::builtin(name)));
        }
        "numeric" | "decimal" | "dec" => "numeric",
        "bool" | "boolean" => "boolean",
        "varchar" | "character varying" | "char varying" => "character varying",
        "char" | "character" | "bpchar" | "nchar" => {
            // char without a length is char(1), as PostgreSQL stores it.
            let mut t = TypeName::builtin("character");
            t.modifiers = Some(mods.unwrap_or_else(|| "1".to_string()));
            return Some(Canonical::Type(t));
        }
        "text" => "text",
        "bytea" => "bytea",
        "date" => "date",
        "time" | "time without time zone" => "time without time zone",
        "timetz" | "time with time zone" => "time with time zone",
        "timestamp" | "timestamp without time zone" => "timestamp without time zone",
        "timestamptz" | "timestamp with time zone" => "timestamp with time zone",
        "interval" => "interval",
        // `interval day to second`: fields are part of the type, as format_type prints them.
        fields if fields.starts_with("interval ") => {
            let mut t = TypeName::builtin(fields);
            t.modifiers = mods;
            return Some(Canonical::Type(t));
        }
        "uuid" => "uuid",
        "json" => "json",
        "jsonb" => "jsonb",
        "inet" => "inet",
        "cidr" => "cidr",
        "macaddr" => "macaddr",
        "macaddr8" => "macaddr8",
        "money" => "money",
        "xml" => "xml",
        "tsvector" => "tsvector",
        "tsquery" => "tsquery",
        "oid" => "oid",
        "regclass" => "regclass",
        "regtype" => "regtype",
        "regproc" => "regproc",
        "bit" => {
            let mut t = TypeName::builtin("bit");
            t.modifiers = Some(mods.unwrap_or_else(|| "1".to_string()));
            return Some(Canonical::Type(t));
        }
        "varbit" | "bit varying" => "bit varying",
        "\"char\"" => "\"char\"",
        "name" => "name",
        "point" | "line" | "lseg" | "box" | "path" | "polygon" | "circle" => {
            return Some(Canonical::Type(TypeName::builtin(leak_geometric(&lower))));
        }
        "int4range" | "int8range" | "numrange" | "tsrange" | "tstzrange" | "daterange" => {
            return Some(Canonical::Type(TypeName::builtin(leak_range(&lower))));
        }
        "record" | "void" | "trigger" | "event_trigger" | "anyelement" | "anyarray" | "anyenum"
        | "anynonarray" | "anycompatible" | "internal" | "cstring" => {
            return Some(Canonical::Type(TypeName::builtin(leak_pseudo(&lower))));
        }
        _ => return None,
    };
    let mut t = TypeName::builtin(name);
    t.modifiers = mods;
    Some(Canonical::Type(t))
}

fn leak_geometric(name: &str) -> &'static str {
    ["point", "line", "lseg", "box", "path", "polygon", "circle"]
        .into_iter()
        .find(|n| *n == name)
        .unwrap_or("point")
}

fn leak_range(name: &str) -> &'static str {
    RANGES
        .into_iter()
        .find(|n| *n == name)
        .unwrap_or("int4range")
}

fn leak_pseudo(name: &str) -> &'static str {
    PSEUDO.into_iter().find(|n| *n == name).unwrap_or("record")
}

const RANGES: [&str; 6] = [
    "int4range",
    "int8range",
    "numrange",
    "tsrange",
    "tstzrange",
    "daterange",
];
const PSEUDO: [&str; 11] = [
    "record",
    "void",
    "trigger",
    "event_trigger",
    "anyelement",
    "anyarray",
    "anyenum",
    "anynonarray",
    "anycompatible",
    "internal",
    "cstring",
];

/// Every canonical built-in name `canonicalize_builtin` can produce.
pub fn builtin_canonical_names() -> &'static [&'static str] {
    &[
        "integer",
        "smallint",
        "bigint",
        "real",
        "double precision",
        "numeric",
        "boolean",
        "character varying",
        "character",
        "text",
        "bytea",
        "date",
        "time without time zone",
        "time with time zone",
        "timestamp without time zone",
        "timestamp with time zone",
        "interval",
        "uuid",
        "json",
        "jsonb",
        "inet",
        "cidr",
        "macaddr",
        "macaddr8",
        "money",
        "xml",
        "tsvector",
        "tsquery",
        "oid",
        "regclass",
        "regtype",
        "regproc",
        "bit",
        "bit varying",
        "\"char\"",
        "name",
        "point",
        "line",
        "lseg",
        "box",
        "path",
        "polygon",
        "circle",
        "int4range",
        "int8range",
        "numrange",
        "tsrange",
        "tstzrange",
        "daterange",
        "record",
        "void",
        "trigger",
        "event_trigger",
        "anyelement",
        "anyarray",
        "anyenum",
        "anynonarray",
        "anycompatible",
        "internal",
        "cstring",
    ]
}

/// Types that well-known extensions provide, by extension name. Used to tell a
/// type that an extension brings from one that is defined nowhere.
pub fn extension_types(extension: &str) -> &'static [&'static str] {
    match extension {
        "postgis" => &["geography", "geometry", "box2d", "box3d", "raster"],
        "vector" => &["vector", "halfvec", "sparsevec"],
        "citext" => &["citext"],
        "hstore" => &["hstore"],
        "ltree" => &["ltree", "lquery", "ltxtquery"],
        "cube" => &["cube"],
        "isn" => &["isbn", "isbn13", "issn", "ean13", "upc"],
        _ => &[],
    }
}

/// `5, 2` -> `5,2`; PostGIS subtypes (`point`) print capitalised (`Point`) as the server does.
pub fn normalize_modifiers(m: &str) -> String {
    m.split(',')
        .map(|part| normalize_geometry_subtype(part.trim()))
        .collect::<Vec<_>>()
        .join(",")
}

/// PostGIS prints geometry subtypes capitalised (`Point`, `MultiPolygon`).
fn normalize_geometry_subtype(part: &str) -> String {
    const SUBTYPES: [&str; 8] = [
        "Point",
        "LineString",
        "Polygon",
        "MultiPoint",
        "MultiLineString",
        "MultiPolygon",
        "GeometryCollection",
        "Geometry",
    ];
    // Most modifiers are numbers (`255`, `5,2`): no work, no allocation beyond the copy.
    if !part.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return part.to_string();
    }
    for s in SUBTYPES {
        let Some(head) = part.get(..s.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(s) {
            continue;
        }
        let suffix = &part[s.len()..];
        if let Some(z) = ["", "Z", "M", "ZM"]
            .into_iter()
            .find(|z| z.eq_ignore_ascii_case(suffix))
        {
            return format!("{s}{z}");
        }
    }
    part.to_string()
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Canonical text, as `format_type` would print it (used in messages, fingerprints
/// and as the comparison key; SQL rendering quotes the schema separately).
impl fmt::Display for TypeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(schema) = &self.schema {
            write!(f, "{schema}.")?;
        }
        // `timestamp(3) with time zone`: the modifier goes after the first word.
        match (&self.modifiers, self.name.split_once(' ')) {
            (Some(m), Some((head, tail)))
                if head == "timestamp" || head == "time" || head == "character" =>
            {
                if head == "character" && tail == "varying" {
                    write!(f, "character varying({m})")?
                } else {
                    write!(f, "{head}({m}) {tail}")?
                }
            }
            (Some(m), _) => write!(f, "{}({m})", self.name)?,
            (None, _) => f.write_str(&self.name)?,
        }
        for _ in 0..self.array_dims {
            f.write_str("[]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(name: &str, mods: Option<&str>) -> String {
        match canonicalize_builtin(name, mods) {
            Some(Canonical::Type(t)) => t.to_string(),
            Some(Canonical::Serial(k)) => format!("serial {:?}", k),
            None => "unknown".to_string(),
        }
    }

    #[test]
    fn aliases_share_one_canonical_name() {
        for alias in ["int", "INT4", "Integer"] {
            assert_eq!(canon(alias, None), "integer");
        }
        assert_eq!(canon("VARCHAR", Some("255")), "character varying(255)");
        assert_eq!(canon("decimal", Some("5, 2")), "numeric(5,2)");
        assert_eq!(canon("timestamptz", None), "timestamp with time zone");
        assert_eq!(
            canon("timestamp", Some("3")),
            "timestamp(3) without time zone"
        );
        assert_eq!(canon("char", None), "character(1)");
        assert_eq!(canon("float", Some("10")), "real");
        assert_eq!(canon("float", None), "double precision");
        assert_eq!(canon("bigserial", None), "serial Big");
        assert_eq!(canon("geography", None), "unknown");
    }

    #[test]
    fn geometry_subtypes_are_capitalised_like_postgis() {
        assert_eq!(normalize_modifiers("point, 4326"), "Point,4326");
        assert_eq!(
            normalize_modifiers("MULTIPOLYGONZ,4326"),
            "MultiPolygonZ,4326"
        );
    }
}
