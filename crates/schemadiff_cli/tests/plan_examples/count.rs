//! Counts `CREATE <kind>` statements in SQL text with a plain word scan, independently
//! of schemadiff's parser: comments, string literals and dollar-quoted bodies are skipped.

use std::collections::BTreeMap;

/// Words that may sit between CREATE and the object kind.
const MODIFIERS: &[&str] = &[
    "or",
    "replace",
    "unlogged",
    "temp",
    "temporary",
    "recursive",
];

/// The lower-cased words of `sql` outside comments, literals and dollar quotes;
/// a double-quoted identifier is one word with its exact text.
pub fn words(sql: &str) -> Vec<String> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
        if rest == "--" {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '\'' || c == '"' {
            let start = i + 1;
            i += 1;
            while i < chars.len() {
                if chars[i] == c && chars.get(i + 1) == Some(&c) {
                    i += 2;
                } else if chars[i] == c {
                    break;
                } else {
                    i += 1;
                }
            }
            if c == '"' {
                out.push(chars[start..i.min(chars.len())].iter().collect());
            }
            i += 1;
        } else if c == '$' {
            let tag_end = (i + 1..chars.len()).find(|&j| chars[j] == '$');
            let tag: String = match tag_end {
                Some(j)
                    if chars[i + 1..j]
                        .iter()
                        .all(|ch| ch.is_alphanumeric() || *ch == '_') =>
                {
                    chars[i..=j].iter().collect()
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            let body_start = i + tag.chars().count();
            let text: String = chars[body_start..].iter().collect();
            let skip = text.find(&tag).map_or(text.len(), |p| p + tag.len());
            i = body_start + text[..skip].chars().count();
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect::<String>().to_lowercase());
        } else {
            i += 1;
        }
    }
    out
}

/// How many `CREATE [modifiers] <kind>` statements there are, per kind
/// (`materialized view` and `constraint trigger` count as `materialized_view` and `trigger`).
pub fn creates(words: &[String]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        if w != "create" {
            continue;
        }
        let mut j = i + 1;
        while words
            .get(j)
            .is_some_and(|w| MODIFIERS.contains(&w.as_str()))
        {
            j += 1;
        }
        let kind = match (
            words.get(j).map(String::as_str),
            words.get(j + 1).map(String::as_str),
        ) {
            (Some("materialized"), Some("view")) => "materialized_view".to_string(),
            (Some("constraint"), Some("trigger")) => "trigger".to_string(),
            (Some(kind), _) => kind.to_string(),
            (None, _) => continue,
        };
        *counts.entry(kind).or_insert(0) += 1;
    }
    counts
}

/// The names after `CREATE SCHEMA [IF NOT EXISTS]`.
pub fn schema_names(words: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        if pair[0] == "create" && pair[1] == "schema" {
            let skip = if words.get(i + 2).is_some_and(|w| w == "if") {
                5
            } else {
                2
            };
            names.extend(words.get(i + skip).cloned());
        }
    }
    names
}

#[test]
fn counts_statements_outside_comments_strings_and_bodies() {
    let sql = "-- CREATE TABLE no\nCREATE SCHEMA IF NOT EXISTS s; CREATE SCHEMA \"Mixed\";\n\
               create unlogged table s.t (x text default 'CREATE VIEW no');\n\
               CREATE OR REPLACE FUNCTION s.f() RETURNS void AS $fn$ CREATE TABLE no $fn$ LANGUAGE sql;\n\
               CREATE MATERIALIZED VIEW s.m AS SELECT 1; CREATE CONSTRAINT TRIGGER x AFTER INSERT ON s.t;";
    let w = words(sql);
    let c = creates(&w);
    let get = |k: &str| c.get(k).copied().unwrap_or(0);
    assert_eq!(
        (
            get("table"),
            get("view"),
            get("function"),
            get("materialized_view"),
            get("trigger")
        ),
        (1, 0, 1, 1, 1)
    );
    assert_eq!(schema_names(&w), ["s", "Mixed"]);
}
