//! Functions and procedures, identified by name and argument types: create, drop,
//! `CREATE OR REPLACE` when PostgreSQL allows it, otherwise drop plus create.

use crate::change::Change;
use crate::ctx::Ctx;
use schemadiff_model::{ArgMode, Function};

/// Same definition; the references found in the body are derived, not compared.
fn same(a: &Function, b: &Function) -> bool {
    a.procedure == b.procedure
        && a.args == b.args
        && a.returns == b.returns
        && a.language == b.language
        && a.body == b.body
        && a.attributes == b.attributes
        && a.definition == b.definition
}

/// `CREATE OR REPLACE` cannot change the return type (OUT arguments included), rename
/// an argument, or remove a default.
fn replaceable(cur: &Function, des: &Function) -> bool {
    cur.procedure == des.procedure
        && cur.returns == des.returns
        && cur.args.len() == des.args.len()
        && cur.args.iter().zip(&des.args).all(|(c, d)| {
            c.mode == d.mode
                && c.ty == d.ty
                && (c.name == d.name || (c.name.is_none() && d.mode != ArgMode::Out))
                && (c.default.is_none() || d.default.is_some())
        })
}

/// Whether the current function is dropped and created again.
pub(crate) fn recreated(cur: &Function, des: &Function) -> bool {
    !same(cur, des) && !replaceable(cur, des)
}

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    for (id, d) in &ctx.des.functions {
        let to = ctx.src.and_then(|s| s.functions.get(id)).unwrap_or(d);
        let Some(c) = ctx.cur.functions.get(id) else {
            out.push(Change::CreateFunction(to.clone()));
            continue;
        };
        if same(c, d) {
            continue;
        }
        if replaceable(c, d) {
            out.push(Change::ReplaceFunction {
                from: c.clone(),
                to: to.clone(),
            });
        } else {
            ctx.gone.objects.insert(id.clone());
            ctx.gone.function_names.insert(c.name.clone());
            out.push(Change::DropFunction(c.clone()));
            out.push(Change::CreateFunction(to.clone()));
        }
    }
    for (id, c) in &ctx.cur.functions {
        if !ctx.des.functions.contains_key(id) {
            ctx.gone.objects.insert(id.clone());
            ctx.gone.function_names.insert(c.name.clone());
            out.push(Change::DropFunction(c.clone()));
        }
    }
    out
}

#[cfg(test)]
#[path = "function_tests.rs"]
mod tests;
