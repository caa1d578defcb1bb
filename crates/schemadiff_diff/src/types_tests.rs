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
