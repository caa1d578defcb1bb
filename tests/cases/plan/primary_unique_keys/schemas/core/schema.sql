-- The catalog schema is owned by the core team.
CREATE SCHEMA catalog;

CREATE TABLE catalog.sellers (
    id          integer CONSTRAINT sellers_id_pk PRIMARY KEY,
    email       text NOT NULL,
    CONSTRAINT sellers_email_key UNIQUE (email)
);
