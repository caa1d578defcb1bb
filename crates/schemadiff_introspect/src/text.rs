//! Small helpers over server-rendered SQL text: CHECK bodies, top-level comma lists.

/// `CHECK ((a > 0)) NOT VALID` -> `(a > 0)`: the expression inside `CHECK (...)`.
/// Text that does not have that shape is returned unchanged.
pub(crate) fn check_body(def: &str) -> String {
    let def = def.trim();
    let def = def.strip_suffix("NOT VALID").map_or(def, str::trim_end);
    let def = def.strip_suffix("NO INHERIT").map_or(def, str::trim_end);
    match def
        .strip_prefix("CHECK (")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        Some(inner) => inner.to_string(),
        None => def.to_string(),
    }
}

/// Splits `a, f(b, c), 'x,y'` at commas outside parentheses, brackets and quotes.
/// Server-rendered text never uses dollar quotes, so `'` and `"` are the only quotes.
pub(crate) fn split_top_level(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match quote {
            // A doubled quote closes and reopens: same result as toggling twice.
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(s[start..i].trim().to_string());
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    let last = s[start..].trim();
    if !last.is_empty() || !parts.is_empty() {
        parts.push(last.to_string());
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_bodies() {
        assert_eq!(check_body("CHECK (a > 0)"), "a > 0");
        assert_eq!(check_body("CHECK ((a > 0)) NOT VALID"), "(a > 0)");
        assert_eq!(check_body("CHECK (a > 0) NO INHERIT"), "a > 0");
        assert_eq!(check_body("weird"), "weird");
    }

    #[test]
    fn top_level_commas() {
        assert_eq!(
            split_top_level("'x,y'::text, f(1, 2), ARRAY[1, 2], \"a,b\""),
            vec!["'x,y'::text", "f(1, 2)", "ARRAY[1, 2]", "\"a,b\""]
        );
        assert_eq!(split_top_level("'it''s, ok'"), vec!["'it''s, ok'"]);
        assert!(split_top_level("").is_empty());
    }
}
