//! The common CREATE INDEX (plain column keys, no expressions or predicate) read
//! straight from tokens. Two thirds of a typical schema's statements are indexes,
//! and sqlparser's tokenizer is the loader's main cost; anything unusual falls back
//! to sqlparser, and a test checks both paths agree.

use crate::ctx::Ctx;
use crate::lex::{is_keyword, Token, TokenKind};
use crate::pending::{Expect, Reference};
use schemadiff_model::{Ident, Index, IndexKey, IndexTarget, QualifiedName};

/// Returns false (having changed nothing) when the statement is not of the simple form.
pub fn create_index(ctx: &mut Ctx, src: &str, toks: &[Token]) -> bool {
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
        .map(|(column, descending, nulls_first)| IndexKey {
            target: IndexTarget::Column(column.clone()),
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
                .map(|(c, _, _)| Some(c.as_str().to_string()))
                .collect();
            ctx.pending.unnamed_indexes.push((index, hints));
        }
    }
    true
}

/// A key column: name, DESC, NULLS FIRST (Some(true)) / LAST (Some(false)).
type Key = (Ident, bool, Option<bool>);

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
        if cols.iter().any(|(_, d, n)| *d || n.is_some()) {
            return None;
        }
        include = cols.into_iter().map(|(c, _, _)| c).collect();
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
        let column = ident(src, toks.get(at)?)?;
        at += 1;
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
        keys.push((column, descending, nulls_first));
        match toks.get(at)?.text(src) {
            "," => at += 1,
            ")" => return Some((keys, at + 1)),
            _ => return None,
        }
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
