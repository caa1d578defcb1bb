//! Types and sequences changed in place: composite attributes, domain constraints,
//! enums recreated when labels are removed or reordered, sequence options and owners.

use crate::action::{Action, ColumnChange, DomainChange, UsingCast};
use crate::builder::{Builder, Spec};
use crate::changes::{alter_spec, drop_spec, hazard};
use crate::create;
use crate::ctx::Ctx;
use crate::hazard::HazardCode::*;
use crate::keys::{self, Key, Strength};
use crate::lower_table::table_alter;
use crate::step::Phase;
use petgraph::graph::NodeIndex;
use schemadiff_model::ident::{truncate_to_bytes, MAX_IDENT_BYTES};
use schemadiff_model::{Ident, ObjectId, QualifiedName, Sequence, TypeDef, TypeName, UserType};

pub(crate) fn alter_type(ctx: &Ctx<'_>, from: &UserType, to: &UserType) -> Vec<Spec> {
    let name = &to.name;
    let spec = |action: Action| {
        let id = ObjectId::Type { name: name.clone() };
        let mut s = alter_spec(ctx, Phase::Type, id, Some(&to.meta), action);
        keys::user_type(to, &mut s.needs);
        keys::user_type(from, &mut s.used);
        s.provides.push(Key::Type(name.clone()));
        s
    };
    let mut out = Vec::new();
    match (&from.def, &to.def) {
        (TypeDef::Composite { attributes: a }, TypeDef::Composite { attributes: z }) => {
            let drop: Vec<Ident> = a
                .iter()
                .filter(|x| !z.iter().any(|y| y.name == x.name))
                .map(|x| x.name.clone())
                .collect();
            let add = z
                .iter()
                .filter(|y| !a.iter().any(|x| x.name == y.name))
                .cloned()
                .collect();
            let alter = z
                .iter()
                .filter(|y| a.iter().any(|x| x.name == y.name && x != *y))
                .cloned()
                .collect();
            let mut s = spec(Action::AlterComposite {
                name: name.clone(),
                drop,
                add,
                alter,
            });
            hazard(
                &mut s,
                BreaksClients,
                format!("the attributes of composite type {name} change"),
            );
            out.push(s);
        }
        (
            TypeDef::Domain {
                default: d0,
                not_null: n0,
                checks: c0,
                ..
            },
            TypeDef::Domain {
                default: d1,
                not_null: n1,
                checks: c1,
                ..
            },
        ) => {
            let domain = |change: DomainChange| {
                spec(Action::AlterDomain {
                    name: name.clone(),
                    change,
                })
            };
            for (cname, e) in c0 {
                if !c1.iter().any(|(n, x)| n == cname && x == e) {
                    out.push(domain(DomainChange::DropCheck {
                        name: cname.clone(),
                    }));
                }
            }
            if d0 != d1 {
                out.push(domain(match d1 {
                    Some(e) => DomainChange::SetDefault(e.clone()),
                    None => DomainChange::DropDefault,
                }));
            }
            if n0 != n1 {
                let mut s = domain(if *n1 {
                    DomainChange::SetNotNull
                } else {
                    DomainChange::DropNotNull
                });
                if *n1 {
                    hazard(
                        &mut s,
                        FullTableScan,
                        format!("every column of domain {name} is checked for NULLs"),
                    );
                    hazard(
                        &mut s,
                        MayFailOnExistingData,
                        format!("fails if a column of domain {name} holds NULLs"),
                    );
                }
                out.push(s);
            }
            for (cname, e) in c1 {
                if !c0.iter().any(|(n, x)| n == cname && x == e) {
                    let mut s = domain(DomainChange::AddCheck {
                        name: cname.clone(),
                        expr: e.clone(),
                    });
                    hazard(
                        &mut s,
                        FullTableScan,
                        format!("every column of domain {name} is checked against {cname}"),
                    );
                    hazard(
                        &mut s,
                        MayFailOnExistingData,
                        format!("fails if a value of domain {name} violates {cname}"),
                    );
                    out.push(s);
                }
            }
        }
        _ => {}
    }
    out
}

