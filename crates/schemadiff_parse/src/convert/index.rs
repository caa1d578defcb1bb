//! CREATE INDEX -> a model index.

use super::table::collation;
use crate::ctx::Ctx;
use crate::pending::Expect;
use crate::refs;
use schemadiff_model::{Ident, Index, IndexKey, IndexTarget, QualifiedName};
use sqlparser::ast::{self, CreateIndex, Spanned};

pub fn create_index(ctx: &mut Ctx, ci: &CreateIndex) {
    let table = ctx.qualify(&ci.table_name);
    ctx.expect(
        Expect::Relation,
        table.clone(),
        ci.table_name.span(),
        "index".to_string(),
    );
    let keys = ci.columns.iter().map(|c| key(ctx, c)).collect();
    let mut index = Index {
        // An index always lives in its table's schema; a written schema must match.
        name: QualifiedName::new(table.schema.clone(), Ident::new("")),
        name_generated: ci.name.is_none(),
        table: table.clone(),
        unique: ci.unique,
        nulls_not_distinct: ci.nulls_distinct == Some(false),
        method: ci
            .using
            .as_ref()
            .map(|u| u.to_string().to_ascii_lowercase())
            .unwrap_or_else(|| "btree".to_string()),
        keys,
        include: ci.include.iter().map(|i| ctx.ident(i)).collect(),
        predicate: ci.predicate.as_ref().map(|p| refs::expr(ctx, p)),
        with: ci
            .with
            .iter()
            .map(|w| w.to_string().replace(" = ", "="))
            .collect(),
        meta: ctx.meta(),
    };
    match &ci.name {
        Some(n) => {
            index.name.name = ctx.qualify(n).name;
            if let Err(dup) = ctx.catalog.add_index(index) {
                ctx.duplicate(*dup);
            }
        }
        None => {
            let hints = ci
                .columns
                .iter()
                .map(|c| refs::figure_index_colname(&c.column.expr))
                .collect();
            ctx.pending.unnamed_indexes.push((index, hints));
        }
    }
}

fn key(ctx: &Ctx, c: &ast::IndexColumn) -> IndexKey {
    let mut expr = &c.column.expr;
    let mut coll = None;
    if let ast::Expr::Collate {
        expr: inner,
        collation: cname,
    } = expr
    {
        coll = Some(collation(ctx, cname));
        expr = inner;
    }
    let target = match expr {
        ast::Expr::Identifier(id) => IndexTarget::Column(ctx.ident(id)),
        ast::Expr::Nested(inner) => IndexTarget::Expression(refs::expr(ctx, inner)),
        other => IndexTarget::Expression(refs::expr(ctx, other)),
    };
    IndexKey {
        target,
        collation: coll,
        opclass: c.operator_class.as_ref().map(|o| o.to_string()),
        descending: matches!(c.column.options.sort, Some(ast::OrderBySort::Desc)),
        nulls_first: c.column.options.nulls_first,
    }
}
