//! CREATE TABLE -> a model table with its columns and constraints.

use super::constraint::{self, Converted};
use super::types::{column_type, ColumnType};
use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::pending::{Expect, SerialColumn};
use crate::refs;
use schemadiff_model::{
    Column, Comment, ConstraintKind, ForeignKey, Identity, ObjectId, PartitionBy, PartitionOf,
    PartitionStrategy, QualifiedName, Table,
};
use sqlparser::ast::{self, ColumnDef, ColumnOption, CreateTable, CreateTableOptions, Spanned};

pub fn create_table(ctx: &mut Ctx, ct: &CreateTable) {
    let name = ctx.qualify(&ct.name);
    let stmt_loc = ctx.stmt_location();
    if ct.temporary {
        ctx.error(
            Diagnostic::warning(
                Code::IgnoredStatement,
                format!("temporary table {name} is not part of a schema; ignored"),
            )
            .at(stmt_loc, "TEMPORARY table"),
        );
        return;
    }
    if ct.query.is_some() || ct.like.is_some() || ct.clone.is_some() {
        ctx.error(
            Diagnostic::error(
                Code::NotDeclarative,
                format!("table {name} copies its definition from elsewhere (AS/LIKE/CLONE)"),
            )
            .at(stmt_loc, "columns are not declared here")
            .with_help("declare the columns explicitly so the desired state is self-contained"),
        );
        return;
    }
    // A second definition is reported once; its constraints must not reach the first.
    if let Err(dup) = ctx
        .catalog
        .check_relation_name_free(&name, ObjectId::table(name.clone()))
    {
        ctx.duplicate(*dup);
        return;
    }
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(name.schema.clone(), name.schema.clone()),
        ct.name.span(),
        format!("table {name}"),
    );
    let mut table = Table::new(name.clone(), ctx.meta());
    table.unlogged = ct.unlogged;
    table.columns.reserve_exact(ct.columns.len());
    let mut constraints = Vec::new();
    for col in &ct.columns {
        let column = column(ctx, &name, col, &mut constraints);
        if table.column(&column.name).is_some() {
            let loc = ctx.location_of(col.name.span);
            ctx.error(
                Diagnostic::error(
                    Code::DuplicateObject,
                    format!("column {} of {name} is declared twice", column.name),
                )
                .at(loc, "second declaration")
                .with_help("remove one of the two column definitions"),
            );
            continue;
        }
        table.columns.push(column);
    }
    for tc in &ct.constraints {
        if let Some(mut c) = constraint::table_constraint(ctx, &name, tc, false, tc.span()) {
            if !ctx.element_renames.is_empty() {
                let meta = match &mut c {
                    Converted::Named(c) => &mut c.meta,
                    Converted::Unnamed(u) => &mut u.constraint.meta,
                };
                if let Some(span) = meta.origin.span() {
                    meta.renamed_from = ctx.element_renamed_from(span.start).map(Box::new);
                }
            }
            constraints.push(c);
        }
    }
    if let Some(pb) = &ct.partition_by {
        table.partition_by = partition_by(pb);
    }
    if let (Some(parent), Some(bound)) = (&ct.partition_of, &ct.for_values) {
        let parent_name = ctx.qualify(parent);
        ctx.expect(
            Expect::Table,
            parent_name.clone(),
            parent.span(),
            format!("partition {name}"),
        );
        table.partition_of = Some(PartitionOf {
            parent: parent_name,
            bound: bound.to_string(),
        });
    }
    for parent in ct.inherits.iter().flatten() {
        let parent_name = ctx.qualify(parent);
        ctx.expect(
            Expect::Table,
            parent_name.clone(),
            parent.span(),
            format!("table {name} (INHERITS)"),
        );
        table.inherits.push(parent_name);
    }
    if let CreateTableOptions::With(opts) = &ct.table_options {
        table.options = opts
            .iter()
            .map(|o| o.to_string().replace(" = ", "="))
            .collect();
    }
    if let Some(comment) = &ct.comment {
        let text = comment.to_string();
        ctx.catalog.set_comment(Comment {
            on: ObjectId::table(name.clone()),
            text,
            meta: ctx.meta(),
        });
    }
    for c in constraints {
        attach(ctx, &mut table, c);
    }
    // The name was checked free above and converting the table adds no relations.
    ctx.catalog.tables.insert(name, table);
}

