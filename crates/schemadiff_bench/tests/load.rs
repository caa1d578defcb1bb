//! Loads generated schemas into a real database to prove they are valid SQL and that
//! the documented load order works (while alphabetical order does not).

use std::path::{Path, PathBuf};

use schemadiff_bench::generate::{generate, write_to_dir, GenerateOptions};
use schemadiff_testkit::TestDb;

const TABLES: usize = 50;
const SCHEMAS: usize = 4;

fn written(name: &str) -> (Vec<schemadiff_bench::generate::GeneratedFile>, PathBuf) {
    let files = generate(&GenerateOptions {
        tables: TABLES,
        schemas: SCHEMAS,
        hub_fanin: true,
    });
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    write_to_dir(&files, &dir).unwrap();
    (files, dir)
}

/// A valid order derived from how the generator lays things out: schemas, the hub,
/// tables by index (table i is in domain i % SCHEMAS), then views.
fn load_order() -> Vec<String> {
    let mut order = vec!["core/schema.sql".to_owned()];
    order.extend((0..SCHEMAS).map(|d| format!("d{d:02}/schema.sql")));
    order.push("core/users.sql".into());
    order.extend((0..TABLES).map(|i| format!("d{:02}/t{i:05}.sql", i % SCHEMAS)));
    order.extend(
        (0..TABLES / 10).map(|k| format!("d{:02}/report_{k:04}.sql", (10 * k + 9) % SCHEMAS)),
    );
    order
}

/// One psql session that `\i`s each file, stopping at the first error.
fn include_script(dir: &Path, paths: &[String]) -> String {
    paths
        .iter()
        .map(|p| format!("\\i '{}'\n", dir.join(p).display()))
        .collect()
}

#[test]
fn loads_in_dependency_order() {
    let (files, dir) = written("bench_load");
    let order = load_order();
    let mut sorted_order = order.clone();
    sorted_order.sort();
    let generated: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(
        sorted_order, generated,
        "load order must cover every file once"
    );

    let db = TestDb::create("bench_load");
    db.psql(&include_script(&dir, &order)).unwrap();
    let count = |sql: &str| db.query_scalar(sql).parse::<usize>().unwrap();
    assert_eq!(
        count(
            "select count(*) from pg_tables where schemaname = 'core' or schemaname ~ '^d[0-9]+$'"
        ),
        TABLES + 1
    );
    assert_eq!(
        count("select count(*) from pg_views where schemaname ~ '^d[0-9]+$'"),
        TABLES / 10
    );
    // hub_fanin: every table's user_id, plus table 0's parent_id.
    assert_eq!(
        count("select count(*) from pg_constraint where contype = 'f' and confrelid = 'core.users'::regclass"),
        TABLES + 1
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn alphabetical_order_is_not_a_load_order() {
    let (files, dir) = written("bench_alpha");
    let alphabetical: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let db = TestDb::create("bench_alpha");
    let err = db.psql(&include_script(&dir, &alphabetical)).unwrap_err();
    assert!(err.stderr.contains("does not exist"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
