//! Views and materialized views: create, drop, and drop plus create when the definition
//! changes or when something they use is dropped or changes shape — a relation
//! dropped or recreated, a column dropped or retyped, a type recreated, a function
//! dropped — transitively through views that use views.
//!
//! What a view uses comes from `View.refs`; a view without refs is scanned for the
//! names instead (see `words.rs`). Column use is judged by name (or `*`) in the text.

use crate::change::Change;
use crate::ctx::Ctx;
use crate::words::{mentions, words};
use schemadiff_model::{Ident, QualifiedName, RefKind, View};
use std::collections::{BTreeMap, BTreeSet};

fn same(a: &View, b: &View) -> bool {
    a.materialized == b.materialized
        && a.columns == b.columns
        && a.query == b.query
        && a.options == b.options
        && a.check_option == b.check_option
}

/// Current views by what they use: names from `refs` (any kind), and the identifier
/// words of views without refs.
#[derive(Default)]
struct Users<'a> {
    by_ref: BTreeMap<(RefKind, &'a QualifiedName), Vec<&'a View>>,
    by_word: BTreeMap<String, Vec<&'a View>>,
}

impl<'a> Users<'a> {
    fn build(views: impl Iterator<Item = &'a View>) -> Users<'a> {
        let mut u = Users::default();
        for v in views {
            if v.refs.is_empty() {
                let ws: BTreeSet<String> = words(&v.query).into_iter().collect();
                for w in ws {
                    u.by_word.entry(w).or_default().push(v);
                }
            } else {
                for r in &v.refs {
                    u.by_ref.entry((r.kind, &r.name)).or_default().push(v);
                }
            }
        }
        u
    }

    /// Views that may use the named object of one of `kinds` (`Any` always matches).
    fn of(&self, name: &QualifiedName, kinds: &[RefKind], out: &mut Vec<&'a View>) {
        for k in kinds.iter().chain([&RefKind::Any]) {
            if let Some(vs) = self.by_ref.get(&(*k, name)) {
                out.extend(vs.iter().copied());
            }
        }
        if let Some(vs) = self.by_word.get(name.name.as_str()) {
            out.extend(vs.iter().copied());
        }
    }
}

pub(crate) fn diff(ctx: &mut Ctx<'_>) -> Vec<Change> {
    let (cur_cat, des_cat) = (ctx.cur, ctx.des);
    // Current views to drop: changed or no longer desired, then whatever uses them.
    let mut gone: BTreeSet<&QualifiedName> = BTreeSet::new();
    for (name, c) in &cur_cat.views {
        match des_cat.views.get(name) {
            Some(d) if same(c, d) && !ctx.gone.relations.contains(name) => {}
            _ => {
                gone.insert(name);
            }
        }
    }
    let mut seeds: Vec<&View> = Vec::new();
    if !cur_cat.views.is_empty() {
        let users = Users::build(cur_cat.views.values());
        let rel = [RefKind::Relation];
        for name in ctx.gone.relations.iter().chain(gone.iter().copied()) {
            users.of(name, &rel, &mut seeds);
        }
        let mut by_table: BTreeMap<&QualifiedName, Vec<&Ident>> = BTreeMap::new();
        for (t, cs) in ctx.gone.columns.iter().chain(&ctx.gone.retyped) {
            by_table.entry(t).or_default().extend(cs);
        }
        for (t, cols) in by_table {
            let mut vs = Vec::new();
            users.of(t, &rel, &mut vs);
            seeds.extend(
                vs.into_iter()
                    .filter(|v| cols.iter().any(|c| mentions(&v.query, c))),
            );
        }
        for t in &ctx.gone.types {
            users.of(t, &[RefKind::Type], &mut seeds);
        }
        for f in &ctx.gone.function_names {
            users.of(f, &[RefKind::Function], &mut seeds);
        }
        // Transitively: a view that goes takes the views using it.
        let mut work: Vec<&QualifiedName> = gone.iter().copied().collect();
        work.extend(seeds.iter().map(|v| &v.name));
        gone.extend(seeds.iter().map(|v| &v.name));
        while let Some(name) = work.pop() {
            let mut vs = Vec::new();
            users.of(name, &rel, &mut vs);
            for v in vs {
                if gone.insert(&v.name) {
                    work.push(&v.name);
                }
            }
        }
    }
    let mut out = Vec::new();
    for name in &gone {
        if let Some(c) = cur_cat.views.get(*name) {
            out.push(Change::DropView(c.clone()));
        }
    }
    ctx.gone.relations.extend(gone.iter().map(|n| (*n).clone()));
    for (name, d) in &des_cat.views {
        if !cur_cat.views.contains_key(name) || gone.contains(name) {
            let to = ctx.src.and_then(|s| s.views.get(name)).unwrap_or(d);
            out.push(Change::CreateView(to.clone()));
        }
    }
    out
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
