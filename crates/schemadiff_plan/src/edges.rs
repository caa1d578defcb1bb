//! Which step must come before which: dependencies read off the model (schemas,
//! types, foreign keys, owners) and off the references found in SQL text.

use crate::create::Builder;
use crate::step::Action;
use petgraph::graph::NodeIndex;
use schemadiff_model::{
    ConstraintKind, Expr, IndexTarget, ObjectId, ObjectRef, QualifiedName, RefKind, TypeDef,
    TypeName,
};

/// A dependency: `Hard` must hold; `Soft` is kept unless it would close a cycle.
enum Dep {
    Hard(NodeIndex),
    Soft(NodeIndex),
}

impl Builder {
    pub(crate) fn add_edges(&mut self) {
        for i in self.graph.indices() {
            let mut deps = Vec::new();
            let node = self.graph.node(i);
            if let Some(schema) = node.object.schema() {
                if let Some(&s) = self.schemas.get(schema) {
                    deps.push(Dep::Hard(s));
                }
            }
            self.action_deps(&node.action, &mut deps);
            for d in deps {
                match d {
                    Dep::Hard(n) => self.graph.before(n, i),
                    Dep::Soft(n) => self.graph.prefer_before(n, i),
                }
            }
        }
    }

    fn action_deps(&self, action: &Action, deps: &mut Vec<Dep>) {
        match action {
            Action::CreateSchema(_) => {}
            Action::CreateExtension(e) => {
                if let Some(s) = e.schema.as_ref().and_then(|s| self.schemas.get(s)) {
                    deps.push(Dep::Hard(*s));
                }
            }
            Action::CreateType(t) => match &t.def {
                TypeDef::Enum { .. } => {}
                TypeDef::Composite { attributes } => {
                    attributes.iter().for_each(|a| self.type_dep(&a.ty, deps))
                }
                TypeDef::Domain {
                    base,
                    default,
                    checks,
                    ..
                } => {
                    self.type_dep(base, deps);
                    default.iter().for_each(|e| self.expr_deps(e, deps));
                    checks.iter().for_each(|(_, e)| self.expr_deps(e, deps));
                }
            },
            Action::CreateSequence(s) => {
                if let Some(t) = &s.data_type {
                    self.type_dep(t, deps);
                }
            }
            Action::SetSequenceOwner(s) => {
                if let Some((table, _)) = &s.owned_by {
                    self.table_dep(table, deps);
                }
            }
            Action::CreateTable(t) => {
                for c in &t.columns {
                    self.type_dep(&c.ty, deps);
                    c.default
                        .iter()
                        .chain(c.generated.iter())
                        .for_each(|e| self.expr_deps(e, deps));
                }
                for con in t.constraints.values() {
                    match &con.kind {
                        ConstraintKind::Check { expr, .. } => self.expr_deps(expr, deps),
                        ConstraintKind::Exclusion {
                            predicate: Some(p), ..
                        } => self.expr_deps(p, deps),
                        _ => {}
                    }
                }
                if let Some(p) = &t.partition_of {
                    self.table_dep(&p.parent, deps);
                }
                t.inherits.iter().for_each(|p| self.table_dep(p, deps));
            }
            Action::AddConstraint { table, constraint } => {
                self.table_dep(table, deps);
                match &constraint.kind {
                    ConstraintKind::ForeignKey(fk) => {
                        self.table_dep(&fk.ref_table, deps);
                        // The referenced key may be a unique index rather than a constraint.
                        for &ix in self.unique_indexes.get(&fk.ref_table).into_iter().flatten() {
                            deps.push(Dep::Hard(ix));
                        }
                    }
                    ConstraintKind::Check { expr, .. } => self.expr_deps(expr, deps),
                    _ => {}
                }
            }
            Action::CreateIndex(ix) => {
                self.relation_dep(&ix.table, deps);
                for k in &ix.keys {
                    if let IndexTarget::Expression(e) = &k.target {
                        self.expr_deps(e, deps);
                    }
                }
                ix.predicate.iter().for_each(|e| self.expr_deps(e, deps));
            }
            Action::CreateView(v) => v.refs.iter().for_each(|r| self.ref_deps(r, true, deps)),
            Action::CreateFunction(f) => {
                f.args.iter().for_each(|a| self.type_dep(&a.ty, deps));
                // Bodies are not checked at creation (the script sets
                // check_function_bodies = off), so what they mention is only a preference.
                f.refs.iter().for_each(|r| self.ref_deps(r, false, deps));
            }
            Action::CreateTrigger(t) => {
                self.relation_dep(&t.table, deps);
                if let ObjectId::Function { name, .. } = &t.function {
                    self.ref_deps(
                        &ObjectRef {
                            kind: RefKind::Function,
                            name: name.clone(),
                        },
                        true,
                        deps,
                    );
                }
            }
            Action::SetRowSecurity { table, .. } => self.table_dep(table, deps),
            Action::CreatePolicy(p) => {
                self.table_dep(&p.table, deps);
                p.using
                    .iter()
                    .chain(p.with_check.iter())
                    .for_each(|e| self.expr_deps(e, deps));
            }
            Action::Grant(g) => self.object_deps(&g.on, deps),
            Action::Comment(c) => self.object_deps(&c.on, deps),
            Action::Verbatim(s) => s.mentions.iter().for_each(|r| self.ref_deps(r, true, deps)),
        }
    }

