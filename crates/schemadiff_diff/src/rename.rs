//! Explicit renames (`-- schemadiff:renamed-from old`): which current object a desired
//! one continues, and the translation of current identities into desired ones.
//!
//! A rename applies only when the old name exists in the current catalog, the new name
//! does not, and the old name is not desired any more; otherwise the annotation is stale
//! and the objects are compared by name as usual.

use schemadiff_model::{
    Catalog, ConstraintKind, Ident, Index, IndexTarget, ObjectId, ObjectMeta, QualifiedName,
};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub(crate) struct Renames {
    /// Tables: current name -> desired name, and back.
    pub tables: BTreeMap<QualifiedName, QualifiedName>,
    pub tables_back: BTreeMap<QualifiedName, QualifiedName>,
    /// Indexes: current name -> desired name, and back.
    pub indexes: BTreeMap<QualifiedName, QualifiedName>,
    pub indexes_back: BTreeMap<QualifiedName, QualifiedName>,
    /// Columns per desired table name: old -> new.
    pub columns: BTreeMap<(QualifiedName, Ident), Ident>,
    /// Constraints per desired table name: old -> new.
    pub constraints: BTreeMap<(QualifiedName, Ident), Ident>,
}

/// The old name a `renamed-from` annotation gives, in the schema of the new name
/// (`old` or `schema.old`).
pub(crate) fn old_name(new: &QualifiedName, old: &Ident) -> QualifiedName {
    match old.as_str().split_once('.') {
        Some((schema, name)) if !schema.is_empty() && !name.is_empty() => {
            QualifiedName::new(Ident::new(schema), Ident::new(name))
        }
        _ => QualifiedName::new(new.schema.clone(), old.clone()),
    }
}

/// The annotation on a desired object, read from the files' catalog when it has the
/// object (the canonical catalog comes from a database and carries none).
pub(crate) fn annotation<'m>(
    src: Option<&'m ObjectMeta>,
    des: &'m ObjectMeta,
) -> Option<&'m Ident> {
    src.and_then(|m| m.renamed_from.as_deref())
        .or(des.renamed_from.as_deref())
}

impl Renames {
    /// Table and index renames, found before anything is compared.
    pub fn find(cur: &Catalog, des: &Catalog, src: Option<&Catalog>) -> Renames {
        let mut r = Renames::default();
        for (name, t) in &des.tables {
            let s = src.and_then(|s| s.tables.get(name)).map(|t| &t.meta);
            let Some(old) = annotation(s, &t.meta) else {
                continue;
            };
            let old = old_name(name, old);
            if cur.tables.contains_key(&old)
                && !cur.tables.contains_key(name)
                && !des.tables.contains_key(&old)
                && !r.tables.contains_key(&old)
            {
                r.tables.insert(old.clone(), name.clone());
                r.tables_back.insert(name.clone(), old);
            }
        }
        for (name, ix) in &des.indexes {
            let s = src.and_then(|s| s.indexes.get(name)).map(|i| &i.meta);
            let Some(old) = annotation(s, &ix.meta) else {
                continue;
            };
            let old = old_name(name, old);
            if cur.indexes.contains_key(&old)
                && !cur.indexes.contains_key(name)
                && !des.indexes.contains_key(&old)
                && !r.indexes.contains_key(&old)
            {
                r.indexes.insert(old.clone(), name.clone());
                r.indexes_back.insert(name.clone(), old);
            }
        }
        r
    }

    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
            && self.indexes.is_empty()
            && self.columns.is_empty()
            && self.constraints.is_empty()
    }

    /// The desired name of a current table.
    pub fn table<'n>(&'n self, cur: &'n QualifiedName) -> &'n QualifiedName {
        self.tables.get(cur).unwrap_or(cur)
    }

    /// The current name of a desired table.
    pub fn table_back<'n>(&'n self, des: &'n QualifiedName) -> &'n QualifiedName {
        self.tables_back.get(des).unwrap_or(des)
    }

    /// The desired name of a current column of the (desired-named) table.
    pub fn column(&self, table: &QualifiedName, cur: &Ident) -> Ident {
        self.columns
            .get(&(table.clone(), cur.clone()))
            .cloned()
            .unwrap_or_else(|| cur.clone())
    }

    fn columns_of(&self, table: &QualifiedName, cols: &mut [Ident]) {
        for c in cols {
            *c = self.column(table, c);
        }
    }

    /// A current constraint with its table and column names translated (the name is
    /// left alone: callers match constraints by name first).
    pub fn constraint(
        &self,
        table: &QualifiedName,
        c: &schemadiff_model::Constraint,
    ) -> schemadiff_model::Constraint {
        let mut c = c.clone();
        match &mut c.kind {
            ConstraintKind::PrimaryKey { columns, include }
            | ConstraintKind::Unique {
                columns, include, ..
            } => {
                self.columns_of(table, columns);
                self.columns_of(table, include);
            }
            ConstraintKind::ForeignKey(fk) => {
                self.columns_of(table, &mut fk.columns);
                fk.ref_table = self.table(&fk.ref_table).clone();
                let rt = fk.ref_table.clone();
                self.columns_of(&rt, &mut fk.ref_columns);
            }
            ConstraintKind::Check { .. } | ConstraintKind::Exclusion { .. } => {}
        }
        c
    }

    /// A current index with its name, table and key columns translated.
    pub fn index(&self, ix: &Index) -> Index {
        let mut ix = ix.clone();
        if let Some(n) = self.indexes.get(&ix.name) {
            ix.name = n.clone();
        }
        ix.table = self.table(&ix.table).clone();
        let t = ix.table.clone();
        for k in &mut ix.keys {
            if let IndexTarget::Column(c) = &mut k.target {
                *c = self.column(&t, c);
            }
        }
        self.columns_of(&t, &mut ix.include);
        ix
    }

    /// A current object identity in desired names.
    pub fn id(&self, id: &ObjectId) -> ObjectId {
        match id {
            ObjectId::Relation { kind, name } => ObjectId::Relation {
                kind: *kind,
                name: self.table(name).clone(),
            },
            ObjectId::Column { table, column } => {
                let table = self.table(table).clone();
                let column = self.column(&table, column);
                ObjectId::Column { table, column }
            }
            ObjectId::Constraint { table, name } => {
                let table = self.table(table).clone();
                let name = self
                    .constraints
                    .get(&(table.clone(), name.clone()))
                    .cloned()
                    .unwrap_or_else(|| name.clone());
                ObjectId::Constraint { table, name }
            }
            ObjectId::Index { name } => ObjectId::Index {
                name: self.indexes.get(name).unwrap_or(name).clone(),
            },
            ObjectId::Trigger { table, name } => ObjectId::Trigger {
                table: self.table(table).clone(),
                name: name.clone(),
            },
            ObjectId::Policy { table, name } => ObjectId::Policy {
                table: self.table(table).clone(),
                name: name.clone(),
            },
            ObjectId::Grant { on, grantee } => ObjectId::Grant {
                on: Box::new(self.id(on)),
                grantee: grantee.clone(),
            },
            ObjectId::Comment { on } => ObjectId::Comment {
                on: Box::new(self.id(on)),
            },
            other => other.clone(),
        }
    }
}
