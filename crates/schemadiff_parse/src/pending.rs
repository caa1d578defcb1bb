//! Work that waits until every file is read: generated names, serial sequences,
//! and references that must resolve to objects defined somewhere.

use crate::diagnostic::{Location, SourceFile};
use schemadiff_model::{Constraint, Index, ObjectMeta, QualifiedName, SerialKind, SourceSpan};
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct Pending {
    pub sources: Vec<Arc<SourceFile>>,
    pub unnamed_constraints: Vec<UnnamedConstraint>,
    /// Unnamed indexes with the column name PostgreSQL derives for each key.
    pub unnamed_indexes: Vec<(Index, Vec<Option<String>>)>,
    pub serials: Vec<SerialColumn>,
    pub references: Vec<Reference>,
    pub alters: Vec<PendingAlter>,
    /// Names of objects whose statements failed to parse: references to them are not
    /// reported again as "defined nowhere".
    pub broken: std::collections::BTreeSet<QualifiedName>,
}

/// A constraint written without a name; PostgreSQL names it from the table,
/// some column names and a label (`pkey`, `key`, `fkey`, `check`, `excl`).
#[derive(Debug)]
pub struct UnnamedConstraint {
    pub table: QualifiedName,
    pub constraint: Constraint,
    /// Columns that go into the name; for checks, the identifiers the expression
    /// mentions (the name uses the column only when exactly one table column appears).
    pub name_columns: Vec<String>,
}

#[derive(Debug)]
pub struct SerialColumn {
    pub table: QualifiedName,
    pub column: schemadiff_model::Ident,
    pub kind: SerialKind,
    pub meta: ObjectMeta,
}

/// What a reference must resolve to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Schema,
    Table,
    /// A table, view or materialized view.
    Relation,
    Type,
    Function,
    /// Sequences, functions, types or relations named in COMMENT/GRANT targets.
    Sequence,
}

#[derive(Debug)]
pub struct Reference {
    pub expect: Expect,
    pub name: QualifiedName,
    pub location: Location,
    /// What mentions it, for the message: "foreign key on core.posts".
    pub context: String,
}

impl Pending {
    pub fn location_of(&self, span: &SourceSpan) -> Option<Location> {
        // Sources are sorted by path (discovery sorts them), so a binary search finds the file.
        let source = self
            .sources
            .binary_search_by(|s| s.path.as_ref().cmp(span.file.as_ref()))
            .ok()
            .map(|i| &self.sources[i])
            .or_else(|| self.sources.iter().find(|s| s.path == span.file))?;
        Some(Location {
            source: source.clone(),
            start: span.start,
            end: span.end,
            line: span.line,
            column: span.column,
        })
    }
}

/// One effect of an `ALTER TABLE` in the files, applied once every table is known.
#[derive(Debug)]
pub struct PendingAlter {
    pub table: QualifiedName,
    pub effect: AlterEffect,
    pub location: Location,
}

#[derive(Debug)]
pub enum AlterEffect {
    AddConstraint(Constraint),
    AddUnnamedConstraint(UnnamedConstraint),
    /// `ADD ... {PRIMARY KEY | UNIQUE} USING INDEX`: the index becomes the constraint.
    AddConstraintUsingIndex(crate::convert::using_index::UsingIndex),
    /// (enable, force)
    Rls(Option<bool>, Option<bool>),
    NotNull(schemadiff_model::Ident, bool),
    Default(schemadiff_model::Ident, Option<schemadiff_model::Expr>),
}
