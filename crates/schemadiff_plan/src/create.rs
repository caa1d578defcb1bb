//! The plan that creates a whole catalog from an empty database, and the create steps
//! of each object kind (shared with the change planner, so a table created in a change
//! plan is ordered exactly as in a from-empty plan).

use crate::action::Action;
use crate::builder::{Builder, Spec};
use crate::graph::{CycleError, Node};
use crate::keys::{self, Key};
use crate::step::{Phase, Plan};
use schemadiff_model::{
    Catalog, Collation, Comment, Constraint, ConstraintKind, Extension, Function, Grant, Index,
    ObjectId, ObjectMeta, Policy, QualifiedName, Schema, Sequence, Table, Trigger, UserType,
    VerbatimStatement, View,
};

/// Every object of `catalog`, as create steps in dependency order.
pub fn plan_create(catalog: &Catalog) -> Result<Plan, CycleError> {
    let mut b = Builder::default();
    b.graph
        .reserve(catalog.object_count() + catalog.tables.len());
    add_catalog(&mut b, catalog);
    b.link();
    b.graph.into_plan()
}

fn add_catalog(b: &mut Builder, c: &Catalog) {
    for s in c.schemas.values() {
        if let Some(spec) = schema(s) {
            b.add(spec);
        }
    }
    for e in c.extensions.values() {
        b.add(extension(e));
    }
    for co in c.collations.values() {
        b.add(collation(co));
    }
    for t in c.types.values() {
        b.add(user_type(t));
    }
    for s in c.sequences.values() {
        b.add(sequence(s));
        if s.owned_by.is_some() {
            b.add(sequence_owner(s));
        }
    }
    for t in c.tables.values() {
        let (spec, late) = table(t);
        b.add(spec);
        for con in late {
            b.add(constraint(t, con));
        }
        if let Some(spec) = row_security(t) {
            b.add(spec);
        }
    }
    for ix in c.indexes.values() {
        b.add(index(ix, Action::CreateIndex(ix.clone())));
    }
    for v in c.views.values() {
        b.add(view(v));
    }
    for f in c.functions.values() {
        b.add(function(f, Action::CreateFunction(f.clone())));
    }
    for t in c.triggers.values() {
        b.add(trigger(t));
    }
    for p in c.policies.values() {
        b.add(policy(p, Action::CreatePolicy(p.clone())));
    }
    for g in c.grants.values() {
        b.add(grant(g, Action::Grant(g.clone())));
    }
    for cm in c.comments.values() {
        b.add(comment(cm));
    }
    for s in &c.statements {
        b.add(verbatim(s));
    }
}

pub(crate) fn node(phase: Phase, object: ObjectId, meta: &ObjectMeta, action: Action) -> Node {
    Node {
        phase,
        object,
        domain: meta.domain.to_string(),
        action,
        source: meta.origin.span().cloned(),
        hazards: Vec::new(),
        transactional: true,
    }
}

/// A create step providing the object's own identity.
fn create(phase: Phase, object: ObjectId, meta: &ObjectMeta, action: Action) -> Spec {
    let provides = keys::identity(&object);
    let mut spec = Spec::new(node(phase, object, meta, action));
    spec.provides = provides;
    spec
}

/// `None` for `public`, which exists in every database.
pub(crate) fn schema(s: &Schema) -> Option<Spec> {
    if s.name.as_str() == "public" {
        return None;
    }
    let id = ObjectId::Schema {
        name: s.name.clone(),
    };
    Some(create(
        Phase::Schema,
        id,
        &s.meta,
        Action::CreateSchema(s.clone()),
    ))
}

pub(crate) fn extension(e: &Extension) -> Spec {
    let id = ObjectId::Extension {
        name: e.name.clone(),
    };
    let mut spec = create(
        Phase::Extension,
        id,
        &e.meta,
        Action::CreateExtension(e.clone()),
    );
    if let Some(s) = &e.schema {
        spec.needs
            .push((Key::Schema(s.clone()), keys::Strength::Hard));
    }
    for t in schemadiff_model::types::extension_types(e.name.as_str()) {
        spec.provides.push(Key::ExtensionType((*t).to_string()));
    }
    spec
}

