-- What expressions, views and functions depend on, from pg_depend: one row per
-- (dependent, referenced object). Dependents: views and materialized views (their
-- _RETURN rule in pg_rewrite), functions, column defaults and generated expressions
-- (pg_attrdef), CHECK and exclusion constraints of tables and domains, domain defaults,
-- indexes and policies. Referenced objects: relations (a column reference counts as its
-- relation), functions and types; array types stand for their element type and row
-- types for their relation. Only NORMAL dependencies ('n'): a dependent's own table is
-- an AUTO or INTERNAL one, and foreign keys (already structural) are left out by kind.
-- Built-ins are not recorded (pinned) or live in pg_catalog / information_schema.
WITH d AS MATERIALIZED (
    SELECT d.classid, d.objid, d.refclassid, d.refobjid
    FROM pg_depend d
    WHERE d.deptype = 'n'
      -- Objects made by initdb have OIDs below FirstNormalObjectId (16384): they are
      -- never a dependent we read, and any reference to one is a system object.
      AND d.objid >= 16384 AND d.refobjid >= 16384
      -- A constraint's relation references are its own table's columns or a foreign
      -- key's target and index (CHECK allows no subquery): ~2 rows per constraint spared.
      AND NOT (d.classid = 'pg_constraint'::regclass AND d.refclassid = 'pg_class'::regclass)
      AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass)
      AND d.classid IN ('pg_rewrite'::regclass, 'pg_proc'::regclass, 'pg_attrdef'::regclass,
                        'pg_constraint'::regclass, 'pg_class'::regclass, 'pg_type'::regclass,
                        'pg_policy'::regclass)
),
dependent AS (
    -- kind: v view, f function, d column default, c table constraint, k domain check,
    -- t domain default, i index, p policy. owner: the OID the loaders remember the
    -- object by (relation, function, constraint, type or policy); self: the relation
    -- the dependent belongs to, whose own columns are no reference.
    SELECT 'v' AS kind, r.ev_class AS owner, 0::int2 AS attnum, NULL::name AS conname,
           r.ev_class AS self, d.refclassid, d.refobjid
    FROM d JOIN pg_rewrite r ON r.oid = d.objid
    WHERE d.classid = 'pg_rewrite'::regclass
    UNION ALL
    SELECT 'f', d.objid, 0::int2, NULL, 0, d.refclassid, d.refobjid
    FROM d
    WHERE d.classid = 'pg_proc'::regclass
    UNION ALL
    SELECT 'd', ad.adrelid, ad.adnum, NULL, ad.adrelid, d.refclassid, d.refobjid
    FROM d JOIN pg_attrdef ad ON ad.oid = d.objid
    WHERE d.classid = 'pg_attrdef'::regclass
    UNION ALL
    SELECT CASE WHEN con.contypid <> 0 THEN 'k' ELSE 'c' END,
           CASE WHEN con.contypid <> 0 THEN con.contypid ELSE con.oid END,
           0::int2, con.conname, con.conrelid, d.refclassid, d.refobjid
    FROM d JOIN pg_constraint con ON con.oid = d.objid
    WHERE d.classid = 'pg_constraint'::regclass AND con.contype IN ('c', 'x')
    UNION ALL
    SELECT 't', d.objid, 0::int2, NULL, 0, d.refclassid, d.refobjid
    FROM d JOIN pg_type t ON t.oid = d.objid
    WHERE d.classid = 'pg_type'::regclass AND t.typtype = 'd'
    UNION ALL
    SELECT 'i', d.objid, 0::int2, NULL, i.indrelid, d.refclassid, d.refobjid
    FROM d JOIN pg_index i ON i.indexrelid = d.objid
    WHERE d.classid = 'pg_class'::regclass
    UNION ALL
    SELECT 'p', pol.oid, 0::int2, NULL, pol.polrelid, d.refclassid, d.refobjid
    FROM d JOIN pg_policy pol ON pol.oid = d.objid
    WHERE d.classid = 'pg_policy'::regclass
),
elem AS (
    -- One row per referenced object (a view reads many columns of one table); an
    -- array type stands for its element type (scalar subqueries: index probes only
    -- for the few type references, never a scan of pg_type).
    SELECT DISTINCT dep.kind, dep.owner, dep.attnum, dep.conname, dep.self, dep.refclassid,
           CASE WHEN dep.refclassid <> 'pg_type'::regclass THEN dep.refobjid
                ELSE (SELECT CASE WHEN t.typsubscript = 'array_subscript_handler'::regproc
                                  THEN t.typelem ELSE t.oid END
                      FROM pg_type t WHERE t.oid = dep.refobjid) END AS refobjid
    FROM dependent dep
),
target AS (
    -- A row type stands for its relation.
    SELECT e.kind, e.owner, e.attnum, e.conname, e.self,
           CASE WHEN coalesce(e.relid, 0) <> 0 THEN 'pg_class'::regclass ELSE e.refclassid END AS refclassid,
           CASE WHEN coalesce(e.relid, 0) <> 0 THEN e.relid ELSE e.refobjid END AS refobjid
    FROM (
        SELECT elem.*,
               CASE WHEN elem.refclassid = 'pg_type'::regclass
                    THEN (SELECT t.typrelid FROM pg_type t WHERE t.oid = elem.refobjid) END AS relid
        FROM elem
    ) e
)
-- Names by index probe per distinct reference (a few thousand rows), never a scan of
-- pg_class or pg_type. ref_kind: r relation, S sequence, f function, t type.
SELECT tg.kind,
       tg.owner,
       tg.attnum,
       tg.conname::text AS conname,
       ref.kind AS ref_kind,
       n.nspname::text AS ref_schema,
       ref.name::text AS ref_name
FROM target tg
CROSS JOIN LATERAL (
    SELECT c.relnamespace AS nsp, c.relname AS name,
           CASE c.relkind WHEN 'S' THEN 'S' WHEN 'c' THEN 't' ELSE 'r' END AS kind
    FROM pg_class c
    WHERE tg.refclassid = 'pg_class'::regclass AND c.oid = tg.refobjid
      AND c.oid <> tg.self
      -- Indexes, TOAST tables and the like are nothing an expression names.
      AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')
    UNION ALL
    SELECT p.pronamespace, p.proname, 'f'
    FROM pg_proc p
    WHERE tg.refclassid = 'pg_proc'::regclass AND p.oid = tg.refobjid
    UNION ALL
    SELECT t.typnamespace, t.typname, 't'
    FROM pg_type t
    WHERE tg.refclassid = 'pg_type'::regclass AND t.oid = tg.refobjid
) ref
JOIN pg_namespace n ON n.oid = ref.nsp
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp)'
