-- Sequences in scope that no extension owns and that are not identity columns' internal
-- sequences (pg_depend deptype 'i'): parameters from pg_sequence and, for serial columns
-- and OWNED BY, the owning table and column (pg_depend deptype 'a').
SELECT c.oid,
       n.nspname,
       c.relname,
       s.seqtypid,
       format_type(s.seqtypid, NULL) AS seq_type,
       s.seqincrement,
       s.seqmin,
       s.seqmax,
       s.seqstart,
       s.seqcache,
       s.seqcycle,
       owner.nspname AS owner_schema,
       owner.relname AS owner_table,
       owner.attname AS owner_column
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
    SELECT tn.nspname, tc.relname, a.attname
    FROM pg_depend d
    JOIN pg_class tc ON tc.oid = d.refobjid
    JOIN pg_namespace tn ON tn.oid = tc.relnamespace
    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
      AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype = 'a'
    LIMIT 1
) owner ON true
WHERE (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND c.oid NOT IN (
      -- Extension members, through pg_depend_reference_index (refclassid first).
      SELECT d.objid FROM pg_depend d
      WHERE d.refclassid = 'pg_extension'::regclass
        AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
  )
  -- Identity sequences: a probe of pg_depend_depender_index per sequence.
  AND NOT EXISTS (
      SELECT FROM pg_depend d
      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i'
  )
ORDER BY n.nspname, c.relname
