//! Tests of table, column and constraint diffs.

use crate::test_util::{catalog, diff_sql, names};
use crate::{diff, Change, DiffInput};

#[test]
fn identical_catalogs_give_no_changes() {
    let sql =
        "CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL DEFAULT 'x', b int REFERENCES t);
               CREATE INDEX ON t (a);";
    assert!(diff_sql(sql, sql).is_empty());
}

#[test]
fn column_order_is_ignored() {
    assert!(diff_sql(
        "CREATE TABLE t (a int, b text);",
        "CREATE TABLE t (b text, a int);"
    )
    .is_empty());
}

#[test]
fn add_drop_alter_columns() {
    let changes = diff_sql(
        "CREATE TABLE t (a int, b int, c int);",
        "CREATE TABLE t (a bigint NOT NULL, c int DEFAULT 1, d text);",
    );
    assert_eq!(
        names(&changes),
        [
            "drop_column public.t.b",
            "add_column public.t.d",
            "alter_column public.t.a",
            "alter_column public.t.c"
        ]
    );
}

#[test]
fn changed_generation_expression_drops_and_adds_the_column() {
    let changes = diff_sql(
        "CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 2) STORED);",
        "CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 3) STORED);",
    );
    assert_eq!(
        names(&changes),
        ["drop_column public.t.g", "add_column public.t.g"]
    );
}

#[test]
fn created_table_gets_late_constraints_and_row_security_separately() {
    let changes = diff_sql(
        "CREATE TABLE p (id int PRIMARY KEY);",
        "CREATE TABLE p (id int PRIMARY KEY);
         CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p, CHECK (id > 0));
         ALTER TABLE c ENABLE ROW LEVEL SECURITY;",
    );
    assert_eq!(
        names(&changes),
        [
            "create_table public.c",
            "add_constraint public.c.c_p_fkey",
            "set_row_security public.c true false"
        ]
    );
    let Change::CreateTable(t) = &changes[0] else {
        panic!("{changes:?}")
    };
    let kept: Vec<&str> = t.constraints.keys().map(|k| k.as_str()).collect();
    assert_eq!(kept, ["c_id_check", "c_pkey"]);
}

#[test]
fn changed_constraint_is_dropped_and_added_not_valid_to_valid_is_validated() {
    let from = "CREATE TABLE t (a int, CONSTRAINT c1 CHECK (a > 0), CONSTRAINT c3 CHECK (a < 9));
                ALTER TABLE t ADD CONSTRAINT c2 CHECK (a <> 5) NOT VALID;";
    let to = "CREATE TABLE t (a int, CONSTRAINT c1 CHECK (a > 1), CONSTRAINT c2 CHECK (a <> 5));";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_constraint public.t.c1",
            "add_constraint public.t.c1",
            "validate_constraint public.t.c2",
            "drop_constraint public.t.c3"
        ]
    );
}

#[test]
fn partitioning_change_recreates_the_table_and_its_partitions() {
    let from = "CREATE TABLE t (a int) PARTITION BY RANGE (a);
                CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);";
    let to = "CREATE TABLE t (a int) PARTITION BY LIST (a);
              CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_table public.t",
            "drop_table public.t1",
            "create_table public.t",
            "create_table public.t1"
        ]
    );
}

#[test]
fn foreign_keys_to_a_dropped_table_are_dropped_unless_their_table_goes_too() {
    let from = "CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (id int, p int REFERENCES p);
                CREATE TABLE d (p int REFERENCES p);";
    let to = "CREATE TABLE c (id int, p int);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_table public.d",
            "drop_table public.p",
            "drop_constraint public.c.c_p_fkey"
        ]
    );
}

