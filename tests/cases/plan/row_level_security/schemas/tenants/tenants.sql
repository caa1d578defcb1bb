-- Tenants and the session's current tenant.
CREATE SCHEMA tenants;

CREATE TABLE tenants.tenants (
    id          integer PRIMARY KEY,
    name        text NOT NULL
);

CREATE FUNCTION tenants.current_tenant() RETURNS integer
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $$;
