//! sqlparser statements -> catalog objects, one module per object kind.

mod alter;
pub mod collation;
mod comment;
pub mod condition_tokens;
mod constraint;
mod function;
mod grant;
mod index;
pub mod index_tokens;
mod policy;
pub mod schema;
mod sequence;
pub mod sequence_tokens;
pub mod table;
pub mod table_tokens;
mod trigger;
mod typed_literal;
mod types;
mod user_type;
pub mod using_index;
mod view;

use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::prepare::Hints;
use sqlparser::ast::Statement;

/// What became of a statement.
pub enum Outcome {
    /// Turned into catalog objects.
    Modelled,
    /// Valid, but not modelled: keep it verbatim and execute it as written.
    Verbatim,
    /// Not part of a schema (transaction control, data); a diagnostic was emitted if it matters.
    Ignored,
}

pub fn statement(ctx: &mut Ctx, stmt: &Statement, hints: &Hints) -> Outcome {
    if !hints.typed_literals.is_empty() {
        let restored = typed_literal::restore(stmt, &hints.typed_literals);
        return converted(ctx, &restored, hints);
    }
    converted(ctx, stmt, hints)
}

fn converted(ctx: &mut Ctx, stmt: &Statement, hints: &Hints) -> Outcome {
    match stmt {
        Statement::CreateTable(ct) => table::create_table(ctx, ct),
        Statement::CreateIndex(ci) => index::create_index(ctx, ci),
        Statement::CreateView(v) => view::create_view(ctx, v, hints),
        Statement::CreateSchema { schema_name, .. } => schema::create_schema(ctx, schema_name),
        Statement::CreateExtension(e) => schema::create_extension(ctx, e, hints.extension.as_ref()),
        Statement::CreateSequence {
            name,
            data_type,
            sequence_options,
            owned_by,
            ..
        } => sequence::create_sequence(
            ctx,
            name,
            data_type.as_ref(),
            sequence_options,
            owned_by.as_ref(),
        ),
        Statement::CreateType {
            name,
            representation,
        } => user_type::create_type(ctx, name, representation.as_ref()),
        Statement::CreateCollation(c) => {
            if !collation::create_collation(ctx, c) {
                return Outcome::Verbatim;
            }
        }
        Statement::CreateDomain(d) => user_type::create_domain(ctx, d, hints.domain_not_null),
        Statement::CreateFunction(f) => function::create_function(ctx, f, hints.procedure),
        Statement::CreateTrigger(t) => {
            if !trigger::create_trigger(ctx, t) {
                return Outcome::Verbatim;
            }
        }
        Statement::CreatePolicy(p) => policy::create_policy(ctx, p),
        Statement::AlterTable(at) => {
            if !alter::alter_table(ctx, at) {
                return Outcome::Verbatim;
            }
        }
        Statement::Grant(g) => {
            if !grant::grant(ctx, g) {
                return Outcome::Verbatim;
            }
        }
        Statement::Comment {
            object_type,
            object_name,
            comment: text,
            ..
        } => {
            if !comment::comment(ctx, object_type, object_name, text.as_ref()) {
                return Outcome::Verbatim;
            }
        }
        // Session settings (statement_timeout, client_encoding, ...) are not schema.
        Statement::Set(_) => return Outcome::Ignored,
        Statement::StartTransaction { .. }
        | Statement::Commit { .. }
        | Statement::Rollback { .. } => return Outcome::Ignored,
        Statement::Insert(_)
        | Statement::Update(_)
        | Statement::Delete(_)
        | Statement::Query(_)
        | Statement::Truncate(_)
        | Statement::Copy { .. } => {
            let loc = ctx.stmt_location();
            ctx.error(
                Diagnostic::warning(
                    Code::IgnoredStatement,
                    "data statement in a schema file; ignored",
                )
                .at(loc, "not part of the schema")
                .with_help(
                    "keep seed data in a separate folder and load it after `schemadiff apply`",
                ),
            );
            return Outcome::Ignored;
        }
        Statement::Drop { .. }
        | Statement::DropFunction(_)
        | Statement::DropTrigger(_)
        | Statement::DropPolicy(_)
        | Statement::DropDomain(_) => {
            let loc = ctx.stmt_location();
            ctx.error(
                Diagnostic::error(
                    Code::NotDeclarative,
                    "DROP in a schema file; schema files state what should exist",
                )
                .at(loc, "a migration step, not a desired state")
                .with_help(
                    "delete the object's definition instead; `schemadiff plan` produces the DROP",
                ),
            );
            return Outcome::Ignored;
        }
        _ => return Outcome::Verbatim,
    }
    Outcome::Modelled
}
