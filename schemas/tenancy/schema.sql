-- Schema for the tenancy domain: client accounts, engagements and their migration-discovery data.
CREATE SCHEMA tenancy;

COMMENT ON SCHEMA tenancy IS 'Multi-tenant data; every tenant-scoped row carries client_account_id and engagement_id and is protected by RLS.';

GRANT USAGE ON SCHEMA tenancy TO PUBLIC;
