//! Tests of type diffs.

use super::added_labels;
use crate::change::EnumPosition;
use crate::test_util::{diff_sql, names};

fn labels(l: &[&str]) -> Vec<String> {
    l.iter().map(|s| s.to_string()).collect()
}

#[test]
fn labels_appended_and_inserted_in_order() {
    let got = added_labels(
        &labels(&["b", "d"]),
        &labels(&["x", "a", "b", "c", "d", "e", "f"]),
    );
    use EnumPosition::*;
    assert_eq!(
        got,
        Some(vec![
            ("x".to_string(), Before("b".into())),
            ("a".to_string(), After("x".into())),
            ("c".to_string(), After("b".into())),
            ("e".to_string(), Last),
            ("f".to_string(), Last),
        ])
    );
    assert_eq!(
        added_labels(&labels(&["a", "b"]), &labels(&["b", "a"])),
        None
    );
    assert_eq!(added_labels(&labels(&["a", "b"]), &labels(&["a"])), None);
}

#[test]
fn enum_changes() {
    let from = "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TYPE r AS ENUM ('a', 'b');
                CREATE TABLE t (x e, y r, z r[]);";
    let to = "CREATE TYPE e AS ENUM ('a', 'c', 'b'); CREATE TYPE r AS ENUM ('b', 'a');
              CREATE TABLE t (x e, y r, z r[]);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            r#"add_enum_value public.e c After("a")"#,
            r#"recreate_enum public.r [(QualifiedName { schema: Ident("public"), name: Ident("t") }, Ident("y")), (QualifiedName { schema: Ident("public"), name: Ident("t") }, Ident("z"))]"#,
        ]
    );
}

#[test]
fn domains_alter_in_place_unless_the_base_type_changes() {
    let from = "CREATE DOMAIN d1 AS int CHECK (VALUE > 0); CREATE DOMAIN d2 AS int; CREATE DOMAIN gone AS int;";
    let to = "CREATE DOMAIN d1 AS int NOT NULL CHECK (VALUE > 1); CREATE DOMAIN d2 AS bigint; CREATE DOMAIN new AS int;";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "alter_type public.d1",
            "drop_type public.d2",
            "create_type public.d2",
            "create_type public.new",
            "drop_type public.gone"
        ]
    );
}

#[test]
fn composite_appended_attributes_alter_reordered_recreate() {
    let from = "CREATE TYPE c1 AS (a int, b int); CREATE TYPE c2 AS (a int, b int);";
    let to = "CREATE TYPE c1 AS (a bigint, c int); CREATE TYPE c2 AS (b int, a int);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "alter_type public.c1",
            "drop_type public.c2",
            "create_type public.c2"
        ]
    );
}

#[test]
fn columns_of_a_recreated_domain_go_through_its_base_type() {
    let from = "CREATE DOMAIN d AS int; CREATE TABLE t (a d DEFAULT 1, b d[], c int);";
    let to = "CREATE DOMAIN d AS bigint; CREATE TABLE t (a d DEFAULT 1, b d[], c int);";
    let changes = diff_sql(from, to);
    assert_eq!(
        names(&changes),
        [
            "drop_type public.d",
            "create_type public.d",
            "alter_column public.t.a",
            "alter_column public.t.a",
            "alter_column public.t.b",
            "alter_column public.t.b",
        ]
    );
    let steps: Vec<(String, String, bool, bool)> = changes
        .iter()
        .filter_map(|c| match c {
            crate::Change::AlterColumn { from, to, .. } => Some((
                from.ty.to_string(),
                to.ty.to_string(),
                from.default.is_some(),
                to.default.is_some(),
            )),
            _ => None,
        })
        .collect();
    let s = |a: &str, b: &str, x, y| (a.to_string(), b.to_string(), x, y);
    assert_eq!(
        steps,
        [
            s("public.d", "integer", true, false),
            s("integer", "public.d", false, true),
            s("public.d[]", "integer[]", false, false),
            s("integer[]", "public.d[]", false, false),
        ]
    );
}

#[test]
fn columns_of_a_recreated_composite_are_added_again() {
    let from = "CREATE TYPE c AS (a int, b int); CREATE TABLE t (x c, y int);";
    let to = "CREATE TYPE c AS (b int, a int); CREATE TABLE t (x c, y int);";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_type public.c",
            "create_type public.c",
            "drop_column public.t.x",
            "add_column public.t.x"
        ]
    );
}

#[test]
fn a_kind_change_goes_through_text_and_retyped_columns_need_no_detour() {
    let from = "CREATE TYPE k AS ENUM ('a'); CREATE TYPE m AS ENUM ('a');
                CREATE TABLE t (x k, y m);";
    let to = "CREATE DOMAIN k AS text; CREATE DOMAIN m AS text; CREATE TABLE t (x k, y text);";
    let changes = diff_sql(from, to);
    let alters: Vec<(String, String, String)> = changes
        .iter()
        .filter_map(|c| match c {
            crate::Change::AlterColumn { from, to, .. } => {
                Some((to.name.to_string(), from.ty.to_string(), to.ty.to_string()))
            }
            _ => None,
        })
        .collect();
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        alters,
        [
            s("x", "public.k", "text"),
            s("x", "text", "public.k"),
            s("y", "public.m", "text")
        ]
    );
}
