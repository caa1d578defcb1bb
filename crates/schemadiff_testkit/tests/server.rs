//! Tests of `TestDb` against the real test server (started by `scripts/test.sh`).

use schemadiff_testkit::TestDb;

/// `pg_database` is a shared catalog, so any database can see every other one.
fn exists(observer: &TestDb, name: &str) -> bool {
    let n = observer.query_scalar(&format!(
        "select count(*) from pg_database where datname = '{name}'"
    ));
    n == "1"
}

#[test]
fn concurrent_creates_are_distinct_and_exist() {
    let dbs: Vec<TestDb> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| TestDb::create("concurrent")))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut names: Vec<&str> = dbs.iter().map(TestDb::name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), dbs.len(), "duplicate names: {names:?}");
    for db in &dbs {
        assert!(exists(&dbs[0], db.name()), "{} missing", db.name());
        assert_eq!(db.query_scalar("select current_database()"), db.name());
    }
}

#[test]
fn psql_error_returns_server_message_and_stops() {
    let db = TestDb::create("error");
    let err = db
        .psql("select * from no_such_table;\ncreate table after_error ();")
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("relation \"no_such_table\" does not exist"),
        "{err}"
    );
    // ON_ERROR_STOP: nothing after the failing statement ran.
    assert_eq!(
        db.query_scalar("select count(*) from pg_tables where tablename = 'after_error'"),
        "0"
    );
}

#[test]
fn psql_and_psql_file_return_stdout() {
    let db = TestDb::create("ok");
    let out = db
        .psql("create table t (x int); insert into t values (41), (1);")
        .unwrap();
    assert_eq!(out, "");
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}.sql", db.name()));
    std::fs::write(
        &path,
        "\\pset tuples_only on\n\\pset format unaligned\nselect sum(x) from t;\n",
    )
    .unwrap();
    let out = db.psql_file(&path);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.unwrap().trim(), "42");

    let quoted = db.query_scalar("select 'it''s'");
    assert_eq!(quoted, "it's");
}

#[test]
#[should_panic(expected = "does not exist")]
fn query_scalar_panics_with_error_text() {
    let db = TestDb::create("panic");
    db.query_scalar("select * from missing_table");
}

#[test]
fn drop_removes_the_database() {
    let observer = TestDb::create("observer");
    let db = TestDb::create("dropped");
    let name = db.name().to_owned();
    // An open session must not block the drop (WITH (FORCE)).
    let mut session = std::process::Command::new("psql")
        .args([
            "-X",
            "-q",
            "-d",
            &db.conninfo(),
            "-c",
            "select pg_sleep(30)",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for_session(&observer, &name);
    assert!(exists(&observer, &name));
    drop(db);
    assert!(!exists(&observer, &name), "{name} still exists after drop");
    let _ = session.kill();
    let _ = session.wait();
}

fn wait_for_session(observer: &TestDb, name: &str) {
    let sql = format!("select count(*) from pg_stat_activity where datname = '{name}'");
    for _ in 0..100 {
        if observer.query_scalar(&sql) != "0" {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("psql session on {name} never showed up");
}

#[test]
fn url_and_conninfo_both_work_with_psql() {
    let db = TestDb::create("url");
    for conn in [db.url(), db.conninfo()] {
        let out = std::process::Command::new("psql")
            .args(["-X", "-tA", "-d", &conn, "-c", "select current_database()"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{conn}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            db.name(),
            "{conn}"
        );
    }
    assert!(db.url().starts_with("postgres://"), "{}", db.url());
}

#[test]
fn databases_are_utf8() {
    let db = TestDb::create("enc");
    assert_eq!(db.query_scalar("show server_encoding"), "UTF8");
}
