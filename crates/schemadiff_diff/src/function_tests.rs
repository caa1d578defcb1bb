//! Tests of function diffs.

use crate::test_util::{diff_sql, names};

#[test]
fn replace_when_possible_else_drop_and_create() {
    let from = "
        CREATE FUNCTION body(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
        CREATE FUNCTION ret(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
        CREATE FUNCTION arg(a int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE FUNCTION gone() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE PROCEDURE p(a int) LANGUAGE sql AS $$ SELECT 1 $$;";
    let to = "
        CREATE FUNCTION body(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;
        CREATE FUNCTION ret(a int) RETURNS bigint LANGUAGE sql AS $$ SELECT a $$;
        CREATE FUNCTION arg(b int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE FUNCTION new() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE PROCEDURE p(a int) LANGUAGE sql AS $$ SELECT 2 $$;";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_function public.arg(integer)",
            "create_function public.arg(integer)",
            "replace_function public.body(integer)",
            "create_function public.new()",
            "drop_function public.ret(integer)",
            "create_function public.ret(integer)",
            "replace_function public.p(integer)",
            "drop_function public.gone()",
        ]
    );
}

#[test]
fn removing_a_default_needs_drop_and_create_adding_one_does_not() {
    let from = "CREATE FUNCTION f(a int DEFAULT 1) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
                CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;";
    let to = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;
              CREATE FUNCTION g(a int DEFAULT 1) RETURNS int LANGUAGE sql AS $$ SELECT a $$;";
    assert_eq!(
        names(&diff_sql(from, to)),
        [
            "drop_function public.f(integer)",
            "create_function public.f(integer)",
            "replace_function public.g(integer)",
        ]
    );
}

#[test]
fn defaults_checks_indexes_and_policies_calling_a_recreated_function_make_way() {
    let body = "RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;";
    let users = "CREATE TABLE t (a int DEFAULT f(1) CHECK (a > f(0)), b int DEFAULT f(2));
        CREATE INDEX t_f ON t ((a + f(3)));
        CREATE INDEX t_b ON t (b);
        CREATE POLICY p ON t USING (a = f(4));";
    let from = format!("CREATE FUNCTION f(x int) {body} {users}");
    let to = format!(
        "CREATE FUNCTION f(y int) {body} {}",
        users.replace("DEFAULT f(2)", "DEFAULT 2")
    );
    let changes = diff_sql(&from, &to);
    assert_eq!(
        names(&changes),
        [
            "alter_column public.t.a",
            "alter_column public.t.a",
            "alter_column public.t.b",
            "drop_constraint public.t.t_a_check",
            "add_constraint public.t.t_a_check",
            "drop_index public.t_f",
            "create_index public.t_f",
            "drop_function public.f(integer)",
            "create_function public.f(integer)",
            "drop_policy p on public.t",
            "create_policy p on public.t",
        ]
    );
    let defaults: Vec<(Option<String>, Option<String>)> = changes
        .iter()
        .filter_map(|c| match c {
            crate::Change::AlterColumn { from, to, .. } => Some((
                from.default.as_ref().map(|e| e.sql.clone()),
                to.default.as_ref().map(|e| e.sql.clone()),
            )),
            _ => None,
        })
        .collect();
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        defaults,
        [
            (some("f(1)"), None),
            (None, some("f(1)")),
            (some("f(2)"), some("2")),
        ]
    );
}
