//! CREATE SCHEMA and CREATE EXTENSION.

use super::names::{id, literal};
use schemadiff_model::{Extension, Ident, Schema};

pub fn create_schema(s: &Schema) -> String {
    match &s.authorization {
        Some(role) => format!("CREATE SCHEMA {} AUTHORIZATION {}", id(&s.name), id(role)),
        None => format!("CREATE SCHEMA {}", id(&s.name)),
    }
}

/// IF NOT EXISTS: extensions are often pre-installed by the platform (plpgsql, postgis images).
pub fn create_extension(e: &Extension) -> String {
    let mut out = format!("CREATE EXTENSION IF NOT EXISTS {}", id(&e.name));
    if let Some(s) = &e.schema {
        out.push_str(&format!(" WITH SCHEMA {}", id(s)));
    }
    if let Some(v) = &e.version {
        out.push_str(&format!(" VERSION {}", literal(v)));
    }
    out
}

/// `ALTER EXTENSION ... UPDATE [TO version]`.
pub fn alter_extension(name: &Ident, version: Option<&str>) -> String {
    match version {
        Some(v) => format!("ALTER EXTENSION {} UPDATE TO {}", id(name), literal(v)),
        None => format!("ALTER EXTENSION {} UPDATE", id(name)),
    }
}
