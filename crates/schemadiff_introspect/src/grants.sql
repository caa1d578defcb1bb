-- Privileges on relations (tables, views, sequences), columns, schemas, functions and
-- types in scope that differ from the object's defaults: aclexplode of the ACL minus
-- aclexplode(acldefault(...)) for its owner, and never the owner's own rows. A NULL ACL
-- means "defaults", so it yields nothing. Grantee 0 is PUBLIC. Column rows carry attname.
WITH scoped AS (
    SELECT n.oid
    FROM pg_namespace n
    WHERE n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)')
),
objects AS (
    SELECT 'relation' AS class, c.oid, NULL::name AS attname, 0 AS attnum, c.relowner AS owner,
           c.relacl AS acl, CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char" AS objtype
    FROM pg_class c
    WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.relnamespace IN (SELECT oid FROM scoped)
    UNION ALL
    SELECT 'column', c.oid, a.attname, a.attnum, c.relowner, a.attacl, 'c'::"char"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relnamespace IN (SELECT oid FROM scoped)
    UNION ALL
    SELECT 'schema', n.oid, NULL, 0, n.nspowner, n.nspacl, 'n'::"char"
    FROM pg_namespace n
    WHERE n.nspacl IS NOT NULL AND n.oid IN (SELECT oid FROM scoped)
    UNION ALL
    SELECT 'function', p.oid, NULL, 0, p.proowner, p.proacl, 'f'::"char"
    FROM pg_proc p
    WHERE p.proacl IS NOT NULL AND p.pronamespace IN (SELECT oid FROM scoped)
    UNION ALL
    SELECT 'type', t.oid, NULL, 0, t.typowner, t.typacl, 'T'::"char"
    FROM pg_type t
    WHERE t.typacl IS NOT NULL AND t.typnamespace IN (SELECT oid FROM scoped)
)
SELECT o.class,
       o.oid,
       o.attname::text AS attname,
       CASE WHEN x.grantee = 0 THEN 'public' ELSE pg_get_userbyid(x.grantee)::text END AS grantee,
       x.privilege_type,
       x.is_grantable
FROM objects o
CROSS JOIN LATERAL aclexplode(o.acl) x
WHERE x.grantee <> o.owner
  AND NOT EXISTS (
      SELECT FROM aclexplode(acldefault(o.objtype, o.owner)) d
      WHERE d.grantee = x.grantee
        AND d.privilege_type = x.privilege_type
        AND d.is_grantable = x.is_grantable
  )
ORDER BY o.class, o.oid, grantee, x.privilege_type, o.attnum
