//! Expression text for `schemadiff dump` that PostgreSQL stores back exactly as it was.
//!
//! A dump writes expressions as the server deparsed them (`pg_get_constraintdef`,
//! `pg_get_expr`, `pg_get_viewdef`). That text is not always a fixpoint: for
//! `c IN ('a', 'b')` on a `varchar` column the server stores an array of varchar
//! constants coerced as a whole to `text[]`, deparsed as
//! `(ARRAY['a'::character varying, 'b'::character varying])::text[]`. Reparsing that
//! text pushes the `::text[]` cast into the ARRAY constructor's elements
//! (`ARRAY[('a'::character varying)::text, ...]`), a different stored expression, so a
//! reloaded dump would differ from its source. Casting the constructor to its own
//! element type first, `((ARRAY[...])::character varying[])::text[]`, keeps the outer
//! cast outside the constructor: PostgreSQL then stores (and deparses) exactly the
//! original expression.
//!
//! A call of a variadic function (`jsonb_extract_path_text(j, 'a', 'b')`) is deparsed
//! with its spread arguments collected, `jsonb_extract_path_text(j, VARIADIC
//! ARRAY['a'::text, 'b'::text])`: valid PostgreSQL, but not SQL schemadiff's parser
//! reads. PostgreSQL stores both spellings as the same call (the parser collects spread
//! arguments into that array and marks the call variadic), so the dump spreads them
//! again. [`stabilize_catalog`] rewrites every deparsed expression so.

use schemadiff_model::{Catalog, ConstraintKind, Expr, IndexTarget, TypeDef};

/// Rewrites every server-deparsed expression of `c` into text that reparses to the same
/// stored expression (see the module doc). Function bodies and trigger definitions are
/// kept: they are not deparsed expressions.
pub fn stabilize_catalog(c: &mut Catalog) {
    let fix = |e: &mut Expr| e.sql = stabilize(&e.sql);
    for t in c.tables.values_mut() {
        for col in &mut t.columns {
            col.default.iter_mut().for_each(fix);
            col.generated.as_deref_mut().into_iter().for_each(fix);
        }
        for con in t.constraints.values_mut() {
            match &mut con.kind {
                ConstraintKind::Check { expr, .. } => fix(expr),
                ConstraintKind::Exclusion { predicate, .. } => predicate.iter_mut().for_each(fix),
                _ => {}
            }
        }
    }
    for ix in c.indexes.values_mut() {
        ix.predicate.iter_mut().for_each(fix);
        for key in &mut ix.keys {
            if let IndexTarget::Expression(e) = &mut key.target {
                fix(e);
            }
        }
    }
    for p in c.policies.values_mut() {
        p.using.iter_mut().for_each(fix);
        p.with_check.iter_mut().for_each(fix);
    }
    for ty in c.types.values_mut() {
        if let TypeDef::Domain {
            default, checks, ..
        } = &mut ty.def
        {
            default.iter_mut().for_each(fix);
            checks.iter_mut().for_each(|(_, e)| fix(e));
        }
    }
    for v in c.views.values_mut() {
        v.query = stabilize(&v.query);
    }
}

