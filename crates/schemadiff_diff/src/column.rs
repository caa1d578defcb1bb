//! Columns of a kept table, compared by name (declaration order is ignored): add, drop,
//! rename (explicit only), and in-place alters of type, collation, default, not null,
//! identity and generation.

use crate::change::Change;
use crate::ctx::Ctx;
use crate::recreated::Detour;
use crate::rename::annotation;
use crate::table::source;
use schemadiff_model::{Column, Ident, Table};
use std::collections::{BTreeMap, BTreeSet};

/// Whether two columns (of any name) have the same definition.
fn same(a: &Column, b: &Column) -> bool {
    a.ty == b.ty
        && a.not_null == b.not_null
        && a.default == b.default
        && a.identity == b.identity
        && a.generated == b.generated
        && a.collation == b.collation
}

/// A generation expression cannot be changed in place (PostgreSQL 15): the column is
/// dropped and added again. Dropping it (`DROP EXPRESSION`) keeps the data.
fn needs_readd(cur: &Column, des: &Column) -> bool {
    des.generated.is_some() && cur.generated != des.generated
}

/// How a kept column reaches its desired definition.
enum Way {
    Direct,
    /// Dropped and added again.
    Readd,
    /// Through this definition first (a type detour, no default), then to the desired
    /// one: what it uses is dropped in between and created again.
    Via(Box<Column>),
}

fn way(ctx: &Ctx<'_>, c: &Column, d: &Column) -> Way {
    let rec = &ctx.recreated;
    if rec.is_empty() {
        return Way::Direct;
    }
    let uses = |e: &Option<schemadiff_model::Expr>| e.as_ref().is_some_and(|e| rec.used_by(e));
    // A generation expression cannot be dropped and set again; the values are
    // computed anew, so nothing is lost.
    if c.generated.as_deref().is_some_and(|e| rec.used_by(e)) && d.generated.is_some() {
        return Way::Readd;
    }
    let mut mid = c.clone();
    mid.name = d.name.clone();
    // A column retyped away from a recreated type needs no detour: its own type change
    // comes before the type's drop.
    let detour = if c.ty == d.ty {
        rec.detour(&c.ty)
    } else {
        None
    };
    match detour {
        Some(Detour::Readd) => return Way::Readd,
        Some(Detour::Through(t)) => {
            let mut t = t.clone();
            t.array_dims = t.array_dims.saturating_add(c.ty.array_dims);
            mid.ty = t;
            // The default may cast to the type; the planner drops it around the type
            // change and the second step sets the desired one.
            mid.default = None;
        }
        // SET DEFAULT cannot both precede the function's drop (the old default calls
        // it) and follow its creation (the new one does): dropped, then set again.
        None if uses(&c.default) && uses(&d.default) => mid.default = None,
        None => return Way::Direct,
    }
    Way::Via(Box::new(mid))
}

fn gone_column(ctx: &mut Ctx<'_>, cur: &Table, c: &Column) {
    ctx.gone
        .columns
        .entry(cur.name.clone())
        .or_default()
        .insert(c.name.clone());
}

pub(crate) fn diff(ctx: &mut Ctx<'_>, cur: &Table, des: &Table, out: &mut Vec<Change>) {
    let src = source(ctx, des);
    let cur_cols: BTreeMap<&Ident, &Column> = cur.columns.iter().map(|c| (&c.name, c)).collect();
    let des_cols: BTreeMap<&Ident, &Column> = des.columns.iter().map(|c| (&c.name, c)).collect();
    let table = &des.name;
    // Desired column name -> the current column it continues.
    let mut matched: BTreeMap<&Ident, &Column> = BTreeMap::new();
    for d in &des.columns {
        if let Some(c) = cur_cols.get(&d.name) {
            matched.insert(&d.name, c);
            continue;
        }
        let s = src.column(&d.name).map(|c| &c.meta);
        let Some(old) = annotation(s, &d.meta) else {
            continue;
        };
        if let Some(c) = cur_cols.get(old) {
            if !des_cols.contains_key(old) && !matched.values().any(|m| &m.name == old) {
                matched.insert(&d.name, c);
            }
        }
    }
    let mut drops = Vec::new();
    let mut adds = Vec::new();
    let mut renames = Vec::new();
    let mut alters = Vec::new();
    for d in &des.columns {
        let to = src.column(&d.name).unwrap_or(d);
        let Some(c) = matched.get(&d.name) else {
            adds.push(Change::AddColumn {
                table: table.clone(),
                column: to.clone(),
            });
            continue;
        };
        let way = way(ctx, c, d);
        if needs_readd(c, d) || matches!(way, Way::Readd) {
            gone_column(ctx, cur, c);
            drops.push(Change::DropColumn {
                table: table.clone(),
                column: (*c).clone(),
            });
            adds.push(Change::AddColumn {
                table: table.clone(),
                column: to.clone(),
            });
            continue;
        }
        if c.name != d.name {
            ctx.renames
                .columns
                .insert((table.clone(), c.name.clone()), d.name.clone());
            renames.push(Change::RenameColumn {
                table: table.clone(),
                from: c.name.clone(),
                to: d.name.clone(),
            });
        }
        if let Way::Via(mid) = way {
            if mid.ty != c.ty {
                ctx.gone
                    .retyped
                    .entry(cur.name.clone())
                    .or_default()
                    .insert(c.name.clone());
            }
            let mut from = (*c).clone();
            from.name = d.name.clone();
            let mut to = to.clone();
            to.ty = d.ty.clone();
            alters.push(Change::AlterColumn {
                table: table.clone(),
                from,
                to: (*mid).clone(),
            });
            alters.push(Change::AlterColumn {
                table: table.clone(),
                from: *mid,
                to,
            });
            continue;
        }
        if !same(c, d) {
            if c.ty != d.ty || c.collation != d.collation {
                ctx.gone
                    .retyped
                    .entry(cur.name.clone())
                    .or_default()
                    .insert(c.name.clone());
            }
            let mut from = (*c).clone();
            from.name = d.name.clone();
            // SQL as the files have it, but the type as PostgreSQL spells it.
            let mut to = to.clone();
            to.ty = d.ty.clone();
            alters.push(Change::AlterColumn {
                table: table.clone(),
                from,
                to,
            });
        }
    }
    let continued: BTreeSet<&Ident> = matched.values().map(|c| &c.name).collect();
    for c in &cur.columns {
        if !continued.contains(&c.name) {
            gone_column(ctx, cur, c);
            drops.push(Change::DropColumn {
                table: table.clone(),
                column: c.clone(),
            });
        }
    }
    out.extend(renames);
    out.extend(drops);
    out.extend(adds);
    out.extend(alters);
}
