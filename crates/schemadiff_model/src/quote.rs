//! The one place identifiers and literals are quoted for SQL text.
//!
//! Lives in the model (pure functions, no I/O) so both the parser (which must
//! write `nextval('schema.seq'::regclass)` for serial columns) and the renderer
//! share it; a table named `a"; drop table b; --` stays one identifier everywhere.

use crate::ident::{Ident, QualifiedName};

/// PostgreSQL keywords that cannot be used as bare identifiers (reserved, plus
/// the type/function-name ones that are unsafe as column names). Sorted, for binary search.
const RESERVED: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
];

/// Whether `name` must be quoted: anything but a plain lower-case name (`[a-z_][a-z0-9_$]*`)
/// that is not a keyword.
pub fn needs_quotes(name: &str) -> bool {
    let bytes = name.as_bytes();
    let plain = bytes
        .first()
        .is_some_and(|&c| c.is_ascii_lowercase() || c == b'_')
        && bytes
            .iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'$');
    // RESERVED is sorted (checked by a test), so a binary search finds keywords.
    !plain || RESERVED.binary_search(&name).is_ok()
}

/// Quotes an identifier unless it is a plain lower-case name that is not a keyword.
pub fn quote_ident(name: &str) -> String {
    let mut out = String::new();
    push_ident(&mut out, name);
    out
}

/// Appends `name` to `out`, quoted as [`quote_ident`] would (without allocating a
/// `String` of its own).
pub fn push_ident(out: &mut String, name: &str) {
    if !needs_quotes(name) {
        out.push_str(name);
        return;
    }
    out.reserve(name.len() + 2);
    out.push('"');
    let mut rest = name;
    while let Some(i) = rest.find('"') {
        out.push_str(&rest[..=i]);
        out.push('"');
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

pub fn ident(name: &Ident) -> String {
    quote_ident(name.as_str())
}

/// `schema.name`, each part quoted as needed.
pub fn qualified(name: &QualifiedName) -> String {
    let (schema, name) = (name.schema.as_str(), name.name.as_str());
    let mut out = String::with_capacity(schema.len() + name.len() + 1);
    push_ident(&mut out, schema);
    out.push('.');
    push_ident(&mut out, name);
    out
}

/// A string literal; uses the E'' form only when a backslash requires it.
pub fn quote_literal(value: &str) -> String {
    let escaped = value.replace('\'', "''");
    if escaped.contains('\\') {
        format!("E'{}'", escaped.replace('\\', "\\\\"))
    } else {
        format!("'{escaped}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote_ident("users"), "users");
        assert_eq!(quote_ident("Users"), "\"Users\"");
        assert_eq!(quote_ident("user"), "\"user\"");
        assert_eq!(
            quote_ident("a\"; drop table b; --"),
            "\"a\"\"; drop table b; --\""
        );
        assert_eq!(quote_ident("1abc"), "\"1abc\"");
    }

    /// The former implementation: a linear scan of the keywords.
    fn quote_ident_reference(name: &str) -> String {
        let plain = !name.is_empty()
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$')
            && !RESERVED.contains(&name);
        if plain {
            name.to_string()
        } else {
            format!("\"{}\"", name.replace('"', "\"\""))
        }
    }

    #[test]
    fn reserved_words_are_sorted_and_unique() {
        assert!(
            RESERVED.windows(2).all(|w| w[0] < w[1]),
            "keep RESERVED sorted"
        );
    }

    #[test]
    fn same_results_as_a_linear_scan() {
        let mut names: Vec<String> = RESERVED.iter().map(|w| w.to_string()).collect();
        names.extend(RESERVED.iter().map(|w| w.to_uppercase()));
        names.extend(RESERVED.iter().map(|w| format!("{w}_")));
        names.extend(RESERVED.iter().map(|w| format!("_{w}")));
        names.extend(RESERVED.iter().map(|w| w[..w.len() - 1].to_string()));
        for n in [
            "", "a", "_", "$", "a$", "$a", "1", "a1", "1a", "users", "Users", "user", "a\"b", "\"",
            "\"\"", "a\"\"b\"", "é", "café", "a b", "a-b", "a.b", "zzz", "aaa", "xmltable",
            "xmltablf", "a\u{0}b",
        ] {
            names.push(n.to_string());
        }
        for n in &names {
            assert_eq!(quote_ident(n), quote_ident_reference(n), "{n:?}");
            let qn = QualifiedName::new(Ident::from_sql(n, true), Ident::from_sql("x\"y", true));
            assert_eq!(
                qualified(&qn),
                format!(
                    "{}.{}",
                    quote_ident_reference(qn.schema.as_str()),
                    quote_ident_reference(qn.name.as_str())
                )
            );
        }
    }

    #[test]
    fn literals_double_quotes_and_escape_backslashes() {
        assert_eq!(quote_literal("it's"), "'it''s'");
        assert_eq!(quote_literal("a\\b"), "E'a\\\\b'");
    }
}
