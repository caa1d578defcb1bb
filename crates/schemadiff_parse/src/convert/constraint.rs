//! Column and table constraints -> model constraints (named now, or named later
//! the way PostgreSQL would).

use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::pending::UnnamedConstraint;
use crate::refs;
use schemadiff_model::{
    Constraint, ConstraintKind, Deferrable, FkAction, ForeignKey, Ident, QualifiedName,
};
use sqlparser::ast::{
    self, ConstraintCharacteristics, DeferrableInitial, IndexColumn, NullsDistinctOption,
    ReferentialAction, TableConstraint,
};
use sqlparser::tokenizer::Span;

/// A constraint ready to attach to a table: either named or waiting for a name.
pub enum Converted {
    Named(Constraint),
    Unnamed(UnnamedConstraint),
}

/// Converts a table-level constraint; `None` (with a diagnostic) when it has no PostgreSQL meaning.
pub fn table_constraint(
    ctx: &mut Ctx,
    table: &QualifiedName,
    tc: &TableConstraint,
    not_valid: bool,
    span: Span,
) -> Option<Converted> {
    let (name, kind, characteristics, name_columns): (
        Option<&ast::Ident>,
        ConstraintKind,
        Option<&ConstraintCharacteristics>,
        Vec<String>,
    ) = match tc {
        TableConstraint::PrimaryKey(pk) => {
            let columns = index_columns(ctx, &pk.columns)?;
            let kind = ConstraintKind::PrimaryKey {
                columns,
                include: idents(ctx, &pk.include),
            };
            (
                pk.name.as_ref(),
                kind,
                pk.characteristics.as_ref(),
                Vec::new(),
            )
        }
        TableConstraint::Unique(u) => {
            let columns = index_columns(ctx, &u.columns)?;
            let names = match u.name {
                // Only a generated name is made of the columns.
                Some(_) => Vec::new(),
                None => columns
                    .iter()
                    .chain(&idents(ctx, &u.include))
                    .map(|c| c.as_str().to_string())
                    .collect(),
            };
            let kind = ConstraintKind::Unique {
                columns,
                include: idents(ctx, &u.include),
                nulls_not_distinct: matches!(u.nulls_distinct, NullsDistinctOption::NotDistinct),
            };
            (u.name.as_ref(), kind, u.characteristics.as_ref(), names)
        }
        TableConstraint::ForeignKey(fk) => {
            let columns = idents(ctx, &fk.columns);
            let names = match fk.name {
                Some(_) => Vec::new(),
                None => columns.iter().map(|c| c.as_str().to_string()).collect(),
            };
            let kind = ConstraintKind::ForeignKey(ForeignKey {
                columns,
                ref_table: ctx.qualify(&fk.foreign_table),
                ref_columns: idents(ctx, &fk.referred_columns),
                on_delete: action(fk.on_delete),
                on_update: action(fk.on_update),
                match_full: fk.match_kind.is_some_and(|m| {
                    m.to_string().eq_ignore_ascii_case("match full")
                        || m.to_string().eq_ignore_ascii_case("full")
                }),
            });
            (fk.name.as_ref(), kind, fk.characteristics.as_ref(), names)
        }
        TableConstraint::Check(c) => {
            let kind = ConstraintKind::Check {
                expr: refs::expr(ctx, &c.expr),
                no_inherit: c.no_inherit,
            };
            let names = match c.name {
                Some(_) => Vec::new(),
                None => refs::identifiers(&c.expr),
            };
            (c.name.as_ref(), kind, None, names)
        }
        TableConstraint::Exclude(x) => {
            let elements = x
                .elements
                .iter()
                .map(|e| (e.column.to_string(), e.operator.to_string()))
                .collect();
            let names = x
                .elements
                .iter()
                .map(|e| {
                    refs::figure_index_colname(&e.column.column.expr)
                        .unwrap_or_else(|| "expr".to_string())
                })
                .collect();
            let kind = ConstraintKind::Exclusion {
                method: x
                    .index_method
                    .as_ref()
                    .map(|m| m.value.to_ascii_lowercase())
                    .unwrap_or_else(|| "btree".to_string()),
                elements,
                predicate: x.where_clause.as_ref().map(|w| refs::expr(ctx, w)),
            };
            (x.name.as_ref(), kind, x.characteristics.as_ref(), names)
        }
        TableConstraint::PrimaryKeyUsingIndex(_) | TableConstraint::UniqueUsingIndex(_) => {
            let loc = ctx.location_of(span);
            ctx.error(
                Diagnostic::error(Code::NotDeclarative, "`... USING INDEX` adopts an existing index; declare the constraint itself")
                    .at(loc, "not supported in schema files")
                    .with_help("write `PRIMARY KEY (cols)` or `UNIQUE (cols)`; schemadiff plans the online build itself"),
            );
            return None;
        }
        // Inline INDEX/KEY and FULLTEXT/SPATIAL are MySQL; already reported from tokens.
        TableConstraint::Index(_) | TableConstraint::FulltextOrSpatial(_) => return None,
    };
    Some(finish(
        ctx,
        table,
        name,
        kind,
        characteristics,
        not_valid,
        name_columns,
        span,
    ))
}

