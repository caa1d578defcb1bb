//! Enum, composite and domain types: create, drop, enum labels added in place (in
//! label order, so several inserts work) or the enum recreated when labels are removed
//! or reordered, domains and composites altered in place where PostgreSQL can.

use crate::change::{Change, EnumPosition};
use crate::ctx::Ctx;
use schemadiff_model::{Ident, QualifiedName, TypeDef, UserType};
use std::collections::{BTreeMap, BTreeSet};

enum Verdict {
    Same,
    AddLabels(Vec<(String, EnumPosition)>),
    RecreateEnum,
    Alter,
    Recreate,
}

fn compare(cur: &UserType, des: &UserType) -> Verdict {
    if cur.def == des.def {
        return Verdict::Same;
    }
    match (&cur.def, &des.def) {
        (TypeDef::Enum { labels: c }, TypeDef::Enum { labels: d }) => match added_labels(c, d) {
            Some(added) => Verdict::AddLabels(added),
            None => Verdict::RecreateEnum,
        },
        (TypeDef::Composite { attributes: c }, TypeDef::Composite { attributes: d }) => {
            // ADD ATTRIBUTE appends: kept attributes must keep their relative order and
            // come before the new ones.
            let cur_names: BTreeSet<&Ident> = c.iter().map(|a| &a.name).collect();
            let des_names: BTreeSet<&Ident> = d.iter().map(|a| &a.name).collect();
            let kept_cur: Vec<&Ident> = c
                .iter()
                .map(|a| &a.name)
                .filter(|n| des_names.contains(n))
                .collect();
            let first_new = d
                .iter()
                .position(|a| !cur_names.contains(&a.name))
                .unwrap_or(d.len());
            let kept_des: Vec<&Ident> = d[..first_new].iter().map(|a| &a.name).collect();
            let rest_new = d[first_new..].iter().all(|a| !cur_names.contains(&a.name));
            if kept_cur == kept_des && rest_new {
                Verdict::Alter
            } else {
                Verdict::Recreate
            }
        }
        (
            TypeDef::Domain {
                base: cb,
                collation: cc,
                ..
            },
            TypeDef::Domain {
                base: db,
                collation: dc,
                ..
            },
        ) if cb == db && cc == dc => Verdict::Alter,
        _ => Verdict::Recreate,
    }
}

/// New labels with their positions when the current labels keep their order in the
/// desired list; `None` when a label is removed or labels are reordered.
fn added_labels(cur: &[String], des: &[String]) -> Option<Vec<(String, EnumPosition)>> {
    let mut it = des.iter();
    if !cur.iter().all(|c| it.any(|d| d == c)) {
        return None;
    }
    let existing: BTreeSet<&String> = cur.iter().collect();
    let last_existing = des.iter().rposition(|d| existing.contains(d));
    let mut out = Vec::new();
    for (i, label) in des.iter().enumerate() {
        if existing.contains(label) {
            continue;
        }
        let position = match (i, last_existing) {
            (_, None) => EnumPosition::Last,
            (i, Some(l)) if i > l => EnumPosition::Last,
            // Before the first current label; labels added before this one are
            // themselves before it, so desired order holds.
            (0, Some(_)) => EnumPosition::Before(cur.first()?.clone()),
            // After the previous desired label, which exists by now (current or added
            // just before).
            (i, Some(_)) => EnumPosition::After(des[i - 1].clone()),
        };
        out.push((label.clone(), position));
    }
    Some(out)
}

/// Whether the current type is dropped and created again (not an enum: those have
/// `RecreateEnum`).
pub(crate) fn recreated(cur: &UserType, des: &UserType) -> bool {
    matches!(compare(cur, des), Verdict::Recreate)
}

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    let mut recreate_enums: Vec<(&UserType, &UserType)> = Vec::new();
    for (name, d) in &ctx.des.types {
        let to = ctx.src.and_then(|s| s.types.get(name)).unwrap_or(d);
        let Some(c) = ctx.cur.types.get(name) else {
            out.push(Change::CreateType(to.clone()));
            continue;
        };
        match compare(c, d) {
            Verdict::Same => {}
            Verdict::AddLabels(labels) => {
                for (value, position) in labels {
                    out.push(Change::AddEnumValue {
                        ty: name.clone(),
                        value,
                        position,
                    });
                }
            }
            Verdict::RecreateEnum => {
                ctx.gone.types.insert(name.clone());
                recreate_enums.push((c, to));
            }
            Verdict::Alter => out.push(Change::AlterType {
                from: c.clone(),
                to: to.clone(),
            }),
            Verdict::Recreate => {
                ctx.gone.types.insert(name.clone());
                out.push(Change::DropType(c.clone()));
                out.push(Change::CreateType(to.clone()));
            }
        }
    }
    if !recreate_enums.is_empty() {
        let names: BTreeSet<&QualifiedName> = recreate_enums.iter().map(|(c, _)| &c.name).collect();
        let mut users = columns_using(ctx, &names);
        for (c, to) in recreate_enums {
            let columns = users.remove(&c.name).unwrap_or_default();
            for (t, col) in &columns {
                ctx.gone
                    .retyped
                    .entry(t.clone())
                    .or_default()
                    .insert(col.clone());
            }
            out.push(Change::RecreateEnum {
                from: c.clone(),
                to: to.clone(),
                columns,
            });
        }
    }
    for (name, c) in &ctx.cur.types {
        if !ctx.des.types.contains_key(name) {
            ctx.gone.types.insert(name.clone());
            out.push(Change::DropType(c.clone()));
        }
    }
    out
}

/// Current table columns whose type (or array element type) is one of `types`, but
/// not those the change set drops.
fn columns_using(
    ctx: &Ctx<'_>,
    types: &BTreeSet<&QualifiedName>,
) -> BTreeMap<QualifiedName, Vec<(QualifiedName, Ident)>> {
    let mut out: BTreeMap<QualifiedName, Vec<(QualifiedName, Ident)>> = BTreeMap::new();
    for t in ctx.cur.tables.values() {
        if ctx.gone.relations.contains(&t.name) {
            continue;
        }
        for col in &t.columns {
            if ctx.gone.column(&t.name, &col.name) {
                continue;
            }
            if let Some(q) = col.ty.qualified() {
                if types.contains(&q) {
                    out.entry(q)
                        .or_default()
                        .push((t.name.clone(), col.name.clone()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "types_tests.rs"]
mod tests;
