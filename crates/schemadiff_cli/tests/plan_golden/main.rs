//! Golden from-empty plans: every `tests/cases/plan/<case>/schemas` folder is planned
//! with `--format sql`, compared with the case's `expected.sql`, applied to a fresh
//! database (which must succeed), and checked against the case's `facts.txt`.
//!
//! Every case is written so that its files do NOT load in file order (checked here
//! too): the plan's ordering is what makes the script run. Refresh the expected files
//! with `UPDATE_EXPECT=1 cargo test -p schemadiff_cli --test plan_golden`.

#[path = "../common/mod.rs"]
mod common;
mod facts;

use schemadiff_testkit::TestDb;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Cases run on this many threads; each one creates two databases.
const WORKERS: usize = 4;

fn cases_dir() -> PathBuf {
    common::repo_root().join("tests/cases/plan")
}

fn case_dirs() -> Vec<PathBuf> {
    common::tree::sorted_entries(&cases_dir())
        .into_iter()
        .filter(|p| p.is_dir())
        .collect()
}

/// Checks one case; returns every problem found (empty when the case passes).
fn check_case(dir: &Path) -> Vec<String> {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("case");
    let schemas = dir.join("schemas");
    let run = common::plan(&schemas, "sql", &[]);
    if run.code != Some(0) {
        return vec![format!("plan failed:\n{}", run.describe())];
    }
    let mut problems = Vec::new();
    let expected = expect_test::expect_file![dir.join("expected.sql")];
    if catch_unwind(AssertUnwindSafe(|| expected.assert_eq(&run.stdout))).is_err() {
        problems.push("--format sql differs from expected.sql (diff printed above)".to_string());
    }
    let db = TestDb::create(&format!("golden_{name}"));
    if let Err(e) = db.psql(&run.stdout) {
        problems.push(format!("the planned SQL does not apply: {e}"));
        return problems;
    }
    match facts::load(&dir.join("facts.txt")) {
        Ok(facts) => problems.extend(facts.iter().filter_map(|f| check_fact(&db, f))),
        Err(e) => problems.push(e),
    }
    if let Some(p) = check_needs_ordering(name, &schemas) {
        problems.push(p);
    }
    problems
}

fn check_fact(db: &TestDb, fact: &facts::Fact) -> Option<String> {
    let actual = catch_unwind(AssertUnwindSafe(|| db.query_scalar(&fact.query)));
    match actual {
        Ok(actual) if actual == fact.expected => None,
        Ok(actual) => Some(format!(
            "fact failed:\n{}\n  expected: {}\n  actual:   {actual}",
            fact.query, fact.expected
        )),
        Err(_) => Some(format!(
            "fact query failed (message above):\n{}",
            fact.query
        )),
    }
}

/// The files run in load order must fail: otherwise the case does not test ordering.
fn check_needs_ordering(name: &str, schemas: &Path) -> Option<String> {
    let db = TestDb::create(&format!("as_written_{name}"));
    match db.psql(&common::tree::concatenated(schemas)) {
        Ok(_) => Some("the files load as written: reorder them so the plan's order matters".into()),
        Err(_) => None,
    }
}

#[test]
fn golden_plans_apply_and_match() {
    let cases = case_dirs();
    assert!(
        cases.len() >= 20,
        "expected the golden cases under {}",
        cases_dir().display()
    );
    let next = Mutex::new(cases.iter());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| loop {
                let Some(dir) = next.lock().expect("queue lock").next() else {
                    break;
                };
                let problems = catch_unwind(AssertUnwindSafe(|| check_case(dir)))
                    .unwrap_or_else(|_| vec!["panicked (message above)".to_string()]);
                let mut failures = failures.lock().expect("failures lock");
                for p in problems {
                    failures.push(format!("{}: {p}", dir.display()));
                }
            });
        }
    });
    let failures = failures.into_inner().expect("failures lock");
    assert!(
        failures.is_empty(),
        "{} problem(s) in {} case(s):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
