//! Functions and procedures: arguments (for the signature), result, body, attributes, definition.
//!
//! `refs` are filled afterwards from `pg_depend` by [`crate::deps`].

use crate::ctx::{dup, live, Class, Ctx};
use crate::error::IntrospectError;
use crate::query::{Query, RowRef, Rows};
use crate::text::split_top_level;
use schemadiff_model::{ArgMode, Function, FunctionArg, Ident, QualifiedName};
use std::collections::BTreeSet;

pub(crate) const QUERY: Query = Query {
    name: "functions.sql",
    sql: include_str!("functions.sql"),
    filtered: true,
};

pub(crate) fn load(ctx: &mut Ctx, rows: &Rows) -> Result<(), IntrospectError> {
    for row in rows.iter() {
        let oid: u32 = row.get("oid")?;
        let procedure = match row.char("prokind")? {
            'f' => false,
            'p' => true,
            other => return Err(row.unexpected("prokind", other)),
        };
        let args = args(ctx, row)?;
        let returns = if procedure {
            None
        } else if args.iter().any(|a| a.mode == ArgMode::Table) {
            row.get("result")?
        } else {
            let ty = ctx
                .types
                .resolve(row.get("prorettype")?, &row.get::<String>("return_type")?);
            Some(if row.get("proretset")? {
                format!("SETOF {ty}")
            } else {
                ty.to_string()
            })
        };
        let body = match row.get::<Option<String>>("sql_body")? {
            Some(sql_body) => sql_body,
            None => row.get("prosrc")?,
        };
        let language: String = row.get("lanname")?;
        let function = Function {
            name: QualifiedName::new(row.get::<String>("nspname")?, row.get::<String>("proname")?),
            procedure,
            args,
            returns,
            attributes: attributes(row, &language)?,
            language,
            body,
            definition: row.get("definition")?,
            refs: BTreeSet::new(),
            meta: live(oid),
        };
        ctx.remember(Class::Proc, oid, function.id());
        ctx.catalog.add_function(function).map_err(dup)?;
    }
    Ok(())
}

/// Every argument in declaration order; the defaults belong to the last input arguments.
fn args(ctx: &Ctx, row: RowRef<'_>) -> Result<Vec<FunctionArg>, IntrospectError> {
    let types: Vec<u32> = row
        .get::<Option<Vec<u32>>>("arg_types")?
        .unwrap_or_default();
    let formatted = row.strings("arg_formatted")?;
    let modes = row.strings("arg_modes")?;
    let names = row.strings("arg_names")?;
    let mut args = Vec::with_capacity(types.len());
    for (i, (oid, text)) in types.into_iter().zip(formatted).enumerate() {
        let mode = match modes.get(i).map(String::as_str) {
            None | Some("i") => ArgMode::In,
            Some("o") => ArgMode::Out,
            Some("b") => ArgMode::InOut,
            Some("v") => ArgMode::Variadic,
            Some("t") => ArgMode::Table,
            Some(other) => return Err(row.unexpected("argument mode", other)),
        };
        args.push(FunctionArg {
            mode,
            name: names
                .get(i)
                .filter(|n| !n.is_empty())
                .map(|n| Ident::new(n.clone())),
            ty: ctx.types.resolve(oid, &text),
            default: None,
        });
    }
    let defaults = row
        .get::<Option<String>>("arg_defaults")?
        .map(|d| split_top_level(&d))
        .unwrap_or_default();
    let mut inputs: Vec<&mut FunctionArg> = args
        .iter_mut()
        .filter(|a| matches!(a.mode, ArgMode::In | ArgMode::InOut | ArgMode::Variadic))
        .collect();
    let first = inputs.len().saturating_sub(defaults.len());
    for (arg, default) in inputs.iter_mut().skip(first).zip(defaults) {
        arg.default = Some(default);
    }
    Ok(args)
}

/// The attributes that differ from PostgreSQL's defaults, upper case, in
/// `pg_get_functiondef` order: volatility, parallel, strict, security, leakproof,
/// cost, rows, then `SET` options.
fn attributes(row: RowRef<'_>, language: &str) -> Result<Vec<String>, IntrospectError> {
    let mut out = Vec::new();
    match row.char("provolatile")? {
        'i' => out.push("IMMUTABLE".to_string()),
        's' => out.push("STABLE".to_string()),
        _ => {}
    }
    match row.char("proparallel")? {
        's' => out.push("PARALLEL SAFE".to_string()),
        'r' => out.push("PARALLEL RESTRICTED".to_string()),
        _ => {}
    }
    if row.get("proisstrict")? {
        out.push("STRICT".to_string());
    }
    if row.get("prosecdef")? {
        out.push("SECURITY DEFINER".to_string());
    }
    if row.get("proleakproof")? {
        out.push("LEAKPROOF".to_string());
    }
    let cost: f32 = row.get("procost")?;
    let default_cost = if matches!(language, "c" | "internal") {
        1.0
    } else {
        100.0
    };
    if cost != default_cost {
        out.push(format!("COST {cost}"));
    }
    let rows: f32 = row.get("prorows")?;
    let default_rows = if row.get("proretset")? { 1000.0 } else { 0.0 };
    if rows != default_rows {
        out.push(format!("ROWS {rows}"));
    }
    for setting in row.strings("proconfig")? {
        match setting.split_once('=') {
            Some((name, value)) => out.push(format!("SET {name} = {value}")),
            None => out.push(format!("SET {setting}")),
        }
    }
    Ok(out)
}
