//! The whole-plan benchmark against a real server with the real `schemadiff` binary
//! (built here with cargo, in this test's profile), at 40 tables: both plans change
//! exactly the edited tables where they must, the canonical plan of the unedited files
//! is empty, and the desired database is reused by its marker. migra is left out: it is
//! not part of the test environment.

use schemadiff_bench::generate::GenerateOptions;
use schemadiff_bench::introspect_bench::{load_schema, Preparation};
use schemadiff_bench::whole_plan_bench::server::Server;
use schemadiff_bench::whole_plan_bench::{inputs, run, Prepared, RunOptions};
use schemadiff_testkit::{server_conninfo, TestDb};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// Builds the CLI binary with the cargo running this test and returns its path.
fn schemadiff_binary() -> PathBuf {
    let mut command = Command::new(env!("CARGO"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["build", "-p", "schemadiff_cli", "--bin", "schemadiff"])
        .arg("--message-format=json-render-diagnostics");
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let output = command.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "building schemadiff_cli failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "schemadiff")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the schemadiff executable")
}

/// Drops a database the test created by name when the test ends, even on failure.
struct DropOnExit<'a>(&'a Server, &'a str);

impl Drop for DropOnExit<'_> {
    fn drop(&mut self) {
        if let Err(e) = inputs::drop_database(self.0, self.1) {
            eprintln!("could not drop {}: {e}", self.1);
        }
    }
}

#[test]
fn whole_plan_times_both_plans_and_checks_their_changes() {
    let shape = GenerateOptions {
        tables: 40,
        schemas: 3,
        hub_fanin: false,
    };
    let binary = schemadiff_binary();
    let work = std::env::temp_dir().join(format!(
        "schemadiff_bench_whole_plan_test_{}",
        std::process::id()
    ));
    let files = inputs::write_schema_files(&shape, 10, &work).expect("files are written");
    let current = TestDb::create("bench_whole_plan");
    load_schema(&current.conninfo(), &shape).expect("the current state loads");
    let server = Server::parse(&server_conninfo()).expect("the test server parses");
    let desired_name = format!("sdt_bench_whole_plan_desired_{}", std::process::id());
    let _cleanup = DropOnExit(&server, &desired_name);
    let (desired_url, built) =
        inputs::prepare_desired(&server, &desired_name, &shape, &files.desired, false)
            .expect("the desired state loads");
    assert!(matches!(built, Preparation::Built(_)), "{built:?}");
    let (_, again) = inputs::prepare_desired(&server, &desired_name, &shape, &files.desired, false)
        .expect("the desired database is found");
    assert!(matches!(again, Preparation::Reused), "{again:?}");

    let prepared = Prepared {
        files,
        current_url: current.url(),
        desired_url,
        current: Preparation::Reused,
        desired: again,
    };
    let options = RunOptions {
        shape: &shape,
        iterations: 2,
        schemadiff: &binary,
        migra: None,
        canonical: true,
    };
    let report = run(&options, &prepared).unwrap_or_else(|e| panic!("the benchmark failed: {e}"));
    std::fs::remove_dir_all(&work).expect("cleans up");

    assert_eq!(report.edited, BTreeSet::from([0, 10, 20, 30]));
    let unedited = report.canonical_identical.as_ref().expect("canonical ran");
    assert_eq!(
        unedited.changes.items, 0,
        "a canonical plan of the files the database was built from must be empty: {:?}",
        unedited.changes
    );
    let canonical_plan = report.canonical_plan.as_ref().expect("canonical ran");
    let canonical = report.canonical_check().expect("canonical ran");
    assert!(
        canonical.is_exact(),
        "{canonical:?} {:?}",
        canonical_plan.changes
    );
    let static_check = report.static_check();
    assert!(static_check.missing.is_empty(), "{static_check:?}");
    assert!(!canonical_plan.unstable && !report.static_plan.unstable);
    for measured in [&report.static_plan, canonical_plan, &report.catalog_floor] {
        assert_eq!(measured.wall.runs(), 2);
        assert!(
            measured.peak_rss_kib.is_some_and(|kib| kib > 0),
            "{measured:?}"
        );
    }
    assert_eq!(report.static_identical.wall.runs(), 1);
    assert!(report.migra.is_none());
}
