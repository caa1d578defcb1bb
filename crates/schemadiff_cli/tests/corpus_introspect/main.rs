//! Issue 3's corpus check: for every corpus case (a fixed sample in CI, every case with
//! `SCHEMADIFF_CORPUS=all`), the catalog introspected from a database built with psql
//! from `to.sql` (its `.loadable` copy when there is one) must equal the canonical
//! catalog of a dev database schemadiff loaded from `to.sql` — both printed by
//! `schemadiff inspect --format json`, both for the same schemas, column order ignored.
//! Failures that are bugs elsewhere are listed in
//! `tests/corpus/known-failures/introspect.txt`, enforced both ways.

#[path = "../common/mod.rs"]
mod common;
mod json;

use schemadiff_testkit::corpus::{self, Case, KnownFailures, Side, Variant};
use schemadiff_testkit::TestDb;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Cases that once failed here, kept in the CI sample so they stay fixed: schemas only
/// the target creates, `ADD CONSTRAINT ... USING INDEX`, `CREATE COLLATION`.
const PINNED: [&str; 5] = [
    "sqldef/constraints__AddUniqueConstraintInNonPublicSchema",
    "sqldef/types__AlterTypeAddValueWithSameTypeNameInDifferentSchema",
    "migra/constraints",
    "migra/seq",
    "migra/collations",
];

fn known_failures_path() -> PathBuf {
    common::repo_root().join("tests/corpus/known-failures/introspect.txt")
}

/// `schemadiff inspect <args> --format json`, parsed.
fn inspect(args: Vec<OsString>) -> Result<serde_json::Value, String> {
    let mut all: Vec<OsString> = vec!["inspect".into(), "--format".into(), "json".into()];
    all.extend(args);
    let run = common::schemadiff(&all);
    if run.code != Some(0) {
        return Err(format!("schemadiff {all:?} failed:\n{}", run.describe()));
    }
    json::parse(&run.stdout)
}

/// What schemadiff is given for the case: `to.sql` as written, after `setup.sql` when
/// the case has one (a folder with one domain holding both, setup first by name).
fn schema_input(case: &Case, scratch: &Path) -> Result<PathBuf, String> {
    let to = case.path(Side::To, Variant::AsWritten);
    let Some(setup) = case.setup_path() else {
        return Ok(to);
    };
    let domain = scratch.join("case");
    std::fs::create_dir_all(&domain).map_err(|e| e.to_string())?;
    std::fs::copy(&setup, domain.join("0_setup.sql")).map_err(|e| e.to_string())?;
    std::fs::copy(&to, domain.join("1_to.sql")).map_err(|e| e.to_string())?;
    Ok(scratch.to_path_buf())
}

fn check(case: &Case) -> Result<(), String> {
    let reference = TestDb::create("corpus_ref");
    case.load(&reference, Side::To, Variant::Loadable)?;
    let scratch = common::Scratch::new(&format!("introspect_{}", case.name));
    let input = schema_input(case, scratch.path())?;
    // The dev database goes on the same server, next to the reference database. The
    // reference is also the target: like `plan --database-url` (the convergence harness),
    // the files may use schemas it has without creating them (sqldef's cases put objects
    // in a schema only the other side, or the `.loadable` copy, creates).
    let mut canonical_args: Vec<OsString> = vec![
        "--schemas".into(),
        input.into(),
        "--dev-url".into(),
        reference.url().into(),
        "--target-url".into(),
        reference.url().into(),
    ];
    // Cases written for another search_path (sqldef's `foo, public`) say so.
    if let Some(path) = &case.search_path {
        canonical_args.extend(["--search-path".into(), path.into()]);
    }
    let mut canonical = inspect(canonical_args)?;
    let scope = json::scope(&canonical);
    let mut live_args: Vec<OsString> = vec!["--database-url".into(), reference.url().into()];
    // Exactly the canonical side's schemas; an empty list would mean "all" to inspect.
    let names = if scope.is_empty() {
        vec![String::new()]
    } else {
        scope
    };
    for s in names {
        live_args.extend(["--schema".into(), s.into()]);
    }
    let mut live = inspect(live_args)?;
    // Same schemas on both sides by construction; the placeholder name that stands for
    // "no schema" must not count as a difference.
    if let (Some(l), Some(c)) = (live.as_object_mut(), canonical.as_object_mut()) {
        l.remove("scope");
        c.remove("scope");
    }
    json::normalize(&mut live);
    json::normalize(&mut canonical);
    if live == canonical {
        return Ok(());
    }
    Err(format!(
        "the live catalog of a database built from to.sql differs from the canonical one:\n{}",
        json::difference(&live, &canonical)
    ))
}

#[test]
fn live_and_canonical_catalogs_of_every_corpus_case_agree() {
    let all = corpus::cases(&corpus::corpus_root()).unwrap_or_else(|e| panic!("{e}"));
    assert!(all.len() >= 800, "corpus cases found: {}", all.len());
    let known = KnownFailures::read(&known_failures_path()).unwrap_or_else(|e| panic!("{e}"));
    let ids = all.iter().map(Case::id).collect();
    let mut always = known.ids();
    always.extend(PINNED.map(String::from));
    let selection = corpus::sample(all, &always);
    let started = std::time::Instant::now();
    let outcomes = corpus::run_cases(&selection.cases, check);
    let verdict = known.verdict(&outcomes, &ids);
    eprintln!(
        "corpus introspection ({}): {} in {:.1} s",
        selection.how,
        verdict.as_ref().unwrap_or_else(|e| e),
        started.elapsed().as_secs_f64()
    );
    if let Err(report) = verdict {
        panic!("{report}");
    }
}
