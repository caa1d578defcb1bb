//! Reads one case folder: `case.json` plus which optional files exist.

use super::Case;
use serde_json::Value;
use std::path::Path;

pub(super) fn read(dir: &Path) -> Result<Case, String> {
    let path = dir.join("case.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("case folder name is not UTF-8: {}", dir.display()))?;
    // The peer is the parent folder; case.json's `peer` says the same but the folder
    // is what ids are built from.
    let peer = dir
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("case folder has no peer folder: {}", dir.display()))?;
    Ok(Case {
        peer: peer.to_owned(),
        name: name.to_owned(),
        dir: dir.to_path_buf(),
        topic: string(&json, "topic"),
        roles: strings(&json, "roles"),
        login_roles: strings(&json, "login_roles"),
        run_as: string(&json, "run_as"),
        search_path: string(&json, "search_path"),
        min_version: string(&json, "min_version"),
        has_setup: dir.join("setup.sql").is_file(),
        has_from_loadable: dir.join("from.loadable.sql").is_file(),
        has_to_loadable: dir.join("to.loadable.sql").is_file(),
    })
}

fn string(json: &Value, key: &str) -> Option<String> {
    json.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn strings(json: &Value, key: &str) -> Vec<String> {
    json.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