#[test]
fn foreign_key_to_a_recreated_table_is_dropped_and_added_again() {
    let from = "CREATE TABLE p (id int PRIMARY KEY) PARTITION BY HASH (id);
                CREATE TABLE c (p int REFERENCES p);";
    let to = "CREATE TABLE p (id int PRIMARY KEY);
              CREATE TABLE c (p int REFERENCES p);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_table public.p",
            "create_table public.p",
            "drop_constraint public.c.c_p_fkey",
            "add_constraint public.c.c_p_fkey"
        ]
    );
}

#[test]
fn settings_row_security_logged_options() {
    let from = "CREATE TABLE t (a int) WITH (fillfactor=70, autovacuum_enabled=false);";
    let to = "CREATE UNLOGGED TABLE t (a int) WITH (fillfactor=80);
              ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY;";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "set_row_security public.t true true",
            "set_logged public.t true",
            r#"set_table_options public.t ["fillfactor=80"] ["autovacuum_enabled"]"#
        ]
    );
}

#[test]
fn renames_need_explicit_intent() {
    let from = "CREATE TABLE old_t (a int, b int, CONSTRAINT k CHECK (a > 0));";
    let to = "-- schemadiff:renamed-from old_t
              CREATE TABLE t (a int, b int, CONSTRAINT k CHECK (a > 0));";
    assert_eq!(
        names(&diff_sql(from, to)),
        ["rename_table public.old_t public.t"]
    );
    let plain = "CREATE TABLE t (a int, b int, CONSTRAINT k CHECK (a > 0));";
    assert_eq!(
        names(&diff_sql(from, plain)),
        ["drop_table public.old_t", "create_table public.t"]
    );
}

#[test]
fn renamed_column_and_constraint_then_compared() {
    let cur = catalog("CREATE TABLE t (a int, CONSTRAINT k CHECK (b > 0), b int, UNIQUE (a));");
    let mut des =
        catalog("CREATE TABLE t (x bigint, CONSTRAINT k2 CHECK (b > 0), b int, UNIQUE (x));");
    let name = schemadiff_model::QualifiedName::new("public", "t");
    let t = des.tables.get_mut(&name).expect("t");
    t.column_mut(&"x".into()).expect("x").meta.renamed_from = Some(Box::new("a".into()));
    t.constraints
        .get_mut(&"k2".into())
        .expect("k2")
        .meta
        .renamed_from = Some(Box::new("k".into()));
    // The unique constraint's generated name changed with the column: renamed too.
    let changes = diff(DiffInput {
        current: &cur,
        desired: &des,
        source: None,
    })
    .changes;
    assert_eq!(
        names(&changes),
        [
            "rename_column public.t.a x",
            "alter_column public.t.x",
            "rename_constraint public.t.k k2",
            "rename_constraint public.t.t_a_key t_x_key"
        ]
    );
}

#[test]
fn objects_to_create_come_from_the_source_catalog() {
    let cur = catalog("CREATE TABLE t (a int);");
    let des = catalog("CREATE TABLE t (a int, b int DEFAULT (1));");
    let src = catalog("CREATE TABLE t (a int, b int DEFAULT 1 + 0);");
    let changes = diff(DiffInput {
        current: &cur,
        desired: &des,
        source: Some(&src),
    })
    .changes;
    let [Change::AddColumn { column, .. }] = changes.as_slice() else {
        panic!("{changes:?}")
    };
    assert_eq!(
        column.default.as_ref().map(|d| d.sql.as_str()),
        Some("1 + 0")
    );
}

#[test]
fn renamed_table_renames_its_generated_constraint_and_index_names() {
    let from = "CREATE TABLE a (x int PRIMARY KEY, y int REFERENCES a); CREATE INDEX ON a (y);";
    let to = "-- schemadiff:renamed-from a
              CREATE TABLE b (x int PRIMARY KEY, y int REFERENCES b); CREATE INDEX ON b (y);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "rename_table public.a public.b",
            "rename_constraint public.b.a_pkey b_pkey",
            "rename_constraint public.b.a_y_fkey b_y_fkey",
            "rename_index public.a_y_idx public.b_y_idx"
        ]
    );
}
