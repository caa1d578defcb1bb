//! GRANT -> model grants, one per object and grantee.

use super::types::plain_type;
use crate::ctx::Ctx;
use crate::pending::Expect;
use schemadiff_model::{Grant, Ident, ObjectId, ObjectKind};
use sqlparser::ast::{self, GrantObjects, GranteeName, GranteesType, Privileges, Spanned};
use std::collections::BTreeSet;

/// Returns false when the grant targets something not modelled (kept verbatim by the caller).
pub fn grant(ctx: &mut Ctx, g: &ast::Grant) -> bool {
    let privileges: BTreeSet<String> = match &g.privileges {
        Privileges::All { .. } => ["ALL".to_string()].into(),
        Privileges::Actions(actions) => actions
            .iter()
            .map(|a| privilege_text(&a.to_string()))
            .collect(),
    };
    let mut targets = Vec::new();
    match &g.objects {
        Some(GrantObjects::Tables(names)) => {
            for n in names {
                let q = ctx.qualify(n);
                ctx.expect(Expect::Relation, q.clone(), n.span(), "grant".to_string());
                targets.push(ObjectId::table(q));
            }
        }
        Some(GrantObjects::Sequences(names)) => {
            for n in names {
                let q = ctx.qualify(n);
                ctx.expect(Expect::Sequence, q.clone(), n.span(), "grant".to_string());
                targets.push(ObjectId::Sequence { name: q });
            }
        }
        Some(GrantObjects::Schemas(names)) => {
            for n in names {
                let q = ctx.qualify(n);
                targets.push(ObjectId::Schema { name: q.name });
            }
        }
        Some(GrantObjects::Function { name, arg_types })
        | Some(GrantObjects::Procedure { name, arg_types }) => {
            let q = ctx.qualify(name);
            let args = arg_types
                .iter()
                .map(|t| plain_type(ctx, t).to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let kind = if matches!(g.objects, Some(GrantObjects::Procedure { .. })) {
                ObjectKind::Procedure
            } else {
                ObjectKind::Function
            };
            ctx.expect(
                Expect::Function,
                q.clone(),
                name.span(),
                "grant".to_string(),
            );
            targets.push(ObjectId::Function {
                kind,
                name: q,
                args,
            });
        }
        _ => return false,
    }
    let grantees: Vec<Ident> = g
        .grantees
        .iter()
        .map(|gr| match (&gr.grantee_type, &gr.name) {
            (GranteesType::Public, _) => Ident::new("public"),
            (_, Some(GranteeName::ObjectName(n))) => ctx.qualify(n).name,
            (_, Some(GranteeName::UserHost { user, .. })) => ctx.ident(user),
            (_, None) => Ident::new("public"),
        })
        .collect();
    for on in &targets {
        for grantee in &grantees {
            ctx.catalog.add_grant(Grant {
                on: on.clone(),
                grantee: grantee.clone(),
                privileges: privileges.clone(),
                with_grant_option: g.with_grant_option,
                meta: ctx.meta(),
            });
        }
    }
    true
}

/// `select ("Name", code)` -> `SELECT ("Name", code)`: the keyword upper case, column
/// names exactly as written (they are identifiers).
fn privilege_text(shown: &str) -> String {
    match shown.split_once('(') {
        Some((word, columns)) => format!("{}({columns}", word.to_ascii_uppercase()),
        None => shown.to_ascii_uppercase(),
    }
}
