//! `refs` read from pg_depend: views, functions, defaults, generated columns, checks,
//! index expressions and predicates, policies and domains.

use crate::common::{catalog, load, qn, read, table};
use schemadiff_introspect::Scope;
use schemadiff_model::{
    Catalog, ConstraintKind, Expr, Ident, IndexTarget, ObjectRef, RefKind, TypeDef,
};
use std::collections::BTreeSet;

const SCHEMA: &str = r#"
    CREATE SCHEMA app;
    CREATE SCHEMA other;
    CREATE TYPE app.mood AS ENUM ('ok', 'sad');
    CREATE TYPE app.pair AS (a int, b int);
    CREATE FUNCTION app.one() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
    CREATE DOMAIN app.pos AS int DEFAULT app.one() CHECK (VALUE >= app.one());
    CREATE FUNCTION app.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * app.one() * 2;
    CREATE FUNCTION app.feel(m app.mood, p app.pair[]) RETURNS app.mood LANGUAGE plpgsql
        AS $$ BEGIN RETURN m; END $$;
    CREATE SEQUENCE other.ticket;
    CREATE TABLE other.members (user_id int, team text);
    CREATE TABLE app.t (
        id serial PRIMARY KEY,
        ticket bigint DEFAULT nextval('other.ticket'),
        mood app.mood DEFAULT 'ok'::app.mood,
        qty int DEFAULT app.one() CHECK (app.twice(qty) < 100),
        dbl int GENERATED ALWAYS AS (app.twice(qty)) STORED,
        plain int DEFAULT 0 CHECK (plain >= 0),
        p app.pos
    );
    CREATE FUNCTION app.count_t() RETURNS bigint LANGUAGE sql STABLE
        BEGIN ATOMIC SELECT count(*) FROM app.t; END;
    CREATE FUNCTION app.row_of(r app.t) RETURNS int LANGUAGE sql RETURN r.id;
    CREATE INDEX t_twice ON app.t (app.twice(qty), id) WHERE mood <> 'sad'::app.mood;
    CREATE INDEX t_plain ON app.t (plain);
    CREATE VIEW app.v AS
        SELECT t.id, app.twice(t.qty) AS q, t.mood::text AS m, m.team
        FROM app.t JOIN other.members m ON m.user_id = t.id;
    CREATE MATERIALIZED VIEW app.mv AS SELECT id, 'sad'::app.mood AS mood FROM app.v;
    CREATE VIEW app.sys AS SELECT count(*) AS n FROM pg_class;
    ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
    CREATE POLICY member ON app.t USING (
        EXISTS (SELECT FROM other.members m WHERE m.user_id = id AND app.one() = 1));
    CREATE POLICY mine ON app.t FOR INSERT WITH CHECK (qty > 0);
"#;

fn r(kind: RefKind, schema: &str, name: &str) -> ObjectRef {
    ObjectRef {
        kind,
        name: qn(schema, name),
    }
}

fn set(refs: &[ObjectRef]) -> BTreeSet<ObjectRef> {
    refs.iter().cloned().collect()
}

fn column_expr<'a>(c: &'a Catalog, column: &str) -> &'a Expr {
    let t = table(c, "app", "t");
    let col = t.columns.iter().find(|col| col.name.as_str() == column);
    match col.and_then(|col| col.default.as_ref().or(col.generated.as_deref())) {
        Some(e) => e,
        None => panic!("app.t.{column} has no default or generated expression"),
    }
}

fn check_expr<'a>(c: &'a Catalog, name: &str) -> &'a Expr {
    match &table(c, "app", "t").constraints[&Ident::new(name)].kind {
        ConstraintKind::Check { expr, .. } => expr,
        other => panic!("{name} is not a check: {other:?}"),
    }
}

fn function_refs(c: &Catalog, name: &str) -> BTreeSet<ObjectRef> {
    let name = qn("app", name);
    match c.functions.values().find(|f| f.name == name) {
        Some(f) => f.refs.clone(),
        None => panic!("no function {name}"),
    }
}

