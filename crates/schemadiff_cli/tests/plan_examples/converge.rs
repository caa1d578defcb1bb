//! Issue 4's acceptance on the example schemas: planned against an empty database,
//! executed, planned again: nothing left; then the same after widening a column that a
//! view reads (`education.courses.title`, used by `monitoring.active_learners_per_course`).

use super::common;
use schemadiff_testkit::TestDb;
use std::path::Path;

/// Plans `schemas` against `db`, applies the SQL, and requires an empty second plan.
fn plan_apply_and_recheck(schemas: &Path, db: &TestDb, what: &str) -> String {
    let url = db.url();
    let first = common::plan(schemas, "sql", &["--database-url", &url]);
    assert_eq!(first.code, Some(0), "{what}: {}", first.describe());
    if let Err(e) = db.psql(&first.stdout) {
        panic!("{what}: the plan does not apply: {e}\n{}", first.stdout);
    }
    let second = common::plan(schemas, "sql", &["--database-url", &url, "--check"]);
    assert_eq!(
        second.code,
        Some(0),
        "{what}: a second plan is not empty:\n{}",
        second.describe()
    );
    first.stdout
}

#[test]
fn example_schemas_converge_and_survive_a_type_change_under_a_view() {
    let db = TestDb::create("examples_converge");
    let repo_schemas = common::repo_root().join("schemas");
    plan_apply_and_recheck(&repo_schemas, &db, "from an empty database");

    let scratch = common::Scratch::new("examples_converge");
    common::tree::copy_renamed(&repo_schemas, scratch.path(), &|_, _, name| {
        name.to_string()
    });
    let courses = scratch.path().join("education/courses.sql");
    let text = std::fs::read_to_string(&courses).expect("courses.sql");
    let edited = text.replacen(
        "title               varchar(255) NOT NULL",
        "title               varchar(400) NOT NULL",
        1,
    );
    assert_ne!(text, edited, "the edit must change courses.sql");
    std::fs::write(&courses, edited).expect("write courses.sql");

    let script = plan_apply_and_recheck(scratch.path(), &db, "after widening courses.title");
    assert!(
        script.contains("character varying(400)") || script.contains("varchar(400)"),
        "the plan changes the column type:\n{script}"
    );
    assert!(
        script.contains("DROP VIEW") && script.contains("active_learners_per_course"),
        "the view over the column is dropped and recreated around the change:\n{script}"
    );
}
