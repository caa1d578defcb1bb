//! The example schemas (`<repo>/schemas`): the `--format sql` plan applies to a fresh
//! database with ON_ERROR_STOP, and the database then holds as many tables, views,
//! materialized views, functions, triggers and policies as the files create (counted
//! independently, by a word scan over the files).

#[path = "../common/mod.rs"]
mod common;
mod converge;
mod count;

use schemadiff_testkit::TestDb;
use std::collections::BTreeMap;

/// `CREATE` statements per kind over every file, and the schemas the files create.
fn counted_in_files() -> (BTreeMap<String, usize>, Vec<String>) {
    let words = count::words(&common::tree::concatenated(
        &common::repo_root().join("schemas"),
    ));
    (count::creates(&words), count::schema_names(&words))
}

/// `n.nspname IN (...)` for the given schema names.
fn in_schemas(column: &str, schemas: &[String]) -> String {
    let list: Vec<String> = schemas
        .iter()
        .map(|s| format!("'{}'", s.replace('\'', "''")))
        .collect();
    format!("{column} IN ({})", list.join(", "))
}

#[test]
fn example_schemas_plan_applies_with_every_object() {
    let schemas_dir = common::repo_root().join("schemas");
    let run = common::plan(&schemas_dir, "sql", &[]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let db = TestDb::create("examples");
    if let Err(e) = db.psql(&run.stdout) {
        panic!("the example plan does not apply: {e}");
    }

    let (counts, schemas) = counted_in_files();
    assert!(
        schemas.len() >= 2,
        "the example files create schemas: {schemas:?}"
    );
    let ns = in_schemas("n.nspname", &schemas);
    let rel = format!("pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {ns}");
    let checks = [
        ("schema", format!("SELECT count(*) FROM pg_namespace n WHERE {ns}")),
        ("table", format!("SELECT count(*) FROM {rel} AND c.relkind IN ('r', 'p')")),
        ("view", format!("SELECT count(*) FROM {rel} AND c.relkind = 'v'")),
        ("materialized_view", format!("SELECT count(*) FROM {rel} AND c.relkind = 'm'")),
        (
            "function",
            format!("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {ns} AND p.prokind = 'f'"),
        ),
        (
            "procedure",
            format!("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {ns} AND p.prokind = 'p'"),
        ),
        (
            "trigger",
            format!("SELECT count(*) FROM pg_trigger t, {rel} AND c.oid = t.tgrelid AND NOT t.tgisinternal"),
        ),
        (
            "policy",
            format!("SELECT count(*) FROM pg_policy p, {rel} AND c.oid = p.polrelid"),
        ),
    ];
    let mut mismatches = Vec::new();
    for (kind, query) in &checks {
        let expected = counts.get(*kind).copied().unwrap_or(0);
        let actual = db.query_scalar(query);
        if actual != expected.to_string() {
            mismatches.push(format!(
                "{kind}: the files create {expected}, the database has {actual}"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    for kind in ["table", "view", "function", "trigger", "policy"] {
        assert!(
            counts.get(kind).copied().unwrap_or(0) > 0,
            "the examples create no {kind}"
        );
    }
}
