-- Row-level security policies on tables in scope that no extension owns: command,
-- permissive or restrictive, role names (0 = public) sorted, and the USING / WITH CHECK
-- expressions as pg_get_expr renders them.
SELECT pol.oid,
       n.nspname,
       c.relname,
       pol.polname,
       pol.polcmd,
       pol.polpermissive,
       ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END
             FROM unnest(pol.polroles) r
             ORDER BY 1) AS roles,
       pg_get_expr(pol.polqual, pol.polrelid, true) AS using_expr,
       pg_get_expr(pol.polwithcheck, pol.polrelid, true) AS check_expr
FROM pg_policy pol
JOIN pg_class c ON c.oid = pol.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND c.oid NOT IN (
      -- Extension members, through pg_depend_reference_index (refclassid first).
      SELECT d.objid FROM pg_depend d
      WHERE d.refclassid = 'pg_extension'::regclass
        AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
  )
ORDER BY n.nspname, c.relname, pol.polname