/// `ARRAY['a'::U, 'b'::U]::T[]` becomes `ARRAY['a'::U, 'b'::U]::U[]::T[]` (and the
/// parenthesized `(ARRAY[...])::T[]` of non-pretty deparse
/// `((ARRAY[...])::U[])::T[]`) when every element is a literal cast to the same `U` and
/// `T` differs; everything else (including text inside literals and quoted
/// identifiers) is copied unchanged.
pub fn stabilize(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut i = 0;
    while i < sql.len() {
        let rest = &sql[i..];
        let word_before = sql[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
        if !word_before && rest.starts_with(VARIADIC_ARRAY) {
            if let Some((elements, len)) = variadic_array(rest) {
                out.push_str(&stabilize(elements));
                i += len;
                continue;
            }
        }
        if !word_before && (rest.starts_with("ARRAY[") || rest.starts_with("(ARRAY[")) {
            if let Some((replacement, len)) = coerced_array(rest) {
                out.push_str(&replacement);
                i += len;
                continue;
            }
        }
        // Copy one token's worth: a whole quoted literal or identifier, else one char.
        let len = match rest.as_bytes()[0] {
            q @ (b'\'' | b'"') => quoted_len(rest, q),
            _ => rest.chars().next().map_or(1, char::len_utf8),
        };
        out.push_str(&rest[..len]);
        i += len;
    }
    out
}

/// At `ARRAY[` or `(ARRAY[` in `s`: the rewritten text and the length it replaces,
/// when the pattern applies.
fn coerced_array(s: &str) -> Option<(String, usize)> {
    let parenthesized = s.starts_with('(');
    let open = s.find('[')?;
    let close = matching_bracket(s, open)?;
    let after = s.get(close + 1..)?;
    let cast_prefix = if parenthesized { ")::" } else { "::" };
    let cast = after.strip_prefix(cast_prefix)?;
    let target_len = type_len(cast)?;
    let target = &cast[..target_len];
    if !target.ends_with("[]") {
        return None;
    }
    let elements = split_top_level(&s[open + 1..close])?;
    let mut element_type: Option<&str> = None;
    for e in &elements {
        let ty = literal_cast_type(e)?;
        match element_type {
            None => element_type = Some(ty),
            Some(u) if u == ty => {}
            Some(_) => return None,
        }
    }
    let u = element_type?;
    if format!("{u}[]") == target {
        return None;
    }
    let len = close + 1 + cast_prefix.len() + target_len;
    let text = if parenthesized {
        let array = &s[1..=close];
        format!("(({array})::{u}[])::{target}")
    } else {
        let array = &s[..=close];
        format!("{array}::{u}[]::{target}")
    };
    Some((text, len))
}

const VARIADIC_ARRAY: &str = "VARIADIC ARRAY[";

/// At `VARIADIC ARRAY[e1, ...]` as a call's last argument (`)` follows): the elements'
/// text and the length of the array it replaces. An empty array has nothing to spread,
/// and `VARIADIC` before anything but an ARRAY constructor cannot be spread.
fn variadic_array(s: &str) -> Option<(&str, usize)> {
    let open = VARIADIC_ARRAY.len() - 1;
    let close = matching_bracket(s, open)?;
    if !s.get(close + 1..)?.trim_start().starts_with(')') {
        return None;
    }
    let elements = s[open + 1..close].trim();
    (!elements.is_empty()).then_some((elements, close + 1))
}

/// The index of the `]` closing the `[` at `open`, skipping quoted text.
fn matching_bracket(s: &str, open: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'\'' | b'"') => {
                i += quoted_len(&s[i..], q);
                continue;
            }
            b'[' | b'(' => depth += 1,
            b']' | b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return (bytes[i] == b']').then_some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Splits `a, b, c` at top-level commas (not inside quotes, parentheses or brackets).
fn split_top_level(s: &str) -> Option<Vec<&str>> {
    let bytes = s.as_bytes();
    let (mut depth, mut start, mut i) = (0usize, 0usize, 0usize);
    let mut parts = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'\'' | b'"') => {
                i += quoted_len(&s[i..], q);
                continue;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.checked_sub(1)?,
            b',' if depth == 0 => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(s[start..].trim());
    Some(parts)
}

/// `'lit'::type` → `type` (the whole element must be one quoted literal and one cast).
fn literal_cast_type(e: &str) -> Option<&str> {
    if !e.starts_with('\'') {
        return None;
    }
    let lit = quoted_len(e, b'\'');
    let ty = e.get(lit..)?.strip_prefix("::")?;
    (type_len(ty)? == ty.len()).then_some(ty)
}

/// The length of the type name at the start of `s` (`character varying(10)[]`,
/// `public."My Type"`, `text[]`): words, dots, quoted names, one parenthesized typmod
/// and `[]` suffixes.
fn type_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i += quoted_len(&s[i..], b'"'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' => i += 1,
            // "character varying", "double precision", "timestamp with time zone".
            b' ' if bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => i += 1,
            b'(' => i += s[i..].find(')')? + 1,
            b'[' if bytes.get(i + 1) == Some(&b']') => i += 2,
            _ => break,
        }
    }
    (i > 0).then_some(i)
}

/// Length of the quoted text starting at `s[0]` (`q` doubled inside is an escape).
fn quoted_len(s: &str, q: u8) -> usize {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == q {
            if bytes.get(i + 1) == Some(&q) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::stabilize;

    #[test]
    fn casts_a_coerced_varchar_array_to_its_own_type_first() {
        assert_eq!(
            stabilize("((k)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"),
            "((k)::text = ANY (((ARRAY['a'::character varying, 'b'::character varying])::character varying[])::text[]))"
        );
        assert_eq!(
            stabilize("(c)::text = ANY ((ARRAY['x, ]y'::character varying(5)])::text[])"),
            "(c)::text = ANY (((ARRAY['x, ]y'::character varying(5)])::character varying(5)[])::text[])"
        );
    }

    #[test]
    fn handles_the_pretty_deparse_too() {
        assert_eq!(
            stabilize("k::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])"),
            "k::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::character varying[]::text[])"
        );
    }

    #[test]
    fn spreads_the_arguments_of_a_variadic_call() {
        assert_eq!(
            stabilize("jsonb_extract_path_text(col, VARIADIC ARRAY['foo'::text, 'bar'::text])"),
            "jsonb_extract_path_text(col, 'foo'::text, 'bar'::text)"
        );
        // Nested calls and coerced arrays inside the elements are rewritten too.
        assert_eq!(
            stabilize("f(VARIADIC ARRAY[g(VARIADIC ARRAY['a]'::text]), (ARRAY['x'::character varying])::text[]])"),
            "f(g('a]'::text), ((ARRAY['x'::character varying])::character varying[])::text[])"
        );
        // Not spreadable: an empty array, an array that is not the last argument, a
        // VARIADIC before something other than ARRAY[...], text inside a literal.
        for sql in [
            "f(VARIADIC ARRAY[]::text[])",
            "f(VARIADIC ARRAY['a'::text]::text[])",
            "f(VARIADIC col)",
            "'f(VARIADIC ARRAY[''a''::text])'",
            "XVARIADIC ARRAY['a'::text])",
        ] {
            assert_eq!(stabilize(sql), sql);
        }
    }

    #[test]
    fn leaves_everything_else_alone() {
        for sql in [
            "((j)::text = ANY (ARRAY['x'::text, 'y'::text]))",
            "(n = ANY (ARRAY[1.5, (2)::numeric]))",
            "(ARRAY['a'::text, 'b'::text])::text[]",
            "(ARRAY['a'::character varying, 'b'::text])::text[]",
            "(ARRAY[x, y])::text[]",
            "'(ARRAY[''a''::character varying])::text[]'",
            "(ARRAY['a'::character varying])::text",
            "ARRAY['a'::text]::text[]",
            "XARRAY['a'::character varying]::text[]",
            "ARRAY['a'::character varying::text, 'b'::character varying::text]",
            "(ARRAY['unterminated",
            "ARRAY['é'::character varying] ünïcode",
        ] {
            assert_eq!(stabilize(sql), sql);
        }
    }
}
