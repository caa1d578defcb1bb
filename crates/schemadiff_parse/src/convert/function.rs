//! CREATE FUNCTION / PROCEDURE -> a model function keyed by its argument types.

use super::types::plain_type;
use crate::ctx::Ctx;
use crate::pending::Expect;
use crate::refs;
use schemadiff_model::{ArgMode, Function, FunctionArg, QualifiedName, RefKind};
use sqlparser::ast::{self, CreateFunction, CreateFunctionBody, FunctionReturnType, Spanned};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use std::collections::BTreeSet;

pub fn create_function(ctx: &mut Ctx, f: &CreateFunction, procedure: bool) {
    let name = ctx.qualify(&f.name);
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(name.schema.clone(), name.schema.clone()),
        f.name.span(),
        format!("function {name}"),
    );
    let args = f
        .args
        .iter()
        .flatten()
        .map(|a| FunctionArg {
            mode: match a.mode {
                None | Some(ast::ArgMode::In) => ArgMode::In,
                Some(ast::ArgMode::Out) => ArgMode::Out,
                Some(ast::ArgMode::InOut) => ArgMode::InOut,
                Some(ast::ArgMode::Variadic) => ArgMode::Variadic,
            },
            name: a.name.as_ref().map(|n| ctx.ident(n)),
            ty: plain_type(ctx, &a.data_type),
            default: a.default_expr.as_ref().map(|d| d.to_string()),
        })
        .collect();
    let language = f
        .language
        .as_ref()
        .map(|l| l.value.to_ascii_lowercase())
        .unwrap_or_else(|| "sql".to_string());
    let body = match &f.function_body {
        Some(CreateFunctionBody::AsBeforeOptions { body, .. })
        | Some(CreateFunctionBody::AsAfterOptions(body)) => body_text(body),
        Some(CreateFunctionBody::Return(e)) | Some(CreateFunctionBody::AsReturnExpr(e)) => {
            format!("RETURN {e}")
        }
        Some(_) | None => String::new(),
    };
    let mut found = BTreeSet::new();
    refs::qualified_names_in(&body, &mut found);
    if language == "sql" {
        if let Ok(stmts) = Parser::parse_sql(&PostgreSqlDialect {}, &body) {
            for s in &stmts {
                refs::collect(ctx, s, &mut found);
            }
        }
    }
    // A function does not depend on itself (recursion).
    found.retain(|r| !(r.name == name && matches!(r.kind, RefKind::Function | RefKind::Any)));
    let mut attributes = Vec::new();
    for a in [
        f.behavior.as_ref().map(|b| b.to_string()),
        f.called_on_null.as_ref().map(|c| c.to_string()),
        f.parallel.as_ref().map(|p| p.to_string()),
        f.security.as_ref().map(|s| s.to_string()),
    ]
    .into_iter()
    .flatten()
    {
        attributes.push(a.to_ascii_uppercase());
    }
    let function = Function {
        name,
        procedure,
        args,
        returns: f.return_type.as_ref().map(|r| match r {
            FunctionReturnType::DataType(d) => plain_type(ctx, d).to_string(),
            FunctionReturnType::SetOf(d) => format!("SETOF {}", plain_type(ctx, d)),
        }),
        language,
        body,
        attributes,
        definition: ctx.text().to_string(),
        refs: found,
        meta: ctx.meta(),
    };
    if let Err(dup) = ctx.catalog.add_function(function) {
        ctx.duplicate(*dup);
    }
}

/// The text inside a dollar-quoted or single-quoted body.
fn body_text(e: &ast::Expr) -> String {
    match e {
        ast::Expr::Value(v) => match &v.value {
            ast::Value::DollarQuotedString(d) => d.value.clone(),
            ast::Value::SingleQuotedString(s) => s.clone(),
            other => other.to_string(),
        },
        other => other.to_string(),
    }
}
