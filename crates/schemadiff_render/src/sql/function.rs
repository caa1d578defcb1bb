//! Functions and procedures are written as the files have them; a replacement turns
//! the files' `CREATE` into `CREATE OR REPLACE`.

/// The definition with `OR REPLACE` after its leading `CREATE` (unless already there).
pub fn replace_function(definition: &str) -> String {
    let start = skip_comments(definition);
    let rest = &definition[start..];
    let Some(after) = strip_word(rest, "create") else {
        return definition.to_string();
    };
    let trimmed = after.trim_start();
    if strip_word(trimmed, "or").is_some() {
        return definition.to_string();
    }
    let create_end = start + (rest.len() - after.len());
    format!(
        "{} OR REPLACE{}",
        &definition[..create_end],
        &definition[create_end..]
    )
}

/// Where the first token is, past whitespace and comments.
fn skip_comments(s: &str) -> usize {
    let mut i = 0;
    loop {
        let rest = &s[i..];
        let trimmed = rest.trim_start();
        i += rest.len() - trimmed.len();
        if trimmed.starts_with("--") {
            i += trimmed.find('\n').map_or(trimmed.len(), |n| n + 1);
        } else if trimmed.starts_with("/*") {
            i += trimmed.find("*/").map_or(trimmed.len(), |n| n + 2);
        } else {
            return i;
        }
    }
}

/// `s` after a leading keyword (any case) followed by a non-word character.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    let rest = &s[word.len()..];
    let boundary = rest
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
    (head.eq_ignore_ascii_case(word) && boundary).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_becomes_create_or_replace() {
        assert_eq!(
            replace_function("CREATE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql"),
            "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql"
        );
        assert_eq!(
            replace_function("-- c\ncreate procedure p() language sql as 'select 1'"),
            "-- c\ncreate OR REPLACE procedure p() language sql as 'select 1'"
        );
        let already = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'";
        assert_eq!(replace_function(already), already);
    }
}
