//! `ALTER TABLE t ADD [CONSTRAINT name] {PRIMARY KEY | UNIQUE} USING INDEX idx`.
//!
//! PostgreSQL turns the unique index into the constraint's index: the index is renamed
//! to the constraint's name (the index's own name when none is given) and the constraint
//! takes the index's columns. A database built that way is indistinguishable from one
//! where the constraint was declared directly, so the model holds exactly that: the
//! table gains the constraint and the standalone index disappears. The index may be
//! declared in a later file, so the adoption waits until every file is read.

use super::constraint;
use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic, Location};
use schemadiff_model::{
    Catalog, Constraint, ConstraintKind, Deferrable, Ident, Index, IndexTarget, ObjectMeta,
    QualifiedName,
};
use sqlparser::ast::ConstraintUsingIndex;
use sqlparser::tokenizer::Span;

/// A constraint that adopts an index, waiting for every index to be known.
#[derive(Debug)]
pub struct UsingIndex {
    /// The constraint's name when written; the index's name otherwise.
    pub name: Option<Ident>,
    /// Indexes live in their table's schema, so the index is looked up there.
    pub index: QualifiedName,
    pub primary_key: bool,
    pub deferrable: Deferrable,
    pub meta: ObjectMeta,
}

pub fn convert(
    ctx: &Ctx,
    table: &QualifiedName,
    using: &ConstraintUsingIndex,
    primary_key: bool,
    span: Span,
) -> UsingIndex {
    UsingIndex {
        name: using.name.as_ref().map(|n| ctx.ident(n)),
        index: QualifiedName {
            schema: table.schema.clone(),
            name: ctx.ident(&using.index_name),
        },
        primary_key,
        deferrable: constraint::deferrable(using.characteristics.as_ref()),
        meta: ctx.meta_at(span),
    }
}

/// Replaces the index by the constraint on `table`, or explains (as PostgreSQL would)
/// why the index cannot back it.
pub fn adopt(
    catalog: &mut Catalog,
    table: &QualifiedName,
    using: UsingIndex,
    location: Location,
) -> Result<(), Box<Diagnostic>> {
    let keyword = if using.primary_key {
        "PRIMARY KEY"
    } else {
        "UNIQUE"
    };
    let Some(index) = catalog.indexes.get(&using.index) else {
        return Err(Box::new(
            Diagnostic::error(
                Code::UndefinedReference,
                format!("index {} does not exist", using.index),
            )
            .at(location, format!("{keyword} USING INDEX names it"))
            .with_help("declare the index (CREATE UNIQUE INDEX) in the files, or fix the name"),
        ));
    };
    let columns = key_columns(index, table).map_err(|why| {
        Box::new(
            Diagnostic::error(
                Code::UndefinedReference,
                format!(
                    "index {} cannot back a {keyword} constraint: {why}",
                    using.index
                ),
            )
            .at(location.clone(), "PostgreSQL rejects this")
            .with_help(format!(
            "USING INDEX takes a unique b-tree index of {table} on plain columns, without WHERE"
        )),
        )
    })?;
    let name = using.name.unwrap_or_else(|| using.index.name.clone());
    let Some(t) = catalog.tables.get_mut(table) else {
        // A missing table is reported by the reference check.
        return Ok(());
    };
    if t.constraints.contains_key(&name) {
        return Err(Box::new(
            Diagnostic::error(
                Code::DuplicateObject,
                format!("constraint {name} on {table} is defined twice"),
            )
            .at(location, "added again here")
            .with_help("constraint names must be unique per table"),
        ));
    }
    if using.primary_key {
        if let Some(existing) = t.primary_key() {
            return Err(Box::new(
                Diagnostic::error(
                    Code::DuplicateObject,
                    format!(
                        "table {table} has more than one primary key (already {})",
                        existing.name
                    ),
                )
                .at(location, "second primary key")
                .with_help("a table has at most one primary key"),
            ));
        }
        // PRIMARY KEY USING INDEX sets NOT NULL on the key columns, as any primary key does.
        for c in &columns {
            if let Some(column) = t.column_mut(c) {
                column.not_null = true;
            }
        }
    }
    let include = index.include.clone();
    let kind = if using.primary_key {
        ConstraintKind::PrimaryKey { columns, include }
    } else {
        ConstraintKind::Unique {
            columns,
            include,
            nulls_not_distinct: index.nulls_not_distinct,
        }
    };
    t.constraints.insert(
        name.clone(),
        Constraint {
            name,
            name_generated: false,
            kind,
            deferrable: using.deferrable,
            not_valid: false,
            meta: using.meta,
        },
    );
    catalog.indexes.remove(&using.index);
    Ok(())
}

