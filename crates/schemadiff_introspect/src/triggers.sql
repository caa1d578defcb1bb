-- User triggers (tgisinternal = false, not clones on partitions: tgparentid = 0) on
-- relations in scope that no extension owns: pg_get_triggerdef(oid, true) and the
-- function it executes (trigger functions take no arguments).
SELECT tg.oid,
       n.nspname,
       c.relname,
       tg.tgname,
       pg_get_triggerdef(tg.oid, true) AS definition,
       fn.nspname AS function_schema,
       p.proname AS function_name
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = tg.tgfoid
JOIN pg_namespace fn ON fn.oid = p.pronamespace
WHERE NOT tg.tgisinternal
  AND tg.tgparentid = 0
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
ORDER BY n.nspname, c.relname, tg.tgname
