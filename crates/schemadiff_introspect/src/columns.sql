-- Columns of the tables tables.sql returns, without dropped columns (in no order: the
-- client sorts them by table and attnum):
-- type (format_type), NOT NULL, default or generated expression (pg_get_expr), identity
-- kind with its sequence's parameters, and the collation when it is not the type's.
-- Columns only inherited from a parent or partitioned table (attislocal = false) come
-- with their name alone: they are not the child's own, but its keys may name them.
-- Defaults come from one pass over pg_attrdef, hash-joined to the columns (not a probe
-- per column), deparsed once per distinct adbin: a default names no column, so its
-- text does not depend on its table. Generated expressions name columns: each is
-- deparsed against its table.
WITH default_groups AS MATERIALIZED (
    -- Materialized: pg_get_expr runs once per group (inlined, the planner would
    -- evaluate it where the text is used, once per column).
    SELECT g.relids, g.attnums,
           (SELECT pg_get_expr(x.adbin, 0, true) FROM pg_attrdef x WHERE x.oid = g.rep) AS text
    FROM (SELECT min(ad.oid) AS rep, array_agg(ad.adrelid) AS relids,
                 array_agg(ad.adnum) AS attnums
          FROM pg_attrdef ad
          -- No Var node: a constant's value is in the text as bytes, never as words.
          WHERE strpos(ad.adbin::text, '{VAR ') = 0
          GROUP BY ad.adbin::text) g
),
default_texts AS (
    SELECT m.relid, m.attnum, dg.text
    FROM default_groups dg
    CROSS JOIN LATERAL unnest(dg.relids, dg.attnums) m(relid, attnum)
)
SELECT a.attrelid,
       a.attnum,
       a.attname,
       a.attislocal,
       a.atttypid,
       CASE WHEN a.attislocal THEN format_type(a.atttypid, a.atttypmod) END AS formatted,
       a.attnotnull,
       CASE WHEN NOT a.attislocal THEN NULL
            WHEN a.attgenerated = '' THEN dt.text
            ELSE (SELECT pg_get_expr(ad.adbin, ad.adrelid, true)
                  FROM pg_attrdef ad
                  WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END AS expr,
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
LEFT JOIN default_texts dt ON dt.relid = a.attrelid AND dt.attnum = a.attnum
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
