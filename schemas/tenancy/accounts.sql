-- Tenant hierarchy: client accounts (organisations) and their engagements (projects).
CREATE TABLE tenancy.client_accounts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            varchar(255) NOT NULL,
    slug            core.slug NOT NULL UNIQUE,
    industry        varchar(100),
    settings        jsonb NOT NULL DEFAULT '{}',
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER client_accounts_set_updated_at
    BEFORE UPDATE ON tenancy.client_accounts
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE tenancy.client_accounts IS 'Tenant root. app.client_id holds the id of the current tenant.';

CREATE TABLE tenancy.engagements (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_account_id   uuid NOT NULL REFERENCES tenancy.client_accounts (id) ON DELETE CASCADE,
    name                varchar(255) NOT NULL,
    status              text NOT NULL DEFAULT 'planning'
                        CHECK (status IN ('planning', 'active', 'on_hold', 'completed', 'archived')),
    start_date          date,
    target_end_date     date,
    settings            jsonb NOT NULL DEFAULT '{}',
    created_by          uuid REFERENCES core.users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- Target of the composite (client_account_id, engagement_id) foreign keys below.
    CONSTRAINT engagements_client_id_key UNIQUE (client_account_id, id),
    CONSTRAINT engagements_client_name_key UNIQUE (client_account_id, name),
    CONSTRAINT engagements_dates_check
        CHECK (start_date IS NULL OR target_end_date IS NULL OR target_end_date >= start_date)
);

CREATE TRIGGER engagements_set_updated_at
    BEFORE UPDATE ON tenancy.engagements
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

GRANT SELECT ON tenancy.client_accounts, tenancy.engagements TO PUBLIC;
