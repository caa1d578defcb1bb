-- Ordinary and partitioned tables in scope that no extension owns: persistence, row
-- security, storage options, the partition key (pg_get_partkeydef), and either the
-- partition parent with its bound (pg_get_expr(relpartbound)) or the INHERITS parents
-- in inhseqno order.
SELECT c.oid,
       n.nspname,
       c.relname,
       c.relpersistence,
       c.relrowsecurity,
       c.relforcerowsecurity,
       c.reloptions,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       c.relispartition,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid, true) END AS partition_bound,
       parents.schemas AS parent_schemas,
       parents.names AS parent_names
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
    SELECT array_agg(pn.nspname::text ORDER BY i.inhseqno) AS schemas,
           array_agg(pc.relname::text ORDER BY i.inhseqno) AS names
    FROM pg_inherits i
    JOIN pg_class pc ON pc.oid = i.inhparent
    JOIN pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE i.inhrelid = c.oid
) parents ON true
WHERE c.relkind IN ('r', 'p')
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
