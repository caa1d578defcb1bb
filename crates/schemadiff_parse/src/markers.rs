//! `-- schemadiff:renamed-from <old_name>` markers: before a statement (tables, indexes,
//! views), and inside a CREATE TABLE body for its columns and table constraints.
//!
//! Inside a body a marker belongs to the element on whose line it trails
//! (`code text, -- schemadiff:renamed-from old_code`), or else to the element that
//! follows it on the next line (only comment lines in between). A marker without a
//! name, or that belongs to no element, is reported as a warning and changes nothing.

use crate::ctx::FileCtx;
use crate::diagnostic::{Code, Diagnostic};
use crate::lex::{Token, TokenKind};
use schemadiff_model::Ident;

const MARKER: &str = "schemadiff:renamed-from";

/// What a line comment says: `None` when it is not a marker, `Some(None)` when it is
/// one without a usable name.
pub fn parse(comment: &str) -> Option<Option<Ident>> {
    let text = comment.strip_prefix("--")?.trim();
    let rest = text.strip_prefix(MARKER)?;
    // `schemadiff:renamed-from:old`, `...=old`: the name must follow a space.
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return Some(None);
    }
    // The first token after the marker: a plain or double-quoted name, then a space or
    // the end (anything after it is free text).
    let rest = rest.trim_start();
    let (tokens, errors) = crate::lex::lex(rest);
    let Some(first) = tokens.first().filter(|_| errors.is_empty()) else {
        return Some(None);
    };
    let ends_cleanly = tokens
        .get(1)
        .is_none_or(|t| t.kind == TokenKind::Whitespace);
    if !ends_cleanly {
        return Some(None);
    }
    Some(crate::ctx::token_ident(rest, first).filter(|n| !n.as_str().is_empty()))
}

/// `-- schemadiff:renamed-from` without a name (or with a malformed one): a warning at it.
pub fn malformed(file: &FileCtx, start: usize, end: usize) -> Diagnostic {
    Diagnostic::warning(
        Code::MalformedMarker,
        "`schemadiff:renamed-from` marker without a valid old name; ignored",
    )
    .at(file.location(start, end), "no old name here")
    .with_help(
        "write `-- schemadiff:renamed-from old_name` (double-quote a name that needs quotes)",
    )
}

/// The markers of a CREATE TABLE body: for each element (column or table constraint)
/// that has one, the element's byte span in the file and its old name. `tokens` are the
/// statement's tokens (trivia included), `open` the index in it of the body's `(`.
pub fn table_body(
    file: &FileCtx,
    tokens: &[Token],
    open: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, usize, Ident)> {
    let src: &str = &file.source.text;
    let elements = elements(src, tokens, open);
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate().skip(open + 1) {
        if t.kind != TokenKind::LineComment {
            continue;
        }
        let Some(name) = parse(t.text(src)) else {
            continue;
        };
        let Some(name) = name else {
            diags.push(malformed(file, t.start, t.end));
            continue;
        };
        match owner(src, tokens, &elements, i) {
            Some(e) => out.push((tokens[e.first].start, tokens[e.last].end, name)),
            None => diags.push(
                Diagnostic::warning(
                    Code::MalformedMarker,
                    "`schemadiff:renamed-from` marker next to no column or constraint; ignored",
                )
                .at(file.location(t.start, t.end), "belongs to nothing here")
                .with_help(
                    "put it at the end of the column's line, or on the line right before it",
                ),
            ),
        }
    }
    out
}

/// One column or table constraint of the body: token indices of its first and last
/// significant tokens.
#[derive(Debug)]
struct Element {
    first: usize,
    last: usize,
}

fn elements(src: &str, tokens: &[Token], open: usize) -> Vec<Element> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let (mut first, mut last) = (None, 0);
    for (i, t) in tokens.iter().enumerate().skip(open + 1) {
        if t.is_trivia() {
            continue;
        }
        let text = t.text(src);
        let punct = t.kind == TokenKind::Punct;
        if punct && depth == 0 && (text == "," || text == ")") {
            if let Some(first) = first.take() {
                out.push(Element { first, last });
            }
            if text == ")" {
                break;
            }
            continue;
        }
        match (punct, text) {
            (true, "(" | "[") => depth += 1,
            (true, ")" | "]") => depth = depth.saturating_sub(1),
            _ => {}
        }
        first.get_or_insert(i);
        last = i;
    }
    out
}

/// The element the marker comment at token `at` belongs to.
fn owner<'e>(
    src: &str,
    tokens: &[Token],
    elements: &'e [Element],
    at: usize,
) -> Option<&'e Element> {
    let line_break =
        |from: usize, to: usize| tokens[from..to].iter().any(|t| t.text(src).contains('\n'));
    // Trailing: on a line where the element (or its `,`) has tokens before the marker.
    if let Some(e) = elements.iter().rev().find(|e| e.first < at) {
        let before = (e.first..at).rev().find(|&i| !tokens[i].is_trivia());
        if before.is_some_and(|p| !line_break(p + 1, at)) {
            return Some(e);
        }
    }
    // Leading: the next element, with only comment lines (no blank line) in between.
    let next = elements.iter().find(|e| e.first > at)?;
    let between = &tokens[at + 1..next.first];
    let only_comments = between.iter().all(Token::is_trivia);
    let blank_line = between
        .iter()
        .any(|t| t.kind == TokenKind::Whitespace && t.text(src).matches('\n').count() > 1);
    // The comment ends its own line; a blank line shows as two breaks in one whitespace.
    (only_comments && !blank_line).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_names_and_flags_malformed_markers() {
        let name = |c: &str| parse(c).map(|n| n.map(|i| i.as_str().to_string()));
        assert_eq!(
            name("-- schemadiff:renamed-from Old_Name"),
            Some(Some("old_name".into()))
        );
        assert_eq!(
            name("--schemadiff:renamed-from \"Old Name\""),
            Some(Some("Old Name".into()))
        );
        assert_eq!(
            name("-- schemadiff:renamed-from \"OldName\" (was)"),
            Some(Some("OldName".into()))
        );
        assert_eq!(name("-- schemadiff:renamed-from"), Some(None));
        assert_eq!(name("-- schemadiff:renamed-from   "), Some(None));
        assert_eq!(name("-- schemadiff:renamed-from:old"), Some(None));
        assert_eq!(name("-- schemadiff:renamed-from \"\""), Some(None));
        assert_eq!(name("-- schemadiff:renamed-from old-name"), Some(None));
        assert_eq!(name("-- a comment"), None);
        assert_eq!(name("-- see schemadiff:renamed-from x"), None);
    }
}
