-- Indexes on tables and materialized views in scope, except those backing a primary key,
-- unique or exclusion constraint and those attached to a partitioned parent index.
-- Key columns in order (one unnest WITH ORDINALITY over all indexes, then grouped):
-- column name or pg_get_indexdef(indexrelid, k, true) for expressions, the opclass when
-- it is not the default (opcdefault; qualified unless built in or from an extension),
-- the collation when it is not the column's (for expressions, the key type's), indoption.
WITH idx AS (
    SELECT i.indexrelid, i.indrelid, i.indkey, i.indclass, i.indcollation, i.indoption,
           i.indnkeyatts, i.indisunique, i.indnullsnotdistinct, i.indpred,
           n.nspname, ic.relname, ic.relam, ic.reloptions,
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
      AND i.indrelid NOT IN (
          SELECT d.objid FROM pg_depend d
          WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'
      )
),
keys AS (
    SELECT idx.indexrelid, idx.indrelid, idx.indnkeyatts, k.*
    FROM idx,
         unnest(idx.indkey::int2[], idx.indclass::oid[], idx.indcollation::oid[],
                idx.indoption::int2[]) WITH ORDINALITY k(attnum, opclass, coll_oid, opt, ord)
),
described AS (
    SELECT keys.indexrelid,
           keys.ord,
           keys.ord <= keys.indnkeyatts AS is_key,
           keys.attnum = 0 AS is_expr,
           CASE WHEN keys.attnum = 0
                THEN pg_get_indexdef(keys.indexrelid, keys.ord::int, true)
                ELSE ta.attname::text END AS text,
           CASE WHEN opc.opcdefault THEN NULL
                WHEN opcn.nspname = 'pg_catalog' OR EXISTS (
                    SELECT FROM pg_depend d
                    WHERE d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid
                      AND d.deptype = 'e')
                THEN opc.opcname::text
                ELSE opcn.nspname || '.' || opc.opcname END AS opclass,
           CASE WHEN keys.coll_oid <> 0 AND keys.coll_oid <> CASE
                    WHEN keys.attnum > 0 THEN ta.attcollation
                    ELSE (SELECT xt.typcollation
                          FROM pg_attribute xa JOIN pg_type xt ON xt.oid = xa.atttypid
                          WHERE xa.attrelid = keys.indexrelid AND xa.attnum = keys.ord)
                END
                THEN keys.coll_oid END AS coll_oid,
           keys.opt
    FROM keys
    LEFT JOIN pg_attribute ta ON ta.attrelid = keys.indrelid AND ta.attnum = keys.attnum
    LEFT JOIN pg_opclass opc ON opc.oid = keys.opclass
    LEFT JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
),
grouped AS (
    SELECT d.indexrelid,
           array_agg(d.is_expr ORDER BY d.ord) FILTER (WHERE d.is_key) AS key_exprs,
           array_agg(d.text ORDER BY d.ord) FILTER (WHERE d.is_key) AS key_texts,
           array_agg(d.opclass ORDER BY d.ord) FILTER (WHERE d.is_key) AS key_opclasses,
           array_agg(cn.nspname::text ORDER BY d.ord) FILTER (WHERE d.is_key) AS key_coll_schemas,
           array_agg(co.collname::text ORDER BY d.ord) FILTER (WHERE d.is_key) AS key_coll_names,
           array_agg(d.opt ORDER BY d.ord) FILTER (WHERE d.is_key) AS key_options,
           array_agg(d.text ORDER BY d.ord) FILTER (WHERE NOT d.is_key) AS include
    FROM described d
    LEFT JOIN pg_collation co ON co.oid = d.coll_oid
    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
    GROUP BY d.indexrelid
)
SELECT idx.indexrelid,
       idx.nspname,
       idx.relname,
       idx.table_schema,
       idx.table_name,
       idx.indisunique,
       idx.indnullsnotdistinct,
       am.amname,
       idx.reloptions,
       pg_get_expr(idx.indpred, idx.indrelid, true) AS predicate,
       g.key_exprs,
       g.key_texts,
       g.key_opclasses,
       g.key_coll_schemas,
       g.key_coll_names,
       g.key_options,
       g.include
FROM idx
JOIN grouped g ON g.indexrelid = idx.indexrelid
JOIN pg_am am ON am.oid = idx.relam
ORDER BY idx.nspname, idx.relname
