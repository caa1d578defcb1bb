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

macro_rules! insert_unique {
    ($map:expr, $key:expr, $value:expr, $id:expr) => {{
        let key = $key;
        if let Some(existing) = $map.get(&key) {
            return Err(Box::new(Duplicate {
                id: $id,
                existing: existing.meta.clone(),
            }));
        }
        $map.insert(key, $value);
        Ok(())
    }};
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
        let id = ObjectId::Type {
            name: t.name.clone(),
        };
        if matches!(t.def, TypeDef::Composite { .. }) {
            // A composite type is a `pg_class` relation too.
            self.check_relation_name_free(&t.name, id.clone())?;
        } else if let Some(meta) = self.row_type_holder(&t.name) {
            return Err(Box::new(Duplicate {
                id,
                existing: meta.clone(),
            }));
        }
        insert_unique!(self.types, t.name.clone(), t, id)
    }

    pub fn add_sequence(&mut self, s: Sequence) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Sequence {
            name: s.name.clone(),
        };
        self.check_relation_name_free(&s.name, id.clone())?;
        insert_unique!(self.sequences, s.name.clone(), s, id)
    }

    pub fn add_table(&mut self, t: Table) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::table(t.name.clone());
        self.check_relation_name_free(&t.name, id.clone())?;
        insert_unique!(self.tables, t.name.clone(), t, id)
    }

    pub fn add_index(&mut self, i: Index) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::Index {
            name: i.name.clone(),
        };
        self.check_relation_name_free(&i.name, id.clone())?;
        insert_unique!(self.indexes, i.name.clone(), i, id)
    }

    pub fn add_view(&mut self, v: View) -> Result<(), Box<Duplicate>> {
        let id = ObjectId::view(v.name.clone(), v.materialized);
        self.check_relation_name_free(&v.name, id.clone())?;
        insert_unique!(self.views, v.name.clone(), v, id)
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
        let existing = self
            .row_type_holder(name)
            .or_else(|| self.sequences.get(name).map(|s| &s.meta))
            .or_else(|| self.indexes.get(name).map(|i| &i.meta))
            .or_else(|| {
                self.types
                    .get(name)
                    .filter(|t| has_row_type || matches!(t.def, TypeDef::Composite { .. }))
                    .map(|t| &t.meta)
            });
        match existing {
            Some(meta) => Err(Box::new(Duplicate {
                id,
                existing: meta.clone(),
            })),
            None => Ok(()),
        }
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
