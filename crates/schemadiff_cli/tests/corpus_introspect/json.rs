//! `schemadiff inspect --format json` output: running it, the normal form two catalogs are
//! compared in (column order ignored), and a readable account of a difference.

use serde_json::Value;
use std::collections::BTreeSet;

/// Parses inspect's JSON output.
pub fn parse(stdout: &str) -> Result<Value, String> {
    serde_json::from_str(stdout).map_err(|e| format!("inspect printed no JSON ({e}):\n{stdout}"))
}

/// The `scope` list (the schemas the catalog was read for).
pub fn scope(v: &Value) -> Vec<String> {
    v.get("scope")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Sorts every `columns` list by name: column order is not part of a schema's identity
/// (a column added by ALTER TABLE lands last in one database and in place in another).
pub fn normalize(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(columns)) = map.get_mut("columns") {
                columns.sort_by_key(|c| c.get("name").map(Value::to_string));
            }
            map.values_mut().for_each(normalize);
        }
        Value::Array(items) => items.iter_mut().for_each(normalize),
        _ => {}
    }
}

/// Per kind, the objects only one side has (one compact JSON line each); empty when equal.
pub fn difference(live: &Value, canonical: &Value) -> String {
    let mut out = String::new();
    let (Some(l), Some(c)) = (live.as_object(), canonical.as_object()) else {
        return "not JSON objects".to_owned();
    };
    let kinds: BTreeSet<&String> = l.keys().chain(c.keys()).collect();
    for kind in kinds {
        let lines = |v: Option<&Value>| -> BTreeSet<String> {
            match v {
                Some(Value::Array(items)) => items.iter().map(Value::to_string).collect(),
                Some(other) => BTreeSet::from([other.to_string()]),
                None => BTreeSet::new(),
            }
        };
        let (a, b) = (lines(l.get(kind)), lines(c.get(kind)));
        for x in a.difference(&b) {
            out.push_str(&format!("  {kind} - live:      {x}\n"));
        }
        for x in b.difference(&a) {
            out.push_str(&format!("  {kind} + canonical: {x}\n"));
        }
    }
    out
}