/// The index's key columns, when PostgreSQL accepts it for a constraint: a unique
/// b-tree index of `table`, no expressions, no predicate, default sort order.
fn key_columns(index: &Index, table: &QualifiedName) -> Result<Vec<Ident>, String> {
    if &index.table != table {
        return Err(format!("it is an index of {}", index.table));
    }
    if !index.unique {
        return Err("it is not a unique index".to_string());
    }
    if index.method != "btree" {
        return Err(format!("it is a {} index, not b-tree", index.method));
    }
    if index.predicate.is_some() {
        return Err("it is a partial index".to_string());
    }
    index
        .keys
        .iter()
        .map(|key| match &key.target {
            IndexTarget::Column(c) if !key.descending && key.nulls_first.is_none() => Ok(c.clone()),
            IndexTarget::Column(c) => Err(format!("column {c} has a non-default sort order")),
            IndexTarget::Expression(_) => Err("it contains expressions".to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{load_sources, Loaded, SourceFile};
    use schemadiff_model::{ConstraintKind, Deferrable, Ident, QualifiedName};

    fn load(sql: &str) -> Loaded {
        load_sources(vec![SourceFile {
            path: "t.sql".into(),
            domain: "d".to_string(),
            text: sql.into(),
        }])
    }

    fn errors(loaded: &Loaded) -> Vec<String> {
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn the_index_becomes_the_constraint_under_its_name() {
        // The ALTER comes before the index it adopts: adoption waits for every file.
        let loaded = load(
            "CREATE TABLE c (cc int, dd int);
             ALTER TABLE c ADD CONSTRAINT c_pkey PRIMARY KEY USING INDEX c_idx
                 DEFERRABLE INITIALLY DEFERRED;
             CREATE UNIQUE INDEX c_idx ON c (cc) INCLUDE (dd);
             CREATE UNIQUE INDEX d_key ON c (dd);
             ALTER TABLE c ADD UNIQUE USING INDEX d_key;",
        );
        assert_eq!(errors(&loaded), Vec::<String>::new());
        let c = &loaded.catalog;
        assert!(c.indexes.is_empty(), "{:?}", c.indexes.keys());
        let t = &c.tables[&QualifiedName::new("public", "c")];
        let pk = &t.constraints[&Ident::new("c_pkey")];
        assert_eq!(
            pk.kind,
            ConstraintKind::PrimaryKey {
                columns: vec![Ident::new("cc")],
                include: vec![Ident::new("dd")],
            }
        );
        assert_eq!(pk.deferrable, Deferrable::InitiallyDeferred);
        assert!(t.column(&Ident::new("cc")).is_some_and(|col| col.not_null));
        // Without a constraint name, the constraint takes the index's.
        assert!(matches!(
            t.constraints[&Ident::new("d_key")].kind,
            ConstraintKind::Unique { .. }
        ));
    }

    #[test]
    fn an_index_postgresql_would_refuse_is_an_error() {
        for (sql, why) in [
            (
                "CREATE TABLE t (a int); CREATE INDEX i ON t (a);
                 ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i;",
                "not a unique index",
            ),
            (
                "CREATE TABLE t (a text); CREATE UNIQUE INDEX i ON t (lower(a));
                 ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i;",
                "contains expressions",
            ),
            (
                "CREATE TABLE t (a int); CREATE UNIQUE INDEX i ON t (a) WHERE a > 0;
                 ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i;",
                "partial index",
            ),
            (
                "CREATE TABLE t (a int);
                 ALTER TABLE t ADD CONSTRAINT k PRIMARY KEY USING INDEX nowhere;",
                "does not exist",
            ),
        ] {
            let loaded = load(sql);
            let errors = errors(&loaded);
            assert!(
                errors.iter().any(|e| e.contains(why)),
                "{sql}: expected an error saying {why:?}, got {errors:?}"
            );
        }
    }
}
