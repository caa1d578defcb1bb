//! The plan that creates a whole catalog from an empty database.

use crate::graph::{CycleError, Node, StepGraph};
use crate::step::{Action, Phase, Plan};
use petgraph::graph::NodeIndex;
use schemadiff_model::{Catalog, ConstraintKind, Ident, ObjectId, ObjectMeta, QualifiedName};
use std::collections::BTreeMap;

/// Every object of `catalog`, as create steps in dependency order.
pub fn plan_create(catalog: &Catalog) -> Result<Plan, CycleError> {
    let mut b = Builder::default();
    b.add_nodes(catalog);
    b.add_edges();
    b.graph.into_plan()
}

/// Finds the step that creates a named object.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub(crate) graph: StepGraph,
    pub(crate) schemas: BTreeMap<Ident, NodeIndex>,
    pub(crate) extensions: BTreeMap<Ident, NodeIndex>,
    pub(crate) types: BTreeMap<QualifiedName, NodeIndex>,
    pub(crate) sequences: BTreeMap<QualifiedName, NodeIndex>,
    pub(crate) tables: BTreeMap<QualifiedName, NodeIndex>,
    pub(crate) views: BTreeMap<QualifiedName, NodeIndex>,
    pub(crate) functions: BTreeMap<QualifiedName, Vec<NodeIndex>>,
    /// Unique indexes per table: foreign keys may reference them.
    pub(crate) unique_indexes: BTreeMap<QualifiedName, Vec<NodeIndex>>,
    pub(crate) indexes: BTreeMap<QualifiedName, NodeIndex>,
    pub(crate) constraints: BTreeMap<(QualifiedName, Ident), NodeIndex>,
    pub(crate) triggers: BTreeMap<(QualifiedName, Ident), NodeIndex>,
    pub(crate) policies: BTreeMap<(QualifiedName, Ident), NodeIndex>,
    /// Verbatim `CREATE ...` statements by the name they create.
    pub(crate) verbatim_creates: BTreeMap<QualifiedName, Vec<NodeIndex>>,
}

fn node(phase: Phase, object: ObjectId, meta: &ObjectMeta, action: Action) -> Node {
    Node {
        phase,
        object,
        domain: meta.domain.clone(),
        action,
        source: meta.origin.span().cloned(),
        hazards: Vec::new(),
        transactional: true,
    }
}

