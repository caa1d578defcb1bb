-- Primary key, unique, foreign key, check and exclusion constraints declared on the
-- tables in scope (not those cloned onto partitions or inherited: conparentid = 0,
-- conislocal). Key columns come from conkey/confkey in key order, INCLUDE columns from
-- the backing index beyond indnkeyatts; CHECK text is pg_get_constraintdef; exclusion
-- elements are pg_get_indexdef per key column with their operators from conexclop.
-- Arrays are built set-based (unnest over all constraints, then grouped).
WITH con AS (
    SELECT con.*
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
      AND con.conparentid = 0
      AND con.conislocal
      AND c.relkind IN ('r', 'p')
      AND (n.nspname = ANY ($1::text[])
           OR (cardinality($1::text[]) = 0
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname !~ '^pg_(toast|temp)'))
),
cols AS (
    SELECT con.oid, array_agg(a.attname::text ORDER BY k.ord) AS names
    FROM con
    CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    GROUP BY con.oid
),
ref_cols AS (
    SELECT con.oid, array_agg(a.attname::text ORDER BY k.ord) AS names
    FROM con
    CROSS JOIN LATERAL unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
    WHERE con.contype = 'f'
    GROUP BY con.oid
),
backing AS (
    SELECT con.oid, i.indexrelid, i.indrelid, i.indkey, i.indclass, i.indnkeyatts,
           i.indnullsnotdistinct, i.indpred
    FROM con
    JOIN pg_index i ON i.indexrelid = con.conindid
    WHERE con.contype IN ('p', 'u', 'x')
),
included AS (
    SELECT b.oid, array_agg(a.attname::text ORDER BY k.ord) AS names
    FROM backing b
    CROSS JOIN LATERAL unnest(b.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = b.indrelid AND a.attnum = k.attnum
    WHERE k.ord > b.indnkeyatts
    GROUP BY b.oid
),
exclusion AS (
    SELECT con.oid,
           array_agg(pg_get_indexdef(con.conindid, k.ord::int, true)
                     || CASE WHEN opc.opcdefault THEN '' ELSE ' ' || opc.opcname END
                     ORDER BY k.ord) AS elements,
           array_agg(o.oprname::text ORDER BY k.ord) AS operators
    FROM con
    JOIN backing b ON b.oid = con.oid
    CROSS JOIN LATERAL unnest(con.conexclop, b.indclass::oid[]) WITH ORDINALITY k(op, opclass, ord)
    JOIN pg_operator o ON o.oid = k.op
    LEFT JOIN pg_opclass opc ON opc.oid = k.opclass
    WHERE con.contype = 'x'
    GROUP BY con.oid
)
SELECT con.oid,
       con.conrelid,
       con.conname,
       con.contype,
       con.condeferrable,
       con.condeferred,
       con.convalidated,
       con.connoinherit,
       cols.names AS columns,
       included.names AS include,
       coalesce(b.indnullsnotdistinct, false) AS nulls_not_distinct,
       fn.nspname AS ref_schema,
       fc.relname AS ref_table,
       ref_cols.names AS ref_columns,
       con.confupdtype,
       con.confdeltype,
       con.confmatchtype,
       CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END AS check_def,
       am.amname AS exclusion_method,
       exclusion.elements AS exclusion_elements,
       exclusion.operators AS exclusion_operators,
       CASE WHEN con.contype = 'x' THEN pg_get_expr(b.indpred, b.indrelid, true) END AS exclusion_predicate
FROM con
LEFT JOIN cols ON cols.oid = con.oid
LEFT JOIN ref_cols ON ref_cols.oid = con.oid
LEFT JOIN backing b ON b.oid = con.oid
LEFT JOIN included ON included.oid = con.oid
LEFT JOIN exclusion ON exclusion.oid = con.oid
LEFT JOIN pg_class ic ON ic.oid = b.indexrelid AND con.contype = 'x'
LEFT JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_class fc ON fc.oid = con.confrelid AND con.contype = 'f'
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
