//! Changes to everything but tables as steps: schemas, extensions, collations, types (enum values,
//! enum recreation), sequences, views, functions, triggers, policies, grants, comments.

use crate::action::Action;
use crate::builder::{Builder, Spec};
use crate::changes::{alter_spec, drop_spec, hazard};
use crate::create;
use crate::ctx::Ctx;
use crate::hazard::HazardCode::*;
use crate::keys::{self, Key};
use crate::step::Phase;
use petgraph::graph::NodeIndex;
use schemadiff_diff::Change;
use schemadiff_model::ObjectId;

/// Lowers a change that is not table-level; returns the steps added.
pub(crate) fn lower(b: &mut Builder, ctx: &Ctx<'_>, change: &Change) -> Vec<NodeIndex> {
    let mut out = Vec::new();
    let mut add = |b: &mut Builder, s: Spec| out.push(b.add(s));
    match change {
        Change::CreateSchema(s) => {
            if let Some(spec) = create::schema(s) {
                add(b, spec);
            }
        }
        Change::DropSchema(s) => {
            let id = ObjectId::Schema {
                name: s.name.clone(),
            };
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropSchema {
                    name: s.name.clone(),
                },
            );
            hazard(&mut spec, DataLoss, format!("schema {} is dropped", s.name));
            add(b, spec);
        }
        Change::CreateExtension(e) => add(b, create::extension(e)),
        Change::DropExtension(e) => {
            let id = ObjectId::Extension {
                name: e.name.clone(),
            };
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropExtension {
                    name: e.name.clone(),
                },
            );
            for t in schemadiff_model::types::extension_types(e.name.as_str()) {
                spec.retires.push(Key::ExtensionType((*t).to_string()));
            }
            hazard(
                &mut spec,
                DataLoss,
                format!(
                    "extension {} is dropped with the objects it installed",
                    e.name
                ),
            );
            add(b, spec);
        }
        Change::AlterExtension { to, .. } => {
            let id = ObjectId::Extension {
                name: to.name.clone(),
            };
            let mut spec = alter_spec(
                ctx,
                Phase::Extension,
                id,
                Some(&to.meta),
                Action::AlterExtension {
                    name: to.name.clone(),
                    version: to.version.clone(),
                },
            );
            spec.provides.push(Key::Extension(to.name.clone()));
            add(b, spec);
        }
        Change::CreateCollation(c) => add(b, create::collation(c)),
        Change::DropCollation(c) => {
            let id = ObjectId::Collation {
                name: c.name.clone(),
            };
            let spec = drop_spec(
                ctx,
                id,
                Action::DropCollation {
                    name: c.name.clone(),
                },
            );
            add(b, spec);
        }
        Change::CreateType(t) => add(b, create::user_type(t)),
        Change::DropType(t) => {
            let id = ObjectId::Type {
                name: t.name.clone(),
            };
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropType {
                    name: t.name.clone(),
                },
            );
            keys::user_type(t, &mut spec.used);
            if ctx.used_types.contains(&t.name) {
                hazard(
                    &mut spec,
                    DataLoss,
                    format!(
                        "type {} is dropped while columns of the database use it",
                        t.name
                    ),
                );
            }
            add(b, spec);
        }
        Change::AddEnumValue {
            ty,
            value,
            position,
        } => {
            let meta = ctx.desired.types.get(ty).map(|t| &t.meta);
            let id = ObjectId::Type { name: ty.clone() };
            let mut spec = alter_spec(
                ctx,
                Phase::EnumValue,
                id,
                meta,
                Action::AddEnumValue {
                    ty: ty.clone(),
                    value: value.clone(),
                    position: position.clone(),
                },
            );
            spec.provides.push(Key::Type(ty.clone()));
            spec.node.transactional = false;
            hazard(&mut spec, NonTransactional, format!("ADD VALUE to {ty} is committed on its own: PostgreSQL refuses to use a new label in the transaction that added it"));
            add(b, spec);
        }
        Change::RecreateEnum { from, to, columns } => {
            out.extend(crate::lower_types::recreate_enum(b, ctx, from, to, columns));
        }
        Change::AlterType { from, to } => {
            let specs = crate::lower_types::alter_type(ctx, from, to);
            out.extend(b.add_chain(specs));
        }
        Change::CreateSequence(s) => {
            add(b, create::sequence(s));
            if s.owned_by.is_some() {
                add(b, create::sequence_owner(s));
            }
        }
        Change::DropSequence(s) => {
            // A sequence owned by a dropped column or table goes with it.
            if let Some((t, c)) = &s.owned_by {
                if ctx.table_dropped(t) || ctx.dropped_columns.contains(&(t, c)) {
                    return out;
                }
            }
            let id = ObjectId::Sequence {
                name: s.name.clone(),
            };
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropSequence {
                    name: s.name.clone(),
                },
            );
            keys::sequence(s, &mut spec.used);
            hazard(
                &mut spec,
                DataLoss,
                format!("sequence {} and its current value are dropped", s.name),
            );
            add(b, spec);
        }
        Change::AlterSequence { from, to } => {
            out.extend(crate::lower_types::alter_sequence(b, ctx, from, to));
        }
        Change::CreateView(v) => add(b, create::view(v)),
        Change::DropView(v) => {
            let id = ObjectId::view(v.name.clone(), v.materialized);
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropView {
                    name: v.name.clone(),
                    materialized: v.materialized,
                },
            );
            keys::view(v, &mut spec.used);
            let kind = if v.materialized {
                "materialized view"
            } else {
                "view"
            };
            hazard(
                &mut spec,
                BreaksClients,
                format!(
                    "clients using {kind} {} break until it is created again",
                    v.name
                ),
            );
            add(b, spec);
        }
        Change::CreateFunction(f) => add(b, create::function(f, Action::CreateFunction(f.clone()))),
        Change::DropFunction(f) => {
            let mut spec = drop_spec(
                ctx,
                f.id(),
                Action::DropFunction {
                    procedure: f.procedure,
                    name: f.name.clone(),
                    args: f.signature(),
                },
            );
            keys::function(f, &mut spec.used);
            let kind = if f.procedure { "procedure" } else { "function" };
            let changed = ctx
                .desired
                .functions
                .values()
                .any(|d| d.name == f.name && d.procedure == f.procedure);
            let msg = if changed {
                format!(
                    "the signature of {kind} {} changes: callers of {}({}) break",
                    f.name,
                    f.name,
                    f.signature()
                )
            } else {
                format!("callers of {kind} {}({}) break", f.name, f.signature())
            };
            hazard(&mut spec, BreaksClients, msg);
            add(b, spec);
        }
        Change::ReplaceFunction { to, .. } => {
            let mut spec = create::function(to, Action::ReplaceFunction(to.clone()));
            if !matches!(
                to.language.to_ascii_lowercase().as_str(),
                "sql" | "internal" | "c"
            ) {
                hazard(
                    &mut spec,
                    UntrackedDependencies,
                    format!(
                        "the {} body of {} is replaced: what it uses is not checked until it runs",
                        to.language, to.name
                    ),
                );
            }
            add(b, spec);
        }
        Change::CreateTrigger(t) => add(b, create::trigger(t)),
        Change::DropTrigger(t) => {
            if ctx.table_dropped(&t.table) {
                return out;
            }
            let id = ObjectId::Trigger {
                table: t.table.clone(),
                name: t.name.clone(),
            };
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropTrigger {
                    table: t.table.clone(),
                    name: t.name.clone(),
                },
            );
            keys::trigger(t, &mut spec.used);
            add(b, spec);
        }
        Change::CreatePolicy(p) => {
            let mut spec = create::policy(p, Action::CreatePolicy(p.clone()));
            hazard(
                &mut spec,
                AuthzChange,
                format!(
                    "policy {} on {} changes which rows clients see or write",
                    p.name, p.table
                ),
            );
            add(b, spec);
        }
        Change::DropPolicy(p) => {
            if ctx.table_dropped(&p.table) {
                return out;
            }
            let id = ObjectId::Policy {
                table: p.table.clone(),
                name: p.name.clone(),
            };
            let mut spec = drop_spec(
                ctx,
                id,
                Action::DropPolicy {
                    table: p.table.clone(),
                    name: p.name.clone(),
                },
            );
            keys::policy(p, &mut spec.used);
            hazard(
                &mut spec,
                AuthzChange,
                format!(
                    "policy {} on {} is dropped: rows clients see or write change",
                    p.name, p.table
                ),
            );
            add(b, spec);
        }
        Change::AlterPolicy { from, to } => {
            let mut spec = create::policy(to, Action::AlterPolicy(to.clone()));
            spec.provides.clear();
            keys::policy(from, &mut spec.used);
            hazard(
                &mut spec,
                AuthzChange,
                format!(
                    "policy {} on {} changes which rows clients see or write",
                    to.name, to.table
                ),
            );
            add(b, spec);
        }
        Change::Grant(g) => {
            let mut spec = create::grant(g, Action::Grant(g.clone()));
            let privs: Vec<&str> = g.privileges.iter().map(String::as_str).collect();
            hazard(
                &mut spec,
                AuthzChange,
                format!("{} gains {} on {}", g.grantee, privs.join(", "), g.on),
            );
            add(b, spec);
        }
        Change::Revoke(g) => {
            if ctx.goes_with_drop(&g.on) {
                return out;
            }
            let id = ObjectId::Grant {
                on: Box::new(g.on.clone()),
                grantee: g.grantee.clone(),
            };
            let mut spec = alter_spec(ctx, Phase::Grant, id, None, Action::Revoke(g.clone()));
            keys::object(&g.on, &mut spec.used);
            let privs: Vec<&str> = g.privileges.iter().map(String::as_str).collect();
            hazard(
                &mut spec,
                AuthzChange,
                format!("{} loses {} on {}", g.grantee, privs.join(", "), g.on),
            );
            add(b, spec);
        }
        Change::SetComment(c) => add(b, create::comment(c)),
        Change::RemoveComment(on) => {
            if ctx.goes_with_drop(on) {
                return out;
            }
            let id = ObjectId::Comment {
                on: Box::new(on.clone()),
            };
            let mut spec = alter_spec(
                ctx,
                Phase::Comment,
                id,
                None,
                Action::RemoveComment(on.clone()),
            );
            keys::object(on, &mut spec.used);
            add(b, spec);
        }
        // Table-level changes are lowered by `lower_table`.
        _ => {}
    }
    out
}
