//! Collations the schemas in scope create: provider and settings, and the columns that
//! use them.

use crate::common::{catalog, ident, qn, read, table};
use schemadiff_introspect::Scope;

#[tokio::test]
async fn collations_in_scope_are_read_with_their_settings() {
    let c = catalog(
        "isp_collations",
        r#"
        CREATE SCHEMA other;
        CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
        CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE COLLATION posix FROM "POSIX";
        CREATE COLLATION other.mixed (lc_collate = 'C', lc_ctype = 'C.UTF-8');
        CREATE TABLE t (a text, b text COLLATE numeric);
        "#,
    )
    .await;
    let names: Vec<String> = c.collations.keys().map(|k| k.to_string()).collect();
    assert_eq!(
        names,
        [
            "other.mixed",
            "public.nocase",
            "public.numeric",
            "public.posix"
        ]
    );
    let numeric = &c.collations[&qn("public", "numeric")];
    assert_eq!(numeric.provider, "icu");
    assert_eq!(numeric.locale.as_deref(), Some("en-u-kn-true"));
    assert!(numeric.deterministic);
    assert_eq!(
        (numeric.lc_collate.as_ref(), numeric.lc_ctype.as_ref()),
        (None, None)
    );
    assert!(!c.collations[&qn("public", "nocase")].deterministic);
    let posix = &c.collations[&qn("public", "posix")];
    assert_eq!(
        (
            posix.provider.as_str(),
            posix.lc_collate.as_deref(),
            posix.lc_ctype.as_deref()
        ),
        ("libc", Some("POSIX"), Some("POSIX"))
    );
    let mixed = &c.collations[&qn("other", "mixed")];
    assert_eq!(
        (
            mixed.lc_collate.as_deref(),
            mixed.lc_ctype.as_deref(),
            mixed.locale.as_deref()
        ),
        (Some("C"), Some("C.UTF-8"), None)
    );
    let b = table(&c, "public", "t").column(&ident("b")).cloned();
    assert_eq!(
        b.and_then(|col| col.collation).map(|c| *c),
        Some(qn("public", "numeric"))
    );
}

#[tokio::test]
async fn collations_outside_the_scope_are_left_out() {
    let (db, _) = crate::common::load(
        "isp_collations_scope",
        "CREATE SCHEMA other; CREATE COLLATION other.x (locale = 'C'); CREATE COLLATION y (locale = 'C');",
    )
    .await;
    let only_public = read(
        &db,
        &Scope {
            schemas: vec!["public".to_string()],
        },
    )
    .await
    .catalog;
    let names: Vec<String> = only_public
        .collations
        .keys()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(names, ["public.y"]);
}
