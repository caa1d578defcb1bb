//! Tests of index diffs.

use crate::test_util::{catalog, diff_sql, names};
use crate::{diff, DiffInput};

#[test]
fn create_drop_and_recreate_changed() {
    let from = "CREATE TABLE t (a int, b int); CREATE INDEX i1 ON t (a); CREATE INDEX i2 ON t (a);
                CREATE INDEX i3 ON t (a);";
    let to = "CREATE TABLE t (a int, b int); CREATE INDEX i1 ON t (a); CREATE INDEX i2 ON t (b);
              CREATE UNIQUE INDEX i4 ON t (a);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_index public.i2",
            "drop_index public.i3",
            "create_index public.i2",
            "create_index public.i4"
        ]
    );
}

#[test]
fn indexes_go_with_their_table_and_come_back_when_it_is_recreated() {
    let from = "CREATE TABLE t (a int) PARTITION BY RANGE (a); CREATE INDEX i ON t (a);
                CREATE TABLE u (a int); CREATE INDEX j ON u (a);";
    let to = "CREATE TABLE t (a int); CREATE INDEX i ON t (a);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_table public.u",
            "drop_table public.t",
            "create_table public.t",
            "create_index public.i"
        ]
    );
}

#[test]
fn index_on_a_readded_column_is_recreated() {
    let from =
        "CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a) STORED); CREATE INDEX i ON t (g);";
    let to = "CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a + 1) STORED); CREATE INDEX i ON t (g);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_column public.t.g",
            "add_column public.t.g",
            "drop_index public.i",
            "create_index public.i"
        ]
    );
}

#[test]
fn renamed_index() {
    let cur = catalog("CREATE TABLE t (a int); CREATE INDEX old_i ON t (a);");
    let des = catalog(
        "CREATE TABLE t (a int);
         -- schemadiff:renamed-from old_i
         CREATE INDEX new_i ON t (a);",
    );
    let changes = diff(DiffInput {
        current: &cur,
        desired: &des,
        source: None,
    })
    .changes;
    assert_eq!(names(&changes), ["rename_index public.old_i public.new_i"]);
}

#[test]
fn renamed_table_keeps_its_indexes() {
    let from = "CREATE TABLE a (x int); CREATE INDEX i ON a (x);";
    let to = "-- schemadiff:renamed-from a
              CREATE TABLE b (x int); CREATE INDEX i ON b (x);";
    assert_eq!(
        names(&diff_sql(from, to)),
        ["rename_table public.a public.b"]
    );
}
