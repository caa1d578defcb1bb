//! A catalog as JSON: one array per object kind (the objects' serde form, `meta` left
//! out by the model), plus the normal form two catalogs are compared in.

use schemadiff_model::Catalog;
use serde_json::{Map, Value};

/// The JSON of each object an iterator yields. A macro, not a generic function, so this
/// crate needs no `serde` dependency of its own (`serde_json::to_value` names the trait).
/// The model's types serialize to plain data; a failure would be a model bug, and the
/// object then shows as `null` rather than aborting the whole report.
macro_rules! values {
    ($objects:expr) => {
        $objects
            .map(|o| serde_json::to_value(o).unwrap_or(Value::Null))
            .collect::<Vec<Value>>()
    };
}
pub(crate) use values;

/// The object kinds in catalog order, with their JSON values (sorted by identity, as the
/// catalog's maps are).
pub fn kinds(c: &Catalog) -> Vec<(&'static str, Vec<Value>)> {
    vec![
        ("schemas", values!(c.schemas.values())),
        ("extensions", values!(c.extensions.values())),
        ("collations", values!(c.collations.values())),
        ("types", values!(c.types.values())),
        ("sequences", values!(c.sequences.values())),
        ("tables", values!(c.tables.values())),
        ("indexes", values!(c.indexes.values())),
        ("views", values!(c.views.values())),
        ("functions", values!(c.functions.values())),
        ("triggers", values!(c.triggers.values())),
        ("policies", values!(c.policies.values())),
        ("grants", values!(c.grants.values())),
        ("comments", values!(c.comments.values())),
        ("statements", values!(c.statements.iter())),
    ]
}

/// `{"scope": [...], "schemas": [...], "tables": [...], ...}`.
pub fn catalog_json(c: &Catalog, scope: &[String]) -> Value {
    let mut out = Map::new();
    out.insert(
        "scope".to_string(),
        Value::Array(scope.iter().cloned().map(Value::String).collect()),
    );
    for (kind, objects) in kinds(c) {
        out.insert(kind.to_string(), Value::Array(objects));
    }
    Value::Object(out)
}

/// The form two catalogs' objects are compared in: the model's equality minus what it
/// deliberately does not compare across sources. Table columns are sorted by name
/// (column order is ignored everywhere), the `refs` of expressions dropped (the
/// planner's ordering hints: found by the parser in files, read from `pg_depend` on a
/// database) and so is `name_generated` (whether the file wrote the name: a database
/// stores only the name, so introspection always says false).
pub fn normalize(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("refs");
            map.remove("name_generated");
            if let Some(Value::Array(columns)) = map.get_mut("columns") {
                columns.sort_by_key(|c| c.get("name").map(Value::to_string));
            }
            map.values_mut().for_each(normalize);
        }
        Value::Array(items) => items.iter_mut().for_each(normalize),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_form_ignores_column_order_and_refs() {
        let mut a: Value = serde_json::json!({"columns": [{"name": "b"}, {"name": "a"}],
            "default": {"sql": "x", "refs": [1]}});
        let mut b: Value = serde_json::json!({"columns": [{"name": "a"}, {"name": "b"}],
            "default": {"sql": "x"}});
        normalize(&mut a);
        normalize(&mut b);
        assert_eq!(a, b);
    }
}
