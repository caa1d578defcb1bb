//! A changed column as the ALTER COLUMN steps it needs, in the order PostgreSQL accepts
//! them: expression and identity dropped first, the default dropped around a type
//! change, NOT NULL through a validated CHECK, identity added last.

use crate::action::{Action, ColumnChange, UsingCast};
use crate::builder::{Builder, Spec};
use crate::casts;
use crate::changes::hazard;
use crate::ctx::Ctx;
use crate::hazard::HazardCode::*;
use crate::keys::{self, Key};
use crate::lower_online::validate;
use crate::lower_table::table_alter;
use schemadiff_model::names::make_object_name;
use schemadiff_model::{Column, Ident, ObjectId, QualifiedName, TypeName};

/// Hazards of `ADD COLUMN` on a table that has rows.
pub(crate) fn add_column_hazards(s: &mut Spec, table: &QualifiedName, c: &Column) {
    let what = format!("column {table}.{}", c.name);
    let rewrite = if c.identity.is_some() {
        Some("an identity column fills every existing row")
    } else if c.generated.is_some() {
        Some("a stored generated column is computed for every existing row")
    } else if c
        .default
        .as_ref()
        .is_some_and(|d| volatile(&d.sql, !d.refs.is_empty()))
    {
        Some("a volatile default is evaluated for every existing row")
    } else {
        None
    };
    if let Some(why) = rewrite {
        hazard(
            s,
            TableRewrite,
            format!("adding {what} rewrites {table}: {why}"),
        );
        hazard(
            s,
            AccessExclusiveLock,
            format!("{table} is locked against reads and writes during the rewrite"),
        );
    }
    if c.not_null && c.default.is_none() && c.identity.is_none() && c.generated.is_none() {
        hazard(
            s,
            MayFailOnExistingData,
            format!("{what} is NOT NULL without a default: fails if {table} has rows"),
        );
    }
}

/// Whether a default must be evaluated per row (PostgreSQL stores a non-volatile
/// default once instead of rewriting). Calls to user functions count as volatile.
fn volatile(sql: &str, calls_user_objects: bool) -> bool {
    const VOLATILE: [&str; 8] = [
        "nextval(",
        "random(",
        "gen_random_uuid(",
        "uuid_generate_v1",
        "uuid_generate_v4(",
        "clock_timestamp(",
        "timeofday(",
        "txid_current(",
    ];
    let lower = sql.to_ascii_lowercase();
    calls_user_objects || VOLATILE.iter().any(|f| lower.contains(f))
}

pub(crate) fn alter_column(
    b: &mut Builder,
    ctx: &Ctx<'_>,
    table: &QualifiedName,
    from: &Column,
    to: &Column,
) {
    let col = &to.name;
    let what = format!("column {table}.{col}");
    let mut steps: Vec<Spec> = Vec::new();
    let step = |change: ColumnChange| {
        let mut s = table_alter(
            ctx,
            table,
            ObjectId::Column {
                table: table.clone(),
                column: col.clone(),
            },
            Action::AlterColumn {
                table: table.clone(),
                column: col.clone(),
                change,
            },
        );
        keys::column(to, &mut s.needs);
        keys::column(from, &mut s.used);
        s
    };

    if to.generated.is_some() && from.generated != to.generated {
        // PostgreSQL 15 cannot make a column generated, or change its expression, in
        // place: the column is dropped and added again (its values are recomputed).
        let mut d = table_alter(
            ctx,
            table,
            ObjectId::Column {
                table: table.clone(),
                column: from.name.clone(),
            },
            Action::DropColumn {
                table: table.clone(),
                column: from.name.clone(),
            },
        );
        keys::column(from, &mut d.used);
        hazard(&mut d, DataLoss, format!("{what} is dropped and added again as a generated column: its stored values are replaced"));
        let mut a = table_alter(
            ctx,
            table,
            ObjectId::Column {
                table: table.clone(),
                column: col.clone(),
            },
            Action::AddColumn {
                table: table.clone(),
                column: to.clone(),
            },
        );
        keys::column(to, &mut a.needs);
        add_column_hazards(&mut a, table, to);
        b.add_chain(vec![d, a]);
        return;
    }
    if from.generated.is_some() && to.generated.is_none() {
        steps.push(step(ColumnChange::DropExpression));
    }
    if from.identity.is_some() && to.identity.is_none() {
        steps.push(step(ColumnChange::DropIdentity));
    }
    let type_changed = from.ty != to.ty;
    let collation_changed = from.collation != to.collation;
    let mut default_dropped = false;
    if type_changed || collation_changed {
        if type_changed && from.default.is_some() {
            // The old default may not cast to the new type; it is set again after.
            steps.push(step(ColumnChange::DropDefault));
            default_dropped = true;
        }
        let mut s = step(ColumnChange::Type {
            ty: to.ty.clone(),
            collation: to.collation.as_deref().cloned(),
            using: type_changed.then_some(using_cast(ctx, &from.ty, &to.ty)),
        });
        let conv = casts::classify(&from.ty, &to.ty);
        if conv.rewrite {
            hazard(
                &mut s,
                TableRewrite,
                format!(
                    "changing {what} from {} to {} rewrites {table} and its indexes",
                    from.ty, to.ty
                ),
            );
        }
        hazard(
            &mut s,
            AccessExclusiveLock,
            format!("{table} is locked against reads and writes while {what} changes type"),
        );
        if conv.narrowing {
            hazard(
                &mut s,
                DataLoss,
                format!(
                    "{what} narrows from {} to {}: values may be truncated or rounded",
                    from.ty, to.ty
                ),
            );
        }
        if conv.may_fail {
            hazard(
                &mut s,
                MayFailOnExistingData,
                format!(
                    "casting {what} to {} fails on values that do not convert",
                    to.ty
                ),
            );
        }
        if type_changed {
            hazard(
                &mut s,
                BreaksClients,
                format!(
                    "clients reading {what} get {} instead of {}",
                    to.ty, from.ty
                ),
            );
        }
        steps.push(s);
    }
    if default_dropped || from.default != to.default {
        match &to.default {
            Some(d) => steps.push(step(ColumnChange::SetDefault(d.clone()))),
            None if !default_dropped => steps.push(step(ColumnChange::DropDefault)),
            None => {}
        }
    }
    // Identity columns are NOT NULL whether or not the model says so.
    let from_nn = from.not_null || from.identity.is_some();
    let to_nn = to.not_null || to.identity.is_some();
    if !from_nn && to_nn {
        set_not_null(ctx, table, col, &mut steps, &step);
    } else if from_nn && !to_nn {
        steps.push(step(ColumnChange::DropNotNull));
    }
    match (&from.identity, &to.identity) {
        (None, Some(i)) => {
            let mut s = step(ColumnChange::AddIdentity((**i).clone()));
            hazard(&mut s, MayFailOnExistingData, format!("the identity sequence of {what} starts at its START value: inserts fail on collisions with existing values unless START is past them"));
            steps.push(s);
        }
        (Some(a), Some(i)) if a != i => {
            steps.push(step(ColumnChange::SetIdentity {
                always: (a.always != i.always).then_some(i.always),
                options: if a.options != i.options {
                    i.options.clone()
                } else {
                    None
                },
            }));
        }
        _ => {}
    }
    b.add_chain(steps);
}

