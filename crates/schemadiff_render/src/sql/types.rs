//! CREATE TYPE (enum, composite) and CREATE DOMAIN.

use super::names::{id, literal, qn, type_sql};
use schemadiff_model::{CompositeAttribute, Ident, QualifiedName, TypeDef, UserType};
use schemadiff_plan::DomainChange;
use schemadiff_plan::EnumPosition;

pub fn create_type(t: &UserType) -> String {
    match &t.def {
        TypeDef::Enum { labels } => {
            format!(
                "CREATE TYPE {} AS ENUM ({})",
                qn(&t.name),
                labels
                    .iter()
                    .map(|l| literal(l))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        TypeDef::Composite { attributes } => {
            let attrs = attributes
                .iter()
                .map(|a| {
                    let coll = a
                        .collation
                        .as_ref()
                        .map(|c| format!(" COLLATE {}", qn(c)))
                        .unwrap_or_default();
                    format!("{} {}{coll}", id(&a.name), type_sql(&a.ty))
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!("CREATE TYPE {} AS ({attrs})", qn(&t.name))
        }
        TypeDef::Domain {
            base,
            default,
            not_null,
            collation,
            checks,
        } => {
            let mut out = format!("CREATE DOMAIN {} AS {}", qn(&t.name), type_sql(base));
            if let Some(c) = collation {
                out.push_str(&format!(" COLLATE {}", qn(c)));
            }
            if let Some(d) = default {
                out.push_str(&format!(" DEFAULT {}", d.sql));
            }
            if *not_null {
                out.push_str(" NOT NULL");
            }
            for (name, e) in checks {
                out.push_str(&format!(" CONSTRAINT {} CHECK ({})", id(name), e.sql));
            }
            out
        }
    }
}

pub fn add_enum_value(ty: &QualifiedName, value: &str, position: &EnumPosition) -> String {
    let mut out = format!("ALTER TYPE {} ADD VALUE {}", qn(ty), literal(value));
    match position {
        EnumPosition::Last => {}
        EnumPosition::Before(v) => out.push_str(&format!(" BEFORE {}", literal(v))),
        EnumPosition::After(v) => out.push_str(&format!(" AFTER {}", literal(v))),
    }
    out
}

/// Attributes dropped, added and retyped, in one `ALTER TYPE` (actions comma-separated).
pub fn alter_composite(
    name: &QualifiedName,
    drop: &[Ident],
    add: &[CompositeAttribute],
    alter: &[CompositeAttribute],
) -> String {
    let mut actions: Vec<String> = drop
        .iter()
        .map(|a| format!("DROP ATTRIBUTE {}", id(a)))
        .collect();
    for a in add {
        let mut s = format!("ADD ATTRIBUTE {} {}", id(&a.name), type_sql(&a.ty));
        if let Some(c) = &a.collation {
            s.push_str(&format!(" COLLATE {}", qn(c)));
        }
        actions.push(s);
    }
    for a in alter {
        let mut s = format!("ALTER ATTRIBUTE {} TYPE {}", id(&a.name), type_sql(&a.ty));
        if let Some(c) = &a.collation {
            s.push_str(&format!(" COLLATE {}", qn(c)));
        }
        actions.push(s);
    }
    format!("ALTER TYPE {} {}", qn(name), actions.join(", "))
}

pub fn alter_domain(name: &QualifiedName, change: &DomainChange) -> String {
    let head = format!("ALTER DOMAIN {}", qn(name));
    match change {
        DomainChange::SetDefault(e) => format!("{head} SET DEFAULT {}", e.sql),
        DomainChange::DropDefault => format!("{head} DROP DEFAULT"),
        DomainChange::SetNotNull => format!("{head} SET NOT NULL"),
        DomainChange::DropNotNull => format!("{head} DROP NOT NULL"),
        DomainChange::AddCheck { name, expr } => {
            format!("{head} ADD CONSTRAINT {} CHECK ({})", id(name), expr.sql)
        }
        DomainChange::DropCheck { name } => format!("{head} DROP CONSTRAINT {}", id(name)),
    }
}
