//! The catalog: every object of a desired or current state, in ordered maps.

use crate::collation::Collation;
use crate::comment::Comment;
use crate::function::Function;
use crate::grant::Grant;
use crate::ident::{Ident, QualifiedName};
use crate::index::Index;
use crate::meta::ObjectMeta;
use crate::object_id::ObjectId;
use crate::policy::Policy;
use crate::schema::{Extension, Schema};
use crate::sequence::Sequence;
use crate::statement::VerbatimStatement;
use crate::table::Table;
use crate::trigger::Trigger;
use crate::user_type::{TypeDef, UserType};
use crate::view::View;
use std::collections::BTreeMap;

/// One state of a database. `BTreeMap`s everywhere so iteration (and therefore
/// every output) is deterministic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub schemas: BTreeMap<Ident, Schema>,
    pub extensions: BTreeMap<Ident, Extension>,
    pub collations: BTreeMap<QualifiedName, Collation>,
    pub types: BTreeMap<QualifiedName, UserType>,
    pub sequences: BTreeMap<QualifiedName, Sequence>,
    pub tables: BTreeMap<QualifiedName, Table>,
    pub indexes: BTreeMap<QualifiedName, Index>,
    /// Views and materialized views (one relation namespace).
    pub views: BTreeMap<QualifiedName, View>,
    pub functions: BTreeMap<ObjectId, Function>,
    pub triggers: BTreeMap<(QualifiedName, Ident), Trigger>,
    pub policies: BTreeMap<(QualifiedName, Ident), Policy>,
    pub grants: BTreeMap<(ObjectId, Ident), Grant>,
    pub comments: BTreeMap<ObjectId, Comment>,
    pub statements: Vec<VerbatimStatement>,
}

/// The object that already holds an identity another declaration wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub id: ObjectId,
    pub existing: ObjectMeta,
}

/// Inserts unless the key is taken (one tree search); the id is built only for a clash.
macro_rules! insert_unique {
    ($map:expr, $key:expr, $value:expr, $id:expr) => {{
        match $map.entry($key) {
            std::collections::btree_map::Entry::Occupied(existing) => Err(Box::new(Duplicate {
                id: $id,
                existing: existing.get().meta.clone(),
            })),
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert($value);
                Ok(())
            }
        }
    }};
}

/// The `pg_class` maps; a map's own clash is found by its insertion, so the name
/// check skips it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RelationMap {
    Tables,
    Views,
    Sequences,
    Indexes,
    /// Composite types (in `types`, with enums and domains).
    Types,
}

impl Catalog {
    /// Gives back the spare capacity of the per-table vectors once the catalog is
    /// complete: a table's columns grew by doubling, so a third of a big catalog's
    /// column slots were empty.
    pub fn shrink_to_fit(&mut self) {
        for table in self.tables.values_mut() {
            table.columns.shrink_to_fit();
            table.constraints.shrink_to_fit();
        }
        self.statements.shrink_to_fit();
    }

