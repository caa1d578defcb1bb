//! Sequences, including those owned by serial and identity columns.

use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use crate::types::TypeName;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sequence {
    pub name: QualifiedName,
    pub data_type: Option<TypeName>,
    pub increment: Option<i64>,
    pub min_value: Option<i64>,
    pub max_value: Option<i64>,
    pub start: Option<i64>,
    pub cache: Option<i64>,
    pub cycle: bool,
    /// `OWNED BY table.column`: dropped with the column.
    pub owned_by: Option<(QualifiedName, Ident)>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

impl Sequence {
    pub fn new(name: QualifiedName, meta: ObjectMeta) -> Sequence {
        Sequence {
            name,
            data_type: None,
            increment: None,
            min_value: None,
            max_value: None,
            start: None,
            cache: None,
            cycle: false,
            owned_by: None,
            meta,
        }
    }
}
