//! Sequences: create, drop, and `ALTER SEQUENCE` for options and ownership.
//!
//! Identity columns' sequences are implicit (introspection leaves them out, the parser
//! never makes them): they follow their column. Serial columns' sequences are ordinary
//! sequences `OWNED BY` the column; dropping the table or the column drops them, so
//! such a sequence needs no drop of its own, and is created again if still desired.

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::{ObjectId, Sequence};

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    let owner_gone = |ctx: &Ctx<'_>, s: &Sequence| {
        s.owned_by
            .as_ref()
            .is_some_and(|(t, c)| ctx.gone.column(t, c))
    };
    for (name, d) in &ctx.des.sequences {
        let to = ctx.src.and_then(|s| s.sequences.get(name)).unwrap_or(d);
        let cur = ctx.cur.sequences.get(name);
        let Some(c) = cur.filter(|c| !owner_gone(ctx, c)) else {
            if cur.is_some() {
                ctx.gone
                    .objects
                    .insert(ObjectId::Sequence { name: name.clone() });
            }
            out.push(Change::CreateSequence(to.clone()));
            continue;
        };
        let mut translated = c.clone();
        if let Some((t, col)) = &mut translated.owned_by {
            let table = ctx.renames.table(t).clone();
            *col = ctx.renames.column(&table, col);
            *t = table;
        }
        if &translated != d {
            out.push(Change::AlterSequence {
                from: c.clone(),
                to: to.clone(),
            });
        }
    }
    for (name, c) in &ctx.cur.sequences {
        if !ctx.des.sequences.contains_key(name) {
            let implied = owner_gone(ctx, c);
            ctx.gone
                .objects
                .insert(ObjectId::Sequence { name: name.clone() });
            if !implied {
                out.push(Change::DropSequence(c.clone()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::test_util::{diff_sql, names};
    use crate::Change;

    #[test]
    fn create_drop_alter() {
        let changes = diff_sql(
            "CREATE SEQUENCE a; CREATE SEQUENCE b INCREMENT BY 1;",
            "CREATE SEQUENCE b INCREMENT BY 5; CREATE SEQUENCE c;",
        );
        assert_eq!(
            names(&changes),
            [
                "alter_sequence public.b",
                "create_sequence public.c",
                "drop_sequence public.a"
            ]
        );
    }

    #[test]
    fn serial_sequence_goes_with_its_table() {
        let changes = diff_sql("CREATE TABLE t (id serial);", "");
        assert_eq!(names(&changes), ["drop_table public.t"]);
    }

    #[test]
    fn serial_sequence_of_a_recreated_table_is_created_again() {
        let changes = diff_sql(
            "CREATE TABLE t (id serial) PARTITION BY RANGE (id);",
            "CREATE TABLE t (id serial);",
        );
        assert_eq!(
            names(&changes),
            [
                "create_sequence public.t_id_seq",
                "drop_table public.t",
                "create_table public.t"
            ]
        );
        assert!(matches!(&changes[0], Change::CreateSequence(s) if s.owned_by.is_some()));
    }
}
