//! Collations: create and drop. PostgreSQL cannot change a collation's settings in
//! place, so a changed definition is a drop plus a create (which PostgreSQL refuses
//! while columns still use the old one: change those columns in an earlier plan).

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::ObjectId;

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    for (name, d) in &ctx.des.collations {
        let to = ctx.src.and_then(|s| s.collations.get(name)).unwrap_or(d);
        match ctx.cur.collations.get(name) {
            None => out.push(Change::CreateCollation(to.clone())),
            Some(c) if !c.same_definition(d) => {
                ctx.gone
                    .objects
                    .insert(ObjectId::Collation { name: name.clone() });
                out.push(Change::DropCollation(c.clone()));
                out.push(Change::CreateCollation(to.clone()));
            }
            Some(_) => {}
        }
    }
    for (name, c) in &ctx.cur.collations {
        if !ctx.des.collations.contains_key(name) {
            ctx.gone
                .objects
                .insert(ObjectId::Collation { name: name.clone() });
            out.push(Change::DropCollation(c.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::test_util::{diff_sql, names};

    #[test]
    fn create_drop_and_changed_settings() {
        let changes = diff_sql(
            "CREATE COLLATION a (provider = icu, locale = 'en');
             CREATE COLLATION b (provider = icu, locale = 'de');
             CREATE COLLATION gone (locale = 'C');",
            "CREATE COLLATION a (provider = icu, locale = 'en');
             CREATE COLLATION b (provider = icu, locale = 'de', deterministic = false);
             CREATE COLLATION c (lc_collate = 'C', lc_ctype = 'C');",
        );
        assert_eq!(
            names(&changes),
            [
                "drop_collation public.b",
                "create_collation public.b",
                "create_collation public.c",
                "drop_collation public.gone"
            ]
        );
    }

    #[test]
    fn a_copy_made_with_from_matches_any_settings() {
        let changes = diff_sql(
            "CREATE COLLATION p (locale = 'POSIX');",
            "CREATE COLLATION p FROM \"POSIX\";",
        );
        assert!(changes.is_empty(), "{:?}", names(&changes));
    }
}
