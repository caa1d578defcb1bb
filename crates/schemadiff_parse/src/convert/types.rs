//! sqlparser data types -> canonical model types.

use crate::ctx::Ctx;
use schemadiff_model::types::{canonicalize_builtin, Canonical};
use schemadiff_model::{Ident, SerialKind, TypeName};
use sqlparser::ast::{
    ArrayElemTypeDef, CharacterLength, DataType, ExactNumberInfo, ObjectNamePart, TimezoneInfo,
};

/// What a written column type means.
pub enum ColumnType {
    Type(TypeName),
    Serial(SerialKind),
}

pub fn column_type(ctx: &Ctx, dt: &DataType) -> ColumnType {
    match canonical(ctx, dt, 0) {
        Canonical::Type(t) => ColumnType::Type(t),
        Canonical::Serial(k) => ColumnType::Serial(k),
    }
}

/// A type in a position where serial is not allowed (casts, arguments, domains).
pub fn plain_type(ctx: &Ctx, dt: &DataType) -> TypeName {
    match canonical(ctx, dt, 0) {
        Canonical::Type(t) => t,
        Canonical::Serial(k) => k.integer_type(),
    }
}

fn canonical(ctx: &Ctx, dt: &DataType, dims: u8) -> Canonical {
    match dt {
        DataType::Array(ArrayElemTypeDef::SquareBracket(inner, _))
        | DataType::Array(ArrayElemTypeDef::AngleBracket(inner))
        | DataType::Array(ArrayElemTypeDef::Parenthesis(inner))
        // SQL-standard `integer ARRAY` / `integer ARRAY[4]`: one dimension, as `integer[]`.
        | DataType::Array(ArrayElemTypeDef::Qualified(inner, _)) => canonical(ctx, inner, dims + 1),
        DataType::Custom(name, mods) => {
            let parts: Vec<Ident> = name
                .0
                .iter()
                .filter_map(|p| match p {
                    ObjectNamePart::Identifier(id) => Some(ctx.ident(id)),
                    _ => None,
                })
                .collect();
            let mods = (!mods.is_empty()).then(|| mods.join(","));
            let mut t = match parts.as_slice() {
                [.., schema, name] if schema.as_str() != "pg_catalog" => TypeName {
                    schema: Some(schema.clone()),
                    name: name.as_smol_str().clone(),
                    modifiers: None,
                    array_dims: 0,
                },
                // `"char"` (quoted) is the one-byte internal type, not char(1).
                [name] if name.as_str() == "char" && is_quoted(&name_parts_last(dt)) => {
                    return with_dims(Canonical::Type(TypeName::builtin("\"char\"")), dims);
                }
                // A quoted name that case folding would change is no built-in type:
                // it names a user type exactly as written (`"UserStatus"`).
                [name]
                    if is_quoted(&name_parts_last(dt))
                        && name.as_str() != name.as_str().to_lowercase() =>
                {
                    TypeName {
                        schema: Some(ctx.default_schema.clone()),
                        name: name.as_smol_str().clone(),
                        modifiers: None,
                        array_dims: 0,
                    }
                }
                [.., name] => {
                    let mut c = from_words(name.as_str(), mods.as_deref());
                    // An unknown unqualified name is a user type found through the search path.
                    if let Canonical::Type(t) = &mut c {
                        if !t.is_builtin() && crate::resolve::extension_providing(&t.name).is_none()
                        {
                            t.schema = Some(ctx.default_schema.clone());
                        }
                    }
                    return with_dims(c, dims);
                }
                [] => TypeName::builtin("text"),
            };
            t.modifiers = mods;
            t.array_dims = dims;
            Canonical::Type(t)
        }
        // MySQL's inline ENUM/SET were reported from tokens; `text` keeps later stages quiet.
        DataType::Enum(..) | DataType::Set(_) => {
            with_dims(Canonical::Type(TypeName::builtin("text")), dims)
        }
        other => {
            if let Some(t) = common(other) {
                return with_dims(Canonical::Type(t), dims);
            }
            let shown = other.to_string();
            // UNSIGNED / ZEROFILL were reported from tokens; canonicalise the base type.
            let shown = shown.replace(" UNSIGNED", "").replace(" ZEROFILL", "");
            let (name, mods, extra_dims) = split_display(&shown);
            with_dims(from_words(&name, mods.as_deref()), dims + extra_dims)
        }
    }
}

/// The most common built-in types, matched directly (what the display-and-split path
/// below gives for them, without formatting and re-reading the name; a test checks both
/// agree).
fn common(dt: &DataType) -> Option<TypeName> {
    let name = match dt {
        DataType::Uuid => "uuid",
        DataType::Text => "text",
        DataType::Boolean | DataType::Bool => "boolean",
        DataType::BigInt(None) | DataType::Int8(None) => "bigint",
        DataType::Integer(None) | DataType::Int(None) | DataType::Int4(None) => "integer",
        DataType::SmallInt(None) | DataType::Int2(None) => "smallint",
        DataType::JSONB => "jsonb",
        DataType::JSON => "json",
        DataType::Date => "date",
        DataType::Bytea => "bytea",
        DataType::Real | DataType::Float4 => "real",
        DataType::DoublePrecision | DataType::Float8 => "double precision",
        DataType::Timestamp(None, TimezoneInfo::Tz | TimezoneInfo::WithTimeZone) => {
            "timestamp with time zone"
        }
        DataType::Timestamp(None, TimezoneInfo::None | TimezoneInfo::WithoutTimeZone) => {
            "timestamp without time zone"
        }
        DataType::Varchar(len) | DataType::CharacterVarying(len) => {
            let mut t = TypeName::builtin("character varying");
            t.modifiers = match len {
                None => None,
                Some(CharacterLength::IntegerLength { length, unit: None }) => {
                    Some(length.to_string())
                }
                Some(_) => return None,
            };
            return Some(t);
        }
        DataType::Numeric(info) | DataType::Decimal(info) => {
            let mut t = TypeName::builtin("numeric");
            t.modifiers = match info {
                ExactNumberInfo::None => None,
                ExactNumberInfo::Precision(p) => Some(p.to_string()),
                ExactNumberInfo::PrecisionAndScale(p, s) => Some(format!("{p},{s}")),
            };
            return Some(t);
        }
        _ => return None,
    };
    Some(TypeName::builtin(name))
}

