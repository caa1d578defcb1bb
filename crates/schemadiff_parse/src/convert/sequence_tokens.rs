//! CREATE SEQUENCE read from tokens: sqlparser insists on one option order,
//! PostgreSQL accepts any, and sequences are simple enough to read directly.

use crate::ctx::Ctx;
use crate::lex::{lex, Token, TokenKind};
use crate::pending::Expect;
use schemadiff_model::{Ident, QualifiedName, Sequence};
use sqlparser::tokenizer::Span;

/// Returns false when the text is not a CREATE SEQUENCE this reader understands.
pub fn create_sequence(ctx: &mut Ctx) -> bool {
    let text = ctx.text().to_string();
    let (tokens, errors) = lex(&text);
    if !errors.is_empty() {
        return false;
    }
    let toks: Vec<Token> = tokens.into_iter().filter(|t| !t.is_trivia()).collect();
    let mut r = Reader {
        text: &text,
        toks: &toks,
        at: 0,
    };
    if !r.word("create") {
        return false;
    }
    let _ = r.word("temporary") || r.word("temp") || r.word("unlogged");
    if !r.word("sequence") {
        return false;
    }
    if r.word("if") && !(r.word("not") && r.word("exists")) {
        return false;
    }
    let Some(parts) = r.name() else { return false };
    let name = ctx.qualify_parts(&parts);
    let mut seq = Sequence::new(name.clone(), ctx.meta());
    while r.at < toks.len() {
        if r.word("as") {
            let Some(ty) = r.word_text() else {
                return false;
            };
            seq.data_type = match schemadiff_model::types::canonicalize_builtin(&ty, None) {
                Some(schemadiff_model::Canonical::Type(t)) => Some(t),
                _ => return false,
            };
        } else if r.word("increment") {
            let _ = r.word("by");
            let Some(n) = r.number() else { return false };
            seq.increment = Some(n);
        } else if r.word("minvalue") {
            let Some(n) = r.number() else { return false };
            seq.min_value = Some(n);
        } else if r.word("maxvalue") {
            let Some(n) = r.number() else { return false };
            seq.max_value = Some(n);
        } else if r.word("start") {
            let _ = r.word("with");
            let Some(n) = r.number() else { return false };
            seq.start = Some(n);
        } else if r.word("cache") {
            let Some(n) = r.number() else { return false };
            seq.cache = Some(n);
        } else if r.word("cycle") {
            seq.cycle = true;
        } else if r.word("no") {
            if r.word("cycle") {
                seq.cycle = false;
            } else if !(r.word("minvalue") || r.word("maxvalue")) {
                return false;
            }
        } else if r.word("owned") {
            if !r.word("by") {
                return false;
            }
            if r.word("none") {
                continue;
            }
            let Some(parts) = r.name() else { return false };
            if parts.len() < 2 {
                return false;
            }
            let (table_parts, column) = parts.split_at(parts.len() - 1);
            let table = ctx.qualify_parts(table_parts);
            ctx.expect(
                Expect::Table,
                table.clone(),
                Span::empty(),
                format!("sequence {name} (OWNED BY)"),
            );
            seq.owned_by = Some((table, column[0].clone()));
        } else {
            return false;
        }
    }
    ctx.expect(
        Expect::Schema,
        QualifiedName::new(name.schema.clone(), name.schema.clone()),
        Span::empty(),
        format!("sequence {name}"),
    );
    if let Err(dup) = ctx.catalog.add_sequence(seq) {
        ctx.duplicate(*dup);
    }
    true
}

struct Reader<'a> {
    text: &'a str,
    toks: &'a [Token],
    at: usize,
}

impl Reader<'_> {
    fn word(&mut self, kw: &str) -> bool {
        let hit = self
            .toks
            .get(self.at)
            .is_some_and(|t| crate::lex::is_keyword(self.text, t, kw));
        if hit {
            self.at += 1;
        }
        hit
    }

    fn word_text(&mut self) -> Option<String> {
        let t = self
            .toks
            .get(self.at)
            .filter(|t| t.kind == TokenKind::Word)?;
        self.at += 1;
        Some(t.text(self.text).to_string())
    }

    /// A signed integer.
    fn number(&mut self) -> Option<i64> {
        let negative = self
            .toks
            .get(self.at)
            .is_some_and(|t| t.text(self.text) == "-");
        if negative {
            self.at += 1;
        }
        let t = self
            .toks
            .get(self.at)
            .filter(|t| t.kind == TokenKind::Number)?;
        self.at += 1;
        let n: i64 = t.text(self.text).replace('_', "").parse().ok()?;
        Some(if negative { -n } else { n })
    }

    /// `a`, `a.b`, `"A".b.c`: the parts of a dotted name.
    fn name(&mut self) -> Option<Vec<Ident>> {
        let mut parts = Vec::new();
        loop {
            let t = self.toks.get(self.at)?;
            let part = crate::ctx::token_ident(self.text, t)?;
            parts.push(part);
            self.at += 1;
            if self
                .toks
                .get(self.at)
                .is_some_and(|t| t.text(self.text) == ".")
            {
                self.at += 1;
            } else {
                return Some(parts);
            }
        }
    }
}
