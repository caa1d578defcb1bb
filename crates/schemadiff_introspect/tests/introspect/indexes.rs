//! Indexes: unique, partial, expression, method, opclass, collation, order, INCLUDE, WITH.

use crate::common::{catalog, ident, idents, qn};
use schemadiff_model::{Expr, Index, IndexTarget};

fn index<'a>(c: &'a schemadiff_model::Catalog, name: &str) -> &'a Index {
    match c.indexes.get(&qn("app", name)) {
        Some(i) => i,
        None => panic!(
            "no index {name}; have {:?}",
            c.indexes.keys().collect::<Vec<_>>()
        ),
    }
}

#[tokio::test]
async fn index_keys_methods_and_options() {
    let c = catalog(
        "isp_indexes",
        r#"
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int, name text, code text COLLATE "C", body jsonb, at timestamptz);
        CREATE UNIQUE INDEX t_name_key ON app.t (lower(name)) WHERE id > 0;
        CREATE INDEX t_multi_idx ON app.t (id DESC, name text_pattern_ops NULLS FIRST, code COLLATE "POSIX", at DESC NULLS LAST)
            INCLUDE (body) WITH (fillfactor = 80);
        CREATE INDEX t_code_idx ON app.t (code);
        CREATE INDEX t_body_idx ON app.t USING gin (body jsonb_path_ops);
        CREATE INDEX t_hash_idx ON app.t USING hash (name);
        CREATE UNIQUE INDEX t_nnd_idx ON app.t (name) NULLS NOT DISTINCT;
        CREATE MATERIALIZED VIEW app.mv AS SELECT id, name FROM app.t;
        CREATE INDEX mv_id_idx ON app.mv (id);
        "#,
    )
    .await;
    let expr = index(&c, "t_name_key");
    assert!(expr.unique && !expr.nulls_not_distinct && !expr.name_generated);
    assert_eq!(expr.table, qn("app", "t"));
    assert_eq!(expr.method, "btree");
    assert_eq!(expr.keys.len(), 1);
    assert_eq!(
        expr.keys[0].target,
        IndexTarget::Expression(Expr::new("lower(name)"))
    );
    assert_eq!(expr.predicate, Some(Expr::new("id > 0")));

    let multi = index(&c, "t_multi_idx");
    let targets: Vec<_> = multi.keys.iter().map(|k| k.target.clone()).collect();
    assert_eq!(
        targets,
        ["id", "name", "code", "at"].map(|n| IndexTarget::Column(ident(n)))
    );
    let k = &multi.keys;
    assert_eq!((k[0].descending, k[0].nulls_first), (true, None));
    assert_eq!((k[1].descending, k[1].nulls_first), (false, Some(true)));
    assert_eq!(k[1].opclass.as_deref(), Some("text_pattern_ops"));
    assert_eq!(k[0].opclass, None);
    assert_eq!(k[2].collation, Some(qn("pg_catalog", "POSIX")));
    assert_eq!((k[3].descending, k[3].nulls_first), (true, Some(false)));
    assert_eq!(multi.include, idents(&["body"]));
    assert_eq!(multi.with, ["fillfactor=80"]);
    assert!(!multi.unique && multi.predicate.is_none());

    // The column's own collation is not repeated on the key.
    assert_eq!(index(&c, "t_code_idx").keys[0].collation, None);
    let gin = index(&c, "t_body_idx");
    assert_eq!(gin.method, "gin");
    assert_eq!(gin.keys[0].opclass.as_deref(), Some("jsonb_path_ops"));
    assert_eq!(index(&c, "t_hash_idx").method, "hash");
    assert!(index(&c, "t_nnd_idx").nulls_not_distinct);

    let mv = index(&c, "mv_id_idx");
    assert_eq!(mv.table, qn("app", "mv"));
}
