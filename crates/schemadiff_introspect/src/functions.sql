-- Functions and procedures in scope that no extension owns (aggregates and window
-- functions are left out): pg_get_functiondef, every argument (mode, name, type OID and
-- format_type, in order), the defaults as one pg_get_expr list, the result
-- (pg_get_function_result), the body (prosrc, or pg_get_function_sqlbody for SQL-standard
-- bodies) and the attributes that differ between functions.
SELECT p.oid,
       n.nspname,
       p.proname,
       p.prokind,
       l.lanname,
       p.prosrc,
       CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) END AS sql_body,
       pg_get_functiondef(p.oid) AS definition,
       args.types AS arg_types,
       args.formatted AS arg_formatted,
       p.proargmodes::text[] AS arg_modes,
       p.proargnames AS arg_names,
       pg_get_expr(p.proargdefaults, 0) AS arg_defaults,
       p.prorettype,
       format_type(p.prorettype, NULL) AS return_type,
       p.proretset,
       pg_get_function_result(p.oid) AS result,
       p.provolatile,
       p.proisstrict,
       p.prosecdef,
       p.proleakproof,
       p.proparallel,
       p.procost,
       p.prorows,
       p.proconfig
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
CROSS JOIN LATERAL (
    SELECT array_agg(u.t ORDER BY u.ord) AS types,
           array_agg(format_type(u.t, NULL) ORDER BY u.ord) AS formatted
    FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY u(t, ord)
) args
WHERE p.prokind IN ('f', 'p')
  AND (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND p.oid NOT IN (
      -- Extension members, through pg_depend_reference_index (refclassid first).
      SELECT d.objid FROM pg_depend d
      WHERE d.refclassid = 'pg_extension'::regclass
        AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
  )
ORDER BY n.nspname, p.proname, p.oid
