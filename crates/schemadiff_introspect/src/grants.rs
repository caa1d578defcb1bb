//! Privileges granted beyond each object's defaults (the owner's own privileges never appear).
//!
//! The model keeps one `with_grant_option` per (object, grantee): it is true when any
//! of the grantee's privileges on the object is grantable. Revoked defaults (say,
//! `REVOKE EXECUTE ... FROM PUBLIC`) have no model representation and are not reported.

use crate::ctx::{live, relation_name, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, Rows};
use schemadiff_model::{Grant, Ident, ObjectId};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) const QUERY: Query = Query {
    name: "grants.sql",
    sql: include_str!("grants.sql"),
    filtered: true,
};

/// Column privileges collected per (relation, grantee, privilege) before they become
/// `SELECT (a, b)` entries.
type ColumnGrants = BTreeMap<(ObjectId, String, String), (Vec<String>, bool, u32)>;

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    let mut columns: ColumnGrants = BTreeMap::new();
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let class: String = row.get("class")?;
        let class = match class.as_str() {
            "relation" | "column" => Class::Relation,
            "schema" => Class::Namespace,
            "function" => Class::Proc,
            "type" => Class::Type,
            _ => return Err(row.unexpected("grant object class", class)),
        };
        // Objects outside the catalog (extension members, out of scope) are skipped.
        let Some(on) = ctx.object(class, oid).cloned() else {
            continue;
        };
        let grantee: String = row.get("grantee")?;
        let privilege: String = row.get("privilege_type")?;
        let grantable: bool = row.get("is_grantable")?;
        match row.get::<Option<String>>("attname")? {
            Some(column) => {
                let entry = columns
                    .entry((on, grantee, privilege))
                    .or_insert_with(|| (Vec::new(), false, oid));
                entry.0.push(column);
                entry.1 |= grantable;
            }
            None => add(ctx, on, grantee, privilege, grantable, oid),
        }
    }
    for ((on, grantee, privilege), (cols, grantable, oid)) in columns {
        if relation_name(&on).is_some() {
            let privilege = format!("{privilege} ({})", cols.join(", "));
            add(ctx, on, grantee, privilege, grantable, oid);
        }
    }
    Ok(())
}

fn add(ctx: &mut Ctx, on: ObjectId, grantee: String, privilege: String, grantable: bool, oid: u32) {
    ctx.catalog.add_grant(Grant {
        on,
        grantee: Ident::new(grantee),
        privileges: BTreeSet::from([privilege]),
        with_grant_option: grantable,
        meta: live(oid),
    });
}
