//! What every kind's differ shares: both catalogs, the source catalog, explicit renames,
//! and what earlier kinds have dropped.

use crate::recreated::Recreated;
use crate::rename::Renames;
use schemadiff_model::{Catalog, Ident, ObjectId, QualifiedName};
use std::collections::{BTreeMap, BTreeSet};

/// Column names per current table name.
pub(crate) type Columns = BTreeMap<QualifiedName, BTreeSet<Ident>>;

/// The catalogs being compared and what has been decided so far. Kinds are diffed in
/// dependency order (tables before sequences, functions before views, everything
/// before grants and comments) so later kinds can see what earlier ones drop.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub cur: &'a Catalog,
    pub des: &'a Catalog,
    pub src: Option<&'a Catalog>,
    pub renames: Renames,
    pub gone: Gone,
    /// Decided before any kind is diffed, so columns and constraints compared early
    /// can make way for types and functions that are dropped and created again.
    pub recreated: Recreated,
}

impl<'a> Ctx<'a> {
    pub fn new(cur: &'a Catalog, des: &'a Catalog, src: Option<&'a Catalog>) -> Ctx<'a> {
        Ctx {
            cur,
            des,
            src,
            renames: Renames::default(),
            gone: Gone::default(),
            recreated: Recreated::default(),
        }
    }
}

/// Objects of the current catalog that the change set drops, explicitly or with the
/// object that holds them (a dropped table takes its indexes, triggers, owned
/// sequences...). Names are current names. Objects that depend on something here and
/// are still desired must be created again, and need no drop of their own.
#[derive(Debug, Default)]
pub(crate) struct Gone {
    /// Tables, views and materialized views dropped (recreated ones included).
    pub relations: BTreeSet<QualifiedName>,
    /// Columns dropped (also those dropped and added again), per table.
    pub columns: Columns,
    /// Columns whose type or collation changes: views using them must be recreated.
    pub retyped: Columns,
    /// Types dropped or recreated (including enums recreated with new labels).
    pub types: BTreeSet<QualifiedName>,
    /// Names of functions dropped (text references do not say which overload).
    pub function_names: BTreeSet<QualifiedName>,
    /// Every other dropped object by identity (functions, sequences, indexes,
    /// constraints, triggers, policies, schemas, extensions).
    pub objects: BTreeSet<ObjectId>,
}

impl Gone {
    /// Whether the current object `id` no longer exists once the drops have run.
    pub fn contains(&self, id: &ObjectId) -> bool {
        match id {
            ObjectId::Relation { name, .. } => self.relations.contains(name),
            ObjectId::Type { name } => self.types.contains(name),
            ObjectId::Column { table, column } => self.column(table, column),
            ObjectId::Constraint { table, .. }
            | ObjectId::Trigger { table, .. }
            | ObjectId::Policy { table, .. } => {
                self.relations.contains(table) || self.objects.contains(id)
            }
            ObjectId::Grant { on, .. } | ObjectId::Comment { on } => self.contains(on),
            _ => self.objects.contains(id),
        }
    }

    /// Columns of the current table `table` that are dropped, or also retyped.
    pub fn columns_of<'s>(
        &'s self,
        table: &QualifiedName,
        retyped: bool,
    ) -> impl Iterator<Item = &'s Ident> + 's {
        let extra = if retyped {
            self.retyped.get(table)
        } else {
            None
        };
        self.columns.get(table).into_iter().chain(extra).flatten()
    }

    pub fn column(&self, table: &QualifiedName, column: &Ident) -> bool {
        self.relations.contains(table)
            || self.columns.get(table).is_some_and(|c| c.contains(column))
    }
}
