//! Triggers: create, drop; a changed definition, or a trigger whose function is
//! dropped and created again, is a drop plus a create. Triggers of dropped or
//! recreated relations go with them.

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::{ObjectId, Trigger};
use std::collections::BTreeMap;

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    let mut out = Vec::new();
    // Current triggers still standing, by desired table name.
    let mut cur: BTreeMap<(_, _), &Trigger> = BTreeMap::new();
    for t in cur_cat.triggers.values() {
        if ctx.gone.relations.contains(&t.table) {
            continue;
        }
        cur.insert((ctx.renames.table(&t.table).clone(), t.name.clone()), t);
    }
    let function_gone = |ctx: &Ctx<'_>, t: &Trigger| match &t.function {
        ObjectId::Function { name, .. } => ctx.gone.function_names.contains(name),
        other => ctx.gone.contains(other),
    };
    let mut creates = Vec::new();
    for (key, d) in &des_cat.triggers {
        let to = ctx.src.and_then(|s| s.triggers.get(key)).unwrap_or(d);
        match cur.remove(key) {
            Some(c)
                if c.function == d.function
                    && c.definition == d.definition
                    && !function_gone(ctx, c)
                    && !uses_gone_column(ctx, c) => {}
            Some(c) => {
                drop(ctx, c, &mut out);
                creates.push(Change::CreateTrigger(to.clone()));
            }
            None => creates.push(Change::CreateTrigger(to.clone())),
        }
    }
    for c in cur.into_values() {
        drop(ctx, c, &mut out);
    }
    out.extend(creates);
    out
}

/// PostgreSQL refuses to drop or retype a column a trigger names (`UPDATE OF`, `WHEN`).
fn uses_gone_column(ctx: &Ctx<'_>, t: &Trigger) -> bool {
    let mut cols = ctx.gone.columns_of(&t.table, true).peekable();
    if cols.peek().is_none() {
        return false;
    }
    let words = crate::words::words(&t.definition);
    cols.any(|c| words.iter().any(|w| w == c.as_str()))
}

fn drop(ctx: &mut Ctx<'_>, c: &Trigger, out: &mut Vec<Change>) {
    ctx.gone.objects.insert(ObjectId::Trigger {
        table: c.table.clone(),
        name: c.name.clone(),
    });
    out.push(Change::DropTrigger(c.clone()));
}

#[cfg(test)]
mod tests {
    use crate::test_util::{diff_sql, names};

    const FUNC: &str =
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
        CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
        CREATE TABLE t (a int);";

    #[test]
    fn create_drop_and_recreate_changed() {
        let from = format!(
            "{FUNC} CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
             CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();"
        );
        let to = format!(
            "{FUNC} CREATE TRIGGER b BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
             CREATE TRIGGER c BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();"
        );
        assert_eq!(
            names(&crate::test_util::diff_sql(&from, &to)),
            [
                "drop_trigger b on public.t",
                "drop_trigger a on public.t",
                "create_trigger b on public.t",
                "create_trigger c on public.t"
            ]
        );
    }

    #[test]
    fn triggers_go_with_their_table() {
        let from = format!(
            "{FUNC} CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();"
        );
        let to = FUNC.replace("CREATE TABLE t (a int);", "");
        let changes = diff_sql(&from, &to);
        assert_eq!(names(&changes), ["drop_table public.t"]);
    }

    #[test]
    fn trigger_of_a_recreated_function_is_recreated() {
        let trig = "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();";
        let from = format!("{FUNC} {trig}");
        let to = format!("{} {trig}", FUNC.replacen("RETURNS trigger", "RETURNS trigger STRICT", 0))
            .replace("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;",
                     "CREATE FUNCTION f(x int DEFAULT 1) RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;");
        let changes = diff_sql(&from, &to);
        let n = names(&changes);
        assert!(n.contains(&"drop_function public.f()".to_string()), "{n:?}");
        assert!(
            n.contains(&"create_trigger a on public.t".to_string()),
            "{n:?}"
        );
    }
}
