//! Rewrites a statement's text before sqlparser sees it, for valid PostgreSQL forms
//! sqlparser lacks. Rewritten words are blanked with spaces (or swapped for words of the
//! same length), so every position sqlparser reports still points into the file.

use crate::ctx::token_ident;
use crate::lex::{is_keyword, Token, TokenKind};
use crate::split::RawStatement;
use schemadiff_model::Ident;
use std::borrow::Cow;

/// What the rewrite removed, for the converter to put back into the model.
#[derive(Debug, Clone)]
pub struct Hints {
    /// Materialized views: false after `WITH NO DATA`.
    pub with_data: bool,
    /// `CREATE PROCEDURE`, parsed as a function.
    pub procedure: bool,
    /// `CREATE DOMAIN ... NOT NULL`.
    pub domain_not_null: bool,
    /// `CREATE VIEW v WITH (security_barrier) AS ...` options, as `name=value`.
    pub view_options: Vec<String>,
    /// `WITH [CASCADED | LOCAL] CHECK OPTION` at the end of a view.
    pub check_option: Option<String>,
    /// Identity columns' sequence options, in order of appearance (sqlparser accepts
    /// only one order; PostgreSQL any).
    pub identity_options: Vec<String>,
    /// `CREATE EXTENSION` options (any order, a string version), lifted out of the text.
    pub extension: Option<ExtensionOptions>,
    /// `DEFAULT money '1.00'`: type words blanked before a string sqlparser would not
    /// take as typed (see `convert::typed_literal`).
    pub typed_literals: Vec<TypedLiteral>,
}

/// A string literal whose type word was blanked: where the string starts in the
/// statement (sqlparser's 1-based line and column) and the type's name.
#[derive(Debug, Clone)]
pub struct TypedLiteral {
    pub line: u64,
    pub column: u64,
    pub type_name: String,
    pub quoted: bool,
}

/// `CREATE EXTENSION name [WITH] [SCHEMA s] [VERSION v] [CASCADE]`, in any order.
#[derive(Debug, Clone, Default)]
pub struct ExtensionOptions {
    pub schema: Option<Ident>,
    pub version: Option<String>,
}

/// The statement's text as sqlparser should see it (borrowed when nothing was rewritten,
/// so the caller can reuse the file's tokens) and what the rewrite removed. `sig` is the
/// statement's significant tokens.
pub fn prepare<'a>(src: &'a str, sig: &[Token], raw: &RawStatement) -> (Cow<'a, str>, Hints) {
    let mut text: Cow<'a, str> = Cow::Borrowed(&src[raw.start..raw.end]);
    let mut hints = Hints {
        with_data: true,
        procedure: false,
        domain_not_null: false,
        identity_options: Vec::new(),
        view_options: Vec::new(),
        check_option: None,
        extension: None,
        typed_literals: Vec::new(),
    };
    let kw = |i: usize, k: &str| sig.get(i).is_some_and(|t| is_keyword(src, t, k));
    if !kw(0, "create") && !kw(0, "alter") {
        return (text, hints);
    }
    lift_identity_options(src, sig, raw.start, &mut text, &mut hints);
    lift_typed_literals(src, sig, raw.start, &mut text, &mut hints);
    if !kw(0, "create") {
        return (text, hints);
    }
    let mut blank = |t: &Token, with: &str| {
        let (s, e) = (t.start - raw.start, t.end - raw.start);
        let mut replacement = with.to_string();
        while replacement.len() < e - s {
            replacement.push(' ');
        }
        text.to_mut().replace_range(s..e, &replacement);
    };
    let kind_at = if kw(1, "or") && kw(2, "replace") {
        3
    } else {
        1
    };
    if kw(kind_at, "extension") {
        hints.extension = lift_extension_options(src, sig, kind_at + 1);
        if let Some(first) = hints
            .extension
            .is_some()
            .then(|| option_start(src, sig, kind_at + 1))
        {
            sig[first..].iter().for_each(|t| blank(t, ""));
        }
    } else if kw(kind_at, "procedure") {
        // Same length: "PROCEDURE" -> "FUNCTION ".
        blank(&sig[kind_at], "FUNCTION");
        hints.procedure = true;
    } else if kw(kind_at, "domain") {
        // NOT NULL / NULL at the top level (not inside a CHECK's parentheses).
        let mut depth = 0i32;
        for (i, t) in sig.iter().enumerate() {
            match t.text(src) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            if depth == 0 && is_keyword(src, t, "null") {
                if i > 0 && is_keyword(src, &sig[i - 1], "not") {
                    blank(&sig[i - 1], "");
                    hints.domain_not_null = true;
                }
                blank(t, "");
            }
        }
    } else if sig.iter().take(6).any(|t| is_keyword(src, t, "view"))
        && !sig
            .iter()
            .take(5)
            .any(|t| is_keyword(src, t, "materialized"))
    {
        lift_view_clauses(src, sig, raw.start, &mut text, &mut hints);
    } else if sig
        .iter()
        .take(5)
        .any(|t| is_keyword(src, t, "materialized"))
    {
        let n = sig.len();
        if n > 3 && is_keyword(src, &sig[n - 1], "data") {
            if is_keyword(src, &sig[n - 2], "no") && is_keyword(src, &sig[n - 3], "with") {
                sig[n - 3..].iter().for_each(|t| blank(t, ""));
                hints.with_data = false;
            } else if is_keyword(src, &sig[n - 2], "with") {
                sig[n - 2..].iter().for_each(|t| blank(t, ""));
            }
        }
    }
    (text, hints)
}

