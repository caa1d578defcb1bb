-- Indexes on tables and materialized views in scope, except those backing a primary key,
-- unique or exclusion constraint and those attached to a partitioned parent index.
-- Per index, as raw arrays the client reads by position: indkey (key columns, then
-- INCLUDE columns; 0 = an expression), indoption. Only what needs the server comes as
-- text, and only where it applies, so a plain index costs no per-key subquery:
-- - column names for materialized views (a table's columns come from columns.sql);
-- - non-default opclasses (qualified unless built in or from an extension), when the
--   index has one (an overlap test against the non-default opclasses, computed once);
-- - collations that are not the column's (for expressions, the key type's), when a key
--   has a collation at all;
-- - expression keys (pg_get_indexdef(indexrelid, k, true)) and the predicate
--   (pg_get_expr). Deparsing opens the table's relation cache entry, which a fresh
--   backend builds from the catalogs: ~50 µs per table. So it runs once per distinct
--   (indexprs, indpred, indkey, names of the columns they reference): text_rep is that
--   group's first index, and the client copies the texts of text_rep to the others.
WITH idx AS (
    SELECT i.indexrelid, i.indrelid, i.indkey::int2[] AS attnums, i.indclass::oid[] AS opclasses,
           i.indcollation::oid[] AS collations, i.indoption::int2[] AS options,
           i.indnkeyatts, i.indisunique, i.indnullsnotdistinct, i.indexprs, i.indpred,
           n.nspname, ic.relname, ic.relam, ic.reloptions, tc.relkind,
           tn.nspname AS table_schema, tc.relname AS table_name
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = ic.relnamespace
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace tn ON tn.oid = tc.relnamespace
    WHERE tc.relkind IN ('r', 'p', 'm')
      AND NOT ic.relispartition
      AND (tn.nspname = ANY ($1::text[])
           OR (cardinality($1::text[]) = 0
               AND tn.nspname NOT IN ('pg_catalog', 'information_schema')
               AND tn.nspname !~ '^pg_(toast|temp)'))
      -- NOT IN over small sets: one hashed scan instead of a probe per index.
      AND i.indexrelid NOT IN (
          SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x')
      )
      -- Extension members through pg_depend_reference_index (refclassid first), not a
      -- scan of all of pg_depend.
      AND i.indrelid NOT IN (
          SELECT d.objid FROM pg_depend d
          WHERE d.refclassid = 'pg_extension'::regclass
            AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
      )
),
-- Non-default opclasses as two arrays (read once): a key's opclass is named by its
-- position in oids, qualified unless built in or from an extension.
nondefault AS MATERIALIZED (
    SELECT array_agg(opc.oid ORDER BY opc.oid) AS oids,
           array_agg(CASE WHEN opcn.nspname = 'pg_catalog' OR EXISTS (
                              SELECT FROM pg_depend d
                              WHERE d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid
                                AND d.deptype = 'e')
                          THEN opc.opcname::text
                          ELSE opcn.nspname || '.' || opc.opcname END
                     ORDER BY opc.oid) AS names
    FROM pg_opclass opc
    JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
    WHERE NOT opc.opcdefault
),
grouped AS (
    SELECT idx.*,
           CASE WHEN idx.indexprs IS NOT NULL OR idx.indpred IS NOT NULL THEN
               min(idx.indexrelid) OVER (PARTITION BY
                   idx.indexprs IS NOT NULL OR idx.indpred IS NOT NULL,
                   CASE WHEN idx.indexprs IS NOT NULL OR idx.indpred IS NOT NULL THEN idx.indexprs::text END,
                   CASE WHEN idx.indexprs IS NOT NULL OR idx.indpred IS NOT NULL THEN idx.indpred::text END,
                   CASE WHEN idx.indexprs IS NOT NULL OR idx.indpred IS NOT NULL THEN idx.attnums END,
                   -- Every column reference, in order (varno is always 1 here); a
                   -- whole-row reference prints the table's name.
                   CASE WHEN idx.indexprs IS NOT NULL OR idx.indpred IS NOT NULL THEN ARRAY(
                       SELECT CASE WHEN m.attnum = 0 THEN '*' || idx.table_name
                                   ELSE (SELECT a.attname::text FROM pg_attribute a
                                         WHERE a.attrelid = idx.indrelid AND a.attnum = m.attnum) END
                       FROM (SELECT r[1]::int2 AS attnum
                             FROM regexp_matches(coalesce(idx.indexprs::text, '')
                                                 || coalesce(idx.indpred::text, ''),
                                                 ':varattno (-?[0-9]+)', 'g') r) m) END)
           END AS text_rep
    FROM idx
)
SELECT g.indexrelid,
       g.indrelid,
       g.nspname,
       g.relname,
       g.table_schema,
       g.table_name,
       g.indisunique,
       g.indnullsnotdistinct,
       am.amname,
       g.reloptions,
       g.attnums,
       g.indnkeyatts,
       g.options AS key_options,
       g.text_rep,
       CASE WHEN g.relkind = 'm' THEN ARRAY(
           SELECT (SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = g.indrelid AND a.attnum = k.attnum)
           FROM unnest(g.attnums) WITH ORDINALITY k(attnum, ord)
           ORDER BY k.ord) END AS column_names,
       CASE WHEN g.text_rep = g.indexrelid AND g.indexprs IS NOT NULL THEN ARRAY(
           SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(g.indexrelid, k.ord::int, true) END
           FROM unnest(g.attnums) WITH ORDINALITY k(attnum, ord)
           WHERE k.ord <= g.indnkeyatts
           ORDER BY k.ord) END AS key_texts,
       CASE WHEN g.text_rep = g.indexrelid THEN pg_get_expr(g.indpred, g.indrelid, true) END AS predicate,
       CASE WHEN g.opclasses && (SELECT nd.oids FROM nondefault nd) THEN ARRAY(
           SELECT (SELECT nd.names[array_position(nd.oids, k.opclass)] FROM nondefault nd)
           FROM unnest(g.opclasses) WITH ORDINALITY k(opclass, ord)
           ORDER BY k.ord) END AS key_opclasses,
       coll.schemas AS key_coll_schemas,
       coll.names AS key_coll_names
FROM grouped g
JOIN pg_am am ON am.oid = g.relam
LEFT JOIN LATERAL (
    SELECT array_agg(c.nspname ORDER BY k.ord) AS schemas,
           array_agg(c.collname ORDER BY k.ord) AS names
    -- indcollation has the key columns only (int2vector and oidvector count from 0).
    FROM unnest(g.collations, g.attnums) WITH ORDINALITY k(coll, attnum, ord)
    LEFT JOIN LATERAL (
        SELECT cn.nspname::text, co.collname::text
        FROM pg_collation co
        JOIN pg_namespace cn ON cn.oid = co.collnamespace
        WHERE co.oid = k.coll
          AND k.coll <> CASE
              WHEN k.attnum > 0 THEN (SELECT a.attcollation FROM pg_attribute a
                                       WHERE a.attrelid = g.indrelid AND a.attnum = k.attnum)
              ELSE (SELECT xt.typcollation
                    FROM pg_attribute xa JOIN pg_type xt ON xt.oid = xa.atttypid
                    WHERE xa.attrelid = g.indexrelid AND xa.attnum = k.ord)
          END
    ) c ON true
    -- A one-time filter: indexes without a collatable key run nothing here.
    WHERE NOT (g.collations <@ '{0}'::oid[]) AND k.ord <= g.indnkeyatts
) coll ON true
ORDER BY g.nspname, g.relname
