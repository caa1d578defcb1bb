-- Trigger functions used by tables in every domain: updated_at maintenance and row auditing.
CREATE FUNCTION core.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION core.set_updated_at() IS 'BEFORE UPDATE row trigger: stamps updated_at with the transaction time.';

CREATE FUNCTION core.record_audit_event()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    v_old jsonb;
    v_new jsonb;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        v_old := to_jsonb(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        v_new := to_jsonb(NEW);
    END IF;

    INSERT INTO core.audit_log (actor_id, action, table_schema, table_name, row_id, old_data, new_data)
    VALUES (
        nullif(current_setting('app.user_id', true), '')::uuid,
        lower(TG_OP),
        TG_TABLE_SCHEMA,
        TG_TABLE_NAME,
        coalesce(v_new ->> 'id', v_old ->> 'id')::uuid,
        v_old,
        v_new
    );

    RETURN coalesce(NEW, OLD);
END;
$$;

COMMENT ON FUNCTION core.record_audit_event() IS 'AFTER row trigger: writes one core.audit_log row per insert, update or delete.';
