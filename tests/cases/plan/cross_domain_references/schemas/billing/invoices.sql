-- Invoices belong to identity accounts.
CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
    id          bigint PRIMARY KEY,
    account_id  integer NOT NULL REFERENCES identity.accounts (id) ON DELETE RESTRICT,
    amount      numeric(12, 2) NOT NULL CHECK (amount >= 0)
);

CREATE INDEX invoices_account_id_idx ON billing.invoices (account_id);
