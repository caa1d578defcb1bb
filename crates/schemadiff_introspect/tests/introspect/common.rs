//! Shared helpers: a fresh database loaded with SQL, introspected through the public API.

use schemadiff_introspect::{connect, introspect, Introspected, Scope};
use schemadiff_model::{Catalog, Ident, QualifiedName, Table};
use schemadiff_testkit::TestDb;

/// Creates a database, runs `sql` in it with psql and introspects every non-system schema.
pub async fn load(prefix: &str, sql: &str) -> (TestDb, Introspected) {
    let db = TestDb::create(prefix);
    if let Err(e) = db.psql(sql) {
        panic!("loading test SQL failed: {e}");
    }
    let result = read(&db, &Scope::default()).await;
    (db, result)
}

/// Introspects an existing test database.
pub async fn read(db: &TestDb, scope: &Scope) -> Introspected {
    let (client, task) = match connect(&db.url()).await {
        Ok(pair) => pair,
        Err(e) => panic!("connect failed: {e}"),
    };
    let result = match introspect(&client, scope).await {
        Ok(result) => result,
        Err(e) => panic!("introspect failed: {e:?}"),
    };
    drop(client);
    let _ = task.await;
    result
}

/// Loads `sql` and returns just the catalog (the database is dropped).
pub async fn catalog(prefix: &str, sql: &str) -> Catalog {
    load(prefix, sql).await.1.catalog
}

pub fn qn(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(schema, name)
}

pub fn ident(s: &str) -> Ident {
    Ident::new(s)
}

pub fn idents(names: &[&str]) -> Vec<Ident> {
    names.iter().map(|n| Ident::new(*n)).collect()
}

/// The table, or a panic naming what the catalog has.
pub fn table<'a>(catalog: &'a Catalog, schema: &str, name: &str) -> &'a Table {
    match catalog.tables.get(&qn(schema, name)) {
        Some(t) => t,
        None => panic!(
            "no table {schema}.{name}; have {:?}",
            catalog.tables.keys().collect::<Vec<_>>()
        ),
    }
}
