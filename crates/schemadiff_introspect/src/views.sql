-- Views and materialized views in scope that no extension owns: the query as
-- pg_get_viewdef(oid, true) renders it, reloptions (check_option included), and
-- whether a materialized view holds data (relispopulated).
SELECT c.oid,
       n.nspname,
       c.relname,
       c.relkind = 'm' AS materialized,
       pg_get_viewdef(c.oid, true) AS query,
       c.reloptions,
       c.relispopulated
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND c.oid NOT IN (
      -- Extension members, through pg_depend_reference_index (refclassid first).
      SELECT d.objid FROM pg_depend d
      WHERE d.refclassid = 'pg_extension'::regclass
        AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
  )
ORDER BY n.nspname, c.relname