/// SET NOT NULL on an existing column without holding ACCESS EXCLUSIVE during a scan:
/// a NOT VALID check, validated under a weaker lock, lets SET NOT NULL skip its scan.
fn set_not_null(
    ctx: &Ctx<'_>,
    table: &QualifiedName,
    col: &Ident,
    steps: &mut Vec<Spec>,
    step: &dyn Fn(ColumnChange) -> Spec,
) {
    let what = format!("column {table}.{col}");
    if !ctx.existing_table(table) {
        steps.push(step(ColumnChange::SetNotNull));
        return;
    }
    let name = Ident::new(make_object_name(
        table.name.as_str(),
        Some(col.as_str()),
        "not_null",
    ));
    let mut add = table_alter(
        ctx,
        table,
        ObjectId::Column {
            table: table.clone(),
            column: col.clone(),
        },
        Action::AddNotNullCheck {
            table: table.clone(),
            column: col.clone(),
            name: name.clone(),
        },
    );
    add.provides
        .push(Key::Constraint(table.clone(), name.clone()));
    steps.push(add);
    let mut v = validate(ctx, table, &name, None);
    // One of the column's own steps: it must not wait for the other alters of the table.
    v.group = Some(table.clone());
    v.node.hazards.clear();
    hazard(
        &mut v,
        FullTableScan,
        format!("checking {what} for NULLs reads all of {table} (writes are not blocked)"),
    );
    hazard(
        &mut v,
        MayFailOnExistingData,
        format!("fails if {what} holds NULLs"),
    );
    steps.push(v);
    steps.push(step(ColumnChange::SetNotNull));
    let mut drop = table_alter(
        ctx,
        table,
        ObjectId::Column {
            table: table.clone(),
            column: col.clone(),
        },
        Action::DropConstraint {
            table: table.clone(),
            name,
        },
    );
    drop.node.phase = crate::step::Phase::AlterTable;
    steps.push(drop);
}

/// PostgreSQL has no cast between an enum and another type but text (and none between
/// two enums), so a change to or from an enum goes through text.
fn using_cast(ctx: &Ctx<'_>, from: &TypeName, to: &TypeName) -> UsingCast {
    let is_enum = |catalog: &schemadiff_model::Catalog, ty: &TypeName| {
        ty.qualified().is_some_and(|name| {
            catalog
                .types
                .get(&name)
                .is_some_and(|t| matches!(t.def, schemadiff_model::TypeDef::Enum { .. }))
        })
    };
    if is_enum(ctx.current, from) || is_enum(ctx.desired, to) {
        UsingCast::ViaText
    } else {
        UsingCast::Direct
    }
}
