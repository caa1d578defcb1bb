//! Extensions: create, drop, and `ALTER EXTENSION` when the files name a version or a
//! schema that differs from the installed one (unnamed means "whatever is installed").

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::ObjectId;

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    for (name, d) in &ctx.des.extensions {
        let to = ctx.src.and_then(|s| s.extensions.get(name)).unwrap_or(d);
        match ctx.cur.extensions.get(name) {
            None => out.push(Change::CreateExtension(to.clone())),
            Some(c) => {
                let version = d.version.is_some() && d.version != c.version;
                let schema = d.schema.is_some() && d.schema != c.schema;
                if version || schema {
                    out.push(Change::AlterExtension {
                        from: c.clone(),
                        to: to.clone(),
                    });
                }
            }
        }
    }
    for (name, c) in &ctx.cur.extensions {
        if !ctx.des.extensions.contains_key(name) {
            ctx.gone
                .objects
                .insert(ObjectId::Extension { name: name.clone() });
            out.push(Change::DropExtension(c.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::test_util::{catalog, names};
    use crate::{diff, DiffInput};

    #[test]
    fn create_drop_and_version_update() {
        let mut cur = catalog("CREATE EXTENSION pgcrypto; CREATE EXTENSION citext;");
        let mut des = catalog("CREATE EXTENSION citext; CREATE EXTENSION hstore;");
        for (c, v) in [(&mut cur, "1.5"), (&mut des, "1.6")] {
            if let Some(e) = c.extensions.get_mut(&"citext".into()) {
                e.version = Some(v.to_string());
            }
        }
        let changes = diff(DiffInput {
            current: &cur,
            desired: &des,
            source: None,
        })
        .changes;
        assert_eq!(
            names(&changes),
            [
                "alter_extension citext",
                "create_extension hstore",
                "drop_extension pgcrypto"
            ]
        );
    }
}
