//! CREATE POLICY -> a model row-level security policy.

use crate::ctx::Ctx;
use crate::pending::Expect;
use crate::refs;
use schemadiff_model::{Ident, Policy};
use sqlparser::ast::{CreatePolicy, CreatePolicyCommand, CreatePolicyType, Owner, Spanned};

pub fn create_policy(ctx: &mut Ctx, p: &CreatePolicy) {
    let table = ctx.qualify(&p.table_name);
    ctx.expect(
        Expect::Table,
        table.clone(),
        p.table_name.span(),
        format!("policy {}", p.name.value),
    );
    let command = match p.command {
        None | Some(CreatePolicyCommand::All) => "all",
        Some(CreatePolicyCommand::Select) => "select",
        Some(CreatePolicyCommand::Insert) => "insert",
        Some(CreatePolicyCommand::Update) => "update",
        Some(CreatePolicyCommand::Delete) => "delete",
    };
    let mut roles: Vec<Ident> =
        p.to.iter()
            .flatten()
            .map(|o| match o {
                Owner::Ident(i) => ctx.ident(i),
                Owner::CurrentRole => Ident::new("current_role"),
                Owner::CurrentUser => Ident::new("current_user"),
                Owner::SessionUser => Ident::new("session_user"),
            })
            .collect();
    if roles.is_empty() {
        roles.push(Ident::new("public"));
    }
    roles.sort();
    let policy = Policy {
        table,
        name: ctx.ident(&p.name),
        permissive: !matches!(p.policy_type, Some(CreatePolicyType::Restrictive)),
        command: command.to_string(),
        roles,
        using: p.using.as_ref().map(|e| refs::expr(ctx, e)),
        with_check: p.with_check.as_ref().map(|e| refs::expr(ctx, e)),
        meta: ctx.meta(),
    };
    if let Err(dup) = ctx.catalog.add_policy(policy) {
        ctx.duplicate(*dup);
    }
}
