//! What the change planner knows about the whole change set before lowering any change:
//! which tables are new (plain DDL) or dropped (their dependents go with them).

use schemadiff_diff::{Change, ChangeSet};
use schemadiff_model::{Catalog, Ident, ObjectId, QualifiedName};
use std::collections::{HashMap, HashSet};

pub(crate) struct Ctx<'a> {
    pub current: &'a Catalog,
    pub desired: &'a Catalog,
    /// Tables created by this plan: what is added to them needs no online rewrite.
    pub new_tables: HashSet<&'a QualifiedName>,
    /// Views and materialized views created by this plan.
    pub new_views: HashSet<&'a QualifiedName>,
    /// Tables dropped by this plan: their indexes, constraints, triggers, policies,
    /// grants, comments and owned sequences go with them.
    pub dropped_tables: HashSet<&'a QualifiedName>,
    pub dropped_columns: HashSet<(&'a QualifiedName, &'a Ident)>,
    /// Constraints the change set adds itself (a created table's foreign keys may also
    /// come as separate changes: one step each).
    pub added_constraints: HashSet<(&'a QualifiedName, &'a Ident)>,
    /// Objects dropped by this plan (revokes and comment removals on them are moot).
    pub dropped: HashSet<ObjectId>,
    /// Schema -> domain, for steps on live objects (which have no domain of their own).
    pub schema_domains: HashMap<&'a Ident, &'a str>,
    /// Dropped tables and columns that look like renames (`possible-rename`).
    pub possible_renames: HashMap<ObjectId, String>,
    /// Types some column of the current catalog uses (dropping them loses values).
    pub used_types: HashSet<QualifiedName>,
}

impl<'a> Ctx<'a> {
    pub fn new(changes: &'a ChangeSet, current: &'a Catalog, desired: &'a Catalog) -> Ctx<'a> {
        let mut ctx = Ctx {
            current,
            desired,
            new_tables: HashSet::new(),
            new_views: HashSet::new(),
            dropped_tables: HashSet::new(),
            dropped_columns: HashSet::new(),
            added_constraints: HashSet::new(),
            dropped: HashSet::new(),
            schema_domains: HashMap::new(),
            possible_renames: crate::renames::possible_renames(changes),
            used_types: HashSet::new(),
        };
        for s in desired.schemas.values() {
            ctx.schema_domains.insert(&s.name, s.meta.domain.as_str());
        }
        // The columns' types are collected once, on the first dropped type.
        let mut scanned_types = false;
        for c in &changes.changes {
            match c {
                Change::CreateTable(t) => {
                    ctx.new_tables.insert(&t.name);
                }
                Change::CreateView(v) => {
                    ctx.new_views.insert(&v.name);
                }
                Change::DropTable(t) => {
                    ctx.dropped_tables.insert(&t.name);
                    ctx.dropped.insert(ObjectId::table(t.name.clone()));
                }
                Change::DropColumn { table, column } => {
                    ctx.dropped_columns.insert((table, &column.name));
                    ctx.dropped.insert(ObjectId::Column {
                        table: table.clone(),
                        column: column.name.clone(),
                    });
                }
                Change::AddConstraint { table, constraint } => {
                    ctx.added_constraints.insert((table, &constraint.name));
                }
                Change::DropSchema(s) => {
                    ctx.dropped.insert(ObjectId::Schema {
                        name: s.name.clone(),
                    });
                }
                Change::DropType(t) => {
                    ctx.dropped.insert(ObjectId::Type {
                        name: t.name.clone(),
                    });
                    if !scanned_types {
                        scanned_types = true;
                        ctx.used_types = current
                            .tables
                            .values()
                            .flat_map(|t| t.columns.iter())
                            .filter_map(|c| c.ty.qualified())
                            .collect();
                    }
                }
                Change::DropSequence(s) => {
                    ctx.dropped.insert(ObjectId::Sequence {
                        name: s.name.clone(),
                    });
                }
                Change::DropView(v) => {
                    ctx.dropped
                        .insert(ObjectId::view(v.name.clone(), v.materialized));
                }
                Change::DropFunction(f) => {
                    ctx.dropped.insert(f.id());
                }
                Change::DropIndex(ix) => {
                    ctx.dropped.insert(ObjectId::Index {
                        name: ix.name.clone(),
                    });
                }
                _ => {}
            }
        }
        ctx
    }

    /// Whether the table exists before the plan and is kept: additions to it need the
    /// online forms.
    pub fn existing_table(&self, t: &QualifiedName) -> bool {
        !self.new_tables.contains(t) && self.current.tables.contains_key(t)
    }

    /// A materialized view that exists and is kept (indexes on it are built concurrently).
    pub fn existing_view(&self, v: &QualifiedName) -> bool {
        !self.new_views.contains(v) && self.current.views.contains_key(v)
    }

    pub fn table_dropped(&self, t: &QualifiedName) -> bool {
        self.dropped_tables.contains(t)
    }

    /// Partitioned tables do not support CONCURRENTLY or NOT VALID foreign keys.
    pub fn partitioned(&self, t: &QualifiedName) -> bool {
        self.desired
            .tables
            .get(t)
            .or_else(|| self.current.tables.get(t))
            .is_some_and(|t| t.partition_by.is_some())
    }

    /// Whether a revoke or comment removal on `on` is moot because `on` is dropped.
    pub fn goes_with_drop(&self, on: &ObjectId) -> bool {
        if self.dropped.contains(on) {
            return true;
        }
        match on {
            ObjectId::Column { table, column } => {
                self.table_dropped(table) || self.dropped_columns.contains(&(table, column))
            }
            ObjectId::Constraint { table, .. }
            | ObjectId::Trigger { table, .. }
            | ObjectId::Policy { table, .. } => self.table_dropped(table),
            _ => on
                .schema()
                .is_some_and(|s| self.dropped.contains(&ObjectId::Schema { name: s.clone() })),
        }
    }

    /// The domain a step on a live object is shown under.
    pub fn domain_of(&self, id: &ObjectId) -> String {
        id.schema()
            .and_then(|s| self.schema_domains.get(s))
            .map(|d| d.to_string())
            .unwrap_or_default()
    }
}
