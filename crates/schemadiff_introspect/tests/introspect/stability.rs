//! Determinism, a fixed query count, and typed errors.

use crate::common::{load, read};
use miette::Diagnostic;
use schemadiff_introspect::{connect, IntrospectError, Scope};
use schemadiff_testkit::TestDb;

/// `n` tables in the shape of the benchmark: PK, FK, unique, check, an index, a view per 10.
fn tables_sql(n: usize) -> String {
    let mut sql = String::from(
        "CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE);\n",
    );
    for i in 0..n {
        sql.push_str(&format!(
            "CREATE TABLE app.t{i} (id serial PRIMARY KEY, user_id bigint REFERENCES app.users (id), \
             code varchar(20) UNIQUE, qty int CHECK (qty >= 0), at timestamptz DEFAULT now());\n\
             CREATE INDEX t{i}_user_idx ON app.t{i} (user_id);\n\
             COMMENT ON TABLE app.t{i} IS 'table {i}';\n"
        ));
        if i % 10 == 0 {
            sql.push_str(&format!(
                "CREATE VIEW app.v{i} AS SELECT id, code FROM app.t{i};\n"
            ));
        }
    }
    sql
}

#[tokio::test]
async fn introspecting_twice_gives_equal_catalogs() {
    let (db, first) = load("isp_twice", &tables_sql(5)).await;
    let second = read(&db, &Scope::default()).await;
    assert_eq!(first, second);
}

#[tokio::test]
async fn query_count_does_not_depend_on_the_number_of_objects() {
    let (_small_db, small) = load("isp_count_small", &tables_sql(10)).await;
    let (_big_db, big) = load("isp_count_big", &tables_sql(200)).await;
    assert_eq!(small.catalog.tables.len(), 11);
    assert_eq!(big.catalog.tables.len(), 201);
    assert_eq!(big.catalog.sequences.len(), 200);
    assert_eq!(big.catalog.views.len(), 20);
    assert_eq!(big.catalog.indexes.len(), 200);
    assert_eq!(small.queries, big.queries);
    assert_eq!(
        small.queries,
        schemadiff_introspect::catalog_queries().len() + 2
    );
}

#[tokio::test]
async fn connection_errors_are_typed_with_a_help_line() {
    // Port 1 on localhost: nothing listens there.
    let err = match connect("postgres://nobody@127.0.0.1:1/nothing").await {
        Ok(_) => panic!("connected to port 1"),
        Err(e) => e,
    };
    assert!(matches!(err, IntrospectError::Connect { .. }), "{err:?}");
    assert_eq!(
        err.code().map(|c| c.to_string()).as_deref(),
        Some("schemadiff::introspect::connect")
    );
    let help = err.help().map(|h| h.to_string()).unwrap_or_default();
    assert!(help.contains("--database-url"), "{help}");

    let err = match connect("postgres://u:hunter2@host:notaport/db").await {
        Ok(_) => panic!("parsed a bad URL"),
        Err(e) => e,
    };
    assert!(matches!(err, IntrospectError::InvalidUrl { .. }), "{err:?}");
    assert!(!err.to_string().contains("hunter2"), "{err}");
}

#[tokio::test]
async fn a_connection_inside_a_failed_read_stays_usable() {
    // A scope entry is plain data: quoting tricks in it cannot break the queries.
    let db = TestDb::create("isp_usable");
    let (client, _task) = match connect(&db.url()).await {
        Ok(pair) => pair,
        Err(e) => panic!("{e}"),
    };
    let scope = Scope {
        schemas: vec!["x'); DROP TABLE y; --".into()],
    };
    let read = schemadiff_introspect::introspect(&client, &scope).await;
    let result = match read {
        Ok(r) => r,
        Err(e) => panic!("{e:?}"),
    };
    assert!(result.catalog.schemas.is_empty());
    // The transaction was closed: the connection accepts new statements.
    let row = client.query_one("SELECT 1::int", &[]).await;
    assert!(row.is_ok(), "{row:?}");
}

#[tokio::test]
async fn two_connections_on_one_snapshot_read_the_same_catalog() {
    let (db, one) = load("isp_two_connections", &tables_sql(30)).await;
    let two = match schemadiff_introspect::introspect_url(&db.url(), &Scope::default()).await {
        Ok(result) => result,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(one.catalog, two.catalog);
    assert!(!two.catalog.views.values().all(|v| v.refs.is_empty()));
    // Each connection's BEGIN and COMMIT, and the same catalog queries.
    assert_eq!(
        two.queries,
        schemadiff_introspect::catalog_queries().len() + 4
    );
    assert_eq!(one.queries + 2, two.queries);
}
