//! `refs` from `pg_depend`: what views, functions and expressions (defaults, generated
//! columns, checks, index expressions and predicates, policy quals, domain defaults and
//! checks) depend on, as the [`ObjectRef`]s the parser would find in their text.
//!
//! `pg_depend` records dependencies per object, not per expression: an index's
//! references go to each of its expressions, a policy's to both its quals. The planner
//! orders whole objects, and both sides of a comparison are read the same way, so the
//! union is what matters.

use crate::ctx::{Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use schemadiff_model::{
    Catalog, ConstraintKind, Expr, Ident, IndexTarget, ObjectId, ObjectRef, QualifiedName, RefKind,
    TypeDef,
};
use std::collections::{BTreeSet, HashMap};

pub(crate) const QUERY: Query = Query {
    name: "deps.sql",
    sql: include_str!("deps.sql"),
    filtered: false,
};

/// The object a `deps.sql` row's references belong to, by the OID its loader remembered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Dependent {
    View(u32),
    Function(u32),
    /// A column's default or generated expression: table OID and attnum.
    Default(u32, i16),
    /// A table's CHECK or exclusion constraint.
    Constraint(u32),
    /// A domain's named CHECK: the domain's type OID and the constraint name.
    DomainCheck(u32, String),
    DomainDefault(u32),
    /// An index, or the index behind an exclusion constraint.
    Index(u32),
    Policy(u32),
}

/// Reads every row, then sets `refs` on the objects already in the catalog. Rows for
/// objects outside the scope (or left out as extension members) find nothing and are
/// dropped.
pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    let mut found: HashMap<Dependent, BTreeSet<ObjectRef>> = HashMap::new();
    for row in rows.iter() {
        found
            .entry(dependent(row)?)
            .or_default()
            .insert(reference(row)?);
    }
    for (dependent, refs) in found {
        attach(ctx, dependent, refs);
    }
    Ok(())
}

fn dependent(row: RowRef<'_>) -> Result<Dependent, IntrospectError> {
    let owner: u32 = row.get("owner")?;
    let kind: &str = row.get("kind")?;
    Ok(match kind {
        "v" => Dependent::View(owner),
        "f" => Dependent::Function(owner),
        "d" => Dependent::Default(owner, row.get("attnum")?),
        "c" => Dependent::Constraint(owner),
        "k" => Dependent::DomainCheck(owner, row.get("conname")?),
        "t" => Dependent::DomainDefault(owner),
        "i" => Dependent::Index(owner),
        "p" => Dependent::Policy(owner),
        other => return Err(row.unexpected("dependent kind", other)),
    })
}

fn reference(row: RowRef<'_>) -> Result<ObjectRef, IntrospectError> {
    let kind: &str = row.get("ref_kind")?;
    let kind = match kind {
        "r" => RefKind::Relation,
        "S" => RefKind::Sequence,
        "f" => RefKind::Function,
        "t" => RefKind::Type,
        other => return Err(row.unexpected("referenced kind", other)),
    };
    Ok(ObjectRef {
        kind,
        name: QualifiedName::new(
            row.get::<String>("ref_schema")?,
            row.get::<String>("ref_name")?,
        ),
    })
}

fn attach(ctx: &mut Ctx, dependent: Dependent, refs: BTreeSet<ObjectRef>) {
    let catalog = &mut ctx.catalog;
    match dependent {
        Dependent::View(oid) => {
            if let Some(ObjectId::Relation { name, .. }) = ctx.objects.get(&(Class::Relation, oid))
            {
                if let Some(view) = catalog.views.get_mut(name) {
                    view.refs = refs;
                }
            }
        }
        Dependent::Function(oid) => {
            if let Some(id) = ctx.objects.get(&(Class::Proc, oid)) {
                if let Some(function) = catalog.functions.get_mut(id) {
                    function.refs = refs;
                }
            }
        }
        Dependent::Default(relid, attnum) => {
            let column = ctx
                .tables
                .get(&relid)
                .zip(ctx.columns.get(&(relid, attnum)))
                .and_then(|(table, &i)| catalog.tables.get_mut(table)?.columns.get_mut(i));
            if let Some(column) = column {
                for expr in column
                    .default
                    .iter_mut()
                    .chain(column.generated.as_deref_mut())
                {
                    expr.refs = refs.clone();
                }
            }
        }
        Dependent::Constraint(oid) => {
            if let Some(ObjectId::Constraint { table, name }) =
                ctx.objects.get(&(Class::Constraint, oid))
            {
                constraint_refs(catalog, table, name, refs);
            }
        }
        Dependent::DomainCheck(oid, check) => {
            if let Some(TypeDef::Domain { checks, .. }) = domain(ctx, oid) {
                for (_, expr) in checks.iter_mut().filter(|(name, _)| name.as_str() == check) {
                    expr.refs = refs.clone();
                }
            }
        }
        Dependent::DomainDefault(oid) => {
            if let Some(TypeDef::Domain {
                default: Some(expr),
                ..
            }) = domain(ctx, oid)
            {
                expr.refs = refs;
            }
        }
        Dependent::Index(oid) => {
            if let Some(ObjectId::Index { name }) = ctx.objects.get(&(Class::Relation, oid)) {
                if let Some(index) = catalog.indexes.get_mut(name) {
                    let keys = index.keys.iter_mut().filter_map(|k| match &mut k.target {
                        IndexTarget::Expression(e) => Some(e),
                        IndexTarget::Column(_) => None,
                    });
                    set_all(keys.chain(index.predicate.iter_mut()), &refs);
                }
            } else if let Some((table, name)) = ctx.constraint_indexes.get(&oid) {
                constraint_refs(catalog, table, name, refs);
            }
        }
        Dependent::Policy(oid) => {
            if let Some(ObjectId::Policy { table, name }) = ctx.objects.get(&(Class::Policy, oid)) {
                if let Some(policy) = catalog.policies.get_mut(&(table.clone(), name.clone())) {
                    let quals = policy.using.iter_mut().chain(policy.with_check.iter_mut());
                    set_all(quals, &refs);
                }
            }
        }
    }
}

/// A CHECK's expression, or an exclusion constraint's predicate (its index's references).
fn constraint_refs(
    catalog: &mut Catalog,
    table: &QualifiedName,
    name: &Ident,
    refs: BTreeSet<ObjectRef>,
) {
    let Some(constraint) = catalog
        .tables
        .get_mut(table)
        .and_then(|t| t.constraints.get_mut(name))
    else {
        return;
    };
    match &mut constraint.kind {
        ConstraintKind::Check { expr, .. } => expr.refs = refs,
        ConstraintKind::Exclusion {
            predicate: Some(expr),
            ..
        } => expr.refs = refs,
        _ => {}
    }
}

fn domain(ctx: &mut Ctx, oid: u32) -> Option<&mut TypeDef> {
    let Some(ObjectId::Type { name }) = ctx.objects.get(&(Class::Type, oid)) else {
        return None;
    };
    ctx.catalog.types.get_mut(name).map(|t| &mut t.def)
}

fn set_all<'a>(exprs: impl Iterator<Item = &'a mut Expr>, refs: &BTreeSet<ObjectRef>) {
    for expr in exprs {
        expr.refs = refs.clone();
    }
}
