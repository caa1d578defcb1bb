-- Columns of the tables tables.sql returns, in attnum order, without dropped columns:
-- type (format_type), NOT NULL, default or generated expression (pg_get_expr), identity
-- kind with its sequence's parameters, and the collation when it is not the type's.
-- Columns only inherited from a parent or partitioned table (attislocal = false) come
-- with their name alone: they are not the child's own, but its keys may name them.
SELECT a.attrelid,
       a.attnum,
       a.attname,
       a.attislocal,
       a.atttypid,
       CASE WHEN a.attislocal THEN format_type(a.atttypid, a.atttypmod) END AS formatted,
       a.attnotnull,
       -- Only generated expressions mention columns; without a relation the deparse is cheaper.
       CASE WHEN a.attislocal
            THEN pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END, true)
       END AS expr,
       a.attidentity,
       a.attgenerated,
       cn.nspname AS collation_schema,
       co.collname AS collation_name,
       idseq.seqtypid,
       idseq.seqincrement,
       idseq.seqmin,
       idseq.seqmax,
       idseq.seqstart,
       idseq.seqcache,
       idseq.seqcycle
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN LATERAL (
    SELECT s.*
    FROM pg_depend d
    JOIN pg_sequence s ON s.seqrelid = d.objid
    WHERE a.attidentity <> '' AND a.attislocal -- one-time filters: no lookup for ordinary columns
      AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
    LIMIT 1
) idseq ON true
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p')
  AND (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
ORDER BY a.attrelid, a.attnum
