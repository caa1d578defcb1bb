-- Schemas in scope that no extension created: OID, name, and the owner when it is not
-- the role running the introspection (the role that would create it from the files).
SELECT n.oid,
       n.nspname,
       CASE WHEN n.nspowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
            THEN pg_get_userbyid(n.nspowner)
       END AS owner
FROM pg_namespace n
WHERE (n.nspname = ANY ($1::text[])
       OR (cardinality($1::text[]) = 0
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname !~ '^pg_(toast|temp)'))
  AND n.oid NOT IN (
      -- Extension members, through pg_depend_reference_index (refclassid first).
      SELECT d.objid FROM pg_depend d
      WHERE d.refclassid = 'pg_extension'::regclass
        AND d.classid = 'pg_namespace'::regclass AND d.deptype = 'e'
  )
ORDER BY n.nspname
