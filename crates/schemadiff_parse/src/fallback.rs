//! Statements sqlparser cannot read: valid PostgreSQL it lacks is kept verbatim
//! (with a warning); a failure in a statement kind it does support is a syntax error.

use crate::ctx::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::lex::{lex, TokenKind};
use crate::position::{error_position, offset_in};
use schemadiff_model::{Ident, ObjectRef, QualifiedName, RefKind, VerbatimStatement};
use std::collections::BTreeSet;

/// Statement kinds sqlparser reads completely; when it fails on one, the statement
/// is wrong, not exotic.
const FULLY_SUPPORTED: &[&[&str]] = &[
    &["create", "table"],
    &["create", "unlogged", "table"],
    &["create", "index"],
    &["create", "unique", "index"],
    &["create", "view"],
    &["create", "or", "replace", "view"],
    &["create", "schema"],
    &["create", "extension"],
    &["create", "policy"],
    &["insert"],
    &["update"],
    &["delete"],
];

/// First words of every PostgreSQL command that may appear in a schema file.
const POSTGRES_COMMANDS: &[&str] = &[
    "alter", "comment", "create", "grant", "revoke", "security", "do", "select", "set", "reset",
    "drop", "analyze", "cluster", "refresh", "reindex", "vacuum", "import", "truncate", "copy",
    "lock",
];

pub fn parse_failed(ctx: &mut Ctx, error: &str) {
    let words = leading_words(ctx.text(), 4);
    let summary = statement_summary(ctx.text());
    let supported = FULLY_SUPPORTED.iter().any(|kind| {
        kind.iter()
            .zip(&words)
            .filter(|(a, b)| **a == b.as_str())
            .count()
            == kind.len()
    });
    // `CREATE TABEL`: a misspelt object kind is a typo, not exotic PostgreSQL.
    let create_typo = words.first().is_some_and(|w| w == "create")
        && words.get(1).is_some_and(|w| {
            !KIND_WORDS.contains(&w.as_str()) && !EXTRA_CREATE_KINDS.contains(&w.as_str())
        });
    let known = !create_typo
        && words
            .first()
            .is_some_and(|w| POSTGRES_COMMANDS.contains(&w.as_str()));
    if supported || !known {
        let message = error.trim_start_matches("sql parser error: ");
        let message = message
            .split(" at Line: ")
            .next()
            .unwrap_or(message)
            .to_string();
        let at = error_position(error)
            .map(|(l, c)| ctx.stmt_start + offset_in(ctx.text(), l, c))
            .unwrap_or(ctx.stmt_start);
        let end = token_end(&ctx.file.source.text, at).min(ctx.stmt_end.max(at));
        let loc = ctx.file.location(at, end);
        let help = if create_typo {
            format!("`{}` is not something PostgreSQL can CREATE; did you mean TABLE, INDEX, VIEW, FUNCTION, TYPE, ...?", words.get(1).map(String::as_str).unwrap_or(""))
        } else if known {
            format!("check this {summary} statement against the PostgreSQL 15 documentation")
        } else {
            "a schema file holds PostgreSQL DDL statements separated by `;`".to_string()
        };
        ctx.error(
            Diagnostic::error(Code::SyntaxError, format!("syntax error: {message}"))
                .at(loc, "here")
                .with_help(help),
        );
        return;
    }
    let loc = ctx.stmt_location();
    ctx.error(
        Diagnostic::warning(Code::UnsupportedStatement, format!("{summary} statement is not understood by schemadiff's SQL parser; kept verbatim"))
            .at(loc, "executed as written, after the objects it names")
            .with_help("the objects it touches are not compared in static mode; a dev database (`--dev-url`) checks it for real"),
    );
    keep_verbatim(ctx, summary);
}

/// Stores the statement as written; it runs after every catalog object it names.
pub fn keep_verbatim(ctx: &mut Ctx, summary: String) {
    let mut mentions = names_in(ctx.text(), &ctx.default_schema);
    let creates = created_name(ctx.text(), &ctx.default_schema);
    if let Some(created) = &creates {
        mentions.retain(|m| &m.name != created);
    }
    let index = ctx.catalog.statements.len();
    ctx.catalog.statements.push(VerbatimStatement {
        index,
        summary,
        sql: ctx.text().to_string(),
        creates,
        mentions,
        meta: ctx.meta(),
    });
}

