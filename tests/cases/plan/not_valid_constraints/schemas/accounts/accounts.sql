-- Accounts.
CREATE SCHEMA accounts;

CREATE TABLE accounts.accounts (
    id          integer PRIMARY KEY,
    currency    char(3) NOT NULL
);
