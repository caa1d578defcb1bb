//! Tests of view diffs and of the cascade through what views use.

use crate::test_util::{catalog, names};
use crate::{diff, Change, DiffInput};
use schemadiff_model::{Catalog, ObjectRef, QualifiedName, RefKind};

fn run(cur: &Catalog, des: &Catalog) -> Vec<Change> {
    diff(DiffInput {
        current: cur,
        desired: des,
        source: None,
    })
    .changes
}

/// Gives view `view` a reference to `name` in both catalogs (as pg_depend would).
fn add_ref(cats: [&mut Catalog; 2], view: &str, kind: RefKind, name: &str) {
    for c in cats {
        if let Some(v) = c.views.get_mut(&QualifiedName::new("public", view)) {
            v.refs.insert(ObjectRef {
                kind,
                name: QualifiedName::new("public", name),
            });
        }
    }
}

const BASE: &str = "CREATE TABLE t (a int, b int, c int);
    CREATE VIEW v1 AS SELECT a FROM t;
    CREATE VIEW v2 AS SELECT b FROM t;
    CREATE VIEW v3 AS SELECT a FROM v1;
    CREATE VIEW other AS SELECT 1 AS one;";

#[test]
fn changed_view_is_dropped_and_created_with_its_dependents() {
    let mut cur = catalog(BASE);
    let mut des = catalog(&BASE.replace("SELECT a FROM t", "SELECT a, c FROM t"));
    add_ref([&mut cur, &mut des], "v1", RefKind::Relation, "t");
    add_ref([&mut cur, &mut des], "v2", RefKind::Relation, "t");
    add_ref([&mut cur, &mut des], "v3", RefKind::Relation, "v1");
    assert_eq!(
        names(&run(&cur, &des)),
        [
            "drop_view public.v1",
            "drop_view public.v3",
            "create_view public.v1",
            "create_view public.v3"
        ]
    );
}

#[test]
fn retyped_column_recreates_views_using_it_transitively() {
    let mut cur = catalog(BASE);
    let mut des = catalog(&BASE.replace("a int", "a bigint"));
    add_ref([&mut cur, &mut des], "v1", RefKind::Relation, "t");
    add_ref([&mut cur, &mut des], "v2", RefKind::Relation, "t");
    add_ref([&mut cur, &mut des], "v3", RefKind::Relation, "v1");
    assert_eq!(
        names(&run(&cur, &des)),
        [
            "alter_column public.t.a",
            "drop_view public.v1",
            "drop_view public.v3",
            "create_view public.v1",
            "create_view public.v3"
        ]
    );
}

#[test]
fn views_without_refs_are_matched_by_name() {
    let cur = catalog(BASE);
    let des = catalog(&BASE.replace("b int,", ""));
    assert_eq!(
        names(&run(&cur, &des)),
        [
            "drop_column public.t.b",
            "drop_view public.v2",
            "create_view public.v2"
        ]
    );
}

#[test]
fn dropped_function_recreates_views_calling_it() {
    let f = "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;
             CREATE VIEW vf AS SELECT f(1) AS y;";
    let mut cur = catalog(f);
    let mut des = catalog(&f.replace("RETURNS int", "RETURNS bigint"));
    add_ref([&mut cur, &mut des], "vf", RefKind::Function, "f");
    assert_eq!(
        names(&run(&cur, &des)),
        [
            "drop_view public.vf",
            "create_view public.vf",
            "drop_function public.f(integer)",
            "create_function public.f(integer)"
        ]
    );
}

#[test]
fn recreated_type_recreates_views_using_it() {
    let sql = "CREATE TYPE e AS ENUM ('a', 'b'); CREATE VIEW ve AS SELECT 'a'::e AS x;";
    let mut cur = catalog(sql);
    let mut des = catalog(&sql.replace("('a', 'b')", "('b', 'a')"));
    add_ref([&mut cur, &mut des], "ve", RefKind::Type, "e");
    let n = names(&run(&cur, &des));
    assert_eq!(&n[1..], ["drop_view public.ve", "create_view public.ve"]);
}

#[test]
fn materialized_flag_change_recreates() {
    let cur = catalog("CREATE VIEW m AS SELECT 1 AS one;");
    let des = catalog("CREATE MATERIALIZED VIEW m AS SELECT 1 AS one;");
    let changes = run(&cur, &des);
    assert_eq!(
        names(&changes),
        ["drop_view public.m", "create_view public.m"]
    );
    assert!(matches!(&changes[0], Change::DropView(v) if !v.materialized));
}
