//! `schemadiff dump` as a command: exit codes, the `--out` guard, the default scope
//! (empty `public` and the `schemadiff` history schema left out) and `--schema`.

mod common;

use common::{schemadiff, Run, Scratch};
use schemadiff_testkit::TestDb;
use std::path::Path;

fn dump(url: &str, out: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<std::ffi::OsString> = vec![
        "dump".into(),
        "--database-url".into(),
        url.into(),
        "--out".into(),
        out.into(),
    ];
    args.extend(extra.iter().map(Into::into));
    schemadiff(args)
}

/// Every file below `dir`, relative, sorted, with `/` separators.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for path in common::tree::sorted_entries(dir) {
        if path.is_dir() {
            let sub = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            out.extend(files(&path).into_iter().map(|f| format!("{sub}/{f}")));
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            out.push(name.to_string());
        }
    }
    out
}

#[test]
fn an_empty_database_dumps_no_files_and_a_non_empty_out_needs_force() {
    let db = TestDb::create("dump_empty");
    let scratch = Scratch::new("dump_empty");
    let out = scratch.path().join("out");
    let run = dump(&db.url(), &out, &[]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(out.is_dir(), "--out is created");
    assert_eq!(files(&out), Vec::<String>::new(), "{}", run.describe());

    std::fs::write(out.join("notes.txt"), "mine").expect("writable scratch");
    let run = dump(&db.url(), &out, &[]);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    assert!(run.stderr.contains("is not empty"), "{}", run.describe());
    assert!(
        run.stderr.contains("help: pass --force"),
        "{}",
        run.describe()
    );

    let run = dump(&db.url(), &out, &["--force"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert_eq!(files(&out), ["notes.txt"], "other files are left alone");

    let file = scratch.path().join("a_file");
    std::fs::write(&file, "").expect("writable scratch");
    let run = dump(&db.url(), &file, &["--force"]);
    assert_eq!(run.code, Some(2), "--out is a file: {}", run.describe());
}

#[test]
fn an_unreachable_server_is_a_one_line_error_with_help() {
    let scratch = Scratch::new("dump_unreachable");
    let out = scratch.path().join("out");
    let url = "postgres://nobody@%2Fnonexistent%2Fsocket/db";
    let run = dump(url, &out, &[]);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    assert!(
        run.stderr.starts_with("error: could not connect to"),
        "{}",
        run.describe()
    );
    assert!(run.stderr.contains("\n  help: "), "{}", run.describe());
    assert!(
        !out.exists(),
        "nothing is written when the database cannot be read"
    );
}

#[test]
fn the_default_scope_skips_the_history_schema_and_schema_limits_it() {
    let db = TestDb::create("dump_scope");
    db.psql(
        "CREATE SCHEMA app;
         CREATE TABLE app.t (id int PRIMARY KEY);
         CREATE SCHEMA other;
         CREATE SEQUENCE other.s;
         CREATE SCHEMA schemadiff;
         CREATE TABLE schemadiff.history (id int);",
    )
    .expect("setup applies");
    let scratch = Scratch::new("dump_scope");
    let all = scratch.path().join("all");
    let run = dump(&db.url(), &all, &[]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert_eq!(
        files(&all),
        [
            "app/schema.sql",
            "app/tables/t.sql",
            "other/schema.sql",
            "other/sequences.sql"
        ],
        "an empty public and the schemadiff history schema are left out"
    );
    let table = std::fs::read_to_string(all.join("app/tables/t.sql")).expect("table file");
    assert!(table.starts_with("-- Table app.t: "), "{table}");

    let one = scratch.path().join("one");
    let run = dump(
        &db.url(),
        &one,
        &["--schema", "app", "--schema", "schemadiff"],
    );
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert_eq!(files(&one), ["app/schema.sql", "app/tables/t.sql"]);

    let run = dump(
        &db.url(),
        &scratch.path().join("typo"),
        &["--schema", "App"],
    );
    assert_eq!(
        run.code,
        Some(2),
        "an unknown --schema is an error: {}",
        run.describe()
    );
    assert!(
        run.stderr.contains("no schema named App"),
        "{}",
        run.describe()
    );

    db.psql("CREATE TABLE public.p (id int);")
        .expect("setup applies");
    let with_public = scratch.path().join("with_public");
    let run = dump(&db.url(), &with_public, &[]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let listed = files(&with_public);
    assert!(
        listed.contains(&"public/tables/p.sql".to_string()),
        "public is dumped once it has objects: {listed:?}"
    );
}
