//! Statements kept verbatim because the parser does not understand them.

use crate::meta::ObjectMeta;
use crate::object_id::ObjectId;
use serde::Serialize;

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
    /// Objects it creates (best effort, from its leading keywords).
    pub creates: Option<ObjectId>,
    /// Objects of the catalog it mentions, so it runs after them.
    pub mentions: Vec<ObjectId>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
