//! Indexes: create, drop, rename (explicit only); a changed definition is a drop plus
//! a create. Indexes of dropped or recreated relations go with them (and are created
//! again if still desired); indexes on a dropped column are dropped and created again.
//!
//! Indexes that back a primary key, unique or exclusion constraint belong to the
//! constraint: introspection leaves them out of `catalog.indexes` and the parser never
//! puts them there; any that show up anyway are skipped here.

use crate::change::Change;
use crate::ctx::Ctx;
use crate::join::join;
use crate::words::mentions;
use schemadiff_model::{Catalog, ConstraintKind, Index, IndexTarget, ObjectId, QualifiedName};
use std::collections::{BTreeMap, BTreeSet};

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
    let Some(cols) = ctx.gone.columns.get(&ix.table) else {
        return false;
    };
    let gone = |c: &schemadiff_model::Ident| cols.contains(c);
    let in_text = |sql: &str| cols.iter().any(|c| mentions(sql, c));
    ix.keys.iter().any(|k| match &k.target {
        IndexTarget::Column(c) => gone(c),
        IndexTarget::Expression(e) => in_text(&e.sql),
    }) || ix.include.iter().any(gone)
        || ix.predicate.as_ref().is_some_and(|p| in_text(&p.sql))
}

/// Whether the index calls a function (or casts to a type) dropped and created again.
fn uses_recreated(ctx: &Ctx<'_>, ix: &Index) -> bool {
    let rec = &ctx.recreated;
    !rec.is_empty()
        && (ix.keys.iter().any(|k| match &k.target {
            IndexTarget::Expression(e) => rec.used_by(e),
            IndexTarget::Column(_) => false,
        }) || ix.predicate.as_ref().is_some_and(|p| rec.used_by(p)))
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
    // Desired indexes with the current index they continue: same name, an explicit
    // rename, or (on a renamed table or column) the same definition under the new
    // generated name, since PostgreSQL renames neither with the table.
    let mut pairs: Vec<(&Index, Option<(&QualifiedName, &Index)>)> = Vec::new();
    let mut unmatched: BTreeMap<&QualifiedName, &Index> = BTreeMap::new();
    for (name, c, d) in join(&cur_cat.indexes, &des_cat.indexes) {
        match (c, d) {
            (Some(c), Some(d)) => pairs.push((d, Some((name, c)))),
            (None, Some(d)) => {
                let old = ctx.renames.indexes_back.get(name);
                let cur = old.and_then(|o| cur_cat.indexes.get_key_value(o));
                pairs.push((d, cur));
            }
            (Some(c), None) => {
                if !ctx.renames.indexes.contains_key(name) {
                    unmatched.insert(name, c);
                }
            }
            (None, None) => {}
        }
    }
    if !ctx.renames.is_empty() {
        match_renamed_tables(ctx, &mut pairs, &mut unmatched);
    }
    let mut creates = Vec::new();
    for (d, cur) in pairs {
        let to = ctx.src.and_then(|s| s.indexes.get(&d.name)).unwrap_or(d);
        let create = |creates: &mut Vec<Change>| {
            if !backs_constraint(des_cat, d) {
                creates.push(Change::CreateIndex(to.clone()));
            }
        };
        let Some((cur_name, c)) = cur else {
            create(&mut creates);
            continue;
        };
        let relation_gone = ctx.gone.relations.contains(&c.table);
        let changed = if ctx.renames.is_empty() {
            c != d
        } else {
            let mut t = ctx.renames.index(c);
            t.name = d.name.clone();
            &t != d
        };
        if relation_gone || changed || uses_gone_column(ctx, c) || uses_recreated(ctx, c) {
            if !backs_constraint(cur_cat, c) {
                drop(ctx, c, &mut out);
            }
            create(&mut creates);
        } else if cur_name != &d.name {
            out.push(Change::RenameIndex {
                from: cur_name.clone(),
                to: d.name.clone(),
            });
        }
    }
    for c in unmatched.into_values() {
        if !backs_constraint(cur_cat, c) {
            drop(ctx, c, &mut out);
        }
    }
    out.extend(creates);
    out
}

/// Pairs unmatched desired indexes of renamed tables (or tables with renamed columns)
/// with unmatched current indexes of the same definition.
fn match_renamed_tables<'a>(
    ctx: &Ctx<'a>,
    pairs: &mut [(&'a Index, Option<(&'a QualifiedName, &'a Index)>)],
    unmatched: &mut BTreeMap<&'a QualifiedName, &'a Index>,
) {
    let r = &ctx.renames;
    let renamed: BTreeSet<&QualifiedName> = r
        .tables_back
        .keys()
        .chain(r.columns.keys().map(|(t, _)| t))
        .collect();
    let mut by_table: BTreeMap<&QualifiedName, Vec<(&QualifiedName, &Index)>> = BTreeMap::new();
    for (n, c) in unmatched.iter() {
        by_table.entry(&c.table).or_default().push((n, c));
    }
    for (d, cur) in pairs.iter_mut() {
        if cur.is_some() || !renamed.contains(&d.table) {
            continue;
        }
        let Some(cands) = by_table.get(r.table_back(&d.table)) else {
            continue;
        };
        let found = cands.iter().find(|(n, c)| {
            if !unmatched.contains_key(n) {
                return false;
            }
            let mut t = r.index(c);
            t.name = d.name.clone();
            &t == *d
        });
        if let Some((n, c)) = found {
            unmatched.remove(n);
            *cur = Some((n, c));
        }
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
