//! The plan that applies a [`ChangeSet`] to an existing database: every change lowered
//! to steps (online forms on existing tables, hazards on each), ordered in one graph.

use crate::action::Action;
use crate::builder::{Builder, Spec};
use crate::ctx::Ctx;
use crate::graph::{CycleError, Node};
use crate::hazard::{Hazard, HazardCode};
use crate::keys::{self, Key, Strength};
use crate::step::{Phase, Plan};
use crate::{lower_misc, lower_table};
use schemadiff_diff::{Change, ChangeSet};
use schemadiff_model::{Catalog, ObjectId, ObjectMeta, QualifiedName};

/// What the planner needs besides the changes: both catalogs, for dependencies
/// (what uses what) on either side.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub changes: &'a ChangeSet,
    pub current: &'a Catalog,
    pub desired: &'a Catalog,
}

/// The steps that apply `input.changes`, in dependency order, with hazards.
///
/// Conventions for the change set: drops name objects as they are in `current` (before
/// any rename), creates and alters as they are in `desired`.
pub fn plan_changes(input: PlanInput<'_>) -> Result<Plan, CycleError> {
    let ctx = Ctx::new(input.changes, input.current, input.desired);
    let mut b = Builder::default();
    b.graph.reserve(input.changes.changes.len() * 2);
    let mut enum_chain: Option<(QualifiedName, petgraph::graph::NodeIndex)> = None;
    for change in &input.changes.changes {
        // Labels added to one enum keep their order (a later one may be placed
        // relative to an earlier one).
        if let Change::AddEnumValue { ty, .. } = change {
            let added = lower_misc::lower(&mut b, &ctx, change);
            if let (Some(&first), Some((prev_ty, prev))) = (added.first(), &enum_chain) {
                if prev_ty == ty {
                    b.graph.before(*prev, first);
                }
            }
            if let Some(&last) = added.last() {
                enum_chain = Some((ty.clone(), last));
            }
            continue;
        }
        if !lower_table::lower(&mut b, &ctx, change) {
            lower_misc::lower(&mut b, &ctx, change);
        }
    }
    b.link();
    b.graph.into_plan()
}

/// A step on a live object being dropped: shown under its schema's domain.
pub(crate) fn drop_spec(ctx: &Ctx<'_>, object: ObjectId, action: Action) -> Spec {
    let retires = keys::identity(&object);
    let domain = ctx.domain_of(&object);
    let mut spec = Spec::new(Node {
        phase: Phase::Drop,
        object,
        domain,
        action,
        source: None,
        hazards: Vec::new(),
        transactional: true,
    });
    spec.retires = retires;
    spec
}

/// A step changing an object the files declare (`meta` from the desired side).
pub(crate) fn alter_spec(
    ctx: &Ctx<'_>,
    phase: Phase,
    object: ObjectId,
    meta: Option<&ObjectMeta>,
    action: Action,
) -> Spec {
    let (domain, source) = match meta {
        Some(m) if !m.domain.is_empty() => (m.domain.to_string(), m.origin.span().cloned()),
        _ => (ctx.domain_of(&object), None),
    };
    Spec::new(Node {
        phase,
        object,
        domain,
        action,
        source,
        hazards: Vec::new(),
        transactional: true,
    })
}

/// Marks a step as an alter of `table`: it follows renames of the table and of its
/// columns, precedes the drops of what used the table, and precedes creates on it.
pub(crate) fn on_table(spec: &mut Spec, table: &QualifiedName) {
    spec.group = Some(table.clone());
    spec.needs
        .push((Key::Renamed(table.clone()), Strength::Hard));
    spec.needs
        .push((Key::RenamedColumns(table.clone()), Strength::Hard));
    spec.provides.push(Key::Relation(table.clone()));
    spec.retires.push(Key::Relation(table.clone()));
}

pub(crate) fn hazard(spec: &mut Spec, code: HazardCode, message: impl Into<String>) {
    spec.node.hazards.push(Hazard::new(code, message));
}
