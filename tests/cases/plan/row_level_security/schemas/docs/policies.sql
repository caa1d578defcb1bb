-- Tenant isolation (permissive) narrowed by a restrictive policy; forced even for the owner.
ALTER TABLE docs.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs.documents FORCE ROW LEVEL SECURITY;
ALTER TABLE docs.shares ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON docs.documents
    FOR ALL TO PUBLIC
    USING (tenant_id = tenants.current_tenant())
    WITH CHECK (tenant_id = tenants.current_tenant());

CREATE POLICY hide_archived ON docs.documents
    AS RESTRICTIVE
    FOR SELECT
    USING (NOT archived);

CREATE POLICY shares_insert ON docs.shares
    AS PERMISSIVE
    FOR INSERT
    WITH CHECK (shared_with <> '');
