//! SQL expressions kept as text, with the objects they reference.

use crate::object_id::ObjectRef;
use serde::Serialize;
use std::collections::BTreeSet;

/// An expression (default, check, index key, predicate, policy qual) as SQL text.
/// Static mode holds the files' text; canonical mode holds PostgreSQL's deparse.
/// `refs` are the objects the text mentions (functions, sequences, types, relations),
/// found by the parser or read from `pg_depend`; the planner orders by them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Expr {
    pub sql: String,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub refs: BTreeSet<ObjectRef>,
}

impl Expr {
    pub fn new(sql: impl Into<String>) -> Expr {
        Expr {
            sql: sql.into(),
            refs: BTreeSet::new(),
        }
    }
}
