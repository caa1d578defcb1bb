//! A case's `facts.txt`: catalog queries and the single value each must return.
//!
//! Facts are separated by blank lines. In each, `--` lines are comments, the line
//! starting with `=>` is the expected value, and the other lines are the query.

use std::path::Path;

/// One catalog query and the value `psql -tA` must print for it.
#[derive(Debug)]
pub struct Fact {
    pub query: String,
    pub expected: String,
}

/// Reads and parses `path`; an unreadable or malformed file is an error message.
pub fn load(path: &Path) -> Result<Vec<Fact>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let facts = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if facts.is_empty() {
        return Err(format!(
            "{}: no facts: every case checks the catalog",
            path.display()
        ));
    }
    Ok(facts)
}

fn parse(text: &str) -> Result<Vec<Fact>, String> {
    let mut facts = Vec::new();
    for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut query = Vec::new();
        let mut expected = None;
        for line in block.lines() {
            if line.starts_with("--") {
                continue;
            }
            match line.strip_prefix("=>") {
                Some(value) if expected.is_none() => expected = Some(value.trim().to_string()),
                Some(_) => return Err(format!("two `=>` lines in:\n{block}")),
                None => query.push(line),
            }
        }
        let query = query.join("\n").trim().trim_end_matches(';').to_string();
        match expected {
            Some(expected) if !query.is_empty() => facts.push(Fact { query, expected }),
            _ => return Err(format!("a fact needs a query and one `=>` line:\n{block}")),
        }
    }
    Ok(facts)
}

#[test]
fn parses_comments_queries_and_values() {
    let facts = parse("-- c\nSELECT 1\n  + 1;\n=> 2\n\n\nSELECT ''\n=>\n").expect("valid");
    assert_eq!(facts.len(), 2);
    assert_eq!(facts[0].query, "SELECT 1\n  + 1");
    assert_eq!(facts[0].expected, "2");
    assert_eq!(facts[1].expected, "");
    assert!(parse("SELECT 1\n").is_err());
    assert!(parse("=> 1\n").is_err());
}
