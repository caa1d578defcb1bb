//! GRANT and COMMENT ON, which both name an object by its kind.

use super::names::{id, literal, qn};
use super::policy::role;
use schemadiff_model::{Comment, Grant, ObjectId, ObjectKind};

pub fn grant(g: &Grant) -> String {
    let privs = g.privileges.iter().cloned().collect::<Vec<_>>().join(", ");
    let option = if g.with_grant_option {
        " WITH GRANT OPTION"
    } else {
        ""
    };
    format!(
        "GRANT {privs} ON {} TO {}{option}",
        grant_target(&g.on),
        role(&g.grantee)
    )
}

/// GRANT names objects as COMMENT does, except that every relation (table, view,
/// materialized view) is a `TABLE`.
fn grant_target(on: &ObjectId) -> String {
    match on {
        ObjectId::Sequence { .. }
        | ObjectId::Schema { .. }
        | ObjectId::Function { .. }
        | ObjectId::Type { .. } => comment_target(on),
        other => format!("TABLE {}", object_name(other)),
    }
}

pub fn comment(c: &Comment) -> String {
    format!(
        "COMMENT ON {} IS {}",
        comment_target(&c.on),
        literal(&c.text)
    )
}

fn comment_target(on: &ObjectId) -> String {
    match on {
        ObjectId::Schema { name } => format!("SCHEMA {}", id(name)),
        ObjectId::Extension { name } => format!("EXTENSION {}", id(name)),
        ObjectId::Type { name } => format!("TYPE {}", qn(name)),
        ObjectId::Sequence { name } => format!("SEQUENCE {}", qn(name)),
        ObjectId::Relation {
            kind: ObjectKind::View,
            name,
        } => format!("VIEW {}", qn(name)),
        ObjectId::Relation {
            kind: ObjectKind::MaterializedView,
            name,
        } => format!("MATERIALIZED VIEW {}", qn(name)),
        ObjectId::Relation { name, .. } => format!("TABLE {}", qn(name)),
        ObjectId::Column { table, column } => format!("COLUMN {}.{}", qn(table), id(column)),
        ObjectId::Constraint { table, name } => format!("CONSTRAINT {} ON {}", id(name), qn(table)),
        ObjectId::Index { name } => format!("INDEX {}", qn(name)),
        ObjectId::Function { kind, name, args } => {
            let word = if *kind == ObjectKind::Procedure {
                "PROCEDURE"
            } else {
                "FUNCTION"
            };
            format!("{word} {}({args})", qn(name))
        }
        ObjectId::Trigger { table, name } => format!("TRIGGER {} ON {}", id(name), qn(table)),
        ObjectId::Policy { table, name } => format!("POLICY {} ON {}", id(name), qn(table)),
        other => object_name(other),
    }
}

fn object_name(on: &ObjectId) -> String {
    match on {
        ObjectId::Relation { name, .. }
        | ObjectId::Index { name }
        | ObjectId::Sequence { name }
        | ObjectId::Type { name } => qn(name),
        other => other.to_string(),
    }
}

pub fn revoke(g: &Grant) -> String {
    let privs = g.privileges.iter().cloned().collect::<Vec<_>>().join(", ");
    format!(
        "REVOKE {privs} ON {} FROM {}",
        grant_target(&g.on),
        role(&g.grantee)
    )
}

pub fn remove_comment(on: &ObjectId) -> String {
    format!("COMMENT ON {} IS NULL", comment_target(on))
}
