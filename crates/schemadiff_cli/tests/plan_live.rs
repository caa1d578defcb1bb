//! `schemadiff plan --database-url` and `schemadiff diff` against real databases: the
//! plan, its exit codes (`--check`, `--allow`), the plan file, static and canonical modes.

mod common;

use common::{plan, schemadiff, Scratch};
use schemadiff_testkit::TestDb;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, sql).expect("file writable");
    path
}

const USERS: &str = "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n";
const USERS_EMAIL: &str =
    "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email text);\n";

#[test]
fn plans_apply_and_converge_against_a_live_database() {
    let scratch = Scratch::new("live_converge");
    let files = write(scratch.path(), "app.sql", USERS_EMAIL);
    let db = TestDb::create("cli_live");
    db.psql(USERS).expect("from state loads");
    let url = db.url();

    let text = plan(&files, "text", &["--database-url", &url]);
    assert_eq!(text.code, Some(0), "{}", text.describe());
    assert!(
        text.stdout.contains("+ column public.users.email"),
        "{}",
        text.describe()
    );
    assert!(text.stdout.contains("canonical"), "{}", text.describe());

    let check = plan(&files, "sql", &["--database-url", &url, "--check"]);
    assert_eq!(check.code, Some(1), "pending changes: {}", check.describe());
    db.psql(&check.stdout).expect("the plan applies");

    let again = plan(&files, "sql", &["--database-url", &url, "--check"]);
    assert_eq!(
        again.code,
        Some(0),
        "second plan empty: {}",
        again.describe()
    );
    let static_again = plan(&files, "text", &["--database-url", &url, "--static"]);
    assert!(
        static_again.stdout.contains("static"),
        "{}",
        static_again.describe()
    );
}

#[test]
fn data_loss_needs_an_explicit_allow() {
    let scratch = Scratch::new("live_allow");
    let files = write(scratch.path(), "app.sql", USERS);
    let db = TestDb::create("cli_allow");
    db.psql(USERS_EMAIL).expect("from state loads");
    let url = db.url();

    let refused = plan(&files, "sql", &["--database-url", &url]);
    assert_eq!(refused.code, Some(2), "{}", refused.describe());
    assert!(
        refused.stdout.contains("DROP COLUMN email"),
        "plan still shown"
    );
    assert!(
        refused.stderr.contains("--allow data-loss"),
        "{}",
        refused.describe()
    );
    assert!(
        refused.stderr.contains("public.users.email"),
        "{}",
        refused.describe()
    );

    let allowed = plan(
        &files,
        "sql",
        &["--database-url", &url, "--allow", "data-loss"],
    );
    assert_eq!(allowed.code, Some(0), "{}", allowed.describe());
    let unknown = plan(
        &files,
        "sql",
        &["--database-url", &url, "--allow", "dataloss"],
    );
    assert_eq!(unknown.code, Some(2), "{}", unknown.describe());
}

#[test]
fn out_writes_the_versioned_plan_file() {
    let scratch = Scratch::new("live_out");
    let files = write(scratch.path(), "app.sql", USERS_EMAIL);
    let out = scratch.path().join("plan.json");
    let db = TestDb::create("cli_out");
    db.psql(USERS).expect("from state loads");
    let url = db.url();
    let out_arg = out.to_string_lossy().into_owned();

    let run = plan(&files, "sql", &["--database-url", &url, "--out", &out_arg]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let text = std::fs::read_to_string(&out).expect("plan file written");
    let file: serde_json::Value = serde_json::from_str(&text).expect("plan file is JSON");
    assert_eq!(file["format"], "schemadiff-plan-file");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["target"]["database"], db.name());
    assert_eq!(file["current_fingerprint"].as_str().map(str::len), Some(64));
    assert_eq!(file["desired_hash"].as_str().map(str::len), Some(64));
    let steps = file["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 1, "{text}");
    assert_eq!(steps[0]["operation"], "add_column", "{text}");
    assert_eq!(steps[0]["source"]["line"], 1, "{text}");
    let objects = file["objects"].as_object().expect("objects");
    assert!(
        objects
            .get("table public.users")
            .is_some_and(|v| v.is_string()),
        "the table the step alters is fingerprinted: {text}"
    );
}

#[test]
fn diff_two_folders_offline_and_a_folder_against_a_database() {
    let scratch = Scratch::new("diff_sides");
    let from = write(scratch.path(), "from.sql", USERS);
    let to = write(scratch.path(), "to.sql", USERS_EMAIL);
    let offline = schemadiff([
        "diff".as_ref(),
        "--from".as_ref(),
        from.as_os_str(),
        "--to".as_ref(),
        to.as_os_str(),
        "--format".as_ref(),
        "sql".as_ref(),
        "--check".as_ref(),
    ]);
    assert_eq!(offline.code, Some(1), "{}", offline.describe());
    assert!(
        offline.stdout.contains("ADD COLUMN email"),
        "{}",
        offline.describe()
    );

    let db = TestDb::create("cli_diff");
    db.psql(USERS_EMAIL).expect("loads");
    let url = db.url();
    let live = schemadiff([
        "diff".as_ref(),
        "--from".as_ref(),
        url.as_ref(),
        "--to".as_ref(),
        to.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_eq!(live.code, Some(0), "same state: {}", live.describe());
}
