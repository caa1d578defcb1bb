//! The checked-in known failures (`tests/corpus/known-failures/converge.txt`): lines
//! `<peer>/<case> — <reason>`, `#` comments. Enforced both ways: a listed case that
//! converges fails the harness (remove it), an unlisted failing case fails it too.

use std::collections::BTreeMap;
use std::path::Path;

/// Case id -> reason.
pub fn read(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, reason) = line
            .split_once(" — ")
            .or_else(|| line.split_once(" -- "))
            .ok_or_else(|| {
                format!(
                    "{}:{}: expected `<peer>/<case> — <reason>`",
                    path.display(),
                    n + 1
                )
            })?;
        if reason.trim().is_empty() {
            return Err(format!(
                "{}:{}: a known failure needs a reason",
                path.display(),
                n + 1
            ));
        }
        if out
            .insert(id.trim().to_string(), reason.trim().to_string())
            .is_some()
        {
            return Err(format!(
                "{}:{}: {id} is listed twice",
                path.display(),
                n + 1
            ));
        }
    }
    Ok(out)
}
