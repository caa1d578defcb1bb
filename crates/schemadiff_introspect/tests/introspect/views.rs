//! Views and materialized views.

use crate::common::{catalog, qn};

#[tokio::test]
async fn views_and_materialized_views() {
    let c = catalog(
        "isp_views",
        r#"
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int, name text);
        CREATE VIEW app.named AS SELECT id, name FROM app.t WHERE name IS NOT NULL;
        CREATE VIEW app.checked WITH (security_barrier = true) AS SELECT id FROM app.t WHERE id > 0
            WITH LOCAL CHECK OPTION;
        CREATE MATERIALIZED VIEW app.counts AS SELECT count(*) AS n FROM app.t;
        CREATE MATERIALIZED VIEW app.empty AS SELECT id FROM app.t WITH NO DATA;
        "#,
    )
    .await;
    let named = &c.views[&qn("app", "named")];
    assert!(!named.materialized && named.with_data);
    assert!(named.query.starts_with("SELECT t.id,"), "{}", named.query);
    assert!(!named.query.ends_with(';'));
    assert!(named.query.contains("FROM app.t"), "{}", named.query);
    assert!(named.columns.is_empty());
    // From pg_depend (crate::deps tests the kinds in detail).
    assert_eq!(
        named
            .refs
            .iter()
            .map(|r| r.name.to_string())
            .collect::<Vec<_>>(),
        ["app.t"]
    );

    let checked = &c.views[&qn("app", "checked")];
    assert_eq!(checked.options, ["security_barrier=true"]);
    assert_eq!(checked.check_option.as_deref(), Some("local"));

    let counts = &c.views[&qn("app", "counts")];
    assert!(counts.materialized && counts.with_data);
    assert!(!counts.query.is_empty());
    let empty = &c.views[&qn("app", "empty")];
    assert!(empty.materialized && !empty.with_data);
    assert!(c.tables.contains_key(&qn("app", "t")) && c.tables.len() == 1);
}