#[tokio::test]
async fn views_reference_relations_functions_and_types_not_system_objects() {
    let c = catalog("isp_deps_views", SCHEMA).await;
    use RefKind::*;
    assert_eq!(
        c.views[&qn("app", "v")].refs,
        set(&[
            r(Relation, "app", "t"),
            r(Relation, "other", "members"),
            r(Function, "app", "twice"),
        ])
    );
    assert_eq!(
        c.views[&qn("app", "mv")].refs,
        set(&[r(Relation, "app", "v"), r(Type, "app", "mood")])
    );
    assert!(c.views[&qn("app", "sys")].refs.is_empty());
}

#[tokio::test]
async fn functions_reference_their_types_and_atomic_bodies() {
    let c = catalog("isp_deps_functions", SCHEMA).await;
    use RefKind::*;
    assert_eq!(function_refs(&c, "one"), set(&[]));
    // An array argument names its element type; a row type names its table.
    assert_eq!(
        function_refs(&c, "feel"),
        set(&[r(Type, "app", "mood"), r(Type, "app", "pair")])
    );
    assert_eq!(
        function_refs(&c, "twice"),
        set(&[r(Function, "app", "one")])
    );
    assert_eq!(
        function_refs(&c, "count_t"),
        set(&[r(Relation, "app", "t")])
    );
    assert_eq!(function_refs(&c, "row_of"), set(&[r(Relation, "app", "t")]));
}

#[tokio::test]
async fn defaults_generated_columns_and_checks_but_not_their_own_table() {
    let c = catalog("isp_deps_columns", SCHEMA).await;
    use RefKind::*;
    assert_eq!(
        column_expr(&c, "id").refs,
        set(&[r(Sequence, "app", "t_id_seq")])
    );
    assert_eq!(
        column_expr(&c, "ticket").refs,
        set(&[r(Sequence, "other", "ticket")])
    );
    assert_eq!(column_expr(&c, "mood").refs, set(&[r(Type, "app", "mood")]));
    assert_eq!(
        column_expr(&c, "qty").refs,
        set(&[r(Function, "app", "one")])
    );
    assert_eq!(
        column_expr(&c, "dbl").refs,
        set(&[r(Function, "app", "twice")])
    );
    assert!(column_expr(&c, "plain").refs.is_empty());
    assert_eq!(
        check_expr(&c, "t_qty_check").refs,
        set(&[r(Function, "app", "twice")])
    );
    assert!(check_expr(&c, "t_plain_check").refs.is_empty());
}

#[tokio::test]
async fn indexes_policies_and_domains() {
    let c = catalog("isp_deps_others", SCHEMA).await;
    use RefKind::*;
    let ix = &c.indexes[&qn("app", "t_twice")];
    let both = set(&[r(Function, "app", "twice"), r(Type, "app", "mood")]);
    match &ix.keys[0].target {
        IndexTarget::Expression(e) => assert_eq!(e.refs, both),
        other => panic!("{other:?}"),
    }
    assert_eq!(ix.predicate.as_ref().map(|p| &p.refs), Some(&both));
    assert!(c.indexes[&qn("app", "t_plain")].predicate.is_none());

    let member = &c.policies[&(qn("app", "t"), Ident::new("member"))];
    assert_eq!(
        member.using.as_ref().map(|e| e.refs.clone()),
        Some(set(&[
            r(Relation, "other", "members"),
            r(Function, "app", "one")
        ]))
    );
    let mine = &c.policies[&(qn("app", "t"), Ident::new("mine"))];
    assert_eq!(mine.with_check.as_ref().map(|e| e.refs.len()), Some(0));

    let TypeDef::Domain {
        default, checks, ..
    } = &c.types[&qn("app", "pos")].def
    else {
        panic!("app.pos is not a domain");
    };
    let one = set(&[r(Function, "app", "one")]);
    assert_eq!(default.as_ref().map(|e| &e.refs), Some(&one));
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].1.refs, one);
}

#[tokio::test]
async fn the_same_schema_in_two_databases_gives_equal_catalogs_with_refs() {
    let (first_db, first) = load("isp_deps_twice_a", SCHEMA).await;
    let (_second_db, second) = load("isp_deps_twice_b", SCHEMA).await;
    assert!(!first.catalog.views[&qn("app", "v")].refs.is_empty());
    assert_eq!(first.catalog, second.catalog);
    // And the same database read again.
    let again = read(&first_db, &Scope::default()).await;
    assert_eq!(first.catalog, again.catalog);
}
