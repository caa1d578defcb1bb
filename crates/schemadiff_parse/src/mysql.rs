//! Finds MySQL syntax in CREATE TABLE statements (ENUM columns, inline INDEX/KEY,
//! AUTO_INCREMENT, UNSIGNED, backticks, ENGINE=) and says what to write instead.
//!
//! Works on tokens, not on sqlparser's AST: sqlparser accepts several of these
//! constructs even in its PostgreSQL dialect, and tokens keep exact positions.

use crate::ctx::FileCtx;
use crate::diagnostic::{Code, Diagnostic};
use crate::lex::{is_keyword, Token, TokenKind};

/// What was found, and how to rewrite the statement so the rest of it still loads
/// (no cascade of follow-on errors): byte ranges in the file and their replacement
/// (never longer than the range, so positions stay put).
#[derive(Debug, Default)]
pub struct Findings {
    pub diags: Vec<Diagnostic>,
    pub blanks: Vec<(usize, usize, &'static str)>,
}

/// Checks one statement, given its significant tokens.
pub fn check(file: &FileCtx, toks: &[Token]) -> Findings {
    let src: &str = &file.source.text;
    let mut out = Findings::default();
    for t in toks {
        if t.kind == TokenKind::BacktickIdent {
            // Same length: `name` -> "name".
            out.blanks.push((t.start, t.start + 1, "\""));
            out.blanks
                .push((t.end.saturating_sub(1).max(t.start + 1), t.end, "\""));
            let inner = t.text(src).trim_matches('`');
            out.diags.push(
                Diagnostic::error(
                    Code::MysqlBacktick,
                    "backtick-quoted identifier (MySQL syntax)",
                )
                .at(
                    file.location(t.start, t.end),
                    "PostgreSQL does not quote with backticks",
                )
                .with_help(format!(
                    "write `\"{inner}\"` (double quotes keep the exact case) or just `{}` unquoted",
                    inner.to_ascii_lowercase()
                )),
            );
        }
    }
    if let Some(table) = create_table_name(src, toks) {
        check_create_table(file, src, toks, &table, &mut out);
    }
    out
}

/// The written table name when the statement is `CREATE [..] TABLE [IF NOT EXISTS] name`.
fn create_table_name(src: &str, toks: &[Token]) -> Option<String> {
    if !toks.first().is_some_and(|t| is_keyword(src, t, "create")) {
        return None;
    }
    let table_at = toks
        .iter()
        .take(6)
        .position(|t| is_keyword(src, t, "table"))?;
    let mut i = table_at + 1;
    if toks.get(i).is_some_and(|t| is_keyword(src, t, "if")) {
        i += 3;
    }
    let mut name = String::new();
    while let Some(t) = toks.get(i) {
        if t.kind == TokenKind::Punct && t.text(src) == "(" {
            break;
        }
        name.push_str(t.text(src));
        i += 1;
    }
    Some(name)
}

fn check_create_table(file: &FileCtx, src: &str, toks: &[Token], table: &str, out: &mut Findings) {
    let Some(open) = toks
        .iter()
        .position(|t| t.kind == TokenKind::Punct && t.text(src) == "(")
    else {
        return;
    };
    let mut depth = 0usize;
    let mut element_start = open + 1;
    let mut close = toks.len();
    for (i, t) in toks.iter().enumerate().skip(open) {
        let text = t.text(src);
        if t.kind != TokenKind::Punct {
            continue;
        }
        match text {
            "(" => depth += 1,
            ")" => {
                depth -= 1;
                if depth == 0 {
                    if check_element(file, src, &toks[element_start..i], table, out) {
                        blank_element(src, toks, element_start, i, open, out);
                    }
                    close = i;
                    break;
                }
            }
            "," if depth == 1 => {
                if check_element(file, src, &toks[element_start..i], table, out) {
                    blank_element(src, toks, element_start, i, open, out);
                }
                element_start = i + 1;
            }
            _ => {}
        }
    }
    check_table_options(file, src, toks.get(close + 1..).unwrap_or(&[]), out);
}

/// Removes an inline index element and one comma next to it from what sqlparser sees.
fn blank_element(
    src: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    open: usize,
    out: &mut Findings,
) {
    let (Some(first), Some(last)) = (toks.get(start), toks.get(end.saturating_sub(1))) else {
        return;
    };
    let before = start
        .checked_sub(1)
        .filter(|&b| b > open)
        .and_then(|b| toks.get(b))
        .filter(|t| t.text(src) == ",");
    let after = toks.get(end).filter(|t| t.text(src) == ",");
    let (from, to) = match (before, after) {
        (Some(comma), _) => (comma.start, last.end),
        (None, Some(comma)) => (first.start, comma.end),
        (None, None) => (first.start, last.end),
    };
    out.blanks.push((from, to, ""));
}

/// Checks one element of the column list; true when it is an inline index (to remove).
fn check_element(file: &FileCtx, src: &str, el: &[Token], table: &str, out: &mut Findings) -> bool {
    let Some(first) = el.first() else {
        return false;
    };
    let kw = |t: &Token, k: &str| is_keyword(src, t, k);
    let inline_index =
        if (kw(first, "index") || kw(first, "key")) && looks_like_index(src, &el[1..]) {
            Some(0)
        } else if (kw(first, "unique") || kw(first, "fulltext") || kw(first, "spatial"))
            && el.get(1).is_some_and(|t| kw(t, "index") || kw(t, "key"))
        {
            Some(1)
        } else {
            None
        };
    if let Some(word_at) = inline_index {
        report_inline_index(file, src, el, word_at, table, out);
        return true;
    }
    const TABLE_CONSTRAINT_WORDS: [&str; 7] = [
        "constraint",
        "primary",
        "unique",
        "check",
        "foreign",
        "exclude",
        "like",
    ];
    let quoted = first.kind == TokenKind::QuotedIdent || first.kind == TokenKind::BacktickIdent;
    let column_word =
        first.kind == TokenKind::Word && !TABLE_CONSTRAINT_WORDS.iter().any(|k| kw(first, k));
    if !quoted && !column_word {
        return false;
    }
    let column = first.text(src).trim_matches(|c| c == '"' || c == '`');
    check_column(file, src, el, column, table, out);
    false
}

/// After `INDEX`/`KEY`: `(cols)`, `name (cols)` or `USING ...` is MySQL's inline index;
/// `text`, `varchar(10)` or `int NOT NULL` is a column that happens to be named `key`.
fn looks_like_index(src: &str, rest: &[Token]) -> bool {
    let is_open =
        |t: Option<&Token>| t.is_some_and(|t| t.kind == TokenKind::Punct && t.text(src) == "(");
    match rest.first() {
        None => false,
        Some(t) if is_open(Some(t)) => true,
        Some(t) if is_keyword(src, t, "using") => true,
        Some(t)
            if t.kind == TokenKind::Word
                || t.kind == TokenKind::QuotedIdent
                || t.kind == TokenKind::BacktickIdent =>
        {
            // `name (a, b)`: a column list holds names; a type modifier holds numbers.
            // `name USING method (cols)` names the index method.
            (is_open(rest.get(1)) && rest.get(2).is_some_and(|t| t.kind != TokenKind::Number))
                || rest.get(1).is_some_and(|t| is_keyword(src, t, "using"))
        }
        _ => false,
    }
}

fn report_inline_index(
    file: &FileCtx,
    src: &str,
    el: &[Token],
    word_at: usize,
    table: &str,
    out: &mut Findings,
) {
    let (Some(first), Some(last)) = (el.first(), el.last()) else {
        return;
    };
    let unique = is_keyword(src, first, "unique");
    let fulltext = is_keyword(src, first, "fulltext");
    let spatial = is_keyword(src, first, "spatial");
    // `INDEX [name] [USING method] (cols)`: the name is the word after INDEX unless it is USING.
    let name_tok = el
        .get(word_at + 1)
        .filter(|t| t.kind != TokenKind::Punct && !is_keyword(src, t, "using"));
    let name = name_tok.map(|t| unbacktick(t.text(src)));
    let rest_from = if name_tok.is_some() {
        word_at + 2
    } else {
        word_at + 1
    };
    let rest = el
        .get(rest_from)
        .map(|t| unbacktick(&src[t.start..last.end]))
        .unwrap_or_else(|| "(...)".to_string());
    let word = el[..=word_at]
        .iter()
        .map(|t| t.text(src).to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(" ");
    let table = unbacktick(table);
    let name_part = name.clone().map(|n| format!("{n} ")).unwrap_or_default();
    let help = if unique {
        format!(
            "declare a unique constraint instead: `CONSTRAINT {} UNIQUE {rest}`",
            name.unwrap_or_else(|| "<name>".to_string())
        )
    } else if fulltext {
        format!("PostgreSQL full-text search uses a GIN index over a tsvector: `CREATE INDEX {name_part}ON {table} USING gin (to_tsvector('simple', <column>));` after the CREATE TABLE")
    } else if spatial {
        format!("spatial indexes are GiST indexes in PostgreSQL (PostGIS): `CREATE INDEX {name_part}ON {table} USING gist {rest};` after the CREATE TABLE")
    } else {
        format!("PostgreSQL declares indexes separately: remove this line and add `CREATE INDEX {name_part}ON {table} {rest};` after the CREATE TABLE")
    };
    out.diags.push(
        Diagnostic::error(
            Code::MysqlInlineIndex,
            format!("inline `{word}` inside CREATE TABLE (MySQL syntax)"),
        )
        .at(
            file.location(first.start, last.end),
            "not valid in a PostgreSQL CREATE TABLE",
        )
        .with_help(help),
    );
}

fn check_column(
    file: &FileCtx,
    src: &str,
    el: &[Token],
    column: &str,
    table: &str,
    out: &mut Findings,
) {
    let kw = |t: &Token, k: &str| is_keyword(src, t, k);
    // `name ENUM ( 'a', 'b' )`
    if let (Some(ty), Some(paren)) = (el.get(1), el.get(2)) {
        if kw(ty, "enum") && paren.text(src) == "(" {
            let close = el
                .iter()
                .skip(2)
                .position(|t| t.text(src) == ")")
                .map(|i| i + 2)
                .unwrap_or(el.len() - 1);
            let values: Vec<&str> = el[3..close]
                .iter()
                .filter(|t| t.kind == TokenKind::String)
                .map(|t| t.text(src))
                .collect();
            let list = values.join(", ");
            let bare_table = table
                .rsplit('.')
                .next()
                .unwrap_or(table)
                .trim_matches(|c| c == '"' || c == '`');
            // sqlparser sees `text` in its place, so the rest of the table still loads.
            out.blanks.push((ty.start, el[close].end, "text"));
            out.diags.push(
                Diagnostic::error(Code::MysqlEnumColumn, format!("column `{column}` uses an inline ENUM(...) type (MySQL syntax)"))
                    .at(file.location(ty.start, el[close].end), "PostgreSQL has no inline ENUM column type")
                    .with_help(format!(
                        "use a CHECK constraint: `{column} text CHECK ({column} IN ({list}))`, or create a type first: `CREATE TYPE {bare_table}_{column} AS ENUM ({list});` and declare `{column} {bare_table}_{column}`"
                    )),
            );
        }
    }
    // MySQL display widths: `int(10)`, `bigint(20) unsigned`.
    const INTEGER_TYPES: [&str; 7] = [
        "int",
        "integer",
        "bigint",
        "smallint",
        "tinyint",
        "mediumint",
        "int4",
    ];
    if let (Some(ty), Some(open)) = (el.get(1), el.get(2)) {
        if open.text(src) == "(" && INTEGER_TYPES.iter().any(|k| kw(ty, k)) {
            if let Some(close) = el.iter().skip(3).find(|t| t.text(src) == ")") {
                out.blanks.push((open.start, close.end, ""));
                out.diags.push(
                    Diagnostic::error(Code::MysqlIntegerWidth, format!("column `{column}` gives an integer type a display width (MySQL syntax)"))
                        .at(file.location(ty.start, close.end), "PostgreSQL integer types take no width")
                        .with_help(format!("write `{column} {}` (or bigint/smallint for the range you need)", ty.text(src).to_ascii_lowercase())),
                );
            }
        }
    }
    // Only words of these lengths can be AUTO_INCREMENT, UNSIGNED or ZEROFILL.
    for t in el
        .iter()
        .skip(1)
        .filter(|t| t.kind == TokenKind::Word && matches!(t.end - t.start, 8 | 14))
    {
        if kw(t, "auto_increment") || kw(t, "unsigned") || kw(t, "zerofill") {
            out.blanks.push((t.start, t.end, ""));
        }
        if kw(t, "auto_increment") {
            out.diags.push(
                Diagnostic::error(
                    Code::MysqlAutoIncrement,
                    format!("column `{column}` uses AUTO_INCREMENT (MySQL syntax)"),
                )
                .at(file.location(t.start, t.end), "not PostgreSQL")
                .with_help(format!(
                    "use an identity column: `{column} bigint GENERATED BY DEFAULT AS IDENTITY`"
                )),
            );
        } else if kw(t, "unsigned") || kw(t, "zerofill") {
            let word = t.text(src).to_ascii_uppercase();
            out.diags.push(
                Diagnostic::error(Code::MysqlUnsigned, format!("column `{column}` is {word} (MySQL syntax)"))
                    .at(file.location(t.start, t.end), "PostgreSQL integers are always signed")
                    .with_help(format!(
                        "remove {word}; if negative values must be rejected add `CHECK ({column} >= 0)`, and pick a wider type (bigint) if the range matters"
                    )),
            );
        }
    }
}

/// MySQL table options after the column list: `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ...`.
fn check_table_options(file: &FileCtx, src: &str, rest: &[Token], out: &mut Findings) {
    const OPTIONS: [&str; 8] = [
        "engine",
        "auto_increment",
        "charset",
        "row_format",
        "character",
        "collate",
        "comment",
        "key_block_size",
    ];
    for (i, t) in rest.iter().enumerate() {
        let is_option = OPTIONS.iter().any(|o| is_keyword(src, t, o));
        // COLLATE/COMMENT/CHARACTER are options only in the `KEY=value` / CHARACTER SET form.
        let followed_by_eq = rest.get(i + 1).is_some_and(|n| n.text(src) == "=");
        let plain = is_keyword(src, t, "engine")
            || is_keyword(src, t, "charset")
            || is_keyword(src, t, "row_format")
            || is_keyword(src, t, "auto_increment");
        let char_set = is_keyword(src, t, "character")
            && rest.get(i + 1).is_some_and(|n| is_keyword(src, n, "set"));
        if is_option && (plain || followed_by_eq || char_set) {
            let end = rest.get(i + 2).filter(|_| followed_by_eq).unwrap_or(t).end;
            let word = t.text(src).to_ascii_uppercase();
            out.diags.push(
                Diagnostic::error(Code::MysqlTableOption, format!("table option `{word}` (MySQL syntax)"))
                    .at(file.location(t.start, end), "not a PostgreSQL table option")
                    .with_help("remove it: PostgreSQL has one storage engine, and encoding/collation are set per database or per column (`COLLATE \"...\"`)"),
            );
            // MySQL options run to the end of the statement; none of it is PostgreSQL.
            let from = if i > 0 && is_keyword(src, &rest[i - 1], "default") {
                rest[i - 1].start
            } else {
                t.start
            };
            if let Some(last) = rest.last() {
                out.blanks.push((from, last.end, ""));
            }
            break;
        }
    }
}

/// MySQL's `name` as PostgreSQL's "name" (for help lines that must be valid SQL).
fn unbacktick(text: &str) -> String {
    text.replace('`', "\"")
}
