//! The identity of every object: `(kind, schema, name[, signature or parent])`.

use crate::ident::{Ident, QualifiedName};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    Schema,
    Extension,
    Collation,
    Type,
    Sequence,
    Table,
    Column,
    Constraint,
    Index,
    View,
    MaterializedView,
    Function,
    Procedure,
    Trigger,
    Policy,
    Grant,
    Comment,
    Statement,
}

impl ObjectKind {
    pub fn label(self) -> &'static str {
        match self {
            ObjectKind::Schema => "schema",
            ObjectKind::Extension => "extension",
            ObjectKind::Collation => "collation",
            ObjectKind::Type => "type",
            ObjectKind::Sequence => "sequence",
            ObjectKind::Table => "table",
            ObjectKind::Column => "column",
            ObjectKind::Constraint => "constraint",
            ObjectKind::Index => "index",
            ObjectKind::View => "view",
            ObjectKind::MaterializedView => "materialized view",
            ObjectKind::Function => "function",
            ObjectKind::Procedure => "procedure",
            ObjectKind::Trigger => "trigger",
            ObjectKind::Policy => "policy",
            ObjectKind::Grant => "grant",
            ObjectKind::Comment => "comment",
            ObjectKind::Statement => "statement",
        }
    }
}

impl fmt::Display for ObjectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A reference to one object. Ordered, so maps keyed by it iterate deterministically.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "object", rename_all = "snake_case")]
pub enum ObjectId {
    Schema {
        name: Ident,
    },
    Extension {
        name: Ident,
    },
    Collation {
        name: QualifiedName,
    },
    Type {
        name: QualifiedName,
    },
    Sequence {
        name: QualifiedName,
    },
    /// Tables, views and materialized views share PostgreSQL's relation namespace;
    /// a reference found in SQL text (`FROM x`) may be any of them.
    Relation {
        kind: ObjectKind,
        name: QualifiedName,
    },
    Column {
        table: QualifiedName,
        column: Ident,
    },
    Constraint {
        table: QualifiedName,
        name: Ident,
    },
    Index {
        name: QualifiedName,
    },
    /// `args` is the canonical argument type list, e.g. `integer, text`.
    Function {
        kind: ObjectKind,
        name: QualifiedName,
        args: String,
    },
    Trigger {
        table: QualifiedName,
        name: Ident,
    },
    Policy {
        table: QualifiedName,
        name: Ident,
    },
    /// A grant is identified by what it is on and to whom.
    Grant {
        on: Box<ObjectId>,
        grantee: Ident,
    },
    Comment {
        on: Box<ObjectId>,
    },
    /// A statement kept verbatim (not understood by the parser), identified by its text
    /// (so file names and order do not change plans) and its position in load order.
    Statement {
        sql: String,
        index: usize,
    },
}

impl ObjectId {
    pub fn table(name: QualifiedName) -> ObjectId {
        ObjectId::Relation {
            kind: ObjectKind::Table,
            name,
        }
    }

    pub fn view(name: QualifiedName, materialized: bool) -> ObjectId {
        let kind = if materialized {
            ObjectKind::MaterializedView
        } else {
            ObjectKind::View
        };
        ObjectId::Relation { kind, name }
    }

    pub fn kind(&self) -> ObjectKind {
        match self {
            ObjectId::Schema { .. } => ObjectKind::Schema,
            ObjectId::Extension { .. } => ObjectKind::Extension,
            ObjectId::Collation { .. } => ObjectKind::Collation,
            ObjectId::Type { .. } => ObjectKind::Type,
            ObjectId::Sequence { .. } => ObjectKind::Sequence,
            ObjectId::Relation { kind, .. } => *kind,
            ObjectId::Column { .. } => ObjectKind::Column,
            ObjectId::Constraint { .. } => ObjectKind::Constraint,
            ObjectId::Index { .. } => ObjectKind::Index,
            ObjectId::Function { kind, .. } => *kind,
            ObjectId::Trigger { .. } => ObjectKind::Trigger,
            ObjectId::Policy { .. } => ObjectKind::Policy,
            ObjectId::Grant { .. } => ObjectKind::Grant,
            ObjectId::Comment { .. } => ObjectKind::Comment,
            ObjectId::Statement { .. } => ObjectKind::Statement,
        }
    }

    /// The schema the object lives in, if it is schema-scoped.
    pub fn schema(&self) -> Option<&Ident> {
        match self {
            ObjectId::Schema { name } => Some(name),
            ObjectId::Extension { .. } | ObjectId::Statement { .. } => None,
            ObjectId::Collation { name }
            | ObjectId::Type { name }
            | ObjectId::Sequence { name }
            | ObjectId::Relation { name, .. }
            | ObjectId::Index { name }
            | ObjectId::Function { name, .. } => Some(&name.schema),
            ObjectId::Column { table, .. }
            | ObjectId::Constraint { table, .. }
            | ObjectId::Trigger { table, .. }
            | ObjectId::Policy { table, .. } => Some(&table.schema),
            ObjectId::Grant { on, .. } | ObjectId::Comment { on } => on.schema(),
        }
    }
}

/// `table core.users`, `constraint users_pkey on core.users`, `function f(integer)`.
impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind();
        match self {
            ObjectId::Schema { name } | ObjectId::Extension { name } => write!(f, "{kind} {name}"),
            ObjectId::Collation { name }
            | ObjectId::Type { name }
            | ObjectId::Sequence { name }
            | ObjectId::Index { name } => {
                write!(f, "{kind} {name}")
            }
            ObjectId::Relation { name, .. } => write!(f, "{kind} {name}"),
            ObjectId::Column { table, column } => write!(f, "column {table}.{column}"),
            ObjectId::Constraint { table, name }
            | ObjectId::Trigger { table, name }
            | ObjectId::Policy { table, name } => write!(f, "{kind} {name} on {table}"),
            ObjectId::Function { name, args, .. } => write!(f, "{kind} {name}({args})"),
            ObjectId::Grant { on, grantee } => write!(f, "grant on {on} to {grantee}"),
            ObjectId::Comment { on } => write!(f, "comment on {on}"),
            ObjectId::Statement { sql, .. } => {
                let head: String = sql
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(60)
                    .collect();
                write!(f, "statement `{head}`")
            }
        }
    }
}

/// What kind of object a name found in SQL text may denote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A table, view or materialized view (`FROM x`, `REFERENCES x`).
    Relation,
    /// A function or procedure call, whatever its arguments.
    Function,
    /// `nextval('s')` and friends.
    Sequence,
    /// A cast or a column type.
    Type,
    /// A qualified name in procedural code: any object of that name.
    Any,
}

/// A name mentioned in SQL text (a default, a check, a view, a function body),
/// qualified with the schema it resolves to. Resolved by name, not signature, because
/// text does not say which overload it calls; names of objects outside the
/// catalog (built-ins) simply match nothing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ObjectRef {
    pub kind: RefKind,
    pub name: QualifiedName,
}
