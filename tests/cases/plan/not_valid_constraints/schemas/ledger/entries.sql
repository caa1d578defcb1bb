-- Ledger entries.
CREATE SCHEMA ledger;

CREATE TABLE ledger.entries (
    id          bigint PRIMARY KEY,
    account_id  integer NOT NULL,
    amount      numeric(14, 2) NOT NULL,
    posted_at   timestamptz NOT NULL
);