impl Builder {
    fn add_nodes(&mut self, c: &Catalog) {
        for s in c.schemas.values() {
            if s.name.as_str() == "public" {
                continue; // exists in every database
            }
            let i = self.graph.add(node(
                Phase::Schema,
                ObjectId::Schema {
                    name: s.name.clone(),
                },
                &s.meta,
                Action::CreateSchema(s.clone()),
            ));
            self.schemas.insert(s.name.clone(), i);
        }
        for e in c.extensions.values() {
            let i = self.graph.add(node(
                Phase::Extension,
                ObjectId::Extension {
                    name: e.name.clone(),
                },
                &e.meta,
                Action::CreateExtension(e.clone()),
            ));
            self.extensions.insert(e.name.clone(), i);
        }
        for t in c.types.values() {
            let i = self.graph.add(node(
                Phase::Type,
                ObjectId::Type {
                    name: t.name.clone(),
                },
                &t.meta,
                Action::CreateType(t.clone()),
            ));
            self.types.insert(t.name.clone(), i);
        }
        for s in c.sequences.values() {
            let id = ObjectId::Sequence {
                name: s.name.clone(),
            };
            let i = self.graph.add(node(
                Phase::Sequence,
                id.clone(),
                &s.meta,
                Action::CreateSequence(s.clone()),
            ));
            self.sequences.insert(s.name.clone(), i);
            if s.owned_by.is_some() {
                let o = self.graph.add(node(
                    Phase::SequenceOwner,
                    id,
                    &s.meta,
                    Action::SetSequenceOwner(s.clone()),
                ));
                self.graph.before(i, o);
            }
        }
        for t in c.tables.values() {
            let mut created = t.clone();
            // Foreign keys become their own steps so cycles between tables cannot block
            // creation; NOT VALID constraints too, since only ALTER TABLE can mark them so.
            let late = |k: &schemadiff_model::Constraint| {
                matches!(k.kind, ConstraintKind::ForeignKey(_)) || k.not_valid
            };
            created.constraints.retain(|_, k| !late(k));
            let i = self.graph.add(node(
                Phase::Table,
                ObjectId::table(t.name.clone()),
                &t.meta,
                Action::CreateTable(created),
            ));
            self.tables.insert(t.name.clone(), i);
            for con in t.constraints.values().filter(|k| late(k)) {
                let id = ObjectId::Constraint {
                    table: t.name.clone(),
                    name: con.name.clone(),
                };
                let meta = if con.meta.domain.is_empty() {
                    &t.meta
                } else {
                    &con.meta
                };
                let phase = if matches!(con.kind, ConstraintKind::ForeignKey(_)) {
                    Phase::ForeignKey
                } else {
                    Phase::NotValidConstraint
                };
                let action = Action::AddConstraint {
                    table: t.name.clone(),
                    constraint: con.clone(),
                };
                let f = self.graph.add(node(phase, id, meta, action));
                self.constraints
                    .insert((t.name.clone(), con.name.clone()), f);
            }
            if t.rls_enabled || t.rls_forced {
                let action = Action::SetRowSecurity {
                    table: t.name.clone(),
                    enabled: t.rls_enabled,
                    forced: t.rls_forced,
                };
                self.graph.add(node(
                    Phase::RowSecurity,
                    ObjectId::table(t.name.clone()),
                    &t.meta,
                    action,
                ));
            }
        }
        for ix in c.indexes.values() {
            let i = self.graph.add(node(
                Phase::Index,
                ObjectId::Index {
                    name: ix.name.clone(),
                },
                &ix.meta,
                Action::CreateIndex(ix.clone()),
            ));
            self.indexes.insert(ix.name.clone(), i);
            if ix.unique {
                self.unique_indexes
                    .entry(ix.table.clone())
                    .or_default()
                    .push(i);
            }
        }
        for v in c.views.values() {
            let id = ObjectId::view(v.name.clone(), v.materialized);
            let i = self.graph.add(node(
                Phase::View,
                id,
                &v.meta,
                Action::CreateView(v.clone()),
            ));
            self.views.insert(v.name.clone(), i);
        }
        for f in c.functions.values() {
            let i = self.graph.add(node(
                Phase::Function,
                f.id(),
                &f.meta,
                Action::CreateFunction(f.clone()),
            ));
            self.functions.entry(f.name.clone()).or_default().push(i);
        }
        for t in c.triggers.values() {
            let id = ObjectId::Trigger {
                table: t.table.clone(),
                name: t.name.clone(),
            };
            let i = self.graph.add(node(
                Phase::Trigger,
                id,
                &t.meta,
                Action::CreateTrigger(t.clone()),
            ));
            self.triggers.insert((t.table.clone(), t.name.clone()), i);
        }
        for p in c.policies.values() {
            let id = ObjectId::Policy {
                table: p.table.clone(),
                name: p.name.clone(),
            };
            let i = self.graph.add(node(
                Phase::Policy,
                id,
                &p.meta,
                Action::CreatePolicy(p.clone()),
            ));
            self.policies.insert((p.table.clone(), p.name.clone()), i);
        }
        for g in c.grants.values() {
            let id = ObjectId::Grant {
                on: Box::new(g.on.clone()),
                grantee: g.grantee.clone(),
            };
            self.graph
                .add(node(Phase::Grant, id, &g.meta, Action::Grant(g.clone())));
        }
        for cm in c.comments.values() {
            let id = ObjectId::Comment {
                on: Box::new(cm.on.clone()),
            };
            self.graph.add(node(
                Phase::Comment,
                id,
                &cm.meta,
                Action::Comment(cm.clone()),
            ));
        }
        for s in &c.statements {
            let i = self.graph.add(node(
                Phase::Verbatim,
                ObjectId::Statement {
                    sql: s.sql.clone(),
                    index: s.index,
                },
                &s.meta,
                Action::Verbatim(s.clone()),
            ));
            if let Some(created) = &s.creates {
                self.verbatim_creates
                    .entry(created.clone())
                    .or_default()
                    .push(i);
            }
        }
    }
}
