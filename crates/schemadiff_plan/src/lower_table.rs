//! Table changes as steps: tables, columns, constraints and indexes, with the online
//! forms on existing tables (DESIGN §4) and their hazards.

use crate::action::Action;
use crate::builder::{Builder, Spec};
use crate::changes::{alter_spec, drop_spec, hazard, on_table};
use crate::create;
use crate::ctx::Ctx;
use crate::hazard::HazardCode::*;
use crate::keys::{self, Key, Strength};
use crate::step::Phase;
use crate::{lower_column, lower_online};
use schemadiff_diff::Change;
use schemadiff_model::{ConstraintKind, ObjectId, QualifiedName, Table};

/// Lowers a table-level change; false when `change` is not one.
pub(crate) fn lower(b: &mut Builder, ctx: &Ctx<'_>, change: &Change) -> bool {
    match change {
        Change::CreateTable(t) => create_table(b, ctx, t),
        Change::DropTable(t) => drop_table(b, ctx, t),
        Change::RenameTable { from, to } => {
            let mut s = alter_spec(
                ctx,
                Phase::Rename,
                ObjectId::table(to.clone()),
                ctx.desired.tables.get(to).map(|t| &t.meta),
                Action::RenameTable {
                    from: from.clone(),
                    to: to.name.clone(),
                },
            );
            s.retires.push(Key::Relation(from.clone()));
            s.provides.push(Key::Relation(to.clone()));
            s.provides.push(Key::Renamed(to.clone()));
            hazard(
                &mut s,
                BreaksClients,
                format!("clients using {from} must use {to}"),
            );
            b.add(s);
        }
        Change::AddColumn { table, column } => {
            let mut s = table_alter(
                ctx,
                table,
                ObjectId::Column {
                    table: table.clone(),
                    column: column.name.clone(),
                },
                Action::AddColumn {
                    table: table.clone(),
                    column: column.clone(),
                },
            );
            keys::column(column, &mut s.needs);
            s.provides
                .push(Key::Column(table.clone(), column.name.clone()));
            if ctx.existing_table(table) {
                lower_column::add_column_hazards(&mut s, table, column);
            }
            b.add(s);
        }
        Change::DropColumn { table, column } => {
            if ctx.table_dropped(table) {
                return true;
            }
            let id = ObjectId::Column {
                table: table.clone(),
                column: column.name.clone(),
            };
            let mut s = drop_spec(
                ctx,
                id.clone(),
                Action::DropColumn {
                    table: table.clone(),
                    column: column.name.clone(),
                },
            );
            on_table(&mut s, table);
            keys::column(column, &mut s.used);
            let what = format!("column {table}.{}", column.name);
            hazard(
                &mut s,
                DataLoss,
                format!("{what} and its values are dropped"),
            );
            hazard(
                &mut s,
                BreaksClients,
                format!("clients reading {what} break"),
            );
            if let Some(m) = ctx.possible_renames.get(&id) {
                hazard(&mut s, PossibleRename, m.clone());
            }
            b.add(s);
        }
        Change::RenameColumn { table, from, to } => {
            let mut s = alter_spec(
                ctx,
                Phase::Rename,
                ObjectId::Column {
                    table: table.clone(),
                    column: to.clone(),
                },
                ctx.desired.tables.get(table).map(|t| &t.meta),
                Action::RenameColumn {
                    table: table.clone(),
                    from: from.clone(),
                    to: to.clone(),
                },
            );
            // Not `on_table`: column renames need not wait for each other.
            s.group = Some(table.clone());
            s.needs.push((Key::Renamed(table.clone()), Strength::Hard));
            s.provides.push(Key::Relation(table.clone()));
            s.provides.push(Key::RenamedColumns(table.clone()));
            s.provides.push(Key::Column(table.clone(), to.clone()));
            s.retires.push(Key::Relation(table.clone()));
            s.retires.push(Key::Column(table.clone(), from.clone()));
            hazard(
                &mut s,
                BreaksClients,
                format!("clients using column {table}.{from} must use {to}"),
            );
            b.add(s);
        }
        Change::AlterColumn { table, from, to } => {
            lower_column::alter_column(b, ctx, table, from, to)
        }
        Change::AddConstraint { table, constraint } => {
            lower_online::add_constraint(b, ctx, table, constraint)
        }
        Change::DropConstraint { table, constraint } => {
            if ctx.table_dropped(table) {
                return true;
            }
            let id = ObjectId::Constraint {
                table: table.clone(),
                name: constraint.name.clone(),
            };
            let mut s = drop_spec(
                ctx,
                id,
                Action::DropConstraint {
                    table: table.clone(),
                    name: constraint.name.clone(),
                },
            );
            keys::constraint(table, constraint, &mut s.used);
            if create::is_unique_key(constraint) {
                s.retires.push(Key::UniqueOn(table.clone()));
                // Its index goes with it.
                s.retires.push(Key::Index(QualifiedName::new(
                    table.schema.clone(),
                    constraint.name.clone(),
                )));
            }
            b.add(s);
        }
        Change::RenameConstraint { table, from, to } => {
            let mut s = alter_spec(
                ctx,
                Phase::Rename,
                ObjectId::Constraint {
                    table: table.clone(),
                    name: to.clone(),
                },
                ctx.desired.tables.get(table).map(|t| &t.meta),
                Action::RenameConstraint {
                    table: table.clone(),
                    from: from.clone(),
                    to: to.clone(),
                },
            );
            s.needs.push((Key::Renamed(table.clone()), Strength::Hard));
            s.retires.push(Key::Constraint(table.clone(), from.clone()));
            s.provides.push(Key::Constraint(table.clone(), to.clone()));
            // A key constraint's index is renamed with it.
            s.retires.push(Key::Index(QualifiedName::new(
                table.schema.clone(),
                from.clone(),
            )));
            s.provides.push(Key::Index(QualifiedName::new(
                table.schema.clone(),
                to.clone(),
            )));
            b.add(s);
        }
        Change::ValidateConstraint { table, name } => {
            b.add(lower_online::validate(ctx, table, name, None));
        }
        Change::SetRowSecurity {
            table,
            enabled,
            forced,
        } => {
            let mut s = alter_spec(
                ctx,
                Phase::RowSecurity,
                ObjectId::table(table.clone()),
                ctx.desired.tables.get(table).map(|t| &t.meta),
                Action::AlterRowSecurity {
                    table: table.clone(),
                    enabled: *enabled,
                    forced: *forced,
                },
            );
            s.needs.push((Key::Relation(table.clone()), Strength::Hard));
            let state = match (enabled, forced) {
                (false, _) => "disabled",
                (true, false) => "enabled",
                (true, true) => "enabled and forced",
            };
            hazard(
                &mut s,
                AuthzChange,
                format!(
                    "row-level security on {table} becomes {state}: rows visible to clients change"
                ),
            );
            b.add(s);
        }
        Change::SetLogged { table, unlogged } => {
            let mut s = table_alter(
                ctx,
                table,
                ObjectId::table(table.clone()),
                Action::SetLogged {
                    table: table.clone(),
                    unlogged: *unlogged,
                },
            );
            let to = if *unlogged { "UNLOGGED" } else { "LOGGED" };
            hazard(&mut s, TableRewrite, format!("SET {to} rewrites {table}"));
            hazard(
                &mut s,
                AccessExclusiveLock,
                format!("{table} is locked against reads and writes during the rewrite"),
            );
            b.add(s);
        }
        Change::SetTableOptions { table, set, reset } => {
            let s = table_alter(
                ctx,
                table,
                ObjectId::table(table.clone()),
                Action::SetTableOptions {
                    table: table.clone(),
                    set: set.clone(),
                    reset: reset.clone(),
                },
            );
            b.add(s);
        }
        Change::CreateIndex(ix) => lower_online::create_index(b, ctx, ix),
        Change::DropIndex(ix) => {
            let on_dropped_view = ctx
                .dropped
                .contains(&ObjectId::view(ix.table.clone(), true));
            if ctx.table_dropped(&ix.table) || on_dropped_view {
                return true;
            }
            let id = ObjectId::Index {
                name: ix.name.clone(),
            };
            let mut s = drop_spec(
                ctx,
                id,
                Action::DropIndex {
                    name: ix.name.clone(),
                },
            );
            keys::index(ix, &mut s.used);
            if ix.unique {
                s.retires.push(Key::UniqueOn(ix.table.clone()));
            }
            hazard(
                &mut s,
                AccessExclusiveLock,
                format!(
                    "DROP INDEX locks {} against reads and writes while it runs",
                    ix.table
                ),
            );
            b.add(s);
        }
        Change::RenameIndex { from, to } => {
            let mut s = alter_spec(
                ctx,
                Phase::Rename,
                ObjectId::Index { name: to.clone() },
                ctx.desired.indexes.get(to).map(|i| &i.meta),
                Action::RenameIndex {
                    from: from.clone(),
                    to: to.name.clone(),
                },
            );
            s.retires.push(Key::Index(from.clone()));
            s.provides.push(Key::Index(to.clone()));
            b.add(s);
        }
        _ => return false,
    }
    true
}

