-- Every type outside pg_catalog (in any schema, not only those in scope): its schema and
-- name, the element type of a true array type, and whether an extension owns it.
-- Types in pg_catalog are built-ins and need no lookup.
SELECT t.oid,
       n.nspname,
       t.typname,
       CASE WHEN t.typsubscript = 'array_subscript_handler'::regproc THEN t.typelem END AS elem,
       EXISTS (
           SELECT FROM pg_depend d
           WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
       ) AS from_extension
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname <> 'pg_catalog'
