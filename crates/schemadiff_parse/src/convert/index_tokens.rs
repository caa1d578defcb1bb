//! The common CREATE INDEX (keys that are columns or calls on columns like
//! `lower(email)`, no predicate) read straight from tokens. Two thirds of a typical
//! schema's statements are indexes, and sqlparser's generic parser is the loader's
//! main cost; anything unusual falls back to sqlparser, and the tests below check that
//! both paths build the same index.

use crate::ctx::Ctx;
use crate::lex::{is_keyword, Token, TokenKind};
use crate::pending::{Expect, Reference};
use crate::refs;
use schemadiff_model::{Ident, Index, IndexKey, IndexTarget, QualifiedName};
use sqlparser::ast;
use sqlparser::keywords::Keyword;

/// Returns false (having changed nothing) when the statement is not of the simple form.
pub fn create_index(ctx: &mut Ctx, src: &str, toks: &[Token]) -> bool {
    #[cfg(test)]
    if tests::SQLPARSER_ONLY.with(std::cell::Cell::get) {
        return false;
    }
    let Some(parsed) = read(src, toks) else {
        return false;
    };
    let table = ctx.qualify_parts(&parsed.table);
    let location = ctx.file.location(parsed.table_span.0, parsed.table_span.1);
    ctx.pending.references.push(Reference {
        expect: Expect::Relation,
        name: table.clone(),
        location,
        context: "index".to_string(),
    });
    let keys = parsed
        .keys
        .iter()
        .map(|(target, descending, nulls_first)| IndexKey {
            target: match target {
                Target::Column(column) => IndexTarget::Column(column.clone()),
                Target::Call(call) => IndexTarget::Expression(refs::expr(ctx, call)),
            },
            collation: None,
            opclass: None,
            descending: *descending,
            nulls_first: *nulls_first,
        })
        .collect();
    let mut index = Index {
        name: QualifiedName::new(table.schema.clone(), Ident::new("")),
        name_generated: parsed.name.is_none(),
        table: table.clone(),
        unique: parsed.unique,
        nulls_not_distinct: false,
        method: parsed.method.unwrap_or_else(|| "btree".to_string()),
        keys,
        include: parsed.include,
        predicate: None,
        with: Vec::new(),
        meta: ctx.meta(),
    };
    match parsed.name {
        Some(name) => {
            index.name.name = name;
            if let Err(dup) = ctx.catalog.add_index(index) {
                ctx.duplicate(*dup);
            }
        }
        None => {
            let hints = parsed
                .keys
                .iter()
                .map(|(target, _, _)| match target {
                    Target::Column(c) => Some(c.as_str().to_string()),
                    Target::Call(call) => refs::figure_index_colname(call),
                })
                .collect();
            ctx.pending.unnamed_indexes.push((index, hints));
        }
    }
    true
}

/// A key: what it indexes, DESC, NULLS FIRST (Some(true)) / LAST (Some(false)).
type Key = (Target, bool, Option<bool>);

enum Target {
    Column(Ident),
    /// `f(col, ...)`, as sqlparser's AST (its text and references come from there).
    Call(Box<ast::Expr>),
}

struct Simple {
    unique: bool,
    name: Option<Ident>,
    table: Vec<Ident>,
    table_span: (usize, usize),
    method: Option<String>,
    keys: Vec<Key>,
    include: Vec<Ident>,
}

fn read(src: &str, toks: &[Token]) -> Option<Simple> {
    let mut at = 0;
    let kw = |at: usize, k: &str| toks.get(at).is_some_and(|t| is_keyword(src, t, k));
    if !kw(at, "create") {
        return None;
    }
    at += 1;
    let unique = kw(at, "unique");
    if unique {
        at += 1;
    }
    if !kw(at, "index") {
        return None;
    }
    at += 1;
    if kw(at, "concurrently") {
        at += 1;
    }
    if kw(at, "if") {
        if !(kw(at + 1, "not") && kw(at + 2, "exists")) {
            return None;
        }
        at += 3;
    }
    let name = if kw(at, "on") {
        None
    } else {
        let n = ident(src, toks.get(at)?)?;
        at += 1;
        Some(n)
    };
    if !kw(at, "on") {
        return None;
    }
    at += 1;
    if kw(at, "only") {
        at += 1;
    }
    let table_start = toks.get(at)?.start;
    let mut table = vec![ident(src, toks.get(at)?)?];
    at += 1;
    while toks.get(at).is_some_and(|t| t.text(src) == ".") {
        table.push(ident(src, toks.get(at + 1)?)?);
        at += 2;
    }
    let table_span = (table_start, toks.get(at - 1)?.end);
    let mut method = None;
    if kw(at, "using") {
        let m = toks.get(at + 1).filter(|t| t.kind == TokenKind::Word)?;
        method = Some(m.text(src).to_ascii_lowercase());
        at += 2;
    }
    let (keys, next) = key_list(src, toks, at)?;
    at = next;
    let mut include = Vec::new();
    if kw(at, "include") {
        let (cols, next) = key_list(src, toks, at + 1)?;
        for (target, descending, nulls) in cols {
            match target {
                Target::Column(c) if !descending && nulls.is_none() => include.push(c),
                _ => return None,
            }
        }
        at = next;
    }
    // Anything else (WITH, WHERE, TABLESPACE, NULLS NOT DISTINCT) goes to sqlparser.
    if at != toks.len() {
        return None;
    }
    Some(Simple {
        unique,
        name,
        table,
        table_span,
        method,
        keys,
        include,
    })
}

