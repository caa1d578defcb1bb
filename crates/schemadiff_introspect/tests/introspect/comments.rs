//! Comments on every kind of object.

use crate::common::{catalog, ident, qn};
use schemadiff_model::{ObjectId, ObjectKind};

#[tokio::test]
async fn comments_on_every_object_kind() {
    let c = catalog(
        "isp_comments",
        r#"
        CREATE EXTENSION citext;
        CREATE SCHEMA app;
        CREATE TYPE app.mood AS ENUM ('ok');
        CREATE SEQUENCE app.s;
        CREATE TABLE app.t (id int CONSTRAINT t_id_check CHECK (id > 0), name text);
        CREATE INDEX t_name_idx ON app.t (name);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
        CREATE FUNCTION app.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
        CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
        CREATE TRIGGER t_trg BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg();
        CREATE POLICY p ON app.t USING (true);
        COMMENT ON SCHEMA app IS 'schema';
        COMMENT ON EXTENSION citext IS 'extension';
        COMMENT ON TYPE app.mood IS 'type';
        COMMENT ON SEQUENCE app.s IS 'sequence';
        COMMENT ON TABLE app.t IS 'table';
        COMMENT ON COLUMN app.t.name IS 'column';
        COMMENT ON COLUMN app.v.id IS 'view column';
        COMMENT ON CONSTRAINT t_id_check ON app.t IS 'constraint';
        COMMENT ON INDEX app.t_name_idx IS 'index';
        COMMENT ON VIEW app.v IS 'view';
        COMMENT ON MATERIALIZED VIEW app.mv IS 'materialized view';
        COMMENT ON FUNCTION app.f(int) IS 'function';
        COMMENT ON TRIGGER t_trg ON app.t IS 'trigger';
        COMMENT ON POLICY p ON app.t IS 'policy';
        "#,
    )
    .await;
    let t = qn("app", "t");
    let expected = [
        (ObjectId::Schema { name: ident("app") }, "schema"),
        (
            ObjectId::Extension {
                name: ident("citext"),
            },
            "extension",
        ),
        (
            ObjectId::Type {
                name: qn("app", "mood"),
            },
            "type",
        ),
        (
            ObjectId::Sequence {
                name: qn("app", "s"),
            },
            "sequence",
        ),
        (ObjectId::table(t.clone()), "table"),
        (
            ObjectId::Column {
                table: t.clone(),
                column: ident("name"),
            },
            "column",
        ),
        (
            ObjectId::Column {
                table: qn("app", "v"),
                column: ident("id"),
            },
            "view column",
        ),
        (
            ObjectId::Constraint {
                table: t.clone(),
                name: ident("t_id_check"),
            },
            "constraint",
        ),
        (
            ObjectId::Index {
                name: qn("app", "t_name_idx"),
            },
            "index",
        ),
        (ObjectId::view(qn("app", "v"), false), "view"),
        (ObjectId::view(qn("app", "mv"), true), "materialized view"),
        (
            ObjectId::Function {
                kind: ObjectKind::Function,
                name: qn("app", "f"),
                args: "integer".into(),
            },
            "function",
        ),
        (
            ObjectId::Trigger {
                table: t.clone(),
                name: ident("t_trg"),
            },
            "trigger",
        ),
        (
            ObjectId::Policy {
                table: t,
                name: ident("p"),
            },
            "policy",
        ),
    ];
    for (on, text) in &expected {
        assert_eq!(
            c.comments.get(on).map(|c| c.text.as_str()),
            Some(*text),
            "comment on {on}"
        );
    }
    // The extension's own objects (and their comments) stay out.
    assert_eq!(
        c.comments.len(),
        expected.len(),
        "{:#?}",
        c.comments.keys().collect::<Vec<_>>()
    );
}
