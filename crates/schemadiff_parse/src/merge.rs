//! Files are loaded on several threads, each into its own catalog; this merges
//! those partial results in file order, so the outcome (including which of two
//! definitions is "first") is the same as loading one file after another.

use crate::ctx::duplicate_diagnostic;
use crate::diagnostic::Diagnostic;
use crate::pending::Pending;
use schemadiff_model::{Catalog, Duplicate, ObjectMeta, QualifiedName, SourceSpan};
use std::collections::HashSet;

/// What one thread produced from a contiguous run of files.
#[derive(Debug, Default)]
pub struct Part {
    pub catalog: Catalog,
    pub diags: Vec<Diagnostic>,
    pub pending: Pending,
}

/// Appends `later` (files after `acc`'s) to `acc`.
pub fn merge(acc: &mut Part, later: Part) {
    let Part {
        mut catalog,
        diags,
        mut pending,
    } = later;
    acc.diags.extend(diags);
    let mut duplicates: Vec<(Box<Duplicate>, ObjectMeta)> = Vec::new();
    let mut note = |r: Result<(), Box<Duplicate>>, meta: ObjectMeta| {
        if let Err(d) = r {
            duplicates.push((d, meta));
        }
    };
    let a = &mut acc.catalog;
    for (_, s) in std::mem::take(&mut catalog.schemas) {
        let meta = s.meta.clone();
        note(a.add_schema(s), meta);
    }
    for (name, e) in std::mem::take(&mut catalog.extensions) {
        // The same extension created by two domains (IF NOT EXISTS) is one extension.
        a.extensions.entry(name).or_insert(e);
    }
    for (_, c) in std::mem::take(&mut catalog.collations) {
        let meta = c.meta.clone();
        note(a.add_collation(c), meta);
    }
    let mut duplicate_tables: Vec<(QualifiedName, ObjectMeta)> = Vec::new();
    if relation_names_disjoint(a, &catalog) {
        // Nothing can clash: the sorted maps are merged whole, in linear time (and the
        // object-by-object loops below find them empty).
        a.types.append(&mut catalog.types);
        a.sequences.append(&mut catalog.sequences);
        a.tables.append(&mut catalog.tables);
        a.indexes.append(&mut catalog.indexes);
        a.views.append(&mut catalog.views);
    }
    for (_, t) in std::mem::take(&mut catalog.types) {
        let meta = t.meta.clone();
        note(a.add_type(t), meta);
    }
    for (_, s) in std::mem::take(&mut catalog.sequences) {
        let meta = s.meta.clone();
        note(a.add_sequence(s), meta);
    }
    for (name, t) in std::mem::take(&mut catalog.tables) {
        let meta = t.meta.clone();
        let result = a.add_table(t);
        if result.is_err() {
            duplicate_tables.push((name, meta.clone()));
        }
        note(result, meta);
    }
    for (_, i) in std::mem::take(&mut catalog.indexes) {
        let meta = i.meta.clone();
        note(a.add_index(i), meta);
    }
    for (_, v) in std::mem::take(&mut catalog.views) {
        let meta = v.meta.clone();
        note(a.add_view(v), meta);
    }
    for (_, f) in catalog.functions {
        let meta = f.meta.clone();
        note(a.add_function(f), meta);
    }
    for (_, t) in catalog.triggers {
        let meta = t.meta.clone();
        note(a.add_trigger(t), meta);
    }
    for (_, p) in catalog.policies {
        let meta = p.meta.clone();
        note(a.add_policy(p), meta);
    }
    for (_, g) in catalog.grants {
        a.add_grant(g);
    }
    // A later comment replaces an earlier one on the same object, as `set_comment` does.
    a.comments.append(&mut catalog.comments);
    let offset = a.statements.len();
    a.statements
        .extend(catalog.statements.into_iter().map(|mut s| {
            s.index += offset;
            s
        }));
    // A duplicate table's unnamed constraints must not attach to the first definition.
    for (name, meta) in &duplicate_tables {
        if let Some(span) = meta.origin.span() {
            pending
                .unnamed_constraints
                .retain(|u| !(&u.table == name && within(u.constraint.meta.origin.span(), span)));
            pending
                .serials
                .retain(|s| !(&s.table == name && within(s.meta.origin.span(), span)));
        }
    }
    for (dup, meta) in duplicates {
        if let Some(second) = meta.origin.span().and_then(|s| acc.pending.location_of(s)) {
            acc.diags
                .push(duplicate_diagnostic(&dup, second, &acc.pending));
        }
    }
    let p = &mut acc.pending;
    p.unnamed_constraints.extend(pending.unnamed_constraints);
    p.unnamed_indexes.extend(pending.unnamed_indexes);
    p.serials.extend(pending.serials);
    p.references.extend(pending.references);
    p.alters.extend(pending.alters);
    p.broken.extend(pending.broken);
}

/// Whether no name of `pg_class`'s namespace (tables, views, indexes, sequences, and
/// types, whose row types live there too) is in both catalogs: the names of the smaller
/// are hashed and the larger's looked up (a tree lookup costs a dozen comparisons).
fn relation_names_disjoint(a: &Catalog, b: &Catalog) -> bool {
    fn names(c: &Catalog) -> impl Iterator<Item = &QualifiedName> {
        c.tables
            .keys()
            .chain(c.views.keys())
            .chain(c.indexes.keys())
            .chain(c.sequences.keys())
            .chain(c.types.keys())
    }
    let count = |c: &Catalog| {
        c.tables.len() + c.views.len() + c.indexes.len() + c.sequences.len() + c.types.len()
    };
    let (small, large) = if count(a) <= count(b) { (a, b) } else { (b, a) };
    let hashed: HashSet<&QualifiedName, foldhash::fast::RandomState> = names(small).collect();
    !names(large).any(|n| hashed.contains(n))
}

/// Whether `inner` lies inside the statement spanned by `outer` (same file).
pub fn within(inner: Option<&SourceSpan>, outer: &SourceSpan) -> bool {
    inner.is_some_and(|i| i.file == outer.file && i.start >= outer.start && i.end <= outer.end)
}
