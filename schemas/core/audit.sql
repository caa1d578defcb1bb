-- Append-only audit trail written by core.record_audit_event().
CREATE TABLE core.audit_log (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_no        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    actor_id        uuid REFERENCES core.users (id) ON DELETE SET NULL,
    action          text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'login', 'logout', 'export')),
    table_schema    name,
    table_name      name,
    row_id          uuid,
    old_data        jsonb,
    new_data        jsonb,
    client_ip       inet,
    occurred_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_row_idx ON core.audit_log (table_schema, table_name, row_id);
CREATE INDEX audit_log_actor_idx ON core.audit_log (actor_id, occurred_at DESC);

COMMENT ON TABLE core.audit_log IS 'Append-only change history; event_no gives a gap-tolerant total order.';
