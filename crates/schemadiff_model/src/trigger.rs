//! Triggers on tables and views.

use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use crate::object_id::ObjectId;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trigger {
    pub table: QualifiedName,
    pub name: Ident,
    /// The function it executes.
    pub function: ObjectId,
    /// The whole `CREATE TRIGGER` statement as the files have it.
    pub definition: String,
    #[serde(skip)]
    pub meta: ObjectMeta,
}
