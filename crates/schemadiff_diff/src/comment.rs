//! Comments: `SetComment` when the text is new or differs (or the object is created
//! again), `RemoveComment` when the files have none. A comment on a dropped object
//! goes with it.

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::{Comment, ObjectId};
use std::borrow::Cow;
use std::collections::BTreeMap;

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    let mut cur: BTreeMap<Cow<'_, ObjectId>, &Comment> = BTreeMap::new();
    for (on, c) in &cur_cat.comments {
        if ctx.gone.contains(on) {
            continue;
        }
        let on = if ctx.renames.is_empty() {
            Cow::Borrowed(on)
        } else {
            Cow::Owned(ctx.renames.id(on))
        };
        cur.insert(on, c);
    }
    let mut out = Vec::new();
    for (on, d) in &des_cat.comments {
        let to = ctx.src.and_then(|s| s.comments.get(on)).unwrap_or(d);
        match cur.remove(&Cow::Borrowed(on)) {
            Some(c) if c.text == d.text => {}
            _ => out.push(Change::SetComment(to.clone())),
        }
    }
    for (on, _) in cur {
        out.push(Change::RemoveComment(on.into_owned()));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::test_util::{diff_sql, names};

    #[test]
    fn set_change_remove_and_dropped_objects() {
        let from = "CREATE TABLE t (a int, b int); COMMENT ON TABLE t IS 'x';
                    COMMENT ON COLUMN t.a IS 'a'; COMMENT ON COLUMN t.b IS 'b';
                    CREATE TABLE u (a int); COMMENT ON TABLE u IS 'u';";
        let to = "CREATE TABLE t (a int); COMMENT ON TABLE t IS 'y';";
        assert_eq!(
            names(&diff_sql(from, to)),
            [
                "drop_table public.u",
                "drop_column public.t.b",
                "set_comment table public.t",
                "remove_comment column public.t.a"
            ]
        );
    }
}