/// Adds a converted constraint to its table, or queues it for a generated name.
pub fn attach(ctx: &mut Ctx, table: &mut Table, c: Converted) {
    match c {
        Converted::Named(c) => {
            if let ConstraintKind::ForeignKey(fk) = &c.kind {
                expect_fk_target(ctx, &table.name, fk, &c.meta);
            }
            if table.constraints.contains_key(&c.name) {
                let loc = c
                    .meta
                    .origin
                    .span()
                    .and_then(|s| ctx.pending.location_of(s))
                    .unwrap_or_else(|| ctx.stmt_location());
                ctx.error(
                    Diagnostic::error(
                        Code::DuplicateObject,
                        format!("constraint {} on {} is defined twice", c.name, table.name),
                    )
                    .at(loc, "second definition")
                    .with_help("constraint names must be unique per table; rename or remove one"),
                );
                return;
            }
            table.constraints.insert(c.name.clone(), c);
        }
        Converted::Unnamed(u) => {
            if let ConstraintKind::ForeignKey(fk) = &u.constraint.kind {
                expect_fk_target(ctx, &table.name, fk, &u.constraint.meta);
            }
            ctx.pending.unnamed_constraints.push(u);
        }
    }
}

fn expect_fk_target(
    ctx: &mut Ctx,
    table: &QualifiedName,
    fk: &ForeignKey,
    meta: &schemadiff_model::ObjectMeta,
) {
    let Some(loc) = meta.origin.span().and_then(|s| ctx.pending.location_of(s)) else {
        return;
    };
    ctx.pending.references.push(crate::pending::Reference {
        expect: Expect::Table,
        name: fk.ref_table.clone(),
        location: loc,
        context: format!("foreign key on {table}"),
    });
}