/// Labels removed or reordered: rename the old type away, create the new one, convert
/// each column through text (defaults dropped around it), drop the old type.
pub(crate) fn recreate_enum(
    b: &mut Builder,
    ctx: &Ctx<'_>,
    from: &UserType,
    to: &UserType,
    columns: &[(QualifiedName, Ident)],
) -> Vec<NodeIndex> {
    let name = &to.name;
    let old_name = Ident::new(truncate_to_bytes(
        &format!("{}__old", name.name),
        MAX_IDENT_BYTES,
    ));
    let old = QualifiedName::new(name.schema.clone(), old_name.clone());
    let id = ObjectId::Type { name: name.clone() };
    let mut steps = Vec::new();
    let mut rename = alter_spec(
        ctx,
        Phase::Type,
        id.clone(),
        Some(&to.meta),
        Action::RenameType {
            from: from.name.clone(),
            to: old_name,
        },
    );
    rename.retires.push(Key::Type(name.clone()));
    steps.push(rename);
    steps.push(create::user_type(to));
    for (table, column) in columns {
        let current = ctx.current.tables.get(table).and_then(|t| t.column(column));
        let desired = ctx.desired.tables.get(table).and_then(|t| t.column(column));
        let step = |change: ColumnChange| {
            let mut s = table_alter(
                ctx,
                table,
                ObjectId::Column {
                    table: table.clone(),
                    column: column.clone(),
                },
                Action::AlterColumn {
                    table: table.clone(),
                    column: column.clone(),
                    change,
                },
            );
            s.needs.push((Key::Type(name.clone()), Strength::Hard));
            s
        };
        if current.is_some_and(|c| c.default.is_some()) {
            steps.push(step(ColumnChange::DropDefault));
        }
        let dims = current.map(|c| c.ty.array_dims).unwrap_or(0);
        let mut ty = TypeName::user(name.clone());
        ty.array_dims = dims;
        let mut s = step(ColumnChange::Type {
            ty,
            collation: None,
            using: Some(UsingCast::ViaText),
        });
        hazard(
            &mut s,
            TableRewrite,
            format!("converting {table}.{column} to the recreated {name} rewrites {table}"),
        );
        hazard(
            &mut s,
            AccessExclusiveLock,
            format!("{table} is locked against reads and writes during the rewrite"),
        );
        hazard(
            &mut s,
            MayFailOnExistingData,
            format!("fails if {table}.{column} holds a label {name} no longer has"),
        );
        steps.push(s);
        if let Some(d) = desired
            .and_then(|c| c.default.clone())
            .or_else(|| current.and_then(|c| c.default.clone()))
        {
            steps.push(step(ColumnChange::SetDefault(d)));
        }
    }
    let mut drop = drop_spec(
        ctx,
        ObjectId::Type { name: old.clone() },
        Action::DropType { name: old },
    );
    drop.node.phase = Phase::Type;
    drop.node.domain = steps[0].node.domain.clone();
    steps.push(drop);
    b.add_chain(steps)
}

pub(crate) fn alter_sequence(
    b: &mut Builder,
    ctx: &Ctx<'_>,
    from: &Sequence,
    to: &Sequence,
) -> Vec<NodeIndex> {
    let mut out = Vec::new();
    let mut options_from = from.clone();
    options_from.owned_by = to.owned_by.clone();
    if &options_from != to {
        let id = ObjectId::Sequence {
            name: to.name.clone(),
        };
        let mut s = alter_spec(
            ctx,
            Phase::Sequence,
            id,
            Some(&to.meta),
            Action::AlterSequence {
                from: Box::new(from.clone()),
                to: Box::new(to.clone()),
            },
        );
        keys::sequence(to, &mut s.needs);
        keys::sequence(from, &mut s.used);
        s.provides.push(Key::Sequence(to.name.clone()));
        out.push(b.add(s));
    }
    if from.owned_by != to.owned_by {
        let mut s = create::sequence_owner(to);
        if let Some((t, _)) = &from.owned_by {
            s.used.push((Key::Relation(t.clone()), Strength::Hard));
        }
        let i = b.add(s);
        if let Some(&prev) = out.last() {
            b.graph.before(prev, i);
        }
        out.push(i);
    }
    out
}
