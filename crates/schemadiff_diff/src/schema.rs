//! Schemas: create and drop (never `public`, which every database has). The owner
//! (`AUTHORIZATION`) is not compared: ownership is outside what schemadiff manages.

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::ObjectId;

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    for (name, d) in &ctx.des.schemas {
        if !ctx.cur.schemas.contains_key(name) {
            let s = ctx.src.and_then(|s| s.schemas.get(name)).unwrap_or(d);
            out.push(Change::CreateSchema(s.clone()));
        }
    }
    for (name, c) in &ctx.cur.schemas {
        if !ctx.des.schemas.contains_key(name) && name.as_str() != "public" {
            ctx.gone
                .objects
                .insert(ObjectId::Schema { name: name.clone() });
            out.push(Change::DropSchema(c.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::test_util::{diff_sql, names};

    #[test]
    fn creates_and_drops_but_never_drops_public() {
        let changes = diff_sql("CREATE SCHEMA a; CREATE SCHEMA public;", "CREATE SCHEMA b;");
        assert_eq!(names(&changes), ["create_schema b", "drop_schema a"]);
    }
}
