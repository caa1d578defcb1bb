//! Tables: create, drop, rename, recreate (partitioning or inheritance changed), and the
//! table-level settings (row security, logged, storage options). Columns and
//! constraints of kept tables are compared in `column.rs` and `constraint.rs`.
//!
//! Changes on a kept table name it by its desired name: a `RenameTable` comes first.

use crate::change::Change;
use crate::ctx::Ctx;
use crate::join::join;
use crate::{column, constraint};
use schemadiff_model::{Constraint, ConstraintKind, QualifiedName, Table};
use std::collections::{BTreeMap, BTreeSet};

/// Constraints created after their table (as `create.rs` does for from-empty plans):
/// foreign keys may form cycles, and only ALTER TABLE can add a constraint NOT VALID.
pub(crate) fn is_late(c: &Constraint) -> bool {
    matches!(c.kind, ConstraintKind::ForeignKey(_)) || c.not_valid
}

/// The desired table as the files have it, when they have it.
pub(crate) fn source<'a>(ctx: &Ctx<'a>, des: &'a Table) -> &'a Table {
    ctx.src.and_then(|s| s.tables.get(&des.name)).unwrap_or(des)
}

/// Whether the table must be dropped and created again rather than altered.
fn must_recreate(ctx: &Ctx<'_>, cur: &Table, des: &Table) -> bool {
    let r = &ctx.renames;
    let same_parent = match (&cur.partition_of, &des.partition_of) {
        (None, None) => true,
        (Some(c), Some(d)) => r.table(&c.parent) == &d.parent && c.bound == d.bound,
        _ => false,
    };
    cur.partition_by != des.partition_by
        || !same_parent
        || cur.inherits.len() != des.inherits.len()
        || cur
            .inherits
            .iter()
            .zip(&des.inherits)
            .any(|(a, b)| r.table(a) != b)
}

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    // Kept tables (current, desired) in desired order; a merge join, no lookups.
    let mut pairs: Vec<(&Table, &Table)> = Vec::new();
    let mut recreate: BTreeSet<&QualifiedName> = BTreeSet::new();
    let mut created: Vec<&Table> = Vec::new();
    let mut dropped: Vec<&Table> = Vec::new();
    for (name, cur, des) in join(&cur_cat.tables, &des_cat.tables) {
        let cur = match (cur, des) {
            (Some(c), Some(_)) => Some(c),
            (Some(c), None) => {
                if !ctx.renames.tables.contains_key(name) {
                    dropped.push(c);
                }
                continue;
            }
            (None, _) => match ctx.renames.tables_back.get(name) {
                Some(old) => cur_cat.tables.get(old),
                None => None,
            },
        };
        let Some(des) = des else { continue };
        match cur {
            None => created.push(des),
            Some(cur) => {
                if must_recreate(ctx, cur, des) {
                    recreate.insert(&cur.name);
                }
                pairs.push((cur, des));
            }
        }
    }
    // Dropping a parent drops its partitions and refuses while children inherit from
    // it: children of whatever goes are recreated too.
    let mut gone: BTreeSet<&QualifiedName> = dropped.iter().map(|t| &t.name).collect();
    gone.extend(recreate.iter().copied());
    let mut children: BTreeMap<&QualifiedName, Vec<&QualifiedName>> = BTreeMap::new();
    for t in cur_cat.tables.values() {
        let parents = t.partition_of.iter().map(|p| &p.parent).chain(&t.inherits);
        for p in parents {
            children.entry(p).or_default().push(&t.name);
        }
    }
    let mut work: Vec<&QualifiedName> = gone.iter().copied().collect();
    while let Some(p) = work.pop() {
        for &child in children.get(p).map(Vec::as_slice).unwrap_or_default() {
            if gone.insert(child) {
                recreate.insert(child);
                work.push(child);
            }
        }
    }
    ctx.gone.relations.extend(gone.iter().map(|n| (*n).clone()));

    let mut out = Vec::new();
    for t in &dropped {
        out.push(Change::DropTable((*t).clone()));
    }
    for name in &recreate {
        let cur = cur_cat.tables.get(*name);
        if let (Some(cur), Some(des)) = (cur, des_cat.tables.get(ctx.renames.table(name))) {
            out.push(Change::DropTable(cur.clone()));
            created.push(des);
        }
    }
    created.sort_by(|a, b| a.name.cmp(&b.name));
    for des in created {
        create(ctx, des, &mut out);
    }
    let kept: Vec<(&Table, &Table)> = if recreate.is_empty() {
        pairs
    } else {
        pairs
            .into_iter()
            .filter(|(c, _)| !recreate.contains(&c.name))
            .collect()
    };
    for (cur, des) in &kept {
        if cur.name != des.name {
            out.push(Change::RenameTable {
                from: cur.name.clone(),
                to: des.name.clone(),
            });
        }
    }
    // Unchanged tables too when a type or function their columns use is recreated.
    let recreating = !ctx.recreated.is_empty();
    for (cur, des) in &kept {
        if cur != des || cur.name != des.name || recreating {
            column::diff(ctx, cur, des, &mut out);
        }
    }
    let forced = constraint::forced(ctx, &kept);
    for (cur, des) in &kept {
        let f = forced.get(&cur.name);
        if cur != des || cur.name != des.name || f.is_some() {
            constraint::diff(ctx, cur, des, f, &mut out);
            settings(cur, des, &mut out);
        }
    }
    out
}

/// `CreateTable` without its late constraints, which follow as `AddConstraint`s; row
/// security as its own change.
pub(crate) fn create(ctx: &Ctx<'_>, des: &Table, out: &mut Vec<Change>) {
    let src = source(ctx, des);
    let mut table = src.clone();
    table
        .constraints
        .retain(|n, k| !is_late(k) && !des.constraints.get(n).is_some_and(is_late));
    out.push(Change::CreateTable(table));
    for (n, k) in des.constraints.iter().filter(|(_, k)| is_late(k)) {
        out.push(Change::AddConstraint {
            table: des.name.clone(),
            constraint: src.constraints.get(n).unwrap_or(k).clone(),
        });
    }
    if des.rls_enabled || des.rls_forced {
        out.push(Change::SetRowSecurity {
            table: des.name.clone(),
            enabled: des.rls_enabled,
            forced: des.rls_forced,
        });
    }
}

/// Row security, logged/unlogged and storage parameters, altered in place.
fn settings(cur: &Table, des: &Table, out: &mut Vec<Change>) {
    if (cur.rls_enabled, cur.rls_forced) != (des.rls_enabled, des.rls_forced) {
        out.push(Change::SetRowSecurity {
            table: des.name.clone(),
            enabled: des.rls_enabled,
            forced: des.rls_forced,
        });
    }
    if cur.unlogged != des.unlogged {
        out.push(Change::SetLogged {
            table: des.name.clone(),
            unlogged: des.unlogged,
        });
    }
    let key = |o: &String| {
        o.split('=')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    };
    let set: Vec<String> = des
        .options
        .iter()
        .filter(|o| !cur.options.contains(o))
        .cloned()
        .collect();
    let des_keys: BTreeSet<String> = des.options.iter().map(key).collect();
    let reset: Vec<String> = cur
        .options
        .iter()
        .map(key)
        .filter(|k| !des_keys.contains(k))
        .collect();
    if !set.is_empty() || !reset.is_empty() {
        out.push(Change::SetTableOptions {
            table: des.name.clone(),
            set,
            reset,
        });
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
