//! `schemadiff dump` round trips: schema files → database A → `dump` D1 →
//! `plan --schemas D1` → fresh database B → `dump` D2; D1 and D2 must hold the same files
//! with the same bytes. Run on the example `schemas/` and on every golden case under
//! `tests/cases/plan/*/schemas`, and on corpus cases (`corpus.rs`). Every dump is also
//! taken twice and compared (determinism).

#[path = "../common/mod.rs"]
mod common;
mod compare;
mod corpus;

use schemadiff_testkit::TestDb;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Golden cases run on this many threads; each round trip creates two databases.
const WORKERS: usize = 8;

/// `schemadiff dump --database-url <url> --out <out>`.
fn dump(url: &str, out: &Path) -> common::Run {
    common::schemadiff([
        "dump".as_ref(),
        "--database-url".as_ref(),
        url.as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ])
}

/// Plans `src`, applies the plan to a fresh database, dumps it into `out` (twice: the two
/// dumps must be identical).
fn round(name: &str, src: &Path, out: &Path) -> Result<(), String> {
    let plan = common::plan(src, "sql", &[]);
    if plan.code != Some(0) {
        return Err(format!(
            "plan --schemas {} failed:\n{}",
            src.display(),
            plan.describe()
        ));
    }
    let db = TestDb::create(&format!("dump_{name}"));
    db.psql(&plan.stdout)
        .map_err(|e| format!("the plan of {} does not apply: {e}", src.display()))?;
    let again = out.with_extension("again");
    for dir in [out, again.as_path()] {
        let run = dump(&db.url(), dir);
        if run.code != Some(0) {
            return Err(format!(
                "dump into {} failed:\n{}",
                dir.display(),
                run.describe()
            ));
        }
    }
    compare::trees(out, &again).map_err(|e| format!("two dumps of one database differ: {e}"))
}

/// D1 and D2 of `schemas`, compared. `Err` carries the first problem.
fn round_trip(name: &str, schemas: &Path, work: &Path) -> Result<(), String> {
    let (d1, d2) = (work.join("d1"), work.join("d2"));
    round(name, schemas, &d1)?;
    round(name, &d1, &d2)?;
    compare::trees(&d1, &d2)
}

/// Round trips one case; returns the problem, if any.
fn check_case(name: &str, schemas: &Path) -> Option<String> {
    let scratch = common::Scratch::new(&format!("dump_{name}"));
    round_trip(name, schemas, scratch.path())
        .err()
        .map(|e| format!("{name}: {e}"))
}

#[test]
fn the_example_schemas_round_trip_through_dump() {
    let schemas = common::repo_root().join("schemas");
    if let Some(problem) = check_case("example", &schemas) {
        panic!("{problem}");
    }
}

fn golden_cases() -> Vec<(String, PathBuf)> {
    let dir = common::repo_root().join("tests/cases/plan");
    common::tree::sorted_entries(&dir)
        .into_iter()
        .filter(|p| p.join("schemas").is_dir())
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("case");
            (name.to_string(), p.join("schemas"))
        })
        .collect()
}

#[test]
fn every_golden_case_round_trips_through_dump() {
    let cases = golden_cases();
    assert!(cases.len() >= 20, "golden cases found: {}", cases.len());
    let queue = Mutex::new(cases.into_iter());
    let problems = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let next = queue.lock().expect("queue lock").next();
                let Some((name, schemas)) = next else { break };
                if let Some(p) = check_case(&name, &schemas) {
                    problems.lock().expect("problems lock").push(p);
                }
            });
        }
    });
    let mut problems = problems.into_inner().expect("problems lock");
    problems.sort();
    assert!(
        problems.is_empty(),
        "{} case(s) failed:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
