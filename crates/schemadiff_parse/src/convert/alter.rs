//! ALTER TABLE in schema files: constraints (also adopting an index: USING INDEX), RLS
//! switches, defaults and NOT NULL.
//! Applied after all files are read, since the table may be declared in a later file.

use super::constraint::{self, Converted};
use super::using_index;
use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::pending::{AlterEffect, Expect, PendingAlter};
use crate::refs;
use sqlparser::ast::{
    AlterColumnOperation, AlterTable, AlterTableOperation, Spanned, TableConstraint,
};

/// Returns false when some operation is not modelled (the caller keeps the statement verbatim).
pub fn alter_table(ctx: &mut Ctx, at: &AlterTable) -> bool {
    // Ownership is not part of the compared schema; `ALTER TABLE seq OWNER TO` (pg_dump
    // writes it for sequences too) needs no table to exist.
    if at
        .operations
        .iter()
        .all(|op| matches!(op, AlterTableOperation::OwnerTo { .. }))
    {
        return true;
    }
    let table = ctx.qualify(&at.name);
    ctx.expect(
        Expect::Table,
        table.clone(),
        at.name.span(),
        "ALTER TABLE".to_string(),
    );
    let mut effects = Vec::new();
    for op in &at.operations {
        let effect = match op {
            AlterTableOperation::AddConstraint {
                constraint:
                    TableConstraint::PrimaryKeyUsingIndex(using)
                    | TableConstraint::UniqueUsingIndex(using),
                ..
            } => {
                let primary_key = matches!(
                    op,
                    AlterTableOperation::AddConstraint {
                        constraint: TableConstraint::PrimaryKeyUsingIndex(_),
                        ..
                    }
                );
                AlterEffect::AddConstraintUsingIndex(using_index::convert(
                    ctx,
                    &table,
                    using,
                    primary_key,
                    using.span(),
                ))
            }
            AlterTableOperation::AddConstraint {
                constraint,
                not_valid,
            } => {
                match constraint::table_constraint(
                    ctx,
                    &table,
                    constraint,
                    *not_valid,
                    constraint.span(),
                ) {
                    Some(Converted::Named(c)) => AlterEffect::AddConstraint(c),
                    Some(Converted::Unnamed(u)) => AlterEffect::AddUnnamedConstraint(u),
                    None => continue,
                }
            }
            AlterTableOperation::EnableRowLevelSecurity => AlterEffect::Rls(Some(true), None),
            AlterTableOperation::DisableRowLevelSecurity => AlterEffect::Rls(Some(false), None),
            AlterTableOperation::ForceRowLevelSecurity => AlterEffect::Rls(None, Some(true)),
            AlterTableOperation::NoForceRowLevelSecurity => AlterEffect::Rls(None, Some(false)),
            AlterTableOperation::AlterColumn { column_name, op } => {
                let column = ctx.ident(column_name);
                match op {
                    AlterColumnOperation::SetNotNull => AlterEffect::NotNull(column, true),
                    AlterColumnOperation::DropNotNull => AlterEffect::NotNull(column, false),
                    AlterColumnOperation::SetDefault { value } => {
                        AlterEffect::Default(column, Some(refs::expr(ctx, value)))
                    }
                    AlterColumnOperation::DropDefault => AlterEffect::Default(column, None),
                    _ => return false,
                }
            }
            // Ownership is not part of the compared schema.
            AlterTableOperation::OwnerTo { .. } => continue,
            AlterTableOperation::DropConstraint { .. } | AlterTableOperation::DropColumn { .. } => {
                let loc = ctx.stmt_location();
                ctx.error(
                    Diagnostic::error(Code::NotDeclarative, format!("ALTER TABLE {table} drops something; schema files state what should exist"))
                        .at(loc, "a migration step, not a desired state")
                        .with_help("delete the object's definition from the files instead; `schemadiff plan` produces the DROP"),
                );
                continue;
            }
            _ => return false,
        };
        effects.push(effect);
    }
    let location = ctx.stmt_location();
    for effect in effects {
        ctx.pending.alters.push(PendingAlter {
            table: table.clone(),
            effect,
            location: location.clone(),
        });
    }
    true
}