/// Builds the constraint with its deferrability; unnamed ones wait for a generated name.
#[allow(clippy::too_many_arguments)]
pub fn finish(
    ctx: &Ctx,
    table: &QualifiedName,
    name: Option<&ast::Ident>,
    kind: ConstraintKind,
    characteristics: Option<&ConstraintCharacteristics>,
    not_valid: bool,
    name_columns: Vec<String>,
    span: Span,
) -> Converted {
    let constraint = Constraint {
        name: name.map(|n| ctx.ident(n)).unwrap_or_default(),
        name_generated: name.is_none(),
        kind,
        deferrable: deferrable(characteristics),
        not_valid,
        meta: ctx.meta_at(span),
    };
    if name.is_some() {
        Converted::Named(constraint)
    } else {
        Converted::Unnamed(UnnamedConstraint {
            table: table.clone(),
            constraint,
            name_columns,
        })
    }
}

pub fn deferrable(c: Option<&ConstraintCharacteristics>) -> Deferrable {
    let Some(c) = c else { return Deferrable::No };
    match (c.deferrable, c.initially) {
        (Some(false), _) => Deferrable::No,
        (_, Some(DeferrableInitial::Deferred)) => Deferrable::InitiallyDeferred,
        (Some(true), _) => Deferrable::InitiallyImmediate,
        _ => Deferrable::No,
    }
}

pub fn action(a: Option<ReferentialAction>) -> FkAction {
    match a {
        None | Some(ReferentialAction::NoAction) => FkAction::NoAction,
        Some(ReferentialAction::Restrict) => FkAction::Restrict,
        Some(ReferentialAction::Cascade) => FkAction::Cascade,
        Some(ReferentialAction::SetNull) => FkAction::SetNull,
        Some(ReferentialAction::SetDefault) => FkAction::SetDefault,
    }
}

pub fn idents(ctx: &Ctx, ids: &[ast::Ident]) -> Vec<Ident> {
    ids.iter().map(|i| ctx.ident(i)).collect()
}

/// Key columns of a PK/UNIQUE constraint: plain column names only.
fn index_columns(ctx: &mut Ctx, cols: &[IndexColumn]) -> Option<Vec<Ident>> {
    let mut out = Vec::new();
    for c in cols {
        match &c.column.expr {
            ast::Expr::Identifier(id) => out.push(ctx.ident(id)),
            other => {
                let loc = ctx.stmt_location();
                ctx.error(
                    Diagnostic::error(Code::SyntaxError, format!("`{other}` is not a column name; PRIMARY KEY and UNIQUE constraints take columns"))
                        .at(loc, "expression in a constraint column list")
                        .with_help("use a unique index for expressions: `CREATE UNIQUE INDEX name ON table ((expr))`"),
                );
                return None;
            }
        }
    }
    Some(out)
}
