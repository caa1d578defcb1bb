-- Installed extensions outside the system schemas (plpgsql lives in pg_catalog and is
-- left out): OID, name, schema and version. Extensions are database-wide, so the
-- schema filter does not apply; their member objects are excluded by every other query.
SELECT e.oid, e.extname, n.nspname, e.extversion
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY e.extname
