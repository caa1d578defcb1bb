//! What an object needs and what a step provides, as lookup keys: dependencies are read
//! off the model (schemas, types, foreign keys, owners) and off the references found in
//! SQL text, without looking anything up yet (the builder resolves keys to steps).

use schemadiff_model::{
    Column, Constraint, ConstraintKind, Expr, Function, Ident, Index, IndexTarget, ObjectId,
    ObjectRef, Policy, QualifiedName, RefKind, Sequence, Table, Trigger, TypeDef, TypeName,
    UserType, VerbatimStatement, View,
};

/// A name steps can provide (create, alter, rename to) or retire (drop, alter, rename from).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Key {
    Schema(Ident),
    Extension(Ident),
    /// An unqualified type name an extension installs (`geography`, `vector`).
    ExtensionType(String),
    Collation(QualifiedName),
    Type(QualifiedName),
    Sequence(QualifiedName),
    /// Tables, views and materialized views (one namespace).
    Relation(QualifiedName),
    Column(QualifiedName, Ident),
    Function(QualifiedName),
    Index(QualifiedName),
    /// Unique keys a foreign key may reference: unique indexes, primary and unique
    /// constraints of that table.
    UniqueOn(QualifiedName),
    Constraint(QualifiedName, Ident),
    Trigger(QualifiedName, Ident),
    Policy(QualifiedName, Ident),
    /// A verbatim `CREATE ...` statement of that name.
    Verbatim(QualifiedName),
    /// A table or column rename on this table: steps naming the table by its new name
    /// (alters included) follow it.
    Renamed(QualifiedName),
    /// A column rename on this table: alters of the table follow it.
    RenamedColumns(QualifiedName),
}

/// `Hard` must hold; `Soft` is kept unless it would close a cycle (function bodies are
/// not checked at creation: the script sets `check_function_bodies = off`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    Hard,
    Soft,
}

pub(crate) type Uses = Vec<(Key, Strength)>;

fn hard(out: &mut Uses, k: Key) {
    out.push((k, Strength::Hard));
}

pub(crate) fn type_name(t: &TypeName, out: &mut Uses) {
    match t.qualified() {
        Some(q) => {
            // A table's row type is a type too.
            hard(out, Key::Relation(q.clone()));
            hard(out, Key::Type(q));
        }
        None if !t.is_builtin() => hard(out, Key::ExtensionType(t.name.to_string())),
        None => {}
    }
}

pub(crate) fn expr(e: &Expr, out: &mut Uses) {
    e.refs
        .iter()
        .for_each(|r| reference(r, Strength::Hard, out));
}

pub(crate) fn reference(r: &ObjectRef, s: Strength, out: &mut Uses) {
    let any = r.kind == RefKind::Any;
    out.push((Key::Verbatim(r.name.clone()), s));
    if any || r.kind == RefKind::Relation {
        out.push((Key::Relation(r.name.clone()), s));
    }
    if any || r.kind == RefKind::Function {
        out.push((Key::Function(r.name.clone()), s));
    }
    if any || r.kind == RefKind::Sequence {
        out.push((Key::Sequence(r.name.clone()), s));
    }
    if any || r.kind == RefKind::Type {
        out.push((Key::Type(r.name.clone()), s));
        out.push((Key::Relation(r.name.clone()), s));
    }
}

/// A `COLLATE` name: built-in collations match no step.
fn collation(c: Option<&QualifiedName>, out: &mut Uses) {
    if let Some(c) = c {
        hard(out, Key::Collation(c.clone()));
    }
}

pub(crate) fn column(c: &Column, out: &mut Uses) {
    type_name(&c.ty, out);
    collation(c.collation.as_deref(), out);
    c.default
        .iter()
        .chain(c.generated.as_deref())
        .for_each(|e| expr(e, out));
}

/// A table as created: columns, non-foreign-key constraints, partition parent, parents.
pub(crate) fn table(t: &Table, out: &mut Uses) {
    for c in &t.columns {
        column(c, out);
    }
    for con in t.constraints.values() {
        if !matches!(con.kind, ConstraintKind::ForeignKey(_)) {
            constraint(&t.name, con, out);
        }
    }
    if let Some(p) = &t.partition_of {
        hard(out, Key::Relation(p.parent.clone()));
    }
    for p in &t.inherits {
        hard(out, Key::Relation(p.clone()));
    }
}

pub(crate) fn constraint(table: &QualifiedName, c: &Constraint, out: &mut Uses) {
    hard(out, Key::Relation(table.clone()));
    match &c.kind {
        ConstraintKind::ForeignKey(fk) => {
            hard(out, Key::Relation(fk.ref_table.clone()));
            hard(out, Key::UniqueOn(fk.ref_table.clone()));
        }
        ConstraintKind::Check { expr: e, .. } => expr(e, out),
        ConstraintKind::Exclusion {
            predicate: Some(p), ..
        } => expr(p, out),
        _ => {}
    }
}

pub(crate) fn index(ix: &Index, out: &mut Uses) {
    hard(out, Key::Relation(ix.table.clone()));
    for k in &ix.keys {
        collation(k.collation.as_ref(), out);
        if let IndexTarget::Expression(e) = &k.target {
            expr(e, out);
        }
    }
    ix.predicate.iter().for_each(|e| expr(e, out));
}

