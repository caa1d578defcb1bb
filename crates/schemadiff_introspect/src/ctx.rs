//! The state shared while rows become model objects: the catalog being built and OID lookups.

use crate::error::IntrospectError;
use crate::typename::TypeNames;
use schemadiff_model::{
    Catalog, Duplicate, Ident, ObjectId, ObjectMeta, Origin, QualifiedName, Table,
};
use std::collections::HashMap;

/// Which system catalog an OID belongs to (OIDs are only unique per catalog).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Relation,
    Namespace,
    Type,
    Proc,
    Constraint,
    Trigger,
    Policy,
    Extension,
}

/// The catalog under construction plus what later queries need to resolve OIDs.
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    pub catalog: Catalog,
    pub types: TypeNames,
    /// Every object put into the catalog, by its OID: grants and comments attach through it.
    pub objects: HashMap<(Class, u32), ObjectId>,
    /// Tables by OID, for columns and constraints.
    pub tables: HashMap<u32, QualifiedName>,
    /// A column's position in its table's `columns` by (table OID, attnum).
    pub columns: HashMap<(u32, i16), usize>,
    /// Names of the columns a table only inherits (not in its `columns`).
    pub inherited_columns: HashMap<(u32, i16), Ident>,
    /// The index behind each exclusion constraint: its predicate's references are the
    /// index's in `pg_depend`.
    pub constraint_indexes: HashMap<u32, (QualifiedName, Ident)>,
}

impl Ctx {
    pub fn remember(&mut self, class: Class, oid: u32, id: ObjectId) {
        self.objects.insert((class, oid), id);
    }

    pub fn object(&self, class: Class, oid: u32) -> Option<&ObjectId> {
        self.objects.get(&(class, oid))
    }

    /// The name of column `attnum` of table `relid` (read by columns.sql).
    pub fn column_name(&self, relid: u32, table: &Table, attnum: i16) -> Option<Ident> {
        match self.columns.get(&(relid, attnum)) {
            Some(&i) => table.columns.get(i).map(|c| c.name.clone()),
            None => self.inherited_columns.get(&(relid, attnum)).cloned(),
        }
    }
}

/// Bookkeeping for an object read from the live database.
pub(crate) fn live(oid: u32) -> ObjectMeta {
    ObjectMeta {
        domain: Default::default(),
        origin: Origin::Live { oid },
        renamed_from: None,
    }
}

/// Maps the catalog's duplicate error to ours.
pub(crate) fn dup(duplicate: Box<Duplicate>) -> IntrospectError {
    IntrospectError::Duplicate { duplicate }
}

/// The name of a relation-like object id (table, view, sequence, index), if it is one.
pub(crate) fn relation_name(id: &ObjectId) -> Option<&QualifiedName> {
    match id {
        ObjectId::Relation { name, .. }
        | ObjectId::Sequence { name }
        | ObjectId::Index { name } => Some(name),
        _ => None,
    }
}
