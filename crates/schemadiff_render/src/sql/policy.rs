//! CREATE POLICY.

use super::names::{id, qn};
use schemadiff_model::{Ident, Policy};

pub fn create_policy(p: &Policy) -> String {
    let mut out = format!("CREATE POLICY {} ON {}", id(&p.name), qn(&p.table));
    if !p.permissive {
        out.push_str(" AS RESTRICTIVE");
    }
    out.push_str(&format!(" FOR {}", p.command.to_ascii_uppercase()));
    out.push_str(&format!(
        " TO {}",
        p.roles.iter().map(role).collect::<Vec<_>>().join(", ")
    ));
    if let Some(u) = &p.using {
        out.push_str(&format!(" USING ({})", u.sql));
    }
    if let Some(c) = &p.with_check {
        out.push_str(&format!(" WITH CHECK ({})", c.sql));
    }
    out
}

/// Role names, with PUBLIC and the CURRENT_USER family as keywords.
pub fn role(r: &Ident) -> String {
    match r.as_str() {
        "public" => "PUBLIC".to_string(),
        "current_user" | "current_role" | "session_user" => r.as_str().to_ascii_uppercase(),
        _ => id(r),
    }
}

/// `ALTER POLICY`: roles, USING and WITH CHECK (command and permissiveness cannot change).
pub fn alter_policy(p: &Policy) -> String {
    let mut out = format!("ALTER POLICY {} ON {}", id(&p.name), qn(&p.table));
    out.push_str(&format!(
        " TO {}",
        p.roles.iter().map(role).collect::<Vec<_>>().join(", ")
    ));
    if let Some(u) = &p.using {
        out.push_str(&format!(" USING ({})", u.sql));
    }
    if let Some(c) = &p.with_check {
        out.push_str(&format!(" WITH CHECK ({})", c.sql));
    }
    out
}