/// The name after `CREATE [kind words] [IF NOT EXISTS]`.
pub fn created_name(text: &str, default_schema: &Ident) -> Option<QualifiedName> {
    let (tokens, _) = lex(text);
    let sig: Vec<_> = tokens.iter().filter(|t| !t.is_trivia()).collect();
    if !sig
        .first()
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case("create"))
    {
        return None;
    }
    let mut i = 1;
    while sig.get(i).is_some_and(|t| {
        t.kind == TokenKind::Word
            && KIND_WORDS.contains(&t.text(text).to_ascii_lowercase().as_str())
    }) {
        i += 1;
    }
    if sig
        .get(i)
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case("if"))
    {
        i += 3;
    }
    let part = |t: &crate::lex::Token| crate::ctx::token_ident(text, t);
    let first = part(sig.get(i)?)?;
    if sig.get(i + 1).is_some_and(|t| t.text(text) == ".") {
        let second = part(sig.get(i + 2)?)?;
        return Some(QualifiedName::new(first, second));
    }
    Some(QualifiedName::new(default_schema.clone(), first))
}

/// Words that name a statement kind (as opposed to the object it is about).
const KIND_WORDS: &[&str] = &[
    "create",
    "alter",
    "comment",
    "grant",
    "revoke",
    "or",
    "replace",
    "unique",
    "materialized",
    "unlogged",
    "temporary",
    "temp",
    "recursive",
    "table",
    "index",
    "view",
    "sequence",
    "function",
    "procedure",
    "trigger",
    "policy",
    "type",
    "domain",
    "extension",
    "schema",
    "on",
    "column",
    "constraint",
    "aggregate",
    "operator",
    "cast",
    "collation",
    "default",
    "privileges",
    "rule",
    "event",
    "statistics",
    "text",
    "search",
    "configuration",
    "dictionary",
    "publication",
    "subscription",
    "server",
    "foreign",
    "data",
    "wrapper",
    "security",
    "label",
    "do",
    "large",
    "object",
    "role",
    "user",
    "language",
    "transform",
    "access",
    "method",
    "family",
    "class",
    "conversion",
    "tablespace",
    "database",
];

/// Other words that may follow CREATE in PostgreSQL.
const EXTRA_CREATE_KINDS: &[&str] = &[
    "global",
    "local",
    "constraint",
    "trusted",
    "procedural",
    "recursive",
    "or",
];

/// `COMMENT ON FUNCTION`, `ALTER SEQUENCE`: the statement's kind, for messages.
pub fn statement_summary(text: &str) -> String {
    let words: Vec<String> = leading_words(text, 5)
        .into_iter()
        .take_while(|w| KIND_WORDS.contains(&w.as_str()))
        .collect();
    let words = if words.is_empty() {
        leading_words(text, 1)
    } else {
        words
    };
    words.join(" ").to_ascii_uppercase()
}

/// The first `n` words, lower case, skipping comments.
pub fn leading_words(text: &str, n: usize) -> Vec<String> {
    let (tokens, _) = lex(text);
    tokens
        .iter()
        .filter(|t| !t.is_trivia())
        .take(n)
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text).to_ascii_lowercase())
        .collect()
}

/// Every (possibly qualified) name in the text, as references of any kind.
fn names_in(text: &str, default_schema: &Ident) -> BTreeSet<ObjectRef> {
    let (tokens, _) = lex(text);
    let sig: Vec<_> = tokens.iter().filter(|t| !t.is_trivia()).collect();
    let part = |t: &crate::lex::Token| crate::ctx::token_ident(text, t).unwrap_or_default();
    let is_name =
        |t: &crate::lex::Token| t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdent;
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < sig.len() {
        if is_name(sig[i]) {
            if i + 2 < sig.len() && sig[i + 1].text(text) == "." && is_name(sig[i + 2]) {
                out.insert(ObjectRef {
                    kind: RefKind::Any,
                    name: QualifiedName::new(part(sig[i]), part(sig[i + 2])),
                });
                i += 3;
                continue;
            }
            out.insert(ObjectRef {
                kind: RefKind::Any,
                name: QualifiedName::new(default_schema.clone(), part(sig[i])),
            });
        }
        i += 1;
    }
    out
}

/// End of the token starting at `at` (for a one-token error label).
fn token_end(src: &str, at: usize) -> usize {
    // Look at a bounded window: many errors in a huge file must stay linear.
    let start = at.min(src.len());
    let rest = schemadiff_model::ident::truncate_to_bytes(&src[start..], 256);
    let (tokens, _) = lex(rest);
    tokens
        .iter()
        .find(|t| !t.is_trivia())
        .map(|t| at + t.end)
        .unwrap_or(at)
}
