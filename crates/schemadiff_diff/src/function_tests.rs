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
