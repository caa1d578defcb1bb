//! The repository's example `schemas/` folder, loaded with psql, introspects cleanly.

use crate::common::read;
use schemadiff_introspect::Scope;
use schemadiff_testkit::TestDb;
use std::path::{Path, PathBuf};

const DOMAINS: [&str; 8] = [
    "core",
    "content",
    "education",
    "field",
    "social",
    "ai",
    "tenancy",
    "monitoring",
];
const FIRST: [&str; 4] = ["schema.sql", "extensions.sql", "types.sql", "functions.sql"];

fn schemas_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas")
}

/// Domain by domain; in each, the set-up files first, then the rest alphabetically.
fn files_in_load_order() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for domain in DOMAINS {
        let dir = schemas_dir().join(domain);
        let mut rest: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "sql"))
                .collect(),
            Err(e) => panic!("reading {}: {e}", dir.display()),
        };
        rest.sort();
        for first in FIRST {
            let path = dir.join(first);
            if let Some(i) = rest.iter().position(|p| *p == path) {
                out.push(rest.remove(i));
            }
        }
        out.extend(rest);
    }
    out
}

/// Lines that start a `CREATE [UNLOGGED] TABLE`, counted on the raw text.
fn count_create_table(files: &[PathBuf]) -> usize {
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .map(|text| {
            text.lines()
                .map(|l| l.trim_start().to_ascii_uppercase())
                .filter(|l| l.starts_with("CREATE TABLE") || l.starts_with("CREATE UNLOGGED TABLE"))
                .count()
        })
        .sum()
}

/// Runs each file in its own transaction; files that fail (they need a later file) are
/// retried after the others until a whole pass makes no progress.
fn load_all(db: &TestDb, files: &[PathBuf]) {
    let mut pending: Vec<&PathBuf> = files.iter().collect();
    loop {
        let mut failed = Vec::new();
        let mut errors = Vec::new();
        for file in &pending {
            let text = match std::fs::read_to_string(file) {
                Ok(t) => t,
                Err(e) => panic!("reading {}: {e}", file.display()),
            };
            if let Err(e) = db.psql(&format!("BEGIN;\n{text}\n;COMMIT;\n")) {
                failed.push(*file);
                errors.push(format!("{}: {e}", file.display()));
            }
        }
        if failed.is_empty() {
            return;
        }
        if failed.len() == pending.len() {
            panic!("these files never load:\n{}", errors.join("\n"));
        }
        pending = failed;
    }
}

#[tokio::test]
async fn example_schemas_introspect_with_every_table() {
    let files = files_in_load_order();
    assert!(files.len() > 20, "found only {} files", files.len());
    let db = TestDb::create("isp_examples");
    load_all(&db, &files);
    let result = read(&db, &Scope::default()).await;
    let c = &result.catalog;
    let expected = count_create_table(&files);
    assert_eq!(
        c.tables.len(),
        expected,
        "{:#?}",
        c.tables.keys().collect::<Vec<_>>()
    );
    for domain in DOMAINS {
        assert!(
            c.schemas
                .contains_key(&schemadiff_model::Ident::new(domain)),
            "{domain}"
        );
    }
    assert!(c
        .extensions
        .contains_key(&schemadiff_model::Ident::new("postgis")));
    assert!(!c.functions.is_empty() && !c.views.is_empty() && !c.indexes.is_empty());
    // Nothing PostGIS brought along leaks into the catalog.
    assert!(!c
        .tables
        .keys()
        .any(|t| t.name.as_str() == "spatial_ref_sys"));
    assert!(c
        .functions
        .keys()
        .all(|f| f.schema().is_some_and(|s| s.as_str() != "public")));
    // Every object is live and every foreign key points at a table that was read.
    for t in c.tables.values() {
        assert!(matches!(
            t.meta.origin,
            schemadiff_model::Origin::Live { .. }
        ));
        for con in t.constraints.values() {
            if let schemadiff_model::ConstraintKind::ForeignKey(fk) = &con.kind {
                assert!(
                    c.tables.contains_key(&fk.ref_table),
                    "{} -> {}",
                    t.name,
                    fk.ref_table
                );
            }
        }
    }
}