/// `( a [ASC|DESC] [NULLS FIRST|LAST], ... )` of plain column names.
fn key_list(src: &str, toks: &[Token], mut at: usize) -> Option<(Vec<Key>, usize)> {
    let kw = |at: usize, k: &str| toks.get(at).is_some_and(|t| is_keyword(src, t, k));
    if toks.get(at)?.text(src) != "(" {
        return None;
    }
    at += 1;
    let mut keys = Vec::new();
    loop {
        let (target, next) = key(src, toks, at)?;
        at = next;
        let mut descending = false;
        if kw(at, "asc") {
            at += 1;
        } else if kw(at, "desc") {
            descending = true;
            at += 1;
        }
        let mut nulls_first = None;
        if kw(at, "nulls") {
            nulls_first = Some(if kw(at + 1, "first") {
                true
            } else if kw(at + 1, "last") {
                false
            } else {
                return None;
            });
            at += 2;
        }
        keys.push((target, descending, nulls_first));
        match toks.get(at)?.text(src) {
            "," => at += 1,
            ")" => return Some((keys, at + 1)),
            _ => return None,
        }
    }
}

/// A column, or a call of a plain function name on columns (`lower(email)`).
fn key(src: &str, toks: &[Token], at: usize) -> Option<(Target, usize)> {
    let first = toks.get(at)?;
    let column = ident(src, first)?;
    if toks.get(at + 1).is_none_or(|t| t.text(src) != "(") {
        return Some((Target::Column(column), at + 1));
    }
    let mut args = Vec::new();
    let mut i = at + 2;
    loop {
        let t = toks.get(i)?;
        ident(src, t)?;
        args.push(ast_ident(src, t)?);
        match toks.get(i + 1)?.text(src) {
            "," => i += 2,
            ")" => break,
            _ => return None,
        }
    }
    let name = ast_ident(src, first)?;
    let arg = |id: ast::Ident| {
        ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(ast::Expr::Identifier(id)))
    };
    let call = ast::Expr::Function(ast::Function {
        name: ast::ObjectName(vec![ast::ObjectNamePart::Identifier(name)]),
        uses_odbc_syntax: false,
        parameters: ast::FunctionArguments::None,
        args: ast::FunctionArguments::List(ast::FunctionArgumentList {
            duplicate_treatment: None,
            args: args.into_iter().map(arg).collect(),
            clauses: vec![],
        }),
        within_group: vec![],
        filter: None,
        null_treatment: None,
        over: None,
    });
    Some((Target::Call(Box::new(call)), i + 2))
}

/// The token as sqlparser's identifier (written text, quotes removed); `None` for words
/// sqlparser's expression parser gives a meaning of their own (CAST, NULL, ...).
fn ast_ident(src: &str, t: &Token) -> Option<ast::Ident> {
    let raw = t.text(src);
    match t.kind {
        TokenKind::Word => {
            // Words with a meaning in a call: `f(ALL x)`, `f(DISTINCT x)`, `f(x RETURNING
            // t)`, and `IDENTITY(...)`, which sqlparser does not take as a key (found by
            // the test that tries every keyword).
            const IN_CALL: [Keyword; 4] = [
                Keyword::ALL,
                Keyword::DISTINCT,
                Keyword::RETURNING,
                Keyword::IDENTITY,
            ];
            let keyword = crate::sql_tokens::keyword_fast(raw);
            if crate::convert::table_tokens::SPECIAL_IN_EXPR.contains(&keyword)
                || IN_CALL.contains(&keyword)
            {
                return None;
            }
            Some(ast::Ident::new(raw))
        }
        TokenKind::QuotedIdent if raw.len() >= 2 && raw.starts_with('"') => Some(
            ast::Ident::with_quote('"', raw[1..raw.len() - 1].replace("\"\"", "\"")),
        ),
        _ => None,
    }
}

