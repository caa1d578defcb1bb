//! Indexes: create, drop, rename (explicit only); a changed definition is a drop plus
//! a create. Indexes of dropped or recreated relations go with them (and are created
//! again if still desired); indexes on a dropped column are dropped and created again.
//!
//! Indexes that back a primary key, unique or exclusion constraint belong to the
//! constraint: introspection leaves them out of `catalog.indexes` and the parser never
//! puts them there; any that show up anyway are skipped here.

use crate::change::Change;
use crate::ctx::Ctx;
use crate::words::mentions;
use schemadiff_model::{Catalog, ConstraintKind, Index, IndexTarget, ObjectId};

/// Whether the index is the one a constraint of its table owns.
fn backs_constraint(catalog: &Catalog, ix: &Index) -> bool {
    catalog
        .tables
        .get(&ix.table)
        .and_then(|t| t.constraints.get(&ix.name.name))
        .is_some_and(|c| {
            !matches!(
                c.kind,
                ConstraintKind::ForeignKey(_) | ConstraintKind::Check { .. }
            )
        })
}

/// Whether the index uses a column dropped from its (kept) table.
fn uses_gone_column(ctx: &Ctx<'_>, ix: &Index) -> bool {
    if ctx.gone.columns.is_empty() {
        return false;
    }
    let gone =
        |c: &schemadiff_model::Ident| ctx.gone.columns.contains(&(ix.table.clone(), c.clone()));
    let in_text = |sql: &str| {
        ctx.gone
            .columns
            .iter()
            .any(|(t, c)| t == &ix.table && mentions(sql, c))
    };
    ix.keys.iter().any(|k| match &k.target {
        IndexTarget::Column(c) => gone(c),
        IndexTarget::Expression(e) => in_text(&e.sql),
    }) || ix.include.iter().any(gone)
        || ix.predicate.as_ref().is_some_and(|p| in_text(&p.sql))
}

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    let mut out = Vec::new();
    let drop = |ctx: &mut Ctx<'_>, c: &Index, out: &mut Vec<Change>| {
        ctx.gone.objects.insert(ObjectId::Index {
            name: c.name.clone(),
        });
        // An index goes with its relation: no drop of its own.
        if !ctx.gone.relations.contains(&c.table) {
            out.push(Change::DropIndex(c.clone()));
        }
    };
    let mut continued = std::collections::BTreeSet::new();
    let mut creates = Vec::new();
    for (name, d) in &des_cat.indexes {
        if backs_constraint(des_cat, d) {
            continue;
        }
        let to = ctx.src.and_then(|s| s.indexes.get(name)).unwrap_or(d);
        let wanted = ctx.renames.indexes_back.get(name).unwrap_or(name);
        let Some((cur_name, c)) = cur_cat.indexes.get_key_value(wanted) else {
            creates.push(Change::CreateIndex(to.clone()));
            continue;
        };
        if backs_constraint(cur_cat, c) {
            creates.push(Change::CreateIndex(to.clone()));
            continue;
        }
        continued.insert(cur_name);
        let relation_gone = ctx.gone.relations.contains(&c.table);
        let changed = if ctx.renames.is_empty() {
            c != d
        } else {
            &ctx.renames.index(c) != d
        };
        if relation_gone || changed || uses_gone_column(ctx, c) {
            drop(ctx, c, &mut out);
            creates.push(Change::CreateIndex(to.clone()));
        } else if cur_name != name {
            out.push(Change::RenameIndex {
                from: cur_name.clone(),
                to: name.clone(),
            });
        }
    }
    for (name, c) in &cur_cat.indexes {
        if !continued.contains(name) && !backs_constraint(cur_cat, c) {
            drop(ctx, c, &mut out);
        }
    }
    out.extend(creates);
    out
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
