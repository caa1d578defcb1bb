-- Collations in scope that no extension created: OID, schema, name, provider, settings.
-- The ICU locale column is colliculocale on PostgreSQL 15 and 16 and colllocale from 17
-- on (icurules from 16 on): read through to_jsonb so one text serves every version.
-- collversion (the provider library's version) and collencoding are not compared.
SELECT c.oid,
       n.nspname,
       c.collname,
       c.collprovider::text AS provider,
       COALESCE(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale') AS locale,
       c.collcollate,
       c.collctype,
       c.collisdeterministic,
       to_jsonb(c) ->> 'collicurules' AS rules
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND c.oid NOT IN (
      SELECT d.objid FROM pg_depend d
      WHERE d.classid = 'pg_collation'::regclass AND d.deptype = 'e'
  )
ORDER BY n.nspname, c.collname
