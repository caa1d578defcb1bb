//! Finds the objects SQL text mentions: relations in queries, called functions,
//! `nextval('seq')` sequences and cast types. The planner orders by these.

use crate::ctx::Ctx;
use crate::lex::{lex, TokenKind};
use schemadiff_model::{Expr, Ident, ObjectRef, QualifiedName, RefKind};
use sqlparser::ast::{self, visit_expressions, DataType, Visit, Visitor};
use std::collections::BTreeSet;
use std::ops::ControlFlow;

/// An expression as SQL text with its references.
pub fn expr(ctx: &Ctx, e: &ast::Expr) -> Expr {
    let mut out = Expr::new(e.to_string());
    if !mentions_nothing(e) {
        collect(ctx, e, &mut out.refs);
    }
    out
}

/// Literals and column names, possibly cast to built-in types: most defaults and many
/// checks, which the visitor would walk only to find nothing.
fn mentions_nothing(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Value(_) | ast::Expr::Identifier(_) | ast::Expr::CompoundIdentifier(_) => true,
        ast::Expr::Cast {
            expr, data_type, ..
        } => !matches!(data_type, DataType::Custom(..)) && mentions_nothing(expr),
        ast::Expr::Nested(inner) | ast::Expr::UnaryOp { expr: inner, .. } => {
            mentions_nothing(inner)
        }
        ast::Expr::IsNull(inner) | ast::Expr::IsNotNull(inner) => mentions_nothing(inner),
        ast::Expr::BinaryOp { left, right, .. } => {
            mentions_nothing(left) && mentions_nothing(right)
        }
        _ => false,
    }
}

/// Every relation, function, sequence and cast type mentioned anywhere in `node`.
pub fn collect<V: Visit>(ctx: &Ctx, node: &V, out: &mut BTreeSet<ObjectRef>) {
    // One walk for relations and expressions alike.
    let _ = node.visit(&mut Collector { ctx, out });
}

struct Collector<'a, 'c> {
    ctx: &'a Ctx<'c>,
    out: &'a mut BTreeSet<ObjectRef>,
}

impl Visitor for Collector<'_, '_> {
    type Break = ();

