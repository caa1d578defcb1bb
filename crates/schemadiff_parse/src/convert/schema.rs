//! CREATE SCHEMA and CREATE EXTENSION.

use crate::ctx::Ctx;
use crate::prepare::ExtensionOptions;
use schemadiff_model::{Extension, Ident, Schema};
use sqlparser::ast::{CreateExtension, SchemaName};

pub fn create_schema(ctx: &mut Ctx, name: &SchemaName) {
    let (name, authorization) = match name {
        SchemaName::Simple(n) => (ctx.qualify(n).name, None),
        SchemaName::UnnamedAuthorization(role) => (ctx.ident(role), Some(ctx.ident(role))),
        SchemaName::NamedAuthorization(n, role) => (ctx.qualify(n).name, Some(ctx.ident(role))),
    };
    let schema = Schema {
        name,
        authorization,
        meta: ctx.meta(),
    };
    if let Err(dup) = ctx.catalog.add_schema(schema) {
        ctx.duplicate(*dup);
    }
}

/// `lifted`: the options `prepare` took out of the text (any order, a string version).
pub fn create_extension(ctx: &mut Ctx, e: &CreateExtension, lifted: Option<&ExtensionOptions>) {
    let ext = Extension {
        name: ctx.ident(&e.name),
        schema: match lifted {
            Some(o) => o.schema.clone(),
            None => e.schema.as_ref().map(|s| ctx.ident(s)),
        },
        version: match lifted {
            Some(o) => o.version.clone(),
            None => e.version.as_ref().map(|v| v.value.clone()),
        },
        meta: ctx.meta(),
    };
    // `CREATE EXTENSION IF NOT EXISTS` twice (two domains both needing postgis) is one extension.
    if e.if_not_exists && ctx.catalog.extensions.contains_key(&ext.name) {
        return;
    }
    if let Err(dup) = ctx.catalog.add_extension(ext) {
        ctx.duplicate(*dup);
    }
}

/// `public` exists in every database; other schemas must be created by the files.
pub fn is_builtin_schema(name: &Ident) -> bool {
    matches!(
        name.as_str(),
        "public" | "pg_catalog" | "information_schema"
    )
}
