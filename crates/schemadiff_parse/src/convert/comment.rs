//! COMMENT ON -> a model comment on any object.

use crate::ctx::Ctx;
use crate::pending::Expect;
use schemadiff_model::{Comment, ObjectId};
use sqlparser::ast::{CommentObject, ObjectName, Spanned};

/// Returns false for targets that are not modelled (kept verbatim by the caller).
pub fn comment(
    ctx: &mut Ctx,
    object_type: &CommentObject,
    name: &ObjectName,
    text: Option<&String>,
) -> bool {
    let q = ctx.qualify(name);
    let on = match object_type {
        CommentObject::Table => {
            ctx.expect(
                Expect::Relation,
                q.clone(),
                name.span(),
                "comment".to_string(),
            );
            ObjectId::table(q)
        }
        CommentObject::View => ObjectId::view(q, false),
        CommentObject::MaterializedView => ObjectId::view(q, true),
        CommentObject::Column => {
            // schema.table.column or table.column
            let parts = &name.0;
            if parts.len() < 2 {
                return false;
            }
            let table = ctx.qualify(&ObjectName(parts[..parts.len() - 1].to_vec()));
            let column = ctx
                .qualify(&ObjectName(parts[parts.len() - 1..].to_vec()))
                .name;
            ctx.expect(
                Expect::Relation,
                table.clone(),
                name.span(),
                "comment".to_string(),
            );
            ObjectId::Column { table, column }
        }
        CommentObject::Schema => ObjectId::Schema { name: q.name },
        CommentObject::Extension => ObjectId::Extension { name: q.name },
        CommentObject::Type | CommentObject::Domain => {
            ctx.expect(Expect::Type, q.clone(), name.span(), "comment".to_string());
            ObjectId::Type { name: q }
        }
        CommentObject::Sequence => ObjectId::Sequence { name: q },
        CommentObject::Index => ObjectId::Index { name: q },
        _ => return false,
    };
    match text {
        Some(t) => ctx.catalog.set_comment(Comment {
            on,
            text: t.clone(),
            meta: ctx.meta(),
        }),
        None => {
            ctx.catalog.comments.remove(&on);
        }
    }
    true
}
