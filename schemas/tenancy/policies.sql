-- Row-level security for every tenant-scoped table, plus the privileges granted to PUBLIC.
-- The application runs SET LOCAL app.client_id / app.engagement_id at the start of each transaction.
ALTER TABLE tenancy.engagements ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.master_flows ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.discovery_flows ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.data_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.assets ENABLE ROW LEVEL SECURITY;

-- Assets are the most sensitive table: isolation applies even to the table owner.
ALTER TABLE tenancy.assets FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON tenancy.engagements
    FOR ALL TO PUBLIC
    USING (client_account_id = nullif(current_setting('app.client_id', true), '')::uuid);

CREATE POLICY tenant_isolation ON tenancy.master_flows
    FOR ALL TO PUBLIC
    USING (client_account_id = nullif(current_setting('app.client_id', true), '')::uuid);

CREATE POLICY tenant_isolation ON tenancy.discovery_flows
    FOR ALL TO PUBLIC
    USING (client_account_id = nullif(current_setting('app.client_id', true), '')::uuid);

CREATE POLICY tenant_isolation ON tenancy.data_imports
    FOR ALL TO PUBLIC
    USING (client_account_id = nullif(current_setting('app.client_id', true), '')::uuid);

CREATE POLICY tenant_isolation ON tenancy.assets
    FOR ALL TO PUBLIC
    USING (client_account_id = nullif(current_setting('app.client_id', true), '')::uuid)
    WITH CHECK (client_account_id = nullif(current_setting('app.client_id', true), '')::uuid);

-- Optional narrowing to one engagement when app.engagement_id is set.
CREATE POLICY engagement_scope ON tenancy.assets
    AS RESTRICTIVE
    FOR ALL TO PUBLIC
    USING (
        nullif(current_setting('app.engagement_id', true), '') IS NULL
        OR engagement_id = nullif(current_setting('app.engagement_id', true), '')::uuid
    );

GRANT SELECT ON tenancy.master_flows, tenancy.discovery_flows, tenancy.data_imports TO PUBLIC;
GRANT SELECT, INSERT, UPDATE ON tenancy.assets TO PUBLIC;

COMMENT ON POLICY tenant_isolation ON tenancy.assets IS 'Rows are visible and writable only for the tenant in app.client_id.';