/// An ALTER TABLE step on `table` declared by the desired table.
pub(crate) fn table_alter(
    ctx: &Ctx<'_>,
    table: &QualifiedName,
    object: ObjectId,
    action: Action,
) -> Spec {
    let meta = ctx.desired.tables.get(table).map(|t| &t.meta);
    let mut s = alter_spec(ctx, Phase::AlterTable, object, meta, action);
    on_table(&mut s, table);
    s
}

fn create_table(b: &mut Builder, ctx: &Ctx<'_>, t: &Table) {
    let (spec, late) = create::table(t);
    b.add(spec);
    for con in late {
        if !ctx.added_constraints.contains(&(&t.name, &con.name)) {
            b.add(create::constraint(t, con));
        }
    }
    if let Some(spec) = create::row_security(t) {
        b.add(spec);
    }
}

fn drop_table(b: &mut Builder, ctx: &Ctx<'_>, t: &Table) {
    let id = ObjectId::table(t.name.clone());
    let mut s = drop_spec(
        ctx,
        id.clone(),
        Action::DropTable {
            name: t.name.clone(),
        },
    );
    keys::table(t, &mut s.used);
    for c in &t.columns {
        s.retires.push(Key::Column(t.name.clone(), c.name.clone()));
    }
    for con in t.constraints.values() {
        s.retires
            .push(Key::Constraint(t.name.clone(), con.name.clone()));
    }
    s.retires.push(Key::UniqueOn(t.name.clone()));
    hazard(
        &mut s,
        DataLoss,
        format!("table {} and all its rows are dropped", t.name),
    );
    hazard(
        &mut s,
        BreaksClients,
        format!("clients using table {} break", t.name),
    );
    if let Some(m) = ctx.possible_renames.get(&id) {
        hazard(&mut s, PossibleRename, m.clone());
    }
    b.add(s);
    // Foreign keys between dropped tables are dropped first: the tables may reference
    // each other in a cycle. Other foreign keys of the table go with it.
    for con in t.constraints.values() {
        if let ConstraintKind::ForeignKey(fk) = &con.kind {
            if fk.ref_table != t.name && ctx.table_dropped(&fk.ref_table) {
                let id = ObjectId::Constraint {
                    table: t.name.clone(),
                    name: con.name.clone(),
                };
                let mut s = drop_spec(
                    ctx,
                    id,
                    Action::DropConstraint {
                        table: t.name.clone(),
                        name: con.name.clone(),
                    },
                );
                keys::constraint(&t.name, con, &mut s.used);
                b.add(s);
            }
        }
    }
}