/// A single-word (or built-in multi-word) type name: built-in if known, else an
/// unqualified name resolved later against the catalog and extensions.
fn from_words(name: &str, mods: Option<&str>) -> Canonical {
    if let Some(c) = canonicalize_builtin(name, mods) {
        return c;
    }
    let mut t = TypeName::builtin(&name.to_ascii_lowercase());
    // PostGIS-style subtypes print capitalised (`Point,4326`); normalise like the server.
    t.modifiers = mods.map(schemadiff_model::types::normalize_modifiers);
    Canonical::Type(t)
}

fn with_dims(c: Canonical, dims: u8) -> Canonical {
    match c {
        Canonical::Type(mut t) => {
            t.array_dims += dims;
            Canonical::Type(t)
        }
        serial => serial,
    }
}

/// `TIMESTAMP(3) WITH TIME ZONE[]` -> (`TIMESTAMP WITH TIME ZONE`, Some(`3`), 1).
fn split_display(s: &str) -> (String, Option<String>, u8) {
    let mut text = s.trim().to_string();
    let mut dims = 0u8;
    while let Some(stripped) = text.strip_suffix("[]") {
        text = stripped.trim_end().to_string();
        dims += 1;
    }
    match (text.find('('), text.rfind(')')) {
        (Some(open), Some(close)) if close > open => {
            let mods = text[open + 1..close].to_string();
            let name = format!("{} {}", &text[..open], &text[close + 1..]);
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            (name, Some(mods), dims)
        }
        _ => (text, None, dims),
    }
}

fn name_parts_last(dt: &DataType) -> Option<sqlparser::ast::Ident> {
    match dt {
        DataType::Custom(name, _) => name.0.last().and_then(|p| p.as_ident()).cloned(),
        _ => None,
    }
}

fn is_quoted(id: &Option<sqlparser::ast::Ident>) -> bool {
    id.as_ref().is_some_and(|i| i.quote_style.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct match gives what displaying and re-reading the type gives.
    #[test]
    fn common_types_match_the_display_path() {
        let types = [
            DataType::Uuid,
            DataType::Text,
            DataType::Boolean,
            DataType::Bool,
            DataType::BigInt(None),
            DataType::Int8(None),
            DataType::Integer(None),
            DataType::Int(None),
            DataType::Int4(None),
            DataType::SmallInt(None),
            DataType::Int2(None),
            DataType::JSONB,
            DataType::JSON,
            DataType::Date,
            DataType::Bytea,
            DataType::Real,
            DataType::Float4,
            DataType::DoublePrecision,
            DataType::Float8,
            DataType::Timestamp(None, TimezoneInfo::Tz),
            DataType::Timestamp(None, TimezoneInfo::WithTimeZone),
            DataType::Timestamp(None, TimezoneInfo::None),
            DataType::Timestamp(None, TimezoneInfo::WithoutTimeZone),
            DataType::Varchar(None),
            DataType::Varchar(Some(CharacterLength::IntegerLength {
                length: 64,
                unit: None,
            })),
            DataType::CharacterVarying(Some(CharacterLength::IntegerLength {
                length: 10,
                unit: None,
            })),
            DataType::CharacterVarying(None),
            DataType::Numeric(ExactNumberInfo::None),
            DataType::Numeric(ExactNumberInfo::Precision(5)),
            DataType::Numeric(ExactNumberInfo::PrecisionAndScale(12, 4)),
            DataType::Numeric(ExactNumberInfo::PrecisionAndScale(5, -2)),
            DataType::Decimal(ExactNumberInfo::PrecisionAndScale(18, 6)),
            DataType::Decimal(ExactNumberInfo::None),
        ];
        for dt in types {
            let direct = common(&dt).unwrap_or_else(|| panic!("{dt:?} not matched"));
            let (name, mods, dims) = split_display(&dt.to_string());
            assert_eq!(dims, 0);
            assert_eq!(
                from_words(&name, mods.as_deref()),
                Canonical::Type(direct),
                "{dt:?}"
            );
        }
    }

    #[test]
    fn splits_modifiers_out_of_multiword_names() {
        assert_eq!(
            split_display("TIMESTAMP(3) WITH TIME ZONE[]"),
            (
                "TIMESTAMP WITH TIME ZONE".to_string(),
                Some("3".to_string()),
                1
            )
        );
        assert_eq!(
            split_display("NUMERIC(5,2)"),
            ("NUMERIC".to_string(), Some("5,2".to_string()), 0)
        );
        assert_eq!(split_display("TEXT[][]"), ("TEXT".to_string(), None, 2));
    }
}
