-- Tenant-scoped documents.
CREATE SCHEMA docs;

CREATE TABLE docs.documents (
    id          bigint PRIMARY KEY,
    tenant_id   integer NOT NULL REFERENCES tenants.tenants (id),
    title       text NOT NULL,
    archived    boolean NOT NULL DEFAULT false
);

CREATE TABLE docs.shares (
    document_id bigint NOT NULL REFERENCES docs.documents (id),
    shared_with text NOT NULL,
    PRIMARY KEY (document_id, shared_with)
);