pub(crate) fn collation(c: &Collation) -> Spec {
    let id = ObjectId::Collation {
        name: c.name.clone(),
    };
    let mut spec = create(
        Phase::Collation,
        id,
        &c.meta,
        Action::CreateCollation(c.clone()),
    );
    if let Some(from) = &c.from {
        spec.needs
            .push((Key::Collation(from.clone()), keys::Strength::Hard));
    }
    spec
}

pub(crate) fn user_type(t: &UserType) -> Spec {
    let id = ObjectId::Type {
        name: t.name.clone(),
    };
    let mut spec = create(Phase::Type, id, &t.meta, Action::CreateType(t.clone()));
    keys::user_type(t, &mut spec.needs);
    spec
}

pub(crate) fn sequence(s: &Sequence) -> Spec {
    let id = ObjectId::Sequence {
        name: s.name.clone(),
    };
    let mut spec = create(
        Phase::Sequence,
        id,
        &s.meta,
        Action::CreateSequence(s.clone()),
    );
    keys::sequence(s, &mut spec.needs);
    spec
}

/// `ALTER SEQUENCE ... OWNED BY`, after the owning column exists.
pub(crate) fn sequence_owner(s: &Sequence) -> Spec {
    let id = ObjectId::Sequence {
        name: s.name.clone(),
    };
    let mut spec = Spec::new(node(
        Phase::SequenceOwner,
        id,
        &s.meta,
        Action::SetSequenceOwner(s.clone()),
    ));
    spec.needs
        .push((Key::Sequence(s.name.clone()), keys::Strength::Hard));
    if let Some((table, column)) = &s.owned_by {
        spec.needs
            .push((Key::Relation(table.clone()), keys::Strength::Hard));
        spec.needs.push((
            Key::Column(table.clone(), column.clone()),
            keys::Strength::Hard,
        ));
    }
    spec
}

/// Foreign keys and NOT VALID constraints are added after the table: cycles between
/// tables cannot block creation, and only ALTER TABLE can mark a constraint NOT VALID.
pub(crate) fn is_late(k: &Constraint) -> bool {
    matches!(k.kind, ConstraintKind::ForeignKey(_)) || k.not_valid
}

/// The CREATE TABLE step (without late constraints) and the late constraints.
pub(crate) fn table(t: &Table) -> (Spec, Vec<&Constraint>) {
    let mut created = t.clone();
    created.constraints.retain(|_, k| !is_late(k));
    let mut spec = create(
        Phase::Table,
        ObjectId::table(t.name.clone()),
        &t.meta,
        Action::CreateTable(created),
    );
    keys::table(t, &mut spec.needs);
    // Columns and constraints need no keys of their own: whatever names them also
    // needs the table (keeping 10 keys per table out of big plans).
    if t.constraints
        .values()
        .any(|k| !is_late(k) && is_unique_key(k))
    {
        spec.provides.push(Key::UniqueOn(t.name.clone()));
    }
    let late = t.constraints.values().filter(|k| is_late(k)).collect();
    (spec, late)
}

pub(crate) fn is_unique_key(c: &Constraint) -> bool {
    matches!(
        c.kind,
        ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. }
    )
}

/// A constraint added by ALTER TABLE (its meta, or the table's when it has none).
pub(crate) fn constraint(t: &Table, con: &Constraint) -> Spec {
    let meta = if con.meta.domain.is_empty() {
        &t.meta
    } else {
        &con.meta
    };
    let action = Action::AddConstraint {
        table: t.name.clone(),
        constraint: con.clone(),
    };
    constraint_step(&t.name, con, meta, action)
}

