//! User-defined types: enums, composites and domains.

use crate::expr::Expr;
use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use crate::types::TypeName;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserType {
    pub name: QualifiedName,
    pub def: TypeDef,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TypeDef {
    Enum {
        labels: Vec<String>,
    },
    Composite {
        attributes: Vec<CompositeAttribute>,
    },
    Domain {
        base: TypeName,
        default: Option<Expr>,
        not_null: bool,
        collation: Option<QualifiedName>,
        /// Named checks; unnamed ones get the names PostgreSQL gives them (`<domain>_check`,
        /// `<domain>_check1`, ...).
        checks: Vec<(Ident, Expr)>,
    },
}

impl TypeDef {
    pub fn label(&self) -> &'static str {
        match self {
            TypeDef::Enum { .. } => "enum",
            TypeDef::Composite { .. } => "composite",
            TypeDef::Domain { .. } => "domain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompositeAttribute {
    pub name: Ident,
    pub ty: TypeName,
    pub collation: Option<QualifiedName>,
}
