//! Constraints of a kept table: add, drop, rename (explicit only), validate; a changed
//! definition is a drop plus an add. Also which constraints must be dropped and added
//! again because something they use goes away (a referenced table or column).

use crate::change::Change;
use crate::ctx::Ctx;
use crate::rename::annotation;
use crate::table::source;
use crate::words::mentions;
use schemadiff_model::{Constraint, ConstraintKind, Ident, ObjectId, QualifiedName, Table};
use std::collections::{BTreeMap, BTreeSet};

/// Same definition, whatever the name, validity and name origin.
fn same(a: &Constraint, b: &Constraint) -> bool {
    a.kind == b.kind && a.deferrable == b.deferrable
}

/// Whether the constraint uses the column (keys, referencing columns, expressions).
pub(crate) fn uses_column(c: &Constraint, col: &Ident) -> bool {
    match &c.kind {
        ConstraintKind::PrimaryKey { columns, include }
        | ConstraintKind::Unique {
            columns, include, ..
        } => columns.contains(col) || include.contains(col),
        ConstraintKind::ForeignKey(fk) => fk.columns.contains(col),
        ConstraintKind::Check { expr, .. } => mentions(&expr.sql, col),
        ConstraintKind::Exclusion {
            elements,
            predicate,
            ..
        } => {
            elements.iter().any(|(e, _)| mentions(e, col))
                || predicate.as_ref().is_some_and(|p| mentions(&p.sql, col))
        }
    }
}

/// Constraints of kept tables (current names) that must be dropped and added again:
/// foreign keys to a dropped table or column, constraints on a dropped column, and
/// checks calling a function (or casting to a type) that is dropped and created again.
pub(crate) fn forced(
    ctx: &Ctx<'_>,
    kept: &[(&Table, &Table)],
) -> BTreeMap<QualifiedName, BTreeSet<Ident>> {
    let mut out: BTreeMap<QualifiedName, BTreeSet<Ident>> = BTreeMap::new();
    let gone = &ctx.gone;
    if !ctx.recreated.is_empty() {
        // PostgreSQL refuses to drop a function a check calls or a type it casts to.
        for (cur, _) in kept {
            for c in cur.constraints.values() {
                let expr = match &c.kind {
                    ConstraintKind::Check { expr, .. } => Some(expr),
                    ConstraintKind::Exclusion { predicate, .. } => predicate.as_ref(),
                    _ => None,
                };
                if expr.is_some_and(|e| ctx.recreated.used_by(e)) {
                    out.entry(cur.name.clone())
                        .or_default()
                        .insert(c.name.clone());
                }
            }
        }
    }
    if gone.relations.is_empty() && gone.columns.is_empty() {
        return out;
    }
    for (cur, _) in kept {
        for c in cur.constraints.values() {
            let ConstraintKind::ForeignKey(fk) = &c.kind else {
                continue;
            };
            if gone.relations.contains(&fk.ref_table)
                || fk
                    .ref_columns
                    .iter()
                    .any(|col| gone.column(&fk.ref_table, col))
            {
                out.entry(cur.name.clone())
                    .or_default()
                    .insert(c.name.clone());
            }
        }
    }
    for (cur, _) in kept {
        let Some(cols) = gone.columns.get(&cur.name) else {
            continue;
        };
        for c in cur.constraints.values() {
            if cols.iter().any(|col| uses_column(c, col)) {
                out.entry(cur.name.clone())
                    .or_default()
                    .insert(c.name.clone());
            }
        }
    }
    out
}

pub(crate) fn diff(
    ctx: &mut Ctx<'_>,
    cur: &Table,
    des: &Table,
    forced: Option<&BTreeSet<Ident>>,
    out: &mut Vec<Change>,
) {
    let src = source(ctx, des);
    let table = &des.name;
    let is_forced = |n: &Ident| forced.is_some_and(|f| f.contains(n));
    // Desired constraint name -> the current one it continues.
    let mut matched: BTreeMap<&Ident, &Constraint> = BTreeMap::new();
    for (n, d) in &des.constraints {
        if let Some(c) = cur.constraints.get(n) {
            matched.insert(n, c);
            continue;
        }
        let s = src.constraints.get(n).map(|c| &c.meta);
        let Some(old) = annotation(s, &d.meta) else {
            continue;
        };
        if let Some(c) = cur.constraints.get(old) {
            if !des.constraints.contains_key(old) && !matched.values().any(|m| &m.name == old) {
                matched.insert(n, c);
            }
        }
    }
    // PostgreSQL renames neither constraints with their table nor generated names with
    // their columns: on a renamed table (or column) the same definition under the new
    // generated name continues the old constraint.
    let renamed = cur.name != des.name
        || ctx
            .renames
            .columns
            .range((table.clone(), Ident::default())..)
            .next()
            .is_some_and(|((t, _), _)| t == table);
    if renamed {
        let mut used: BTreeSet<&Ident> = matched.values().map(|c| &c.name).collect();
        for (n, d) in &des.constraints {
            if matched.contains_key(n) {
                continue;
            }
            let found = cur
                .constraints
                .values()
                .find(|c| !used.contains(&c.name) && same(&ctx.renames.constraint(table, c), d));
            if let Some(c) = found {
                used.insert(&c.name);
                matched.insert(n, c);
            }
        }
    }
    let drop = |ctx: &mut Ctx<'_>, c: &Constraint, out: &mut Vec<Change>| {
        ctx.gone.objects.insert(ObjectId::Constraint {
            table: cur.name.clone(),
            name: c.name.clone(),
        });
        out.push(Change::DropConstraint {
            table: table.clone(),
            constraint: c.clone(),
        });
    };
    let add = |n: &Ident, d: &Constraint, out: &mut Vec<Change>| {
        out.push(Change::AddConstraint {
            table: table.clone(),
            constraint: src.constraints.get(n).unwrap_or(d).clone(),
        });
    };
    for (n, d) in &des.constraints {
        let Some(c) = matched.get(n) else {
            add(n, d, out);
            continue;
        };
        if is_forced(&c.name) || !same(&ctx.renames.constraint(table, c), d) {
            drop(ctx, c, out);
            add(n, d, out);
            continue;
        }
        if c.name != *n {
            ctx.renames
                .constraints
                .insert((table.clone(), c.name.clone()), n.clone());
            out.push(Change::RenameConstraint {
                table: table.clone(),
                from: c.name.clone(),
                to: n.clone(),
            });
        }
        // A valid constraint already satisfies a NOT VALID one: nothing to do then.
        if c.not_valid && !d.not_valid {
            out.push(Change::ValidateConstraint {
                table: table.clone(),
                name: n.clone(),
            });
        }
    }
    let continued: BTreeSet<&Ident> = matched.values().map(|c| &c.name).collect();
    for c in cur.constraints.values() {
        if !continued.contains(&c.name) {
            drop(ctx, c, out);
        }
    }
}
