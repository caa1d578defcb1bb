//! CREATE TYPE (enum, composite) and CREATE DOMAIN.

use super::names::{id, literal, qn, type_sql};
use schemadiff_model::{TypeDef, UserType};

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