fn column(
    ctx: &mut Ctx,
    table: &QualifiedName,
    col: &ColumnDef,
    constraints: &mut Vec<Converted>,
) -> Column {
    let name = ctx.ident(&col.name);
    let ty = match column_type(ctx, &col.data_type) {
        ColumnType::Type(t) => t,
        ColumnType::Serial(kind) => {
            ctx.pending.serials.push(SerialColumn {
                table: table.clone(),
                column: name.clone(),
                kind,
                meta: ctx.meta_at(col.name.span),
            });
            kind.integer_type()
        }
    };
    let serial = ctx
        .pending
        .serials
        .last()
        .is_some_and(|s| &s.table == table && s.column == name);
    let mut column = Column::new(name.clone(), ty);
    column.not_null = serial;
    column.meta = ctx.meta_at(col.name.span);
    if !ctx.element_renames.is_empty() {
        if let Some(span) = column.meta.origin.span() {
            column.meta.renamed_from = ctx.element_renamed_from(span.start).map(Box::new);
        }
    }
    // Built-in types need no lookup (and no message context).
    if !column.ty.is_builtin() {
        ctx.resolve_type(
            &column.ty.clone(),
            col.name.span,
            format!("column {table}.{name}"),
        );
    }
    for opt in &col.options {
        let span = col.name.span;
        match &opt.option {
            ColumnOption::Null => column.not_null = false,
            ColumnOption::NotNull => column.not_null = true,
            ColumnOption::Default(e) => column.default = Some(refs::expr(ctx, e)),
            ColumnOption::Collation(c) => column.collation = Some(Box::new(collation(ctx, c))),
            ColumnOption::Comment(text) => {
                let on = ObjectId::Column {
                    table: table.clone(),
                    column: name.clone(),
                };
                ctx.catalog.set_comment(Comment {
                    on,
                    text: text.clone(),
                    meta: ctx.meta(),
                });
            }
            ColumnOption::Generated {
                generated_as,
                sequence_options,
                generation_expr,
                ..
            } => match generation_expr {
                Some(e) => column.generated = Some(Box::new(refs::expr(ctx, e))),
                None => {
                    let options = sequence_options
                        .as_ref()
                        .filter(|o| !o.is_empty())
                        .map(|o| {
                            o.iter()
                                .map(|x| x.to_string().trim().to_string())
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .or_else(|| ctx.identity_options.pop_front());
                    column.identity = Some(Box::new(Identity {
                        always: matches!(generated_as, ast::GeneratedAs::Always),
                        options,
                    }));
                    column.not_null = true;
                }
            },
            ColumnOption::PrimaryKey(pk) => {
                let kind = ConstraintKind::PrimaryKey {
                    columns: vec![name.clone()],
                    include: Vec::new(),
                };
                let cname = opt.name.as_ref().or(pk.name.as_ref());
                constraints.push(constraint::finish(
                    ctx,
                    table,
                    cname,
                    kind,
                    pk.characteristics.as_ref(),
                    false,
                    Vec::new(),
                    span,
                ));
                column.not_null = true;
            }
            ColumnOption::Unique(u) => {
                let kind = ConstraintKind::Unique {
                    columns: vec![name.clone()],
                    include: Vec::new(),
                    nulls_not_distinct: matches!(
                        u.nulls_distinct,
                        ast::NullsDistinctOption::NotDistinct
                    ),
                };
                let cname = opt.name.as_ref().or(u.name.as_ref());
                constraints.push(constraint::finish(
                    ctx,
                    table,
                    cname,
                    kind,
                    u.characteristics.as_ref(),
                    false,
                    vec![name.as_str().to_string()],
                    span,
                ));
            }
            ColumnOption::ForeignKey(fk) => {
                let kind = ConstraintKind::ForeignKey(ForeignKey {
                    columns: vec![name.clone()],
                    ref_table: ctx.qualify(&fk.foreign_table),
                    ref_columns: constraint::idents(ctx, &fk.referred_columns),
                    on_delete: constraint::action(fk.on_delete),
                    on_update: constraint::action(fk.on_update),
                    match_full: fk
                        .match_kind
                        .is_some_and(|m| m.to_string().to_ascii_lowercase().contains("full")),
                });
                let cname = opt.name.as_ref().or(fk.name.as_ref());
                constraints.push(constraint::finish(
                    ctx,
                    table,
                    cname,
                    kind,
                    fk.characteristics.as_ref(),
                    false,
                    vec![name.as_str().to_string()],
                    span,
                ));
            }
            ColumnOption::Check(c) => {
                let kind = ConstraintKind::Check {
                    expr: refs::expr(ctx, &c.expr),
                    no_inherit: c.no_inherit,
                };
                let cname = opt.name.as_ref().or(c.name.as_ref());
                constraints.push(constraint::finish(
                    ctx,
                    table,
                    cname,
                    kind,
                    None,
                    false,
                    refs::identifiers(&c.expr),
                    span,
                ));
            }
            // MySQL-only options (AUTO_INCREMENT, ON UPDATE, ...) were reported from tokens.
            _ => {}
        }
    }
    column
}

/// `COLLATE "C"` -> pg_catalog."C"; a qualified collation keeps its schema.
pub fn collation(ctx: &Ctx, name: &ast::ObjectName) -> QualifiedName {
    if name.0.len() == 1 {
        let q = ctx.qualify(name);
        QualifiedName::new("pg_catalog", q.name)
    } else {
        ctx.qualify(name)
    }
}

/// `PARTITION BY RANGE (created_at)` arrives as a function call named RANGE/LIST/HASH.
fn partition_by(e: &ast::Expr) -> Option<PartitionBy> {
    let ast::Expr::Function(f) = e else {
        return None;
    };
    let strategy = match f.name.to_string().to_ascii_lowercase().as_str() {
        "range" => PartitionStrategy::Range,
        "list" => PartitionStrategy::List,
        "hash" => PartitionStrategy::Hash,
        _ => return None,
    };
    let keys = match &f.args {
        ast::FunctionArguments::List(list) => list.args.iter().map(|a| a.to_string()).collect(),
        _ => Vec::new(),
    };
    Some(PartitionBy { strategy, keys })
}
