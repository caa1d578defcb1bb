//! `schemadiff plan` as a user sees it: exit codes, diagnostics on stderr, and the
//! agreement of the sql, json and text formats.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};

fn examples() -> PathBuf {
    common::repo_root().join("schemas")
}

/// A schemas folder in a scratch directory with one `domain/file.sql` holding `sql`.
fn one_file_folder(name: &str, sql: &str) -> common::Scratch {
    let dir = common::Scratch::new(name);
    std::fs::create_dir_all(dir.path().join("shop")).expect("domain folder creatable");
    std::fs::write(dir.path().join("shop/orders.sql"), sql).expect("file writable");
    dir
}

const SMALL: &str = "CREATE SCHEMA shop;\n\nCREATE TABLE shop.orders (\n    id integer PRIMARY KEY,\n    status text NOT NULL\n);\n";

#[test]
fn mysql_enum_column_fails_with_exit_2_and_a_diagnostic() {
    let dir = one_file_folder(
        "mysql_enum",
        "CREATE SCHEMA shop;\n\nCREATE TABLE shop.orders (\n    id integer PRIMARY KEY,\n    status ENUM('new', 'paid') NOT NULL\n);\n",
    );
    let run = common::plan(dir.path(), "sql", &[]);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    assert!(
        run.stdout.is_empty(),
        "no plan is printed: {}",
        run.describe()
    );
    for needle in ["ENUM", "orders.sql:5:", "CHECK", "error"] {
        assert!(
            run.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn check_exits_1_when_there_are_steps_and_0_without_it() {
    let dir = one_file_folder("check", SMALL);
    let checked = common::plan(dir.path(), "sql", &["--check"]);
    assert_eq!(checked.code, Some(1), "{}", checked.describe());
    let plain = common::plan(dir.path(), "sql", &[]);
    assert_eq!(plain.code, Some(0), "{}", plain.describe());
    assert_eq!(checked.stdout, plain.stdout, "--check prints the same plan");
    assert!(
        plain.stdout.contains("CREATE TABLE shop.orders"),
        "{}",
        plain.stdout
    );
}

fn json_steps(schemas: &Path) -> Vec<Value> {
    let run = common::plan(schemas, "json", &[]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let doc: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("--format json is not JSON: {e}\n{}", run.stdout));
    doc["steps"].as_array().cloned().expect("a steps array")
}

#[test]
fn json_steps_are_the_sql_statements_in_order() {
    let steps = json_steps(&examples());
    assert!(steps.len() > 50, "the examples plan many steps");
    let from_json: String = steps
        .iter()
        .map(|s| format!("\n{};\n", s["sql"].as_str().expect("each step has sql")))
        .collect();
    let sql = common::plan(&examples(), "sql", &[]);
    assert_eq!(from_json, common::sql_body(&sql.stdout));
    for (i, step) in steps.iter().enumerate() {
        let id = step["id"].as_u64().expect("numeric id");
        assert_eq!(id, i as u64 + 1, "ids count up from 1");
        for dep in step["depends_on"].as_array().expect("depends_on array") {
            let dep = dep.as_u64().expect("numeric dependency");
            assert!(dep < id, "step {id} depends on later step {dep}");
        }
    }
}

#[test]
fn text_is_the_summary_then_the_sql() {
    let text = common::plan(&examples(), "text", &[]);
    assert_eq!(text.code, Some(0), "{}", text.describe());
    let sql = common::plan(&examples(), "sql", &[]);
    let summary = text
        .stdout
        .strip_suffix(&sql.stdout)
        .unwrap_or_else(|| panic!("text does not end with the SQL script:\n{}", text.stdout));
    let lines: Vec<&str> = summary.lines().collect();
    assert!(
        lines[0].starts_with("schemadiff plan: empty database -> "),
        "{}",
        lines[0]
    );
    let steps = json_steps(&examples()).len();
    assert!(
        lines[1].starts_with(&format!("{steps} steps")),
        "{}",
        lines[1]
    );
    let domains = common::tree::domains(&examples());
    let domain_lines = &lines[3..lines.len() - 1];
    assert_eq!(
        domain_lines.len(),
        domains.len(),
        "one line per domain:\n{summary}"
    );
    let mut total = 0;
    for (line, domain) in domain_lines.iter().zip(&domains) {
        let name = domain
            .file_name()
            .and_then(|n| n.to_str())
            .expect("domain name");
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[0], name, "{line}");
        total += words[1]
            .parse::<usize>()
            .expect("a step count after the domain");
    }
    assert_eq!(total, steps, "the per-domain totals add up");
    assert_eq!(lines.last(), Some(&""), "a blank line before the SQL");
}

#[test]
fn empty_schemas_folder_plans_nothing_and_exits_0_with_check() {
    let scratch = common::Scratch::new("empty");
    let dir = scratch.path();
    for format in ["sql", "json", "text"] {
        let run = common::plan(dir, format, &["--check"]);
        assert_eq!(run.code, Some(0), "{format}: {}", run.describe());
    }
    assert_eq!(json_steps(dir).len(), 0);
    let sql = common::plan(dir, "sql", &[]);
    assert_eq!(common::sql_body(&sql.stdout), "");
    let text = common::plan(dir, "text", &[]);
    assert!(text.stdout.contains("No changes"), "{}", text.stdout);
}
