//! DROP and RENAME statements: objects named, never CASCADE (the plan drops dependents
//! itself, so an unexpected dependent fails the step instead of vanishing silently).

use super::names::{id, qn};
use schemadiff_model::{Ident, QualifiedName};

pub fn drop_schema(name: &Ident) -> String {
    format!("DROP SCHEMA {}", id(name))
}

pub fn drop_extension(name: &Ident) -> String {
    format!("DROP EXTENSION {}", id(name))
}

pub fn drop_type(name: &QualifiedName) -> String {
    format!("DROP TYPE {}", qn(name))
}

pub fn drop_sequence(name: &QualifiedName) -> String {
    format!("DROP SEQUENCE {}", qn(name))
}

pub fn drop_table(name: &QualifiedName) -> String {
    format!("DROP TABLE {}", qn(name))
}

pub fn drop_index(name: &QualifiedName) -> String {
    format!("DROP INDEX {}", qn(name))
}

pub fn drop_view(name: &QualifiedName, materialized: bool) -> String {
    let kind = if materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    };
    format!("DROP {kind} {}", qn(name))
}

/// `args` is the canonical argument type list, already SQL.
pub fn drop_function(procedure: bool, name: &QualifiedName, args: &str) -> String {
    let kind = if procedure { "PROCEDURE" } else { "FUNCTION" };
    format!("DROP {kind} {}({args})", qn(name))
}

pub fn drop_trigger(table: &QualifiedName, name: &Ident) -> String {
    format!("DROP TRIGGER {} ON {}", id(name), qn(table))
}

pub fn drop_policy(table: &QualifiedName, name: &Ident) -> String {
    format!("DROP POLICY {} ON {}", id(name), qn(table))
}

pub fn rename_table(from: &QualifiedName, to: &Ident) -> String {
    format!("ALTER TABLE {} RENAME TO {}", qn(from), id(to))
}

pub fn rename_index(from: &QualifiedName, to: &Ident) -> String {
    format!("ALTER INDEX {} RENAME TO {}", qn(from), id(to))
}

pub fn rename_type(from: &QualifiedName, to: &Ident) -> String {
    format!("ALTER TYPE {} RENAME TO {}", qn(from), id(to))
}
