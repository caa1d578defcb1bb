//! Where an object came from (file span or live OID) and which domain owns it.

use crate::ident::Ident;
use serde::Serialize;
use smol_str::SmolStr;
use std::sync::Arc;

/// A byte span in one source file, with the 1-based line and column of its start.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceSpan {
    pub file: Arc<str>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Declared in a schema file.
    File(SourceSpan),
    /// Read from a live database.
    Live { oid: u32 },
    /// Implied by another object (a serial column's sequence, a generated index).
    #[default]
    Implied,
}

impl Origin {
    pub fn span(&self) -> Option<&SourceSpan> {
        match self {
            Origin::File(span) => Some(span),
            _ => None,
        }
    }
}

/// Bookkeeping every object carries; never part of the comparison: any two metas are
/// equal, so a derived `PartialEq` on an object compares its definition only (a live
/// object and its declaration in a file are equal when PostgreSQL would store them alike).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ObjectMeta {
    /// The domain folder the object was declared in (empty for live objects). Inline
    /// (no allocation) for names up to 23 bytes: every column carries one.
    pub domain: SmolStr,
    pub origin: Origin,
    /// Set by a `-- schemadiff:renamed-from <old>` comment on the declaration.
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Boxed: rare, and every object pays for the field.
    pub renamed_from: Option<Box<Ident>>,
}

impl ObjectMeta {
    pub fn in_file(domain: &str, span: SourceSpan) -> ObjectMeta {
        ObjectMeta {
            domain: SmolStr::new(domain),
            origin: Origin::File(span),
            renamed_from: None,
        }
    }
}

impl PartialEq for ObjectMeta {
    fn eq(&self, _other: &ObjectMeta) -> bool {
        true
    }
}

impl Eq for ObjectMeta {}
