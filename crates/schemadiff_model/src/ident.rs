//! Identifiers with PostgreSQL case folding, and schema-qualified names.

use serde::Serialize;
use smol_str::SmolStr;
use std::fmt;

/// PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes.
pub const MAX_IDENT_BYTES: usize = 63;

/// An identifier as PostgreSQL stores it: unquoted names folded to lower case,
/// quoted names kept verbatim, both truncated to 63 bytes.
///
/// A `SmolStr`: names up to 23 bytes (almost all of them) live inline without a heap
/// allocation, longer ones share one allocation between clones. Catalogs hold hundreds of
/// thousands of identifiers, many cloned into map keys, so this is most of their memory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct Ident(SmolStr);

impl Ident {
    /// An identifier from source text; `quoted` says whether it was written in double quotes.
    pub fn from_sql(raw: &str, quoted: bool) -> Ident {
        // PostgreSQL folds only ASCII letters (downcase_identifier); other bytes are kept.
        // Cut first, so the one allocation is the result.
        let cut = truncate_to_bytes(raw, MAX_IDENT_BYTES);
        if quoted || !cut.bytes().any(|b| b.is_ascii_uppercase()) {
            return Ident(SmolStr::new(cut));
        }
        Ident(SmolStr::from_iter(
            cut.chars().map(|c| c.to_ascii_lowercase()),
        ))
    }

    /// An identifier already in stored form (from the catalog or generated).
    pub fn new(stored: impl AsRef<str>) -> Ident {
        Ident(SmolStr::new(stored))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The stored text as a `SmolStr`, to share it without copying.
    pub fn as_smol_str(&self) -> &SmolStr {
        &self.0
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Ident {
    fn from(s: &str) -> Ident {
        Ident::new(s)
    }
}

/// Cuts `s` to at most `max` bytes without splitting a character (pg_mbcliplen).
pub fn truncate_to_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `schema.name` for relations, types, functions and other schema-scoped objects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct QualifiedName {
    pub schema: Ident,
    pub name: Ident,
}

impl QualifiedName {
    pub fn new(schema: impl Into<Ident>, name: impl Into<Ident>) -> QualifiedName {
        QualifiedName {
            schema: schema.into(),
            name: name.into(),
        }
    }
}

impl From<String> for Ident {
    fn from(s: String) -> Ident {
        Ident(SmolStr::from(s))
    }
}

/// Human-readable form for messages; SQL rendering quotes through `schemadiff_render`.
impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_names_fold_to_lower_case_quoted_keep_case() {
        assert_eq!(Ident::from_sql("Users", false).as_str(), "users");
        assert_eq!(Ident::from_sql("Users", true).as_str(), "Users");
        // Only ASCII folds, like PostgreSQL's downcase_identifier.
        assert_eq!(Ident::from_sql("ÉTÉ", false).as_str(), "ÉtÉ");
    }

    #[test]
    fn long_names_truncate_at_63_bytes_on_a_char_boundary() {
        let long = "a".repeat(70);
        assert_eq!(Ident::from_sql(&long, false).as_str().len(), 63);
        let multibyte = format!("{}é", "a".repeat(62)); // é is 2 bytes: 62 + 2 > 63
        assert_eq!(Ident::from_sql(&multibyte, true).as_str(), "a".repeat(62));
    }
}
