//! Identifier words in SQL text, for the references the model does not record
//! (views without `refs`, columns used in expressions).
//!
//! This is a scan, not a parse: it may find a word that is not a reference (a column
//! alias, a string-free comment), which only makes the differ recreate a little more.

use schemadiff_model::Ident;

/// The identifiers in `sql` in stored form: unquoted words folded to lower case,
/// quoted ones verbatim. String literals are skipped.
pub(crate) fn words(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\'' {
            // '...' with '' escapes.
            i += 1;
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            i += 1;
        } else if c == b'"' {
            let start = i + 1;
            let mut word = String::new();
            i += 1;
            let mut seg = start;
            while i < b.len() {
                if b[i] == b'"' {
                    word.push_str(&sql[seg..i]);
                    if b.get(i + 1) == Some(&b'"') {
                        word.push('"');
                        i += 2;
                        seg = i;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            if i >= b.len() {
                word.push_str(&sql[seg.min(b.len())..]);
            }
            out.push(word);
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$' || b[i] >= 0x80)
            {
                i += 1;
            }
            out.push(sql[start..i].to_ascii_lowercase());
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `sql` mentions the identifier `name`, or selects `*` (which may expand to it).
pub(crate) fn mentions(sql: &str, name: &Ident) -> bool {
    sql.contains('*') || words(sql).iter().any(|w| w == name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_unquoted_keeps_quoted_and_skips_strings() {
        assert_eq!(
            words(r#"SELECT Id, "Name" FROM core.users WHERE x = 'users' AND y = 1.5e3"#),
            ["select", "id", "Name", "from", "core", "users", "where", "x", "and", "y"]
        );
    }

    #[test]
    fn star_counts_as_a_mention() {
        assert!(mentions("select * from t", &Ident::new("anything")));
        assert!(mentions("select a, b from t", &Ident::new("b")));
        assert!(!mentions("select a, b from t", &Ident::new("c")));
    }
}
