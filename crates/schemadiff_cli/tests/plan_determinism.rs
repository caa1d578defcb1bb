//! The plan does not depend on the order files load in: copies of a schemas folder
//! whose files are renamed (so they sort differently inside each domain; domain
//! folders keep their names) must give a byte-identical `--format sql` plan.

mod common;

use std::path::Path;

/// A renaming: the new file name from the file's sorted position and the file count.
type Rename = fn(usize, usize, &str) -> String;

/// Three permutations of each domain's load order: reversed, rotated by one, and
/// odd positions before even ones.
const PERMUTATIONS: [(&str, Rename); 3] = [
    ("reversed", |i, n, name| format!("{:03}_{name}", n - 1 - i)),
    ("rotated", |i, n, name| format!("{:03}_{name}", (i + 1) % n)),
    ("odd_first", |i, n, name| {
        let key = if i % 2 == 1 { i / 2 } else { n / 2 + i / 2 };
        format!("{key:03}_{name}")
    }),
];

/// Each domain's file names (without the permutation prefix) in load order.
fn load_order(schemas: &Path) -> Vec<Vec<String>> {
    common::tree::domains(schemas)
        .iter()
        .map(|d| {
            common::tree::sql_files(d)
                .iter()
                .map(|f| {
                    let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                    name.split_once('_')
                        .filter(|(p, _)| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
                        .map_or(name, |(_, rest)| rest)
                        .to_string()
                })
                .collect()
        })
        .collect()
}

/// Plans `schemas` and every permutation of it; returns what differed.
fn check_permutations(label: &str, schemas: &Path) -> Vec<String> {
    let baseline = common::plan(schemas, "sql", &[]);
    assert_eq!(baseline.code, Some(0), "{label}: {}", baseline.describe());
    let original_order = load_order(schemas);
    let mut problems = Vec::new();
    for (name, rename) in PERMUTATIONS {
        let scratch = common::Scratch::new(&format!("{label}_{name}"));
        let copy = scratch.path();
        common::tree::copy_renamed(schemas, copy, &rename);
        assert_ne!(
            load_order(copy),
            original_order,
            "{label}/{name}: the permutation must change the load order"
        );
        let run = common::plan(copy, "sql", &[]);
        if run.code != Some(0) {
            problems.push(format!("{label}/{name}: plan failed: {}", run.describe()));
        } else if run.stdout != baseline.stdout {
            problems.push(format!(
                "{label}/{name}: the SQL differs from the original order's"
            ));
        }
    }
    problems
}

#[test]
fn example_schemas_plan_is_independent_of_file_order() {
    let problems = check_permutations("examples", &common::repo_root().join("schemas"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every golden case with a domain of two or more files.
#[test]
fn golden_case_plans_are_independent_of_file_order() {
    let cases = common::repo_root().join("tests/cases/plan");
    let mut checked = 0;
    let mut problems = Vec::new();
    for case in common::tree::sorted_entries(&cases) {
        let schemas = case.join("schemas");
        let multi_file = common::tree::domains(&schemas)
            .iter()
            .any(|d| common::tree::sql_files(d).len() >= 2);
        if multi_file {
            let label = case.file_name().and_then(|n| n.to_str()).unwrap_or("case");
            problems.extend(check_permutations(label, &schemas));
            checked += 1;
        }
    }
    assert!(
        checked >= 5,
        "only {checked} golden cases have a multi-file domain"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