/// `AS IDENTITY ( START WITH 1 INCREMENT BY 10 )`: keeps the option text and blanks the
/// parenthesised list so sqlparser sees a bare `AS IDENTITY`.
fn lift_identity_options(
    src: &str,
    sig: &[Token],
    base: usize,
    text: &mut Cow<str>,
    hints: &mut Hints,
) {
    for (i, t) in sig.iter().enumerate() {
        if !is_keyword(src, t, "identity") || sig.get(i + 1).is_none_or(|n| n.text(src) != "(") {
            continue;
        }
        let mut depth = 0;
        let mut close = None;
        for (j, u) in sig.iter().enumerate().skip(i + 1) {
            match u.text(src) {
                "(" => depth += 1,
                ")" => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        let (open_at, close_end) = (sig[i + 1].start, sig[close].end);
        let inner = &src[sig[i + 1].end..sig[close].start];
        hints
            .identity_options
            .push(inner.split_whitespace().collect::<Vec<_>>().join(" "));
        let (s, e) = (open_at - base, close_end - base);
        text.to_mut().replace_range(s..e, &" ".repeat(e - s));
    }
}

/// `WITH (options)` before `AS`, and `WITH [CASCADED|LOCAL] CHECK OPTION` at the end:
/// PostgreSQL view clauses sqlparser does not read.
fn lift_view_clauses(
    src: &str,
    sig: &[Token],
    base: usize,
    text: &mut Cow<str>,
    hints: &mut Hints,
) {
    let blank = |from: usize, to: usize, text: &mut Cow<str>| {
        let (s, e) = (from - base, to - base);
        text.to_mut().replace_range(s..e, &" ".repeat(e - s));
    };
    let Some(as_at) = sig.iter().position(|t| is_keyword(src, t, "as")) else {
        return;
    };
    if let Some(with_at) = sig[..as_at].iter().position(|t| is_keyword(src, t, "with")) {
        if sig.get(with_at + 1).is_some_and(|t| t.text(src) == "(") {
            let close = (with_at + 1..as_at)
                .rev()
                .find(|&j| sig[j].text(src) == ")");
            if let Some(close) = close {
                let inner = &src[sig[with_at + 1].end..sig[close].start];
                hints.view_options = inner
                    .split(',')
                    .map(|o| {
                        o.split('=')
                            .map(str::trim)
                            .collect::<Vec<_>>()
                            .join("=")
                            .to_ascii_lowercase()
                    })
                    .filter(|o| !o.is_empty())
                    .collect();
                blank(sig[with_at].start, sig[close].end, text);
            }
        }
    }
    let n = sig.len();
    let kw = |i: usize, k: &str| sig.get(i).is_some_and(|t| is_keyword(src, t, k));
    if n >= 3 && kw(n - 1, "option") && kw(n - 2, "check") {
        let (with_at, level) = if kw(n - 3, "with") {
            (n - 3, "cascaded")
        } else if n >= 4 && kw(n - 4, "with") && (kw(n - 3, "cascaded") || kw(n - 3, "local")) {
            (
                n - 4,
                if kw(n - 3, "local") {
                    "local"
                } else {
                    "cascaded"
                },
            )
        } else {
            return;
        };
        hints.check_option = Some(level.to_string());
        blank(sig[with_at].start, sig[n - 1].end, text);
    }
}

/// Where a CREATE EXTENSION's options start: after `[IF NOT EXISTS] name`.
fn option_start(src: &str, sig: &[Token], at: usize) -> usize {
    let if_not_exists = sig.get(at).is_some_and(|t| is_keyword(src, t, "if"));
    at + if if_not_exists { 4 } else { 1 }
}

/// The options after a CREATE EXTENSION's name when they are all understood (sqlparser
/// wants `WITH`, one order and a word for the version; PostgreSQL takes any order and a
/// string). `None` leaves the text to sqlparser.
fn lift_extension_options(src: &str, sig: &[Token], at: usize) -> Option<ExtensionOptions> {
    let mut i = option_start(src, sig, at);
    if i >= sig.len() {
        return None;
    }
    let kw = |i: usize, k: &str| sig.get(i).is_some_and(|t| is_keyword(src, t, k));
    if kw(i, "with") {
        i += 1;
    }
    let mut options = ExtensionOptions::default();
    while i < sig.len() {
        if kw(i, "schema") {
            options.schema = Some(token_ident(src, sig.get(i + 1)?)?);
            i += 2;
        } else if kw(i, "version") {
            let t = sig.get(i + 1)?;
            let raw = t.text(src);
            options.version = Some(match t.kind {
                // A plain '...' string (no E'' escapes).
                TokenKind::String if raw.starts_with('\'') && raw.len() >= 2 => {
                    raw[1..raw.len() - 1].replace("''", "'")
                }
                _ => token_ident(src, t)?.as_str().to_string(),
            });
            i += 2;
        } else if kw(i, "cascade") {
            i += 1;
        } else {
            return None;
        }
    }
    Some(options)
}

/// `DEFAULT <type> '<string>'` where sqlparser reads `<type>` as no type of its own
/// (`money`, a user type): PostgreSQL takes it as a typed literal, sqlparser as a syntax
/// error. The type word is blanked and recorded with the string's position.
fn lift_typed_literals(
    src: &str,
    sig: &[Token],
    base: usize,
    text: &mut Cow<str>,
    hints: &mut Hints,
) {
    for w in sig.windows(3) {
        let [default, word, string] = w else { continue };
        if !is_keyword(src, default, "default")
            || !matches!(word.kind, TokenKind::Word | TokenKind::QuotedIdent)
            || string.kind != TokenKind::String
            || !string.text(src).starts_with('\'')
            || !is_custom_type(word.text(src))
        {
            continue;
        }
        let Some(name) = token_ident(src, word) else {
            continue;
        };
        let before = &src[base..string.start];
        let line = before.matches('\n').count() as u64 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() as u64 + 1;
        hints.typed_literals.push(TypedLiteral {
            line,
            column,
            type_name: name.as_str().to_string(),
            quoted: word.kind == TokenKind::QuotedIdent,
        });
        let (s, e) = (word.start - base, word.end - base);
        text.to_mut().replace_range(s..e, &" ".repeat(e - s));
    }
}

/// Whether sqlparser reads `word` as a type name of no built-in kind (one it will not
/// accept before a string).
fn is_custom_type(word: &str) -> bool {
    let dialect = sqlparser::dialect::PostgreSqlDialect {};
    sqlparser::parser::Parser::new(&dialect)
        .try_with_sql(word)
        .and_then(|mut p| p.parse_data_type())
        .is_ok_and(|t| matches!(t, sqlparser::ast::DataType::Custom(..)))
}
