CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    email text NOT NULL,
    UNIQUE KEY uq_accounts_tenant_email (tenant_id, email)
);
