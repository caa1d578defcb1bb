//! Indexes: unique, partial, expression, method, opclass, INCLUDE, WITH.

use crate::expr::Expr;
use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Index {
    /// Indexes live in their table's schema.
    pub name: QualifiedName,
    pub name_generated: bool,
    pub table: QualifiedName,
    pub unique: bool,
    pub nulls_not_distinct: bool,
    /// Access method, lower case: `btree`, `gin`, `gist`, `hash`, `brin`, `ivfflat`...
    pub method: String,
    pub keys: Vec<IndexKey>,
    pub include: Vec<Ident>,
    pub predicate: Option<Expr>,
    /// Storage parameters from `WITH (...)`, as `name=value`.
    pub with: Vec<String>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexKey {
    pub target: IndexTarget,
    pub collation: Option<QualifiedName>,
    pub opclass: Option<String>,
    pub descending: bool,
    /// `Some(true)` for NULLS FIRST, `Some(false)` for NULLS LAST, `None` for the default.
    pub nulls_first: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexTarget {
    Column(Ident),
    Expression(Expr),
}
