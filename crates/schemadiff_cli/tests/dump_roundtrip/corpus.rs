//! The dump round trip on corpus cases (a fixed sample in CI, all with
//! `SCHEMADIFF_CORPUS=all`): database A built with psql from `to.sql` (its `.loadable`
//! copy when there is one) → `dump` D1 → `plan --schemas D1` into a fresh database B →
//! `dump` D2; D1 and D2 must be identical. Failures are listed in
//! `tests/corpus/known-failures/dump.txt`, enforced both ways.

use super::{common, compare, dump};
use schemadiff_testkit::corpus::{self, Case, KnownFailures, Side, Variant};
use schemadiff_testkit::TestDb;
use std::path::Path;

/// Cases that once failed here, kept in the CI sample so they stay fixed: collations,
/// variadic calls in an index and in a view.
const PINNED: [&str; 3] = [
    "migra/collations",
    "sqldef/indices__IndexesOnExpressions",
    "sqldef/views__CreateViewWithCaseWhen",
];

fn dump_into(db: &TestDb, out: &Path) -> Result<(), String> {
    let run = dump(&db.url(), out);
    if run.code == Some(0) {
        Ok(())
    } else {
        Err(format!(
            "dump into {} failed:\n{}",
            out.display(),
            run.describe()
        ))
    }
}

fn check(case: &Case) -> Result<(), String> {
    let scratch = common::Scratch::new(&format!("dumpc_{}", case.name));
    let (d1, d2) = (scratch.path().join("d1"), scratch.path().join("d2"));
    let a = TestDb::create("dumpc_a");
    case.load(&a, Side::To, Variant::Loadable)?;
    dump_into(&a, &d1)?;
    if !d1.is_dir() {
        // An empty database dumps no file at all; nothing to load back.
        return Ok(());
    }
    let plan = common::plan(&d1, "sql", &[]);
    if plan.code != Some(0) {
        return Err(format!("plan --schemas D1 failed:\n{}", plan.describe()));
    }
    let b = TestDb::create("dumpc_b");
    // The roles the dump's grants and owners name exist cluster-wide already (A needed them).
    b.psql(&plan.stdout)
        .map_err(|e| format!("the plan of D1 does not apply: {e}"))?;
    dump_into(&b, &d2)?;
    compare::trees(&d1, &d2)
}

#[test]
fn corpus_cases_round_trip_through_dump() {
    let all = corpus::cases(&corpus::corpus_root()).unwrap_or_else(|e| panic!("{e}"));
    let path = common::repo_root().join("tests/corpus/known-failures/dump.txt");
    let known = KnownFailures::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let ids = all.iter().map(Case::id).collect();
    let mut always = known.ids();
    always.extend(PINNED.map(String::from));
    let selection = corpus::sample(all, &always);
    let started = std::time::Instant::now();
    let outcomes = corpus::run_cases(&selection.cases, check);
    let verdict = known.verdict(&outcomes, &ids);
    eprintln!(
        "corpus dump round trip ({}): {} in {:.1} s",
        selection.how,
        verdict.as_ref().unwrap_or_else(|e| e),
        started.elapsed().as_secs_f64()
    );
    if let Err(report) = verdict {
        panic!("{report}");
    }
}
