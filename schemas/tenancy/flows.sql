-- Workflow orchestration: master flows, discovery flows and data imports, all tenant-scoped.
CREATE TABLE tenancy.master_flows (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    flow_id                 uuid NOT NULL DEFAULT gen_random_uuid(),
    client_account_id       uuid NOT NULL REFERENCES tenancy.client_accounts (id),
    engagement_id           uuid NOT NULL,
    flow_type               text NOT NULL
                            CHECK (flow_type IN ('discovery', 'assessment', 'planning', 'execution')),
    flow_status             text NOT NULL DEFAULT 'initialized'
                            CHECK (flow_status IN ('initialized', 'running', 'paused', 'completed', 'failed', 'cancelled')),
    flow_configuration      jsonb NOT NULL DEFAULT '{}',
    flow_persistence_data   jsonb NOT NULL DEFAULT '{}',
    created_by              uuid REFERENCES core.users (id) ON DELETE SET NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT master_flows_flow_id_key UNIQUE (flow_id),
    CONSTRAINT master_flows_engagement_fkey FOREIGN KEY (client_account_id, engagement_id)
        REFERENCES tenancy.engagements (client_account_id, id) ON DELETE CASCADE
);

CREATE INDEX master_flows_client_engagement_idx ON tenancy.master_flows (client_account_id, engagement_id);

CREATE TRIGGER master_flows_set_updated_at
    BEFORE UPDATE ON tenancy.master_flows
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE tenancy.master_flows IS 'Orchestrator row linking the discovery/assessment/planning/execution phases of one migration.';

CREATE TABLE tenancy.discovery_flows (
    id                              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    flow_id                         uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    master_flow_id                  uuid REFERENCES tenancy.master_flows (flow_id) ON DELETE SET NULL,
    client_account_id               uuid NOT NULL REFERENCES tenancy.client_accounts (id),
    engagement_id                   uuid NOT NULL,
    status                          text NOT NULL DEFAULT 'initialized'
                                    CHECK (status IN ('initialized', 'running', 'waiting_for_user', 'completed', 'failed')),
    progress_percentage             numeric(5, 2) NOT NULL DEFAULT 0
                                    CHECK (progress_percentage BETWEEN 0 AND 100),
    data_import_completed           boolean NOT NULL DEFAULT false,
    attribute_mapping_completed     boolean NOT NULL DEFAULT false,
    data_cleansing_completed        boolean NOT NULL DEFAULT false,
    inventory_completed             boolean NOT NULL DEFAULT false,
    current_phase                   varchar(100),
    phases_completed                jsonb NOT NULL DEFAULT '[]',
    crew_ai_state                   jsonb NOT NULL DEFAULT '{}',
    created_at                      timestamptz NOT NULL DEFAULT now(),
    updated_at                      timestamptz NOT NULL DEFAULT now(),
    started_at                      timestamptz,
    completed_at                    timestamptz,
    FOREIGN KEY (client_account_id, engagement_id)
        REFERENCES tenancy.engagements (client_account_id, id) ON DELETE CASCADE
);

CREATE INDEX discovery_flows_client_engagement_idx ON tenancy.discovery_flows (client_account_id, engagement_id);
CREATE INDEX discovery_flows_master_flow_idx ON tenancy.discovery_flows (master_flow_id) WHERE master_flow_id IS NOT NULL;
CREATE INDEX discovery_flows_phases_idx ON tenancy.discovery_flows USING gin (phases_completed);

CREATE TRIGGER discovery_flows_set_updated_at
    BEFORE UPDATE ON tenancy.discovery_flows
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON COLUMN tenancy.discovery_flows.phases_completed IS 'JSON array of phase names; supersedes the legacy boolean *_completed flags.';

CREATE TABLE tenancy.data_imports (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_account_id   uuid NOT NULL REFERENCES tenancy.client_accounts (id),
    engagement_id       uuid NOT NULL,
    discovery_flow_id   uuid REFERENCES tenancy.discovery_flows (id) ON DELETE SET NULL,
    import_type         text NOT NULL CHECK (import_type IN ('cmdb', 'csv', 'spreadsheet', 'api')),
    source_filename     varchar(500),
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    total_records       integer NOT NULL DEFAULT 0,
    processed_records   integer NOT NULL DEFAULT 0,
    error_details       jsonb,
    imported_by         uuid REFERENCES core.users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    completed_at        timestamptz,
    CONSTRAINT data_imports_record_counts_check
        CHECK (processed_records >= 0 AND processed_records <= total_records),
    CONSTRAINT data_imports_engagement_fkey FOREIGN KEY (client_account_id, engagement_id)
        REFERENCES tenancy.engagements (client_account_id, id) ON DELETE CASCADE
);

CREATE INDEX data_imports_client_engagement_idx ON tenancy.data_imports (client_account_id, engagement_id);
