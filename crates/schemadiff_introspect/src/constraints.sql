-- Primary key, unique, foreign key, check and exclusion constraints declared on the
-- tables in scope (not those cloned onto partitions or inherited: conparentid = 0,
-- conislocal). Key columns are returned as attnums (conkey; the backing index's indkey
-- beyond indnkeyatts for INCLUDE) and named on the client from columns.sql's rows:
-- naming them here cost ~60% of this query (a pg_attribute probe per key column, then
-- a sorted aggregate per constraint). A foreign key's target may lie outside the scope,
-- so its table and column names come from here, by index probes. CHECK text is
-- pg_get_expr(conbin, conrelid): pg_get_constraintdef would also take a new snapshot and
-- look the row up again. Deparsing opens the table's relation cache entry, which a fresh
-- backend builds from the catalogs (~50 µs per table), so check_groups deparses once per
-- distinct (conbin, names of the columns it references) and the rows take the text by
-- OID, hash-joined. Exclusion elements are
-- pg_get_indexdef per key column with their operators from conexclop.
WITH check_groups AS MATERIALIZED (
    -- Every table CHECK in the database, grouped by node tree and the names of the
    -- columns it references (conkey lists them in order of appearance; a whole-row
    -- reference, 0, prints the table's name). Materialized: pg_get_expr runs once per
    -- group, not once per row.
    SELECT g.members,
           (SELECT pg_get_expr(x.conbin, x.conrelid, true)
            FROM pg_constraint x WHERE x.oid = g.rep) AS text
    FROM (SELECT min(ck.oid) AS rep, array_agg(ck.oid) AS members
          FROM pg_constraint ck
          WHERE ck.contype = 'c' AND ck.conrelid <> 0
          GROUP BY ck.conbin::text,
                   ARRAY(SELECT CASE WHEN k.attnum = 0
                                     THEN '*' || (SELECT r.relname::text FROM pg_class r
                                                  WHERE r.oid = ck.conrelid)
                                     ELSE (SELECT a.attname::text FROM pg_attribute a
                                           WHERE a.attrelid = ck.conrelid
                                             AND a.attnum = k.attnum) END
                         FROM unnest(ck.conkey) WITH ORDINALITY k(attnum, ord)
                         ORDER BY k.ord)) g
),
con AS (
    SELECT con.oid, con.conrelid, con.conindid, con.conname, con.contype,
           con.condeferrable, con.condeferred, con.convalidated, con.connoinherit,
           con.conkey, con.confrelid, con.confkey, con.confupdtype, con.confdeltype,
           con.confmatchtype, con.conexclop
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
check_texts AS (
    SELECT m.oid, cg.text
    FROM check_groups cg
    CROSS JOIN LATERAL unnest(cg.members) m(oid)
)
SELECT con.oid,
       con.conrelid,
       con.conindid,
       con.conname,
       con.contype,
       con.condeferrable,
       con.condeferred,
       con.convalidated,
       con.connoinherit,
       con.conkey AS key_attnums,
       b.indkey::int2[] AS index_attnums,
       b.indnkeyatts,
       coalesce(b.indnullsnotdistinct, false) AS nulls_not_distinct,
       fk.nspname AS ref_schema,
       fk.relname AS ref_table,
       fk.columns AS ref_columns,
       con.confupdtype,
       con.confdeltype,
       con.confmatchtype,
       ct.text AS check_def,
       CASE WHEN con.contype = 'x'
            THEN (SELECT am.amname::text FROM pg_class ic JOIN pg_am am ON am.oid = ic.relam
                  WHERE ic.oid = con.conindid) END AS exclusion_method,
       -- In CASE, not a lateral aggregate: an aggregate with ORDER BY sets up a sort for
       -- every row, even one with no input.
       CASE WHEN con.contype = 'x' THEN ARRAY(
           SELECT pg_get_indexdef(con.conindid, k.ord::int, true)
                  || CASE WHEN opc.opcdefault THEN '' ELSE ' ' || opc.opcname END
           FROM unnest(b.indclass::oid[]) WITH ORDINALITY k(opclass, ord)
           JOIN pg_opclass opc ON opc.oid = k.opclass
           ORDER BY k.ord) END AS exclusion_elements,
       CASE WHEN con.contype = 'x' THEN ARRAY(
           SELECT o.oprname::text
           FROM unnest(con.conexclop) WITH ORDINALITY k(op, ord)
           JOIN pg_operator o ON o.oid = k.op
           ORDER BY k.ord) END AS exclusion_operators,
       CASE WHEN con.contype = 'x' THEN pg_get_expr(b.indpred, b.indrelid, true) END AS exclusion_predicate
FROM con
LEFT JOIN check_texts ct ON ct.oid = con.oid
-- A NULL key for other kinds: the index scan stops before it starts.
LEFT JOIN pg_index b
       ON b.indexrelid = CASE WHEN con.contype IN ('p', 'u', 'x') THEN con.conindid END
LEFT JOIN LATERAL (
    SELECT fn.nspname::text AS nspname,
           fc.relname::text AS relname,
           ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a
                         WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum)
                 FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 ORDER BY k.ord) AS columns
    FROM pg_class fc
    JOIN pg_namespace fn ON fn.oid = fc.relnamespace
    -- Inside, not only in ON, and OFFSET 0 keeps the planner from pulling the subquery
    -- up into a join: a one-time filter, so other kinds cost no lookup.
    WHERE con.contype = 'f' AND fc.oid = con.confrelid
    OFFSET 0
) fk ON true