pub(crate) fn constraint_step(
    table: &QualifiedName,
    con: &Constraint,
    meta: &ObjectMeta,
    action: Action,
) -> Spec {
    let phase = if matches!(con.kind, ConstraintKind::ForeignKey(_)) {
        Phase::ForeignKey
    } else {
        Phase::NotValidConstraint
    };
    let id = ObjectId::Constraint {
        table: table.clone(),
        name: con.name.clone(),
    };
    let mut spec = create(phase, id, meta, action);
    keys::constraint(table, con, &mut spec.needs);
    if is_unique_key(con) {
        spec.provides.push(Key::UniqueOn(table.clone()));
    }
    spec
}

pub(crate) fn row_security(t: &Table) -> Option<Spec> {
    if !t.rls_enabled && !t.rls_forced {
        return None;
    }
    let action = Action::SetRowSecurity {
        table: t.name.clone(),
        enabled: t.rls_enabled,
        forced: t.rls_forced,
    };
    let mut spec = Spec::new(node(
        Phase::RowSecurity,
        ObjectId::table(t.name.clone()),
        &t.meta,
        action,
    ));
    spec.needs
        .push((Key::Relation(t.name.clone()), keys::Strength::Hard));
    Some(spec)
}

pub(crate) fn index(ix: &Index, action: Action) -> Spec {
    let id = ObjectId::Index {
        name: ix.name.clone(),
    };
    let mut spec = create(Phase::Index, id, &ix.meta, action);
    keys::index(ix, &mut spec.needs);
    if ix.unique {
        spec.provides.push(Key::UniqueOn(ix.table.clone()));
    }
    spec
}

pub(crate) fn view(v: &View) -> Spec {
    let id = ObjectId::view(v.name.clone(), v.materialized);
    let mut spec = create(Phase::View, id, &v.meta, Action::CreateView(v.clone()));
    keys::view(v, &mut spec.needs);
    spec
}

pub(crate) fn function(f: &Function, action: Action) -> Spec {
    let mut spec = create(Phase::Function, f.id(), &f.meta, action);
    keys::function(f, &mut spec.needs);
    spec
}

pub(crate) fn trigger(t: &Trigger) -> Spec {
    let id = ObjectId::Trigger {
        table: t.table.clone(),
        name: t.name.clone(),
    };
    let mut spec = create(
        Phase::Trigger,
        id,
        &t.meta,
        Action::CreateTrigger(t.clone()),
    );
    keys::trigger(t, &mut spec.needs);
    spec
}

pub(crate) fn policy(p: &Policy, action: Action) -> Spec {
    let id = ObjectId::Policy {
        table: p.table.clone(),
        name: p.name.clone(),
    };
    let mut spec = create(Phase::Policy, id, &p.meta, action);
    keys::policy(p, &mut spec.needs);
    spec
}

pub(crate) fn grant(g: &Grant, action: Action) -> Spec {
    let id = ObjectId::Grant {
        on: Box::new(g.on.clone()),
        grantee: g.grantee.clone(),
    };
    let mut spec = Spec::new(node(Phase::Grant, id, &g.meta, action));
    keys::object(&g.on, &mut spec.needs);
    spec
}

pub(crate) fn comment(c: &Comment) -> Spec {
    let id = ObjectId::Comment {
        on: Box::new(c.on.clone()),
    };
    let mut spec = Spec::new(node(
        Phase::Comment,
        id,
        &c.meta,
        Action::Comment(c.clone()),
    ));
    keys::object(&c.on, &mut spec.needs);
    spec
}

pub(crate) fn verbatim(s: &VerbatimStatement) -> Spec {
    let id = ObjectId::Statement {
        sql: s.sql.clone(),
        index: s.index,
    };
    let mut spec = Spec::new(node(
        Phase::Verbatim,
        id,
        &s.meta,
        Action::Verbatim(s.clone()),
    ));
    keys::verbatim(s, &mut spec.needs);
    if let Some(created) = &s.creates {
        spec.provides.push(Key::Verbatim(created.clone()));
    }
    spec
}
