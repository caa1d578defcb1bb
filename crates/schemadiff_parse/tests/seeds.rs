//! Seed documents: every ```sql block of the seed fixtures is loaded as written, and
//! each MySQL `ENUM(` column and inline `INDEX`/`KEY` line must be reported exactly
//! where it is. Expected positions are computed from the block text, not from the tool.

use schemadiff_parse::{load_sources, Code, Diagnostic, Loaded, SourceFile};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

const SEEDS: [&str; 2] = ["002_7da8edf7333241e5.txt", "004_e19cd3933aea0cc1.txt"];

fn seed_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of every ```sql fenced block, exactly as written (fence lines excluded).
fn sql_blocks(doc: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.split_inclusive('\n') {
        let fence = line.trim_end_matches(['\n', '\r']);
        match &mut current {
            None if fence == "```sql" => current = Some(String::new()),
            Some(block) if fence.starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => block.push_str(line),
            None => {}
        }
    }
    blocks
}

fn source(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: Arc::from(path),
        domain: "seed".to_string(),
        text: Arc::from(text),
    }
}

/// 1-based (line, column in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The part of a line before a `--` comment (the seeds have no `--` inside strings).
fn code_part(line: &str) -> &str {
    line.split("--").next().unwrap_or(line)
}

/// Byte offsets of the word `ENUM` in `<column> ENUM(`, outside comments.
fn enum_positions(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let code = code_part(line);
        let upper = code.to_ascii_uppercase();
        for (i, _) in upper.match_indices("ENUM(") {
            let before = code[..i].trim_end();
            let column_before = before
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
            if column_before && before.len() < i {
                out.push(line_start + i);
            }
        }
        line_start += line.len();
    }
    out
}

/// Paren depth at `offset` counted from the `(` that opens the last `CREATE TABLE` before
/// it; 1 means `offset` is directly in the table's element list.
fn create_table_depth(text: &str, offset: usize) -> usize {
    let upper = text[..offset].to_ascii_uppercase();
    let Some(create) = upper.rfind("CREATE TABLE") else {
        return 0;
    };
    let mut depth: isize = 0;
    for line in text[create..offset].split_inclusive('\n') {
        for c in code_part(line).chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
        }
    }
    depth.max(0) as usize
}

/// Byte offsets of `INDEX`/`KEY` starting a `INDEX name ...` element of a CREATE TABLE.
fn inline_index_positions(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or("").to_ascii_uppercase();
        let named = words.next().is_some_and(|w| !w.starts_with('('));
        let at = line_start + indent;
        if (first == "INDEX" || first == "KEY") && named && create_table_depth(text, at) == 1 {
            out.push(at);
        }
        line_start += line.len();
    }
    out
}

type Places = BTreeSet<(String, usize, usize)>;

fn expected(blocks: &[(String, String)], find: fn(&str) -> Vec<usize>) -> Places {
    let mut out = BTreeSet::new();
    for (path, text) in blocks {
        for offset in find(text) {
            let (line, col) = line_col(text, offset);
            out.insert((path.clone(), line, col));
        }
    }
    out
}

fn reported(loaded: &Loaded, code: Code) -> Places {
    let with_code: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    for d in &with_code {
        assert!(d.is_error(), "{} is not an error", d.short());
        let help = d.help.as_deref().unwrap_or("");
        assert!(!help.trim().is_empty(), "{} has no help line", d.short());
    }
    with_code
        .iter()
        .map(|d| {
            let l = d
                .location
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no location", d.short()));
            (l.source.path.to_string(), l.line, l.column)
        })
        .collect()
}

/// Loads one seed's blocks, each as its own file, and returns (blocks, result).
fn load_seed(name: &str) -> (Vec<(String, String)>, Loaded) {
    let blocks: Vec<(String, String)> = sql_blocks(&seed_text(name))
        .into_iter()
        .enumerate()
        .map(|(i, text)| (format!("{name}#block{:02}.sql", i + 1), text))
        .collect();
    let files = blocks.iter().map(|(p, t)| source(p, t)).collect();
    (blocks, load_sources(files))
}

fn check_seed(name: &str, enums: usize, indexes: usize) {
    let (blocks, loaded) = load_seed(name);
    let want_enums = expected(&blocks, enum_positions);
    let want_indexes = expected(&blocks, inline_index_positions);
    assert_eq!(
        want_enums.len(),
        enums,
        "{name}: ENUM( occurrences in the seed"
    );
    assert_eq!(
        want_indexes.len(),
        indexes,
        "{name}: inline INDEX/KEY lines in the seed"
    );
    assert_eq!(
        reported(&loaded, Code::MysqlEnumColumn),
        want_enums,
        "{name}: mysql-enum-column"
    );
    assert_eq!(
        reported(&loaded, Code::MysqlInlineIndex),
        want_indexes,
        "{name}: mysql-inline-index"
    );
}

#[test]
fn seed_002_enum_columns_are_reported_where_written() {
    check_seed(SEEDS[0], 20, 0);
}

#[test]
fn seed_004_inline_index_is_reported_where_written() {
    check_seed(SEEDS[1], 0, 1);
}

#[test]
fn seed_blocks_are_extracted_exactly() {
    assert_eq!(sql_blocks(&seed_text(SEEDS[0])).len(), 7);
    assert_eq!(sql_blocks(&seed_text(SEEDS[1])).len(), 10);
    let first = &sql_blocks(&seed_text(SEEDS[0]))[0];
    assert!(first.starts_with("-- Core Educational Schema\nCREATE SCHEMA education;\n"));
    assert!(first.ends_with(");\n-- Continue monthly...\n"));
}

/// The `users.users` table of seed 002, as written, alone in a file.
fn users_table() -> String {
    let doc = seed_text(SEEDS[0]);
    let start = doc
        .find("CREATE TABLE users.users (")
        .expect("seed 002 declares users.users");
    let len = doc[start..].find("\n);\n").expect("the table is closed") + "\n);\n".len();
    doc[start..start + len].to_string()
}

#[test]
fn users_table_enum_columns_point_at_enum() {
    let text = users_table();
    let role = text.find("role ENUM(").expect("role column") + "role ".len();
    let status = text.find("status ENUM(").expect("status column") + "status ".len();
    assert_eq!(
        (line_col(&text, role), line_col(&text, status)),
        ((11, 10), (12, 12))
    );
    let loaded = load_sources(vec![source("users.sql", &text)]);
    let enums: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MysqlEnumColumn)
        .collect();
    let at: Vec<(usize, usize)> = enums
        .iter()
        .map(|d| d.location.as_ref().map_or((0, 0), |l| (l.line, l.column)))
        .collect();
    assert_eq!(at, vec![line_col(&text, role), line_col(&text, status)]);
    assert!(enums.iter().all(|d| d.is_error()));
    assert!(enums[0]
        .short()
        .starts_with("users.sql:11:10: error[mysql-enum-column]: "));
    assert!(enums[1]
        .short()
        .starts_with("users.sql:12:12: error[mysql-enum-column]: "));
    let role_help = enums[0].help.as_deref().unwrap_or_default();
    assert!(
        role_help.contains("'student', 'instructor', 'admin', 'super_admin'"),
        "{role_help}"
    );
    assert!(loaded.has_errors());
}
