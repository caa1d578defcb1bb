//! CREATE TYPE (enum, composite) and CREATE DOMAIN -> model types.

use super::table::collation;
use super::types::plain_type;
use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::pending::Expect;
use crate::refs;
use schemadiff_model::names::make_object_name;
use schemadiff_model::{CompositeAttribute, Ident, QualifiedName, TypeDef, UserType};
use sqlparser::ast::{
    CreateDomain, ObjectName, Spanned, TableConstraint, UserDefinedTypeRepresentation,
};

pub fn create_type(ctx: &mut Ctx, name: &ObjectName, repr: Option<&UserDefinedTypeRepresentation>) {
    let qname = ctx.qualify(name);
    let def = match repr {
        Some(UserDefinedTypeRepresentation::Enum { labels }) => TypeDef::Enum {
            labels: labels.iter().map(|l| l.value.clone()).collect(),
        },
        Some(UserDefinedTypeRepresentation::Composite { attributes }) => TypeDef::Composite {
            attributes: attributes
                .iter()
                .map(|a| CompositeAttribute {
                    name: ctx.ident(&a.name),
                    ty: plain_type(ctx, &a.data_type),
                    collation: a.collation.as_ref().map(|c| collation(ctx, c)),
                })
                .collect(),
        },
        _ => {
            let loc = ctx.stmt_location();
            ctx.error(
                Diagnostic::warning(Code::UnsupportedStatement, format!("CREATE TYPE {qname} of this form (range, base or shell type) is not modelled"))
                    .at(loc, "kept out of the catalog")
                    .with_help("enum, composite and domain types are supported; others are planned by a later release"),
            );
            return;
        }
    };
    add(ctx, qname, def, name);
}

pub fn create_domain(ctx: &mut Ctx, d: &CreateDomain, not_null: bool) {
    let qname = ctx.qualify(&d.name);
    let mut checks = Vec::new();
    for c in &d.constraints {
        if let TableConstraint::Check(check) = c {
            let cname = match &check.name {
                Some(n) => ctx.ident(n),
                None => unnamed_check(qname.name.as_str(), &checks),
            };
            checks.push((cname, refs::expr(ctx, &check.expr)));
        }
    }
    let def = TypeDef::Domain {
        base: plain_type(ctx, &d.data_type),
        default: d.default.as_ref().map(|e| refs::expr(ctx, e)),
        not_null,
        collation: d
            .collation
            .as_ref()
            .map(|c| QualifiedName::new("pg_catalog", ctx.ident(c))),
        checks,
    };
    add(ctx, qname, def, &d.name);
}

/// PostgreSQL's name for an unnamed domain CHECK (`ChooseConstraintName`): the first
/// of `<domain>_check`, `<domain>_check1`, `<domain>_check2`, ... that no earlier check
/// of the domain has taken.
fn unnamed_check<T>(domain: &str, earlier: &[(Ident, T)]) -> Ident {
    let mut pass = 0usize;
    loop {
        let label = if pass == 0 {
            "check".to_string()
        } else {
            format!("check{pass}")
        };
        let name = Ident::new(make_object_name(domain, None, &label));
        if !earlier.iter().any(|(taken, _)| *taken == name) {
            return name;
        }
        pass += 1;
    }
}

fn add(ctx: &mut Ctx, qname: QualifiedName, def: TypeDef, name: &ObjectName) {
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(qname.schema.clone(), qname.schema.clone()),
        name.span(),
        format!("type {qname}"),
    );
    let t = UserType {
        name: qname,
        def,
        meta: ctx.meta(),
    };
    if let Err(dup) = ctx.catalog.add_type(t) {
        ctx.duplicate(*dup);
    }
}
