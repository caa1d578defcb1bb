//! Row-level security policies.

use crate::expr::Expr;
use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    pub table: QualifiedName,
    pub name: Ident,
    pub permissive: bool,
    /// `all`, `select`, `insert`, `update` or `delete`.
    pub command: String,
    /// Role names; `public` when none were given.
    pub roles: Vec<Ident>,
    pub using: Option<Expr>,
    pub with_check: Option<Expr>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