    fn type_dep(&self, t: &TypeName, deps: &mut Vec<Dep>) {
        match t.qualified() {
            Some(q) => {
                if let Some(&n) = self.types.get(&q) {
                    deps.push(Dep::Hard(n));
                } else if let Some(&n) = self.tables.get(&q) {
                    // A table's row type.
                    deps.push(Dep::Hard(n));
                }
            }
            None => {
                for (name, &n) in &self.extensions {
                    if schemadiff_model::types::extension_types(name.as_str())
                        .contains(&t.name.as_str())
                    {
                        deps.push(Dep::Hard(n));
                    }
                }
            }
        }
    }

    fn expr_deps(&self, e: &Expr, deps: &mut Vec<Dep>) {
        e.refs.iter().for_each(|r| self.ref_deps(r, true, deps));
    }

    fn table_dep(&self, t: &QualifiedName, deps: &mut Vec<Dep>) {
        if let Some(&n) = self.tables.get(t) {
            deps.push(Dep::Hard(n));
        }
    }

    fn relation_dep(&self, t: &QualifiedName, deps: &mut Vec<Dep>) {
        if let Some(&n) = self.tables.get(t).or_else(|| self.views.get(t)) {
            deps.push(Dep::Hard(n));
        }
    }

    fn ref_deps(&self, r: &ObjectRef, hard: bool, deps: &mut Vec<Dep>) {
        let wrap = |n: NodeIndex| if hard { Dep::Hard(n) } else { Dep::Soft(n) };
        let any = r.kind == RefKind::Any;
        // A statement kept verbatim may create what this names.
        for &n in self.verbatim_creates.get(&r.name).into_iter().flatten() {
            deps.push(wrap(n));
        }
        if any || r.kind == RefKind::Relation {
            if let Some(&n) = self.tables.get(&r.name).or_else(|| self.views.get(&r.name)) {
                deps.push(wrap(n));
            }
        }
        if any || r.kind == RefKind::Function {
            for &n in self.functions.get(&r.name).into_iter().flatten() {
                deps.push(wrap(n));
            }
        }
        if any || r.kind == RefKind::Sequence {
            if let Some(&n) = self.sequences.get(&r.name) {
                deps.push(wrap(n));
            }
        }
        if any || r.kind == RefKind::Type {
            if let Some(&n) = self.types.get(&r.name) {
                deps.push(wrap(n));
            }
        }
    }

    /// The step creating the object a grant or comment is on.
    fn object_deps(&self, id: &ObjectId, deps: &mut Vec<Dep>) {
        match id {
            ObjectId::Schema { name } => {
                if let Some(&n) = self.schemas.get(name) {
                    deps.push(Dep::Hard(n));
                }
            }
            ObjectId::Extension { name } => {
                if let Some(&n) = self.extensions.get(name) {
                    deps.push(Dep::Hard(n));
                }
            }
            ObjectId::Type { name } => self.ref_deps(
                &ObjectRef {
                    kind: RefKind::Type,
                    name: name.clone(),
                },
                true,
                deps,
            ),
            ObjectId::Sequence { name } => self.ref_deps(
                &ObjectRef {
                    kind: RefKind::Sequence,
                    name: name.clone(),
                },
                true,
                deps,
            ),
            ObjectId::Relation { name, .. } | ObjectId::Column { table: name, .. } => {
                self.relation_dep(name, deps)
            }
            ObjectId::Index { name } => {
                if let Some(&n) = self.indexes.get(name) {
                    deps.push(Dep::Hard(n));
                }
            }
            ObjectId::Function { name, .. } => self.ref_deps(
                &ObjectRef {
                    kind: RefKind::Function,
                    name: name.clone(),
                },
                true,
                deps,
            ),
            ObjectId::Constraint { table, name } => {
                match self.constraints.get(&(table.clone(), name.clone())) {
                    Some(&n) => deps.push(Dep::Hard(n)),
                    None => self.relation_dep(table, deps),
                }
            }
            ObjectId::Trigger { table, name } => {
                match self.triggers.get(&(table.clone(), name.clone())) {
                    Some(&n) => deps.push(Dep::Hard(n)),
                    None => self.relation_dep(table, deps),
                }
            }
            ObjectId::Policy { table, name } => {
                match self.policies.get(&(table.clone(), name.clone())) {
                    Some(&n) => deps.push(Dep::Hard(n)),
                    None => self.relation_dep(table, deps),
                }
            }
            ObjectId::Grant { on, .. } | ObjectId::Comment { on } => self.object_deps(on, deps),
            ObjectId::Statement { .. } => {}
        }
    }
}
