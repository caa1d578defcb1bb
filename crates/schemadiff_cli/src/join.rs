//! Joins the static parse's bookkeeping (domain, file span, `renamed-from` marker) onto
//! the canonical catalog read back from the dev database, object by object identity.
//!
//! Objects PostgreSQL made on its own (a serial's sequence, a constraint's index) have
//! no declaration; they take the domain of the table they belong to.

use schemadiff_model::{Catalog, ObjectMeta, Origin, QualifiedName, SmolStr};

/// Copies `source`'s metas onto the matching objects of `canonical`.
pub fn join_meta(canonical: &mut Catalog, source: &Catalog) {
    join(canonical, source, &|to, from| *to = from.clone());
}

/// Copies only the domains of `source` onto the live objects of `current`, so steps that
/// drop or alter something of a table the files declare are listed under its domain.
pub fn join_domains(current: &mut Catalog, source: &Catalog) {
    join(current, source, &|to, from| to.domain = from.domain.clone());
}

type Copy<'a> = &'a dyn Fn(&mut ObjectMeta, &ObjectMeta);

fn join(canonical: &mut Catalog, source: &Catalog, copy: Copy<'_>) {
    for (name, s) in canonical.schemas.iter_mut() {
        if let Some(src) = source.schemas.get(name) {
            copy(&mut s.meta, &src.meta);
        }
    }
    for (name, e) in canonical.extensions.iter_mut() {
        if let Some(src) = source.extensions.get(name) {
            copy(&mut e.meta, &src.meta);
        }
    }
    for (name, c) in canonical.collations.iter_mut() {
        if let Some(src) = source.collations.get(name) {
            copy(&mut c.meta, &src.meta);
        }
    }
    for (name, t) in canonical.types.iter_mut() {
        if let Some(src) = source.types.get(name) {
            copy(&mut t.meta, &src.meta);
        }
    }
    join_tables(canonical, source, copy);
    for (name, v) in canonical.views.iter_mut() {
        if let Some(src) = source.views.get(name) {
            copy(&mut v.meta, &src.meta);
        }
    }
    join_functions(canonical, source, copy);
    let owners = table_domains(canonical);
    for (name, seq) in canonical.sequences.iter_mut() {
        match source.sequences.get(name) {
            Some(src) => copy(&mut seq.meta, &src.meta),
            None => {
                if let Some((table, _)) = &seq.owned_by {
                    copy(&mut seq.meta, &implied(&owners, table));
                }
            }
        }
    }
    for (name, ix) in canonical.indexes.iter_mut() {
        match source.indexes.get(name) {
            Some(src) => copy(&mut ix.meta, &src.meta),
            None => copy(&mut ix.meta, &implied(&owners, &ix.table)),
        }
    }
    for (key, t) in canonical.triggers.iter_mut() {
        match source.triggers.get(key) {
            Some(src) => copy(&mut t.meta, &src.meta),
            None => copy(&mut t.meta, &implied(&owners, &key.0)),
        }
    }
    for (key, p) in canonical.policies.iter_mut() {
        match source.policies.get(key) {
            Some(src) => copy(&mut p.meta, &src.meta),
            None => copy(&mut p.meta, &implied(&owners, &key.0)),
        }
    }
    for (key, g) in canonical.grants.iter_mut() {
        if let Some(src) = source.grants.get(key) {
            copy(&mut g.meta, &src.meta);
        }
    }
    for (key, c) in canonical.comments.iter_mut() {
        if let Some(src) = source.comments.get(key) {
            copy(&mut c.meta, &src.meta);
        }
    }
}

fn join_tables(canonical: &mut Catalog, source: &Catalog, copy: Copy<'_>) {
    for (name, table) in canonical.tables.iter_mut() {
        let Some(src) = source.tables.get(name) else {
            continue;
        };
        copy(&mut table.meta, &src.meta);
        let inherited = ObjectMeta {
            domain: src.meta.domain.clone(),
            origin: Origin::Implied,
            renamed_from: None,
        };
        for column in table.columns.iter_mut() {
            match src.column(&column.name) {
                Some(c) => copy(&mut column.meta, &c.meta),
                None => copy(&mut column.meta, &inherited),
            }
        }
        for (cname, constraint) in table.constraints.iter_mut() {
            match src.constraints.get(cname) {
                Some(c) => copy(&mut constraint.meta, &c.meta),
                None => copy(&mut constraint.meta, &inherited),
            }
        }
    }
}

/// By identity (name and canonical argument types); when the argument spelling differs,
/// by name if both sides have exactly one function of that name.
fn join_functions(canonical: &mut Catalog, source: &Catalog, copy: Copy<'_>) {
    let names: Vec<QualifiedName> = canonical
        .functions
        .values()
        .map(|f| f.name.clone())
        .collect();
    for (id, f) in canonical.functions.iter_mut() {
        if let Some(src) = source.functions.get(id) {
            copy(&mut f.meta, &src.meta);
            continue;
        }
        let same_name = |n: &QualifiedName| n == &f.name;
        let in_canonical = names.iter().filter(|n| same_name(n)).count();
        let mut in_source = source.functions.values().filter(|g| same_name(&g.name));
        if let (1, Some(src), None) = (in_canonical, in_source.next(), in_source.next()) {
            copy(&mut f.meta, &src.meta);
        }
    }
}

fn table_domains(c: &Catalog) -> std::collections::BTreeMap<QualifiedName, SmolStr> {
    c.tables
        .iter()
        .map(|(n, t)| (n.clone(), t.meta.domain.clone()))
        .chain(
            c.views
                .iter()
                .map(|(n, v)| (n.clone(), v.meta.domain.clone())),
        )
        .collect()
}

fn implied(
    owners: &std::collections::BTreeMap<QualifiedName, SmolStr>,
    table: &QualifiedName,
) -> ObjectMeta {
    ObjectMeta {
        domain: owners.get(table).cloned().unwrap_or_default(),
        origin: Origin::Implied,
        renamed_from: None,
    }
}
