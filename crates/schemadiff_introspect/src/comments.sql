-- Comments (pg_description) on relations and their columns, schemas, types, constraints,
-- functions, triggers, policies and extensions; the object is identified by its catalog
-- and OID (plus attname for columns) and resolved against the objects already read.
-- An extension's comment is left out while it is still the one its control file sets.
SELECT CASE d.classoid
           WHEN 'pg_class'::regclass THEN 'relation'
           WHEN 'pg_namespace'::regclass THEN 'schema'
           WHEN 'pg_type'::regclass THEN 'type'
           WHEN 'pg_constraint'::regclass THEN 'constraint'
           WHEN 'pg_proc'::regclass THEN 'function'
           WHEN 'pg_trigger'::regclass THEN 'trigger'
           WHEN 'pg_policy'::regclass THEN 'policy'
           WHEN 'pg_extension'::regclass THEN 'extension'
       END AS class,
       d.objoid,
       a.attname::text AS attname,
       d.description
FROM pg_description d
LEFT JOIN pg_attribute a
       ON d.classoid = 'pg_class'::regclass AND d.objsubid > 0
      AND a.attrelid = d.objoid AND a.attnum = d.objsubid
WHERE d.classoid IN ('pg_class'::regclass, 'pg_namespace'::regclass, 'pg_type'::regclass,
                     'pg_constraint'::regclass, 'pg_proc'::regclass, 'pg_trigger'::regclass,
                     'pg_policy'::regclass, 'pg_extension'::regclass)
  AND d.objoid >= 16384 -- FirstNormalObjectId: built-in objects' comments are never ours
  AND (d.objsubid = 0 OR a.attname IS NOT NULL)
  AND NOT EXISTS (
      SELECT FROM pg_extension e
      JOIN pg_available_extensions ae ON ae.name = e.extname
      WHERE d.classoid = 'pg_extension'::regclass AND e.oid = d.objoid
        AND ae.comment = d.description
  )
ORDER BY 1, d.objoid, d.objsubid