    pub fn add_schema(&mut self, s: Schema) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Schema {
            name: s.name.clone(),
        };
        insert_unique!(self.schemas, s.name.clone(), s, id)
    }

    pub fn add_extension(&mut self, e: Extension) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Extension {
            name: e.name.clone(),
        };
        insert_unique!(self.extensions, e.name.clone(), e, id)
    }

    pub fn add_collation(&mut self, c: Collation) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Collation {
            name: c.name.clone(),
        };
        insert_unique!(self.collations, c.name.clone(), c, id)
    }

    pub fn add_type(&mut self, t: UserType) -> Result<(), Box<Duplicate>> {
        let id = || ObjectId::Type {
            name: t.name.clone(),
        };
        let holder = if matches!(t.def, TypeDef::Composite { .. }) {
            // A composite type is a `pg_class` relation too.
            self.pg_class_holder(&t.name, false, RelationMap::Types)
        } else {
            self.row_type_holder(&t.name)
        };
        if let Some(meta) = holder {
            return Err(Box::new(Duplicate {
                id: id(),
                existing: meta.clone(),
            }));
        }
        insert_unique!(self.types, t.name.clone(), t, id())
    }

    pub fn add_sequence(&mut self, s: Sequence) -> Result<(), Box<Duplicate>> {
        let id = || ObjectId::Sequence {
            name: s.name.clone(),
        };
        self.relation_name_free(&s.name, false, RelationMap::Sequences, id)?;
        insert_unique!(self.sequences, s.name.clone(), s, id())
    }

    pub fn add_table(&mut self, t: Table) -> Result<(), Box<Duplicate>> {
        let id = || ObjectId::table(t.name.clone());
        self.relation_name_free(&t.name, true, RelationMap::Tables, id)?;
        insert_unique!(self.tables, t.name.clone(), t, id())
    }

    pub fn add_index(&mut self, i: Index) -> Result<(), Box<Duplicate>> {
        let id = || ObjectId::Index {
            name: i.name.clone(),
        };
        self.relation_name_free(&i.name, false, RelationMap::Indexes, id)?;
        insert_unique!(self.indexes, i.name.clone(), i, id())
    }

    pub fn add_view(&mut self, v: View) -> Result<(), Box<Duplicate>> {
        let id = || ObjectId::view(v.name.clone(), v.materialized);
        self.relation_name_free(&v.name, true, RelationMap::Views, id)?;
        insert_unique!(self.views, v.name.clone(), v, id())
    }

    pub fn add_function(&mut self, f: Function) -> Result<(), Box<Duplicate>> {
        let id = f.id();
        insert_unique!(self.functions, id.clone(), f, id)
    }

    pub fn add_trigger(&mut self, t: Trigger) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Trigger {
            table: t.table.clone(),
            name: t.name.clone(),
        };
        insert_unique!(self.triggers, (t.table.clone(), t.name.clone()), t, id)
    }

    pub fn add_policy(&mut self, p: Policy) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Policy {
            table: p.table.clone(),
            name: p.name.clone(),
        };
        insert_unique!(self.policies, (p.table.clone(), p.name.clone()), p, id)
    }

    /// Grants to the same grantee on the same object merge, as in PostgreSQL.
    pub fn add_grant(&mut self, g: Grant) {
        let key = (g.on.clone(), g.grantee.clone());
        match self.grants.get_mut(&key) {
            Some(existing) => {
                existing.privileges.extend(g.privileges);
                existing.with_grant_option |= g.with_grant_option;
            }
            None => {
                self.grants.insert(key, g);
            }
        }
    }

    /// A later comment on the same object replaces the earlier one, as in PostgreSQL.
    pub fn set_comment(&mut self, c: Comment) {
        self.comments.insert(c.on.clone(), c);
    }

    /// Tables, views, sequences, indexes and composite types share `pg_class`; tables
    /// and views also have a row type of their name in `pg_type`, so no enum or domain
    /// may take it (indexes and sequences have none: PostgreSQL allows an index and an
    /// enum both named `foo`).
    pub fn check_relation_name_free(
        &self,
        name: &QualifiedName,
        id: ObjectId,
    ) -> Result<(), Box<Duplicate>> {
        let has_row_type = matches!(id, ObjectId::Relation { .. });
        match self.pg_class_holder(name, has_row_type, None) {
            Some(meta) => Err(Box::new(Duplicate {
                id,
                existing: meta.clone(),
            })),
            None => Ok(()),
        }
    }

    /// [`Self::check_relation_name_free`] before inserting into `own` (whose clash the
    /// insertion finds), with the id built only for a clash.
    fn relation_name_free(
        &self,
        name: &QualifiedName,
        has_row_type: bool,
        own: RelationMap,
        id: impl FnOnce() -> ObjectId,
    ) -> Result<(), Box<Duplicate>> {
        match self.pg_class_holder(name, has_row_type, own) {
            Some(meta) => Err(Box::new(Duplicate {
                id: id(),
                existing: meta.clone(),
            })),
            None => Ok(()),
        }
    }

    /// What holds `name` in `pg_class` (or, for a relation with a row type, in
    /// `pg_type`), not looking in `skip`.
    fn pg_class_holder(
        &self,
        name: &QualifiedName,
        has_row_type: bool,
        skip: impl Into<Option<RelationMap>>,
    ) -> Option<&ObjectMeta> {
        let skip = skip.into();
        let look = |map: RelationMap| skip != Some(map);
        if look(RelationMap::Tables) {
            if let Some(t) = self.tables.get(name) {
                return Some(&t.meta);
            }
        }
        if look(RelationMap::Views) {
            if let Some(v) = self.views.get(name) {
                return Some(&v.meta);
            }
        }
        if look(RelationMap::Sequences) {
            if let Some(s) = self.sequences.get(name) {
                return Some(&s.meta);
            }
        }
        if look(RelationMap::Indexes) {
            if let Some(i) = self.indexes.get(name) {
                return Some(&i.meta);
            }
        }
        if look(RelationMap::Types) {
            let blocks = |t: &&UserType| has_row_type || matches!(t.def, TypeDef::Composite { .. });
            if let Some(t) = self.types.get(name).filter(blocks) {
                return Some(&t.meta);
            }
        }
        None
    }

    /// The table or view (each with a row type in `pg_type`) of that name.
    fn row_type_holder(&self, name: &QualifiedName) -> Option<&ObjectMeta> {
        self.tables
            .get(name)
            .map(|t| &t.meta)
            .or_else(|| self.views.get(name).map(|v| &v.meta))
    }

    /// Whether a relation (table, view, materialized view) of that name exists.
    pub fn relation_id(&self, name: &QualifiedName) -> Option<ObjectId> {
        if self.tables.contains_key(name) {
            return Some(ObjectId::table(name.clone()));
        }
        self.views
            .get(name)
            .map(|v| ObjectId::view(name.clone(), v.materialized))
    }

    /// Functions of that name, whatever their arguments.
    pub fn functions_named<'a>(
        &'a self,
        name: &'a QualifiedName,
    ) -> impl Iterator<Item = &'a Function> + 'a {
        self.functions.values().filter(move |f| &f.name == name)
    }

    /// The number of objects of each kind, for summaries.
    pub fn object_count(&self) -> usize {
        self.schemas.len()
            + self.extensions.len()
            + self.collations.len()
            + self.types.len()
            + self.sequences.len()
            + self.tables.len()
            + self.indexes.len()
            + self.views.len()
            + self.functions.len()
            + self.triggers.len()
            + self.policies.len()
            + self.grants.len()
            + self.comments.len()
            + self.statements.len()
    }
}
