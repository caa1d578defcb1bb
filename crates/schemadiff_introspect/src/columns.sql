-- Columns of the tables tables.sql returns, in attnum order, without dropped columns:
-- type (format_type), NOT NULL, default or generated expression (pg_get_expr), identity
-- kind with its sequence's parameters, and the collation when it is not the type's.
-- Columns only inherited from a parent or partitioned table (attislocal = false) come
-- with their name alone: they are not the child's own, but its keys may name them.
-- An expression without column references (every default, some generated columns)
-- deparses the same without its relation, so default_texts deparses it once per
-- distinct adbin in the database (~3 µs each; schemas repeat defaults a lot) and the
-- rows take the text by pg_attrdef OID. Expressions that name columns (generated
-- columns) are deparsed one by one against their table.
WITH default_texts AS (
    SELECT m.oid, t.text
    FROM (SELECT min(ad.oid) AS rep, array_agg(ad.oid) AS members
          FROM pg_attrdef ad
          -- No Var node: a constant's value is in the text as bytes, never as words.
          WHERE ad.adbin::text NOT LIKE '%{VAR %'
          GROUP BY ad.adbin::text) g
    CROSS JOIN LATERAL (
        SELECT pg_get_expr(x.adbin, 0, true) AS text FROM pg_attrdef x WHERE x.oid = g.rep
    ) t
    CROSS JOIN LATERAL unnest(g.members) m(oid)
)
SELECT a.attrelid,
       a.attnum,
       a.attname,
       a.attislocal,
       a.atttypid,
       CASE WHEN a.attislocal THEN format_type(a.atttypid, a.atttypmod) END AS formatted,
       a.attnotnull,
       CASE WHEN a.attislocal
            THEN coalesce(dt.text, pg_get_expr(ad.adbin, ad.adrelid, true))
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
LEFT JOIN default_texts dt ON dt.oid = ad.oid
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
