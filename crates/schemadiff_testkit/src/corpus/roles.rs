//! Cluster-wide roles the corpus cases need, created idempotently and race-free.

use super::{quote_ident, quote_literal};
use crate::{psql, server_conninfo};
use std::collections::BTreeSet;
use std::sync::Mutex;

/// Roles this process already made sure of (they are cluster-wide and never dropped,
/// so once is enough; every sqldef case names the same two dozen).
static DONE: Mutex<BTreeSet<(String, bool)>> = Mutex::new(BTreeSet::new());

/// Creates every role of `roles` (and `login`, which get LOGIN) unless it exists.
/// Parallel tests (or processes) may create the same role at once: the loser's
/// `duplicate_object` or `unique_violation` (two CREATE ROLEs racing on the
/// pg_authid index) is caught in the DO block and means "already there".
pub fn ensure_roles(roles: &[String], login: &[String]) -> Result<(), String> {
    let wanted: BTreeSet<(String, bool)> = roles
        .iter()
        .chain(login)
        .map(|r| (r.clone(), login.contains(r)))
        .collect();
    let mut done = DONE.lock().unwrap_or_else(|p| p.into_inner());
    let missing: Vec<&(String, bool)> = wanted.iter().filter(|r| !done.contains(*r)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut body = String::new();
    for (role, can_login) in &missing {
        body.push_str(&statement(role, *can_login));
    }
    // The body is dollar-quoted; role names never contain `$sd$`.
    let sql = format!("DO $sd$ BEGIN\n{body}END $sd$;");
    psql::run(&server_conninfo(), &[], Some(&sql))
        .map_err(|e| format!("creating the corpus roles failed: {e}"))?;
    done.extend(missing.into_iter().cloned());
    Ok(())
}

/// One role: create it; when it exists already, make sure a login role can log in.
fn statement(role: &str, login: bool) -> String {
    let ident = quote_ident(role);
    let exists_check = format!(
        "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {}) THEN",
        quote_literal(role)
    );
    let create = if login {
        format!("CREATE ROLE {ident} LOGIN;")
    } else {
        format!("CREATE ROLE {ident};")
    };
    let on_exists = if login {
        format!("ALTER ROLE {ident} LOGIN;")
    } else {
        "NULL;".to_owned()
    };
    format!(
        "{exists_check}\n  BEGIN {create}\n  EXCEPTION WHEN duplicate_object OR unique_violation THEN {on_exists}\n  END;\nELSIF {login} THEN {on_exists}\nEND IF;\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_odd_role_names() {
        let s = statement("user \"x\" 'y'", true);
        assert!(
            s.contains("CREATE ROLE \"user \"\"x\"\" 'y'\" LOGIN;"),
            "{s}"
        );
        assert!(s.contains("rolname = 'user \"x\" ''y'''"), "{s}");
    }
}
