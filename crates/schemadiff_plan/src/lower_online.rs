//! Constraints and indexes added to existing tables in their online forms (DESIGN §4):
//! NOT VALID then VALIDATE, unique keys through a concurrent unique index and USING
//! INDEX, concurrent index builds; plain forms on new and partitioned tables.

use crate::action::Action;
use crate::builder::{Builder, Spec};
use crate::changes::{alter_spec, hazard};
use crate::create;
use crate::ctx::Ctx;
use crate::hazard::HazardCode::*;
use crate::keys::{Key, Strength};
use crate::step::Phase;
use schemadiff_model::{
    Constraint, ConstraintKind, Ident, Index, IndexKey, IndexTarget, ObjectId, ObjectMeta,
    QualifiedName,
};

pub(crate) fn add_constraint(
    b: &mut Builder,
    ctx: &Ctx<'_>,
    table: &QualifiedName,
    con: &Constraint,
) {
    let meta = ctx
        .desired
        .tables
        .get(table)
        .map(|t| {
            if con.meta.domain.is_empty() {
                &t.meta
            } else {
                &con.meta
            }
        })
        .unwrap_or(&con.meta);
    let plain = |c: Constraint| Action::AddConstraint {
        table: table.clone(),
        constraint: c,
    };
    let what = format!("{} {} on {table}", con.kind.label(), con.name);
    if !ctx.existing_table(table) {
        b.add(create::constraint_step(
            table,
            con,
            meta,
            plain(con.clone()),
        ));
        return;
    }
    let partitioned = ctx.partitioned(table);
    match &con.kind {
        ConstraintKind::ForeignKey(_) | ConstraintKind::Check { .. } if !partitioned => {
            let mut nv = con.clone();
            nv.not_valid = true;
            let mut s = create::constraint_step(table, con, meta, plain(nv));
            if con.not_valid {
                // The files want it NOT VALID: existing rows are never checked.
                b.add(s);
                return;
            }
            s.node.phase = Phase::NotValidConstraint;
            let first = b.add(s);
            let v = b.add(validate(ctx, table, &con.name, Some(meta)));
            b.graph.before(first, v);
        }
        ConstraintKind::PrimaryKey { columns, include }
        | ConstraintKind::Unique {
            columns, include, ..
        } if !partitioned => {
            let primary_key = matches!(con.kind, ConstraintKind::PrimaryKey { .. });
            let ix = key_index(table, con, columns, include, meta);
            let mut si = create::index(&ix, Action::CreateIndexConcurrently(ix.clone()));
            si.node.transactional = false;
            si.provides
                .push(Key::Constraint(table.clone(), con.name.clone()));
            hazard(
                &mut si,
                NonTransactional,
                format!("the unique index for {what} is built CONCURRENTLY, outside a transaction; a failed build leaves an INVALID index to drop"),
            );
            hazard(
                &mut si,
                MayFailOnExistingData,
                format!("fails if existing rows of {table} hold duplicates"),
            );
            let first = b.add(si);
            let action = Action::AddConstraintUsingIndex {
                table: table.clone(),
                name: con.name.clone(),
                primary_key,
                deferrable: con.deferrable,
            };
            let mut s = create::constraint_step(table, con, meta, action);
            s.node.phase = Phase::Index;
            if primary_key {
                hazard(
                    &mut s,
                    FullTableScan,
                    format!("PRIMARY KEY USING INDEX sets NOT NULL on the key columns of {table}, scanning it unless they already are"),
                );
            }
            let second = b.add(s);
            b.graph.before(first, second);
        }
        _ => {
            // Exclusion constraints, and keys / foreign keys on partitioned tables, have
            // no online form.
            let mut s = create::constraint_step(table, con, meta, plain(con.clone()));
            hazard(
                &mut s,
                AccessExclusiveLock,
                format!("adding {what} locks the table while existing rows are checked"),
            );
            hazard(
                &mut s,
                FullTableScan,
                format!("existing rows of {table} are checked"),
            );
            hazard(
                &mut s,
                MayFailOnExistingData,
                format!("fails if existing rows of {table} violate {what}"),
            );
            b.add(s);
        }
    }
}

/// The unique index a PRIMARY KEY / UNIQUE constraint is added with, named as it.
fn key_index(
    table: &QualifiedName,
    con: &Constraint,
    columns: &[Ident],
    include: &[Ident],
    meta: &ObjectMeta,
) -> Index {
    let nulls_not_distinct = matches!(
        con.kind,
        ConstraintKind::Unique {
            nulls_not_distinct: true,
            ..
        }
    );
    Index {
        name: QualifiedName::new(table.schema.clone(), con.name.clone()),
        name_generated: false,
        table: table.clone(),
        unique: true,
        nulls_not_distinct,
        method: "btree".to_string(),
        keys: columns
            .iter()
            .map(|c| IndexKey {
                target: IndexTarget::Column(c.clone()),
                collation: None,
                opclass: None,
                descending: false,
                nulls_first: None,
            })
            .collect(),
        include: include.to_vec(),
        predicate: None,
        with: Vec::new(),
        meta: meta.clone(),
    }
}

/// `VALIDATE CONSTRAINT`: scans the table under SHARE UPDATE EXCLUSIVE (writes go on).
pub(crate) fn validate(
    ctx: &Ctx<'_>,
    table: &QualifiedName,
    name: &Ident,
    meta: Option<&ObjectMeta>,
) -> Spec {
    let meta = meta.or_else(|| ctx.desired.tables.get(table).map(|t| &t.meta));
    let id = ObjectId::Constraint {
        table: table.clone(),
        name: name.clone(),
    };
    let mut s = alter_spec(
        ctx,
        Phase::Validate,
        id,
        meta,
        Action::ValidateConstraint {
            table: table.clone(),
            name: name.clone(),
        },
    );
    s.needs.push((Key::Relation(table.clone()), Strength::Hard));
    s.needs
        .push((Key::Constraint(table.clone(), name.clone()), Strength::Hard));
    hazard(
        &mut s,
        FullTableScan,
        format!("validating {name} reads all of {table} (writes are not blocked)"),
    );
    hazard(
        &mut s,
        MayFailOnExistingData,
        format!("fails if existing rows of {table} violate {name}"),
    );
    s
}

pub(crate) fn create_index(b: &mut Builder, ctx: &Ctx<'_>, ix: &Index) {
    let existing = ctx.existing_table(&ix.table) || ctx.existing_view(&ix.table);
    if !existing {
        b.add(create::index(ix, Action::CreateIndex(ix.clone())));
        return;
    }
    if ctx.partitioned(&ix.table) {
        let mut s = create::index(ix, Action::CreateIndex(ix.clone()));
        hazard(
            &mut s,
            BlocksWrites,
            format!("CREATE INDEX on partitioned {} blocks writes while it builds (CONCURRENTLY is not supported on partitioned tables)", ix.table),
        );
        if ix.unique {
            hazard(
                &mut s,
                MayFailOnExistingData,
                format!("fails if existing rows of {} hold duplicates", ix.table),
            );
        }
        b.add(s);
        return;
    }
    let mut s = create::index(ix, Action::CreateIndexConcurrently(ix.clone()));
    s.node.transactional = false;
    hazard(
        &mut s,
        NonTransactional,
        format!("index {} is built CONCURRENTLY, outside a transaction; a failed build leaves an INVALID index to drop", ix.name),
    );
    if ix.unique {
        hazard(
            &mut s,
            MayFailOnExistingData,
            format!("fails if existing rows of {} hold duplicates", ix.table),
        );
    }
    b.add(s);
}
