//! Grants, per (object, grantee): `Grant` with only the privileges to add, `Revoke`
//! with only those to take away. A `Revoke` with `with_grant_option` set takes away the
//! grant option only (`REVOKE GRANT OPTION FOR`); a `Grant` with it set grants it.
//! Privileges on an object that is dropped (or recreated) go with it; a recreated
//! object gets all its desired privileges again.

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::{Grant, Ident, ObjectId};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    let mut cur: BTreeMap<(Cow<'_, ObjectId>, &Ident), &Grant> = BTreeMap::new();
    for ((on, grantee), g) in &cur_cat.grants {
        if ctx.gone.contains(on) {
            continue;
        }
        let on = if ctx.renames.is_empty() {
            Cow::Borrowed(on)
        } else {
            Cow::Owned(ctx.renames.id(on))
        };
        cur.insert((on, grantee), g);
    }
    let mut out = Vec::new();
    for ((on, grantee), d) in &des_cat.grants {
        let c = cur.remove(&(Cow::Borrowed(on), grantee));
        let none = BTreeSet::new();
        let (had, had_option) = c.map_or((&none, false), |c| (&c.privileges, c.with_grant_option));
        let added: BTreeSet<String> = d.privileges.difference(had).cloned().collect();
        let removed: BTreeSet<String> = had.difference(&d.privileges).cloned().collect();
        if !removed.is_empty() {
            out.push(Change::Revoke(with(d, removed, false)));
        }
        if had_option && !d.with_grant_option {
            let kept: BTreeSet<String> = had.intersection(&d.privileges).cloned().collect();
            if !kept.is_empty() {
                out.push(Change::Revoke(with(d, kept, true)));
            }
        }
        if d.with_grant_option && !had_option {
            // Grant everything again WITH GRANT OPTION: the option is per privilege.
            out.push(Change::Grant(with(d, d.privileges.clone(), true)));
        } else if !added.is_empty() {
            out.push(Change::Grant(with(d, added, d.with_grant_option)));
        }
    }
    for c in cur.into_values() {
        out.push(Change::Revoke(c.clone()));
    }
    out
}

fn with(g: &Grant, privileges: BTreeSet<String>, with_grant_option: bool) -> Grant {
    Grant {
        on: g.on.clone(),
        grantee: g.grantee.clone(),
        privileges,
        with_grant_option,
        meta: g.meta.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_util::diff_sql;
    use crate::Change;

    fn show(changes: &[Change]) -> Vec<String> {
        changes
            .iter()
            .filter_map(|c| match c {
                Change::Grant(g) => Some(format!(
                    "grant {:?} to {} {}",
                    g.privileges, g.grantee, g.with_grant_option
                )),
                Change::Revoke(g) => Some(format!(
                    "revoke {:?} from {} {}",
                    g.privileges, g.grantee, g.with_grant_option
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn grants_only_new_and_revokes_only_removed() {
        let from =
            "CREATE TABLE t (a int); GRANT SELECT, INSERT ON t TO alice; GRANT SELECT ON t TO bob;";
        let to = "CREATE TABLE t (a int); GRANT SELECT, UPDATE ON t TO alice;";
        assert_eq!(
            show(&diff_sql(from, to)),
            [
                r#"revoke {"INSERT"} from alice false"#,
                r#"grant {"UPDATE"} to alice false"#,
                r#"revoke {"SELECT"} from bob false"#,
            ]
        );
    }

    #[test]
    fn grant_option_changes() {
        let from = "CREATE TABLE t (a int); GRANT SELECT ON t TO alice WITH GRANT OPTION; GRANT SELECT ON t TO bob;";
        let to = "CREATE TABLE t (a int); GRANT SELECT ON t TO alice; GRANT SELECT ON t TO bob WITH GRANT OPTION;";
        assert_eq!(
            show(&diff_sql(from, to)),
            [
                r#"revoke {"SELECT"} from alice true"#,
                r#"grant {"SELECT"} to bob true"#,
            ]
        );
    }

    #[test]
    fn privileges_go_with_a_dropped_table_and_come_back_with_a_recreated_one() {
        let from = "CREATE TABLE t (a int) PARTITION BY LIST (a); GRANT SELECT ON t TO alice;
                    CREATE TABLE u (a int); GRANT SELECT ON u TO alice;";
        let to = "CREATE TABLE t (a int); GRANT SELECT ON t TO alice;";
        assert_eq!(
            show(&diff_sql(from, to)),
            [r#"grant {"SELECT"} to alice false"#]
        );
    }
}