pub(crate) fn user_type(t: &UserType, out: &mut Uses) {
    match &t.def {
        TypeDef::Enum { .. } => {}
        TypeDef::Composite { attributes } => {
            for a in attributes {
                type_name(&a.ty, out);
                collation(a.collation.as_ref(), out);
            }
        }
        TypeDef::Domain {
            base,
            default,
            checks,
            collation: domain_collation,
            ..
        } => {
            type_name(base, out);
            collation(domain_collation.as_ref(), out);
            default.iter().for_each(|e| expr(e, out));
            checks.iter().for_each(|(_, e)| expr(e, out));
        }
    }
}

pub(crate) fn sequence(s: &Sequence, out: &mut Uses) {
    if let Some(t) = &s.data_type {
        type_name(t, out);
    }
}

pub(crate) fn view(v: &View, out: &mut Uses) {
    v.refs
        .iter()
        .for_each(|r| reference(r, Strength::Hard, out));
}

pub(crate) fn function(f: &Function, out: &mut Uses) {
    f.args.iter().for_each(|a| type_name(&a.ty, out));
    f.refs
        .iter()
        .for_each(|r| reference(r, Strength::Soft, out));
}

pub(crate) fn trigger(t: &Trigger, out: &mut Uses) {
    hard(out, Key::Relation(t.table.clone()));
    if let ObjectId::Function { name, .. } = &t.function {
        hard(out, Key::Function(name.clone()));
        hard(out, Key::Verbatim(name.clone()));
    }
}

pub(crate) fn policy(p: &Policy, out: &mut Uses) {
    hard(out, Key::Relation(p.table.clone()));
    p.using
        .iter()
        .chain(p.with_check.iter())
        .for_each(|e| expr(e, out));
}

pub(crate) fn verbatim(s: &VerbatimStatement, out: &mut Uses) {
    s.mentions
        .iter()
        .for_each(|r| reference(r, Strength::Hard, out));
}

/// The object a grant or comment is on.
pub(crate) fn object(id: &ObjectId, out: &mut Uses) {
    match id {
        ObjectId::Schema { name } => hard(out, Key::Schema(name.clone())),
        ObjectId::Extension { name } => hard(out, Key::Extension(name.clone())),
        ObjectId::Collation { name } => hard(out, Key::Collation(name.clone())),
        ObjectId::Type { name } => {
            hard(out, Key::Type(name.clone()));
            hard(out, Key::Verbatim(name.clone()));
        }
        ObjectId::Sequence { name } => {
            hard(out, Key::Sequence(name.clone()));
            hard(out, Key::Verbatim(name.clone()));
        }
        ObjectId::Relation { name, .. } => {
            hard(out, Key::Relation(name.clone()));
            hard(out, Key::Verbatim(name.clone()));
        }
        ObjectId::Column { table, column } => {
            hard(out, Key::Relation(table.clone()));
            hard(out, Key::Column(table.clone(), column.clone()));
        }
        ObjectId::Index { name } => hard(out, Key::Index(name.clone())),
        ObjectId::Function { name, .. } => {
            hard(out, Key::Function(name.clone()));
            hard(out, Key::Verbatim(name.clone()));
        }
        ObjectId::Constraint { table, name } => {
            hard(out, Key::Relation(table.clone()));
            hard(out, Key::Constraint(table.clone(), name.clone()));
        }
        ObjectId::Trigger { table, name } => {
            hard(out, Key::Relation(table.clone()));
            hard(out, Key::Trigger(table.clone(), name.clone()));
        }
        ObjectId::Policy { table, name } => {
            hard(out, Key::Relation(table.clone()));
            hard(out, Key::Policy(table.clone(), name.clone()));
        }
        ObjectId::Grant { on, .. } | ObjectId::Comment { on } => object(on, out),
        ObjectId::Statement { .. } => {}
    }
}

/// The keys naming an object itself: what its create provides and its drop retires.
pub(crate) fn identity(id: &ObjectId) -> Vec<Key> {
    match id {
        ObjectId::Schema { name } => vec![Key::Schema(name.clone())],
        ObjectId::Extension { name } => vec![Key::Extension(name.clone())],
        ObjectId::Collation { name } => vec![Key::Collation(name.clone())],
        ObjectId::Type { name } => vec![Key::Type(name.clone())],
        ObjectId::Sequence { name } => vec![Key::Sequence(name.clone())],
        ObjectId::Relation { name, .. } => vec![Key::Relation(name.clone())],
        ObjectId::Column { table, column } => vec![Key::Column(table.clone(), column.clone())],
        ObjectId::Index { name } => vec![Key::Index(name.clone())],
        ObjectId::Function { name, .. } => vec![Key::Function(name.clone())],
        ObjectId::Constraint { table, name } => {
            vec![Key::Constraint(table.clone(), name.clone())]
        }
        ObjectId::Trigger { table, name } => vec![Key::Trigger(table.clone(), name.clone())],
        ObjectId::Policy { table, name } => vec![Key::Policy(table.clone(), name.clone())],
        ObjectId::Grant { .. } | ObjectId::Comment { .. } | ObjectId::Statement { .. } => {
            Vec::new()
        }
    }
}
