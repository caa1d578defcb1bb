//! Functions and procedures, identified by name and argument types.

use crate::ident::{Ident, QualifiedName};
use crate::meta::ObjectMeta;
use crate::object_id::{ObjectId, ObjectRef};
use crate::types::TypeName;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Function {
    pub name: QualifiedName,
    pub procedure: bool,
    pub args: Vec<FunctionArg>,
    /// Return type as SQL text (`trigger`, `SETOF core.users`, `TABLE (...)`); none for procedures.
    pub returns: Option<String>,
    pub language: String,
    /// The body (dollar-quoted text or `BEGIN ATOMIC` block) as written.
    pub body: String,
    /// Attributes as written, upper case: `STABLE`, `STRICT`, `SECURITY DEFINER`, ...
    pub attributes: Vec<String>,
    /// The whole `CREATE FUNCTION` statement as the files have it.
    pub definition: String,
    /// Relations, functions, types and sequences the body mentions (best effort).
    pub refs: BTreeSet<ObjectRef>,
    #[serde(skip)]
    pub meta: ObjectMeta,
}

impl Function {
    /// Argument types that identify the function (IN, INOUT and VARIADIC only).
    pub fn signature(&self) -> String {
        self.args
            .iter()
            .filter(|a| a.mode != ArgMode::Out && a.mode != ArgMode::Table)
            .map(|a| a.ty.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn id(&self) -> ObjectId {
        let kind = if self.procedure {
            crate::object_id::ObjectKind::Procedure
        } else {
            crate::object_id::ObjectKind::Function
        };
        ObjectId::Function {
            kind,
            name: self.name.clone(),
            args: self.signature(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgMode {
    In,
    Out,
    InOut,
    Variadic,
    Table,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionArg {
    pub mode: ArgMode,
    pub name: Option<Ident>,
    pub ty: TypeName,
    pub default: Option<String>,
}
