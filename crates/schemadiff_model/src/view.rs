//! Views and materialized views, compared by their query text.

use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use crate::object_id::ObjectRef;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct View {
    pub name: QualifiedName,
    pub materialized: bool,
    /// Explicit column names `CREATE VIEW v (a, b)`, if written.
    pub columns: Vec<Ident>,
    /// The query after `AS`, as SQL text.
    pub query: String,
    /// `WITH (security_barrier, ...)` options as `name=value`.
    pub options: Vec<String>,
    /// `WITH [CASCADED|LOCAL] CHECK OPTION`, lower case.
    pub check_option: Option<String>,
    /// Materialized views only: `WITH NO DATA` makes this false.
    pub with_data: bool,
    /// Relations, functions and types the query mentions.
    pub refs: BTreeSet<ObjectRef>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