/// A plain or quoted identifier that is not a keyword with meaning here.
fn ident(src: &str, t: &Token) -> Option<Ident> {
    const RESERVED: [&str; 9] = [
        "on", "using", "include", "where", "with", "asc", "desc", "nulls", "only",
    ];
    if t.kind == TokenKind::Word && RESERVED.iter().any(|k| t.text(src).eq_ignore_ascii_case(k)) {
        return None;
    }
    crate::ctx::token_ident(src, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    thread_local! {
        /// Sends every CREATE INDEX through sqlparser, to compare the two paths.
        pub static SQLPARSER_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    fn load(sql: &str, sqlparser_only: bool) -> crate::Loaded {
        SQLPARSER_ONLY.with(|s| s.set(sqlparser_only));
        let file = SourceFile {
            path: "core/t.sql".into(),
            domain: "core".to_string(),
            text: format!(
                "CREATE SCHEMA core;\nCREATE TABLE core.t (a int, b text, \"Mixed\" text, key text);\n{sql}\n"
            )
            .into(),
        };
        // Small input: loaded on this thread, where the switch is set.
        let loaded = crate::load_sources(vec![file]);
        SQLPARSER_ONLY.with(|s| s.set(false));
        loaded
    }

    #[test]
    fn token_path_builds_what_sqlparser_builds() {
        for sql in [
            "CREATE INDEX ON core.t (a);",
            "CREATE UNIQUE INDEX t_a_b ON core.t USING btree (a DESC, b NULLS FIRST);",
            "CREATE INDEX ON core.t (lower(b));",
            "CREATE INDEX t_lower ON core.t (lower(b) DESC NULLS LAST, a);",
            "CREATE INDEX ON core.t (Lower(\"Mixed\"), a) INCLUDE (b);",
            "CREATE INDEX ON core.t (coalesce(b, key));",
            "CREATE INDEX ON core.t (\"Lower\"(b));",
            "CREATE INDEX IF NOT EXISTS t_idx ON core.t (upper(b)) INCLUDE (a);",
        ] {
            let stmt = sql.trim_end_matches(';');
            let (toks, _) = crate::lex::lex(stmt);
            let sig: Vec<Token> = toks.into_iter().filter(|t| !t.is_trivia()).collect();
            assert!(read(stmt, &sig).is_some(), "not read from tokens: {sql}");
            let (ours, theirs) = (load(sql, false), load(sql, true));
            assert_eq!(ours.catalog.indexes, theirs.catalog.indexes, "{sql}");
            let shown = |l: &crate::Loaded| format!("{:?}", l.diagnostics);
            assert_eq!(shown(&ours), shown(&theirs), "{sql}");
            assert!(!ours.catalog.indexes.is_empty(), "{sql}");
        }
    }

    #[test]
    fn every_keyword_as_a_function_or_column_reads_as_sqlparser_reads_it() {
        // Either the token path leaves the statement to sqlparser, or both agree.
        for kw in sqlparser::keywords::ALL_KEYWORDS {
            for sql in [
                format!("CREATE INDEX ON core.t ({kw}(b));"),
                format!("CREATE INDEX ON core.t (lower({kw}));"),
            ] {
                let stmt = sql.trim_end_matches(';');
                let (toks, _) = crate::lex::lex(stmt);
                let sig: Vec<Token> = toks.into_iter().filter(|t| !t.is_trivia()).collect();
                if read(stmt, &sig).is_none() {
                    continue;
                }
                let (ours, theirs) = (load(&sql, false), load(&sql, true));
                assert_eq!(ours.catalog.indexes, theirs.catalog.indexes, "{sql}");
                let shown = |l: &crate::Loaded| format!("{:?}", l.diagnostics);
                assert_eq!(shown(&ours), shown(&theirs), "{sql}");
            }
        }
    }

    #[test]
    fn unusual_keys_are_left_to_sqlparser() {
        for stmt in [
            "CREATE INDEX ON core.t (CAST(a AS text))",
            "CREATE INDEX ON core.t (f(a, 1))",
            "CREATE INDEX ON core.t (lower(b) COLLATE \"C\")",
            "CREATE INDEX ON core.t (s.f(a))",
            "CREATE INDEX ON core.t (f(NULL))",
            "CREATE INDEX ON core.t (a) WHERE a > 0",
        ] {
            let (toks, _) = crate::lex::lex(stmt);
            let sig: Vec<Token> = toks.into_iter().filter(|t| !t.is_trivia()).collect();
            assert!(read(stmt, &sig).is_none(), "{stmt}");
        }
    }
}
