//! CREATE [MATERIALIZED] VIEW -> a model view compared by its query text.

use crate::ctx::Ctx;
use crate::pending::Expect;
use crate::refs;
use schemadiff_model::{QualifiedName, View};
use sqlparser::ast::{CreateTableOptions, CreateView, Spanned};
use std::collections::BTreeSet;

pub fn create_view(ctx: &mut Ctx, v: &CreateView, hints: &crate::prepare::Hints) {
    let with_data = hints.with_data;
    let name = ctx.qualify(&v.name);
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(name.schema.clone(), name.schema.clone()),
        v.name.span(),
        format!("view {name}"),
    );
    let mut refs_found = BTreeSet::new();
    refs::collect(ctx, v.query.as_ref(), &mut refs_found);
    let mut options: Vec<String> = match &v.options {
        CreateTableOptions::With(opts) | CreateTableOptions::Options(opts) => opts
            .iter()
            .map(|o| o.to_string().replace(" = ", "="))
            .collect(),
        _ => Vec::new(),
    };
    options.extend(hints.view_options.iter().cloned());
    let view = View {
        name,
        materialized: v.materialized,
        columns: v.columns.iter().map(|c| ctx.ident(&c.name)).collect(),
        query: v.query.to_string(),
        options,
        check_option: hints.check_option.clone(),
        with_data,
        refs: refs_found,
        meta: ctx.meta(),
    };
    if let Err(dup) = ctx.catalog.add_view(view) {
        ctx.duplicate(*dup);
    }
}
