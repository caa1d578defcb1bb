-- Discovered IT assets of a client engagement (the migration inventory).
CREATE TABLE tenancy.assets (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_account_id       uuid NOT NULL REFERENCES tenancy.client_accounts (id),
    engagement_id           uuid NOT NULL,
    master_flow_id          uuid REFERENCES tenancy.master_flows (flow_id) ON DELETE SET NULL,
    discovery_flow_id       uuid REFERENCES tenancy.discovery_flows (id) ON DELETE SET NULL,
    data_import_id          uuid REFERENCES tenancy.data_imports (id) ON DELETE SET NULL,
    name                    varchar(255) NOT NULL,
    asset_type              varchar(20) NOT NULL
                            CHECK (asset_type IN ('server', 'application', 'database', 'network', 'storage')),
    cmdb_id                 varchar(100),
    hostname                varchar(255),
    ip_address              inet,
    operating_system        varchar(100),
    environment             text CHECK (environment IN ('production', 'staging', 'test', 'development', 'dr')),
    business_owner          varchar(255),
    department              varchar(100),
    criticality             text CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
    six_r_strategy          varchar(20),
    migration_wave          integer CHECK (migration_wave > 0),
    migration_complexity    text CHECK (migration_complexity IN ('low', 'medium', 'high')),
    cpu_cores               integer CHECK (cpu_cores > 0),
    memory_gb               numeric(10, 2),
    storage_gb              numeric(12, 2),
    cpu_utilization_pct     numeric(5, 2) CHECK (cpu_utilization_pct BETWEEN 0 AND 100),
    current_monthly_cost    numeric(12, 2),
    projected_monthly_cost  numeric(12, 2),
    custom_attributes       jsonb NOT NULL DEFAULT '{}',
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assets_six_r_strategy_check
        CHECK (six_r_strategy IN ('rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain')),
    CONSTRAINT assets_engagement_fkey FOREIGN KEY (client_account_id, engagement_id)
        REFERENCES tenancy.engagements (client_account_id, id) ON DELETE CASCADE,
    CONSTRAINT assets_engagement_cmdb_key UNIQUE (engagement_id, cmdb_id)
);

CREATE INDEX assets_client_engagement_idx ON tenancy.assets (client_account_id, engagement_id);
CREATE INDEX assets_master_flow_id_idx ON tenancy.assets (master_flow_id) WHERE master_flow_id IS NOT NULL;
CREATE INDEX assets_engagement_wave_idx ON tenancy.assets (engagement_id, migration_wave, six_r_strategy);
CREATE INDEX assets_custom_attributes_idx ON tenancy.assets USING gin (custom_attributes jsonb_path_ops);

CREATE TRIGGER assets_set_updated_at
    BEFORE UPDATE ON tenancy.assets
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TRIGGER assets_audit
    AFTER INSERT OR UPDATE OR DELETE ON tenancy.assets
    FOR EACH ROW EXECUTE FUNCTION core.record_audit_event();

COMMENT ON TABLE tenancy.assets IS 'Migration inventory; wide by design so any import source can be mapped onto it.';
COMMENT ON COLUMN tenancy.assets.six_r_strategy IS 'Target migration strategy (6R); CHECK instead of ENUM so new values are a constraint swap.';
