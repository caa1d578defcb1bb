-- Enum, composite and domain types in scope that no extension owns, one row each:
-- enum labels in enumsortorder; composite attributes (name, type, non-default
-- collation) in attnum order; domain base type, default, NOT NULL, non-default
-- collation and CHECK constraints (name and pg_get_constraintdef text) by name.
SELECT t.oid,
       n.nspname,
       t.typname,
       t.typtype,
       ARRAY(SELECT e.enumlabel FROM pg_enum e
             WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
       t.typbasetype AS base_oid,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       pg_get_expr(t.typdefaultbin, 0, true) AS default_expr,
       t.typnotnull,
       coll.nsp AS collation_schema,
       coll.name AS collation_name,
       checks.names AS check_names,
       checks.defs AS check_defs,
       attrs.names AS attr_names,
       attrs.types AS attr_types,
       attrs.formatted AS attr_formatted,
       attrs.coll_schemas AS attr_coll_schemas,
       attrs.coll_names AS attr_coll_names
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_class c ON c.oid = t.typrelid
LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN LATERAL (
    SELECT cn.nspname AS nsp, co.collname AS name
    FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
    WHERE co.oid = t.typcollation AND t.typtype = 'd' AND t.typcollation <> bt.typcollation
) coll ON true
LEFT JOIN LATERAL (
    SELECT array_agg(con.conname::text ORDER BY con.conname) AS names,
           array_agg(pg_get_constraintdef(con.oid, true) ORDER BY con.conname) AS defs
    FROM pg_constraint con
    WHERE con.contypid = t.oid AND con.contype = 'c'
) checks ON true
LEFT JOIN LATERAL (
    SELECT array_agg(a.attname::text ORDER BY a.attnum) AS names,
           array_agg(a.atttypid ORDER BY a.attnum) AS types,
           array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS formatted,
           array_agg(cn.nspname::text ORDER BY a.attnum) AS coll_schemas,
           array_agg(co.collname::text ORDER BY a.attnum) AS coll_names
    FROM pg_attribute a
    JOIN pg_type at ON at.oid = a.atttypid
    LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> at.typcollation
    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
) attrs ON t.typtype = 'c'
WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND c.relkind = 'c'))
  AND (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND t.oid NOT IN (
      -- Extension members, through pg_depend_reference_index (refclassid first).
      SELECT d.objid FROM pg_depend d
      WHERE d.refclassid = 'pg_extension'::regclass
        AND d.classid = 'pg_type'::regclass AND d.deptype = 'e'
  )
ORDER BY n.nspname, t.typname
