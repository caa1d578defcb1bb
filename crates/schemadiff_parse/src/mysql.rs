//! Finds MySQL syntax in CREATE TABLE statements (ENUM columns, inline INDEX/KEY,
//! AUTO_INCREMENT, UNSIGNED, backticks, ENGINE=) and says what to write instead.
//!
//! Works on tokens, not on sqlparser's AST: sqlparser accepts several of these
//! constructs even in its PostgreSQL dialect, and tokens keep exact positions.

use crate::ctx::FileCtx;
use crate::diagnostic::{Code, Diagnostic};
use crate::lex::{is_keyword, Token, TokenKind};
use crate::split::{significant, RawStatement};

pub fn check(file: &FileCtx, tokens: &[Token], stmt: &RawStatement) -> Vec<Diagnostic> {
    let src: &str = &file.source.text;
    let toks: Vec<Token> = significant(tokens, stmt.tokens.clone())
        .map(|(_, t)| *t)
        .collect();
    let mut out = Vec::new();
    for t in &toks {
        if t.kind == TokenKind::BacktickIdent {
            let inner = t.text(src).trim_matches('`');
            out.push(
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
    if let Some(table) = create_table_name(src, &toks) {
        check_create_table(file, src, &toks, &table, &mut out);
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

fn check_create_table(
    file: &FileCtx,
    src: &str,
    toks: &[Token],
    table: &str,
    out: &mut Vec<Diagnostic>,
) {
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
                    check_element(file, src, &toks[element_start..i], table, out);
                    close = i;
                    break;
                }
            }
            "," if depth == 1 => {
                check_element(file, src, &toks[element_start..i], table, out);
                element_start = i + 1;
            }
            _ => {}
        }
    }
    check_table_options(file, src, toks.get(close + 1..).unwrap_or(&[]), out);
}

fn check_element(file: &FileCtx, src: &str, el: &[Token], table: &str, out: &mut Vec<Diagnostic>) {
    let Some(first) = el.first() else { return };
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
        return;
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
        return;
    }
    let column = first
        .text(src)
        .trim_matches(|c| c == '"' || c == '`')
        .to_string();
    check_column(file, src, el, &column, table, out);
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
    out: &mut Vec<Diagnostic>,
) {
    let (Some(first), Some(last)) = (el.first(), el.last()) else {
        return;
    };
    let unique = is_keyword(src, first, "unique");
    let name = el
        .get(word_at + 1)
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text(src).to_string());
    let cols_start = el
        .iter()
        .position(|t| t.kind == TokenKind::Punct && t.text(src) == "(");
    let cols = cols_start
        .map(|i| src[el[i].start..last.end].to_string())
        .unwrap_or_else(|| "(...)".to_string());
    let word = el[word_at].text(src).to_ascii_uppercase();
    let help = if unique {
        format!(
            "declare a unique constraint instead: `CONSTRAINT {} UNIQUE {cols}`",
            name.unwrap_or_else(|| "<name>".to_string())
        )
    } else {
        format!(
            "PostgreSQL declares indexes separately: remove this line and add `CREATE INDEX {} ON {table} {cols};` after the CREATE TABLE",
            name.unwrap_or_default()
        )
        .replace("INDEX  ON", "INDEX ON")
    };
    out.push(
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
    out: &mut Vec<Diagnostic>,
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
            let bare_table = table.rsplit('.').next().unwrap_or(table).trim_matches('"');
            out.push(
                Diagnostic::error(Code::MysqlEnumColumn, format!("column `{column}` uses an inline ENUM(...) type (MySQL syntax)"))
                    .at(file.location(ty.start, el[close].end), "PostgreSQL has no inline ENUM column type")
                    .with_help(format!(
                        "use a CHECK constraint: `{column} text CHECK ({column} IN ({list}))`, or create a type first: `CREATE TYPE {bare_table}_{column} AS ENUM ({list});` and declare `{column} {bare_table}_{column}`"
                    )),
            );
        }
    }
    for t in el.iter().skip(1) {
        if kw(t, "auto_increment") {
            out.push(
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
            out.push(
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
fn check_table_options(file: &FileCtx, src: &str, rest: &[Token], out: &mut Vec<Diagnostic>) {
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
            out.push(
                Diagnostic::error(Code::MysqlTableOption, format!("table option `{word}` (MySQL syntax)"))
                    .at(file.location(t.start, end), "not a PostgreSQL table option")
                    .with_help("remove it: PostgreSQL has one storage engine, and encoding/collation are set per database or per column (`COLLATE \"...\"`)"),
            );
            break;
        }
    }
}
