//! Statements kept verbatim because the parser does not understand them.

use crate::ident::QualifiedName;
use crate::meta::ObjectMeta;
use crate::object_id::ObjectRef;
use serde::Serialize;
use std::collections::BTreeSet;

/// Valid PostgreSQL the SQL parser could not read (`ALTER SEQUENCE ... OWNED BY`,
/// `CREATE MATERIALIZED VIEW ... WITH NO DATA`, ...). It is executed as written,
/// after the objects it mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerbatimStatement {
    /// Position in load order; also its identity.
    pub index: usize,
    /// The leading keywords, e.g. `ALTER SEQUENCE`.
    pub summary: String,
    pub sql: String,
    /// The object it creates, when it is a `CREATE ... name` statement: whatever
    /// mentions that name runs after it.
    pub creates: Option<QualifiedName>,
    /// Names it mentions; it runs after whichever of them the catalog defines.
    pub mentions: BTreeSet<ObjectRef>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