    fn pre_visit_relation(&mut self, name: &ast::ObjectName) -> ControlFlow<()> {
        self.out.insert(ObjectRef {
            kind: RefKind::Relation,
            name: self.ctx.qualify(name),
        });
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, e: &ast::Expr) -> ControlFlow<()> {
        match e {
            ast::Expr::Function(f) => {
                let name = self.ctx.qualify(&f.name);
                if is_sequence_function(&name) {
                    if let Some(seq) = sequence_argument(self.ctx, f) {
                        self.out.insert(ObjectRef {
                            kind: RefKind::Sequence,
                            name: seq,
                        });
                    }
                }
                self.out.insert(ObjectRef {
                    kind: RefKind::Function,
                    name,
                });
            }
            ast::Expr::Cast {
                data_type: DataType::Custom(name, _),
                ..
            }
            | ast::Expr::TypedString(ast::TypedString {
                data_type: DataType::Custom(name, _),
                ..
            }) => {
                self.out.insert(ObjectRef {
                    kind: RefKind::Type,
                    name: self.ctx.qualify(name),
                });
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

fn is_sequence_function(name: &QualifiedName) -> bool {
    matches!(name.name.as_str(), "nextval" | "currval" | "setval")
}

/// The sequence named by the string literal in `nextval('schema.seq'::regclass)`.
fn sequence_argument(ctx: &Ctx, f: &ast::Function) -> Option<QualifiedName> {
    let ast::FunctionArguments::List(list) = &f.args else {
        return None;
    };
    let ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(first)) = list.args.first()? else {
        return None;
    };
    let mut e = first;
    while let ast::Expr::Cast { expr, .. } = e {
        e = expr;
    }
    let ast::Expr::Value(v) = e else { return None };
    let ast::Value::SingleQuotedString(s) = &v.value else {
        return None;
    };
    Some(parse_regclass_literal(s, &ctx.default_schema))
}

/// `'core."Seq"'` -> core.Seq, following regclass input rules (quotes keep case).
pub fn parse_regclass_literal(s: &str, default_schema: &Ident) -> QualifiedName {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => {
                quoted = !quoted;
                was_quoted = true;
            }
            '.' if !quoted => {
                parts.push(Ident::from_sql(&cur, was_quoted));
                cur.clear();
                was_quoted = false;
            }
            _ => cur.push(c),
        }
    }
    parts.push(Ident::from_sql(&cur, was_quoted));
    match parts.as_slice() {
        [.., schema, name] => QualifiedName::new(schema.clone(), name.clone()),
        [name] => QualifiedName::new(default_schema.clone(), name.clone()),
        [] => QualifiedName::new(default_schema.clone(), Ident::new("")),
    }
}

/// Qualified names (`schema.name`) in procedural code, found lexically: the body of a
/// plpgsql function is not SQL the parser can read, but its qualified names still
/// tell what it depends on.
pub fn qualified_names_in(text: &str, out: &mut BTreeSet<ObjectRef>) {
    let (tokens, _) = lex(text);
    let sig: Vec<_> = tokens.iter().filter(|t| !t.is_trivia()).collect();
    let is_name = |k: TokenKind| k == TokenKind::Word || k == TokenKind::QuotedIdent;
    for w in sig.windows(3) {
        if is_name(w[0].kind) && w[1].text(text) == "." && is_name(w[2].kind) {
            let part = |t: &crate::lex::Token| crate::ctx::token_ident(text, t).unwrap_or_default();
            out.insert(ObjectRef {
                kind: RefKind::Any,
                name: QualifiedName::new(part(w[0]), part(w[2])),
            });
        }
    }
}

/// Column-like identifiers an expression mentions (for naming CHECK constraints).
pub fn identifiers(e: &ast::Expr) -> Vec<String> {
    let mut out = Vec::new();
    let _ = visit_expressions(e, |x| {
        match x {
            ast::Expr::Identifier(id) => out.push(fold(id)),
            ast::Expr::CompoundIdentifier(ids) => {
                if let Some(last) = ids.last() {
                    out.push(fold(last));
                }
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

fn fold(id: &ast::Ident) -> String {
    Ident::from_sql(&id.value, id.quote_style.is_some())
        .as_str()
        .to_string()
}

/// The column name PostgreSQL derives for an index expression (`FigureIndexColname`):
/// a function's name, a cast's type name, `case`, a column's name; `None` means `expr`.
pub fn figure_index_colname(e: &ast::Expr) -> Option<String> {
    figure(e).map(|(name, _)| name)
}

/// `FigureColnameInternal`: a name and its strength (2 = column/function, 1 = cast type).
fn figure(e: &ast::Expr) -> Option<(String, u8)> {
    match e {
        ast::Expr::Identifier(id) => Some((fold(id), 2)),
        ast::Expr::CompoundIdentifier(ids) => ids.last().map(|i| (fold(i), 2)),
        ast::Expr::Nested(inner) => figure(inner),
        ast::Expr::Function(f) => f
            .name
            .0
            .last()
            .and_then(|p| p.as_ident())
            .map(|i| (fold(i), 2)),
        ast::Expr::Cast {
            expr, data_type, ..
        } => match figure(expr) {
            Some(strong) if strong.1 > 1 => Some(strong),
            _ => match data_type {
                DataType::Custom(name, _) => name
                    .0
                    .last()
                    .and_then(|p| p.as_ident())
                    .map(|i| (fold(i), 1)),
                other => Some((internal_type_name(&other.to_string()), 1)),
            },
        },
        ast::Expr::Case { .. } => Some(("case".to_string(), 2)),
        _ => None,
    }
}

/// Casts name the column after the type's internal name (`::integer` -> `int4`).
fn internal_type_name(shown: &str) -> String {
    let lower = shown.to_ascii_lowercase();
    let base = lower.split('(').next().unwrap_or(&lower).trim();
    match base {
        "integer" | "int" => "int4",
        "smallint" => "int2",
        "bigint" => "int8",
        "real" => "float4",
        "double precision" => "float8",
        "boolean" => "bool",
        "character varying" | "varchar" => "varchar",
        "character" | "char" => "bpchar",
        "decimal" => "numeric",
        "timestamp with time zone" => "timestamptz",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "time with time zone" => "timetz",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;

    fn parsed(sql: &str) -> ast::Expr {
        Parser::new(&PostgreSqlDialect {})
            .try_with_sql(sql)
            .and_then(|mut p| p.parse_expr())
            .unwrap()
    }

    #[test]
    fn only_literals_columns_and_builtin_casts_skip_the_walk() {
        for sql in [
            "0",
            "'{}'::jsonb",
            "true",
            "NULL",
            "-1.5",
            "updated_at IS NULL OR updated_at >= created_at",
            "(amount > 0) AND t.code <> ''",
        ] {
            assert!(mentions_nothing(&parsed(sql)), "{sql}");
        }
        for sql in [
            "now()",
            "'a'::mood",
            "lower(name)",
            "amount > (SELECT 1)",
            "x IN (1, 2)",
            "CAST(x AS mood)",
        ] {
            assert!(!mentions_nothing(&parsed(sql)), "{sql}: {:?}", parsed(sql));
        }
    }
}
