//! Fingerprints: sha256 (hex) of a canonical JSON serialization of catalog objects.
//!
//! Objects serialize without their bookkeeping (`meta` is serde-skipped), so a
//! fingerprint changes exactly when a definition does; table columns are sorted by name
//! because column order is never compared.

use schemadiff_model::{Catalog, ObjectId};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// sha256 hex of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// sha256 hex of a value's JSON (`serde_json` objects are sorted maps: deterministic).
pub fn of_value(v: &Value) -> String {
    sha256_hex(v.to_string().as_bytes())
}

fn value<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// The whole catalog as `(identity, definition)` pairs in identity order.
pub fn entries(c: &Catalog) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut push = |id: ObjectId, v: Value| out.push((id.to_string(), v));
    for s in c.schemas.values() {
        push(
            ObjectId::Schema {
                name: s.name.clone(),
            },
            value(s),
        );
    }
    for e in c.extensions.values() {
        push(
            ObjectId::Extension {
                name: e.name.clone(),
            },
            value(e),
        );
    }
    for co in c.collations.values() {
        push(
            ObjectId::Collation {
                name: co.name.clone(),
            },
            value(co),
        );
    }
    for t in c.types.values() {
        push(
            ObjectId::Type {
                name: t.name.clone(),
            },
            value(t),
        );
    }
    for s in c.sequences.values() {
        push(
            ObjectId::Sequence {
                name: s.name.clone(),
            },
            value(s),
        );
    }
    for t in c.tables.values() {
        push(ObjectId::table(t.name.clone()), table_value(t));
    }
    for i in c.indexes.values() {
        push(
            ObjectId::Index {
                name: i.name.clone(),
            },
            value(i),
        );
    }
    for v in c.views.values() {
        push(ObjectId::view(v.name.clone(), v.materialized), value(v));
    }
    for (id, f) in &c.functions {
        push(id.clone(), value(f));
    }
    for ((table, name), t) in &c.triggers {
        let id = ObjectId::Trigger {
            table: table.clone(),
            name: name.clone(),
        };
        push(id, value(t));
    }
    for ((table, name), p) in &c.policies {
        let id = ObjectId::Policy {
            table: table.clone(),
            name: name.clone(),
        };
        push(id, value(p));
    }
    for ((on, grantee), g) in &c.grants {
        let id = ObjectId::Grant {
            on: Box::new(on.clone()),
            grantee: grantee.clone(),
        };
        push(id, value(g));
    }
    for (on, comment) in &c.comments {
        push(
            ObjectId::Comment {
                on: Box::new(on.clone()),
            },
            value(comment),
        );
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// One fingerprint for a whole catalog (statements kept verbatim included, by text).
pub fn of_catalog(c: &Catalog) -> String {
    let mut all: Vec<Value> = entries(c)
        .into_iter()
        .map(|(id, v)| Value::Array(vec![Value::String(id), v]))
        .collect();
    all.extend(c.statements.iter().map(|s| Value::String(s.sql.clone())));
    of_value(&Value::Array(all))
}

fn table_value(t: &schemadiff_model::Table) -> Value {
    let mut v = value(t);
    if let Some(Value::Array(cols)) = v.get_mut("columns") {
        cols.sort_by(|a, b| a["name"].to_string().cmp(&b["name"].to_string()));
    }
    v
}

/// The definition of one object in `c`, if it exists there.
pub fn lookup(c: &Catalog, id: &ObjectId) -> Option<Value> {
    Some(match id {
        ObjectId::Schema { name } => value(c.schemas.get(name)?),
        ObjectId::Extension { name } => value(c.extensions.get(name)?),
        ObjectId::Collation { name } => value(c.collations.get(name)?),
        ObjectId::Type { name } => value(c.types.get(name)?),
        ObjectId::Sequence { name } => value(c.sequences.get(name)?),
        ObjectId::Relation { name, .. } => match c.tables.get(name) {
            Some(t) => table_value(t),
            None => value(c.views.get(name)?),
        },
        ObjectId::Column { table, column } => value(c.tables.get(table)?.column(column)?),
        ObjectId::Constraint { table, name } => value(c.tables.get(table)?.constraints.get(name)?),
        ObjectId::Index { name } => value(c.indexes.get(name)?),
        ObjectId::Function { .. } => value(c.functions.get(id)?),
        ObjectId::Trigger { table, name } => value(c.triggers.get(&(table.clone(), name.clone()))?),
        ObjectId::Policy { table, name } => value(c.policies.get(&(table.clone(), name.clone()))?),
        ObjectId::Grant { on, grantee } => {
            value(c.grants.get(&(on.as_ref().clone(), grantee.clone()))?)
        }
        ObjectId::Comment { on } => value(c.comments.get(on.as_ref())?),
        ObjectId::Statement { .. } => return None,
    })
}

/// The object an attached object lives on (a column's table, an index's table...).
pub fn parent(c: &Catalog, id: &ObjectId) -> Option<ObjectId> {
    match id {
        ObjectId::Column { table, .. }
        | ObjectId::Constraint { table, .. }
        | ObjectId::Trigger { table, .. }
        | ObjectId::Policy { table, .. } => c.relation_id(table),
        ObjectId::Index { name } => c.indexes.get(name).and_then(|i| c.relation_id(&i.table)),
        ObjectId::Grant { on, .. } | ObjectId::Comment { on } => Some(on.as_ref().clone()),
        _ => None,
    }
}
