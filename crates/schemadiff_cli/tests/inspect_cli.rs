//! `schemadiff inspect` end to end: the static, canonical and live catalogs, the parity
//! table, and the temporary dev database never outliving a command whose load fails.

mod common;

use schemadiff_testkit::TestDb;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn folder(name: &str, sql: &str) -> common::Scratch {
    let dir = common::Scratch::new(name);
    let domain = dir.path().join("app");
    std::fs::create_dir_all(&domain).expect("domain folder");
    std::fs::write(domain.join("schema.sql"), sql).expect("schema file");
    dir
}

const SHOP: &str = "CREATE TABLE shop (id integer PRIMARY KEY, kind varchar(10) NOT NULL \
                    CHECK (kind IN ('a', 'b')), note text);\n";

fn json(args: &[&std::ffi::OsStr]) -> Value {
    let run = common::schemadiff(args);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.describe()))
}

fn names(v: &Value, kind: &str) -> Vec<String> {
    v[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} in {v}"))
        .iter()
        .map(|o| {
            format!(
                "{}.{}",
                o["name"]["schema"].as_str().unwrap_or("?"),
                o["name"]["name"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[test]
fn static_canonical_and_live_catalogs_list_the_same_table() {
    let dir = folder("inspect_three", SHOP);
    let db = TestDb::create("inspect_live");
    let (schemas, url) = (dir.path().as_os_str(), db.url());
    let stat = json(&[
        "inspect".as_ref(),
        "--schemas".as_ref(),
        schemas,
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let canon = json(&[
        "inspect".as_ref(),
        "--schemas".as_ref(),
        schemas,
        "--dev-url".as_ref(),
        url.as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    db.psql(SHOP).unwrap_or_else(|e| panic!("{e}"));
    let live = json(&[
        "inspect".as_ref(),
        "--database-url".as_ref(),
        url.as_ref(),
        "--schema".as_ref(),
        "public".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    for v in [&stat, &canon, &live] {
        assert_eq!(names(v, "tables"), ["public.shop"], "{v}");
        assert_eq!(v["scope"], serde_json::json!(["public"]), "{v}");
    }
    // The database built by psql and the dev database hold the same catalog.
    assert_eq!(canon, live);
    // PostgreSQL rewrites the CHECK; the static catalog keeps the file's text.
    let check =
        |v: &Value| v["tables"][0]["constraints"]["shop_kind_check"]["kind"]["expr"]["sql"].clone();
    assert_ne!(check(&stat), check(&canon));
    assert!(
        check(&canon).as_str().is_some_and(|s| s.contains("ANY")),
        "{canon}"
    );
}

#[test]
fn search_path_puts_unqualified_names_in_its_first_schema() {
    let dir = folder(
        "inspect_search_path",
        "CREATE SCHEMA foo;\nCREATE TABLE shop (id integer PRIMARY KEY);\n",
    );
    let db = TestDb::create("inspect_search_path");
    let (schemas, url) = (dir.path().as_os_str(), db.url());
    let base = [
        "inspect".as_ref(),
        "--schemas".as_ref(),
        schemas,
        "--search-path".as_ref(),
        "foo, public".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let stat = json(&base);
    let canon = json(&[&base[..], &["--dev-url".as_ref(), url.as_ref()]].concat());
    for v in [&stat, &canon] {
        assert_eq!(names(v, "tables"), ["foo.shop"], "{v}");
    }
    // Without the option the table is public's, as before.
    let plain = json(&[&base[..3], &base[5..]].concat());
    assert_eq!(names(&plain, "tables"), ["public.shop"], "{plain}");
}

#[test]
fn target_url_lets_the_files_use_schemas_the_target_has() {
    let dir = folder(
        "inspect_target_url",
        "CREATE TABLE reporting.daily (day date PRIMARY KEY);\n",
    );
    let target = TestDb::create("inspect_target");
    target
        .psql("CREATE SCHEMA reporting;")
        .unwrap_or_else(|e| panic!("{e}"));
    let (schemas, url) = (dir.path().as_os_str(), target.url());
    // Alone, the files use a schema they never create.
    let alone = common::schemadiff([
        "inspect".as_ref(),
        "--schemas".as_ref(),
        schemas,
        "--dev-url".as_ref(),
        url.as_ref() as &std::ffi::OsStr,
    ]);
    assert_ne!(alone.code, Some(0), "{}", alone.describe());
    assert!(alone.stderr.contains("reporting"), "{}", alone.describe());
    // Meant for a database that has it, they load; the schema is part of the scope.
    let canon = json(&[
        "inspect".as_ref(),
        "--schemas".as_ref(),
        schemas,
        "--dev-url".as_ref(),
        url.as_ref(),
        "--target-url".as_ref(),
        url.as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(names(&canon, "tables"), ["reporting.daily"], "{canon}");
    assert_eq!(canon["scope"], serde_json::json!(["reporting"]), "{canon}");
}

#[test]
fn parity_counts_per_kind_and_lists_disagreements_with_verbose() {
    let dir = folder("inspect_parity", SHOP);
    let server = TestDb::create("inspect_parity");
    let url = server.url();
    let args = [
        "inspect",
        "--schemas",
        &dir.path().display().to_string(),
        "--dev-url",
        &url,
        "--parity",
        "--verbose",
    ]
    .map(String::from);
    let run = common::schemadiff(&args);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let out = &run.stdout;
    // The table differs only by its CHECK, which PostgreSQL rewrites; the empty
    // database's own `public` schema and grant are not counted.
    assert!(out.contains("| schemas | 0 | 0 | 0 | - |"), "{out}");
    assert!(out.contains("| grants | 0 | 0 | 0 | - |"), "{out}");
    assert!(!out.contains("shop_pkey: differs"), "{out}");
    assert!(out.contains("| tables | 1 | 1 | 0 | 0.0 |"), "{out}");
    assert!(out.contains("| columns | 3 | 3 | 3 | 100.0 |"), "{out}");
    assert!(out.contains("| constraints | 2 | 2 | 1 | 50.0 |"), "{out}");
    assert!(
        out.contains("- constraints public.shop.shop_kind_check: differs"),
        "{out}"
    );
    let figures = json(&[
        "inspect".as_ref(),
        "--schemas".as_ref(),
        dir.path().as_os_str(),
        "--dev-url".as_ref(),
        url.as_ref(),
        "--parity".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let tables = figures["kinds"]
        .as_array()
        .and_then(|k| k.iter().find(|r| r["kind"] == "tables"));
    assert_eq!(
        tables,
        Some(&serde_json::json!({"kind": "tables", "static": 1, "canonical": 1, "agree": 0}))
    );
}

/// Databases named `schemadiff_dev_<pid>_*` (the dev database of process `pid`).
fn dev_databases_of(observer: &TestDb, pid: u32) -> String {
    observer.query_scalar(&format!(
        "select coalesce(string_agg(datname, ', '), '') from pg_database \
         where datname like 'schemadiff\\_dev\\_{pid}\\_%'"
    ))
}

/// Runs the binary, returning its pid, exit code and stderr.
fn run_with_pid(args: &[&str]) -> (u32, Option<i32>, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the schemadiff binary starts");
    let pid = child.id();
    let out = child
        .wait_with_output()
        .expect("the schemadiff binary ends");
    (
        pid,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_dev_database_dropped(command: &str, schemas: &Path) {
    let observer = TestDb::create("inspect_leak");
    let url = observer.url();
    let dir = schemas.display().to_string();
    let mut args = vec![command, "--schemas", &dir, "--dev-url", &url];
    if command == "plan" {
        args.extend(["--format", "sql"]);
    }
    let (pid, code, stderr) = run_with_pid(&args);
    assert_eq!(code, Some(2), "{command}: {stderr}");
    // The server rejected the load, so the dev database existed: it must be gone.
    assert!(
        stderr.contains("PostgreSQL rejected"),
        "{command}: {stderr}"
    );
    assert!(stderr.contains("schema.sql"), "{command}: {stderr}");
    assert_eq!(
        dev_databases_of(&observer, pid),
        "",
        "{command} left its dev database behind"
    );
}

#[test]
fn a_failing_load_leaves_no_dev_database_behind() {
    // Parses fine; PostgreSQL rejects the CHECK (text compared with an integer column).
    let dir = folder(
        "inspect_leak",
        "CREATE TABLE t (a integer CHECK (a > 'x'));\n",
    );
    assert_dev_database_dropped("inspect", dir.path());
    assert_dev_database_dropped("plan", dir.path());
}
