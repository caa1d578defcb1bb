//! Row-level security policies: create, drop, `ALTER POLICY` for roles, USING and
//! WITH CHECK; a changed command or permissiveness (or a removed USING / WITH CHECK,
//! which ALTER POLICY cannot take away) is a drop plus a create. Policies of dropped or
//! recreated tables go with them; policies naming a dropped column are recreated.

use crate::change::Change;
use crate::ctx::Ctx;
use crate::words::mentions;
use schemadiff_model::{ObjectId, Policy};
use std::collections::BTreeMap;

enum Verdict {
    Same,
    Alter,
    Recreate,
}

fn compare(ctx: &Ctx<'_>, c: &Policy, d: &Policy) -> Verdict {
    // PostgreSQL refuses to drop or retype a column a policy uses.
    let uses_gone = ctx.gone.columns_of(&c.table, true).any(|col| {
        [&c.using, &c.with_check]
            .into_iter()
            .flatten()
            .any(|e| mentions(&e.sql, col))
    });
    // Nor a function it calls (or a type it casts to).
    let uses_recreated = [&c.using, &c.with_check]
        .into_iter()
        .flatten()
        .any(|e| ctx.recreated.used_by(e));
    if uses_gone
        || uses_recreated
        || c.command != d.command
        || c.permissive != d.permissive
        || (c.using.is_some() && d.using.is_none())
        || (c.with_check.is_some() && d.with_check.is_none())
    {
        return Verdict::Recreate;
    }
    if c.roles != d.roles || c.using != d.using || c.with_check != d.with_check {
        return Verdict::Alter;
    }
    Verdict::Same
}

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    let mut out = Vec::new();
    let mut cur: BTreeMap<(_, _), &Policy> = BTreeMap::new();
    for p in cur_cat.policies.values() {
        if !ctx.gone.relations.contains(&p.table) {
            cur.insert((ctx.renames.table(&p.table).clone(), p.name.clone()), p);
        }
    }
    let mut creates = Vec::new();
    for (key, d) in &des_cat.policies {
        let to = ctx.src.and_then(|s| s.policies.get(key)).unwrap_or(d);
        let Some(c) = cur.remove(key) else {
            creates.push(Change::CreatePolicy(to.clone()));
            continue;
        };
        match compare(ctx, c, d) {
            Verdict::Same => {}
            Verdict::Alter => out.push(Change::AlterPolicy {
                from: c.clone(),
                to: to.clone(),
            }),
            Verdict::Recreate => {
                drop(ctx, c, &mut out);
                creates.push(Change::CreatePolicy(to.clone()));
            }
        }
    }
    for c in cur.into_values() {
        drop(ctx, c, &mut out);
    }
    out.extend(creates);
    out
}

fn drop(ctx: &mut Ctx<'_>, c: &Policy, out: &mut Vec<Change>) {
    ctx.gone.objects.insert(ObjectId::Policy {
        table: c.table.clone(),
        name: c.name.clone(),
    });
    out.push(Change::DropPolicy(c.clone()));
}

#[cfg(test)]
mod tests {
    use crate::test_util::{diff_sql, names};

    const T: &str = "CREATE TABLE t (a int, b int);";

    #[test]
    fn alter_for_roles_and_quals_recreate_for_command() {
        let from = format!(
            "{T} CREATE POLICY p1 ON t USING (a = 1);
             CREATE POLICY p2 ON t FOR SELECT USING (a = 1);
             CREATE POLICY p3 ON t USING (a = 1);
             CREATE POLICY p4 ON t USING (a = 1);"
        );
        let to = format!(
            "{T} CREATE POLICY p1 ON t USING (a = 2);
             CREATE POLICY p2 ON t FOR UPDATE USING (a = 1);
             CREATE POLICY p3 ON t USING (a = 1);
             CREATE POLICY p5 ON t USING (a = 1);"
        );
        assert_eq!(
            names(&diff_sql(&from, &to)),
            [
                "alter_policy p1 on public.t",
                "drop_policy p2 on public.t",
                "drop_policy p4 on public.t",
                "create_policy p2 on public.t",
                "create_policy p5 on public.t"
            ]
        );
    }

    #[test]
    fn policy_on_a_dropped_column_is_recreated() {
        let from = format!("{T} CREATE POLICY p ON t USING (b = 1);");
        let to = "CREATE TABLE t (a int); CREATE POLICY p ON t USING (b = 1);";
        let n = names(&diff_sql(&from, to));
        assert!(
            n.contains(&"drop_policy p on public.t".to_string()),
            "{n:?}"
        );
        assert!(
            n.contains(&"create_policy p on public.t".to_string()),
            "{n:?}"
        );
    }
}
