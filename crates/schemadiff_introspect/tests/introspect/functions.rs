//! Functions and procedures; triggers that call them.

use crate::common::{catalog, ident, qn};
use schemadiff_model::{ArgMode, Catalog, Function, ObjectId, ObjectKind};

fn func<'a>(c: &'a Catalog, name: &str) -> &'a Function {
    let name = qn("app", name);
    match c.functions.values().find(|f| f.name == name) {
        Some(f) => f,
        None => panic!("no function {name}"),
    }
}

#[tokio::test]
async fn function_signatures_results_bodies_and_attributes() {
    let c = catalog(
        "isp_functions",
        r#"
        CREATE SCHEMA app;
        CREATE DOMAIN app.email AS text;
        CREATE FUNCTION app.add(a integer, b varchar(10) DEFAULT 'x', VARIADIC rest int[] DEFAULT '{}')
            RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT a + length(b) + coalesce(array_length(rest, 1), 0) $$;
        CREATE FUNCTION app.split(INOUT x int, OUT y text) LANGUAGE sql AS $$ SELECT x, 'y' $$;
        CREATE FUNCTION app.rows(e app.email) RETURNS TABLE (id int, label text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app
            AS $$ SELECT 1, e::text $$;
        CREATE FUNCTION app.many() RETURNS SETOF timestamptz LANGUAGE sql AS $$ SELECT now() $$;
        CREATE FUNCTION app.std(i int) RETURNS int LANGUAGE sql RETURN i * 2;
        CREATE PROCEDURE app.tidy(days int) LANGUAGE plpgsql AS $$ BEGIN PERFORM days; END $$;
        CREATE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int);
        "#,
    )
    .await;
    let names: Vec<_> = c.functions.keys().map(|k| k.to_string()).collect();
    assert_eq!(
        names,
        [
            "function app.add(integer, character varying, integer[])",
            "function app.many()",
            "function app.rows(app.email)",
            "function app.split(integer)",
            "function app.std(integer)",
            "procedure app.tidy(integer)",
        ]
    );
    let add = func(&c, "add");
    assert_eq!(add.signature(), "integer, character varying, integer[]");
    let modes: Vec<_> = add.args.iter().map(|a| a.mode).collect();
    assert_eq!(modes, [ArgMode::In, ArgMode::In, ArgMode::Variadic]);
    let defaults: Vec<_> = add.args.iter().map(|a| a.default.clone()).collect();
    assert_eq!(
        defaults,
        [
            None,
            Some("'x'::character varying".into()),
            Some("'{}'::integer[]".into())
        ]
    );
    assert_eq!(add.args[0].name, Some(ident("a")));
    assert_eq!(add.returns.as_deref(), Some("bigint"));
    assert_eq!(add.language, "sql");
    assert_eq!(add.attributes, ["IMMUTABLE", "PARALLEL SAFE", "STRICT"]);
    assert!(add.body.contains("SELECT a + length(b)"));
    assert!(add
        .definition
        .starts_with("CREATE OR REPLACE FUNCTION app.add("));
    assert!(add.refs.is_empty());

    let split = func(&c, "split");
    let modes: Vec<_> = split.args.iter().map(|a| a.mode).collect();
    assert_eq!(modes, [ArgMode::InOut, ArgMode::Out]);
    assert_eq!(split.returns.as_deref(), Some("record"));

    let rows = func(&c, "rows");
    assert_eq!(
        rows.returns.as_deref(),
        Some("TABLE(id integer, label text)")
    );
    assert_eq!(
        rows.attributes,
        ["STABLE", "SECURITY DEFINER", "SET search_path = app"]
    );
    let many = func(&c, "many");
    assert_eq!(
        many.returns.as_deref(),
        Some("SETOF timestamp with time zone")
    );
    let std = func(&c, "std");
    assert_eq!(std.body, "RETURN (i * 2)");

    let tidy = func(&c, "tidy");
    assert!(tidy.procedure && tidy.returns.is_none());
    assert_eq!(tidy.language, "plpgsql");
    assert!(tidy
        .definition
        .starts_with("CREATE OR REPLACE PROCEDURE app.tidy("));
}

#[tokio::test]
async fn triggers_keep_their_definition_and_function() {
    let c = catalog(
        "isp_triggers",
        r#"
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int, updated_at timestamptz);
        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
        CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW
            WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION app.touch();
        CREATE TABLE app.other (id int PRIMARY KEY, t_id int);
        -- Foreign keys create internal triggers; they must not show up.
        ALTER TABLE app.t ADD PRIMARY KEY (id);
        ALTER TABLE app.other ADD FOREIGN KEY (t_id) REFERENCES app.t (id);
        "#,
    )
    .await;
    assert_eq!(
        c.triggers.len(),
        1,
        "{:?}",
        c.triggers.keys().collect::<Vec<_>>()
    );
    let t = &c.triggers[&(qn("app", "t"), ident("t_touch"))];
    assert_eq!(
        t.definition,
        "CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW WHEN (old.* IS DISTINCT FROM new.*) EXECUTE FUNCTION app.touch()"
    );
    assert_eq!(
        t.function,
        ObjectId::Function {
            kind: ObjectKind::Function,
            name: qn("app", "touch"),
            args: String::new()
        }
    );
    assert!(c.functions.contains_key(&t.function));
}
