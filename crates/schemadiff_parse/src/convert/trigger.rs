//! CREATE TRIGGER -> a model trigger.

use crate::ctx::Ctx;
use crate::pending::Expect;
use schemadiff_model::{ObjectId, ObjectKind, Trigger};
use sqlparser::ast::{CreateTrigger, Spanned};

/// Returns false for trigger forms without `EXECUTE FUNCTION` (kept verbatim by the caller).
pub fn create_trigger(ctx: &mut Ctx, t: &CreateTrigger) -> bool {
    let table = ctx.qualify(&t.table_name);
    ctx.expect(
        Expect::Relation,
        table.clone(),
        t.table_name.span(),
        "trigger".to_string(),
    );
    let name = ctx.qualify(&t.name).name;
    let function = match &t.exec_body {
        Some(body) => {
            let fname = ctx.qualify(&body.func_desc.name);
            ctx.expect(
                Expect::Function,
                fname.clone(),
                body.func_desc.name.span(),
                format!("trigger {name} on {table}"),
            );
            ObjectId::Function {
                kind: ObjectKind::Function,
                name: fname,
                args: String::new(),
            }
        }
        None => return false,
    };
    let trigger = Trigger {
        table,
        name,
        function,
        definition: ctx.text().to_string(),
        meta: ctx.meta(),
    };
    if let Err(dup) = ctx.catalog.add_trigger(trigger) {
        ctx.duplicate(*dup);
    }
    true
}
