//! The independent convergence oracle: `tools/schema_fingerprint.py` (reads pg_catalog
//! itself, shares no code with schemadiff) comparing two databases.

use super::repo_root;
use std::process::Command;

/// What the oracle said about two databases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    Equal,
    /// The unified diff of the two fingerprints (`-` first database, `+` second).
    Differ(String),
}

/// `python3 tools/schema_fingerprint.py --ignore-column-order --compare B A`:
/// `Equal` on exit 0, `Differ(diff)` on exit 1, `Err` when the tool itself failed
/// (missing psycopg, unreachable server). `a` and `b` are anything libpq accepts.
pub fn fingerprint_compare(a: &str, b: &str) -> Result<Comparison, String> {
    let script = repo_root().join("tools").join("schema_fingerprint.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--ignore-column-order", "--compare", b, a])
        .output()
        .map_err(|e| format!("could not run python3 {}: {e}", script.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    match out.status.code() {
        Some(0) => Ok(Comparison::Equal),
        Some(1) if !stdout.is_empty() => Ok(Comparison::Differ(stdout)),
        code => Err(format!(
            "schema_fingerprint.py failed (exit {code:?}; `python3 -m pip install \
             \"psycopg[binary]\"` if psycopg is missing):\n{}{stdout}",
            String::from_utf8_lossy(&out.stderr)
        )),
    }
}
