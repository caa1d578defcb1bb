-- Accounts and plan tiers.
CREATE SCHEMA identity;

CREATE TYPE identity.plan_tier AS ENUM ('free', 'team', 'enterprise');

CREATE TABLE identity.accounts (
    id          integer PRIMARY KEY,
    plan        identity.plan_tier NOT NULL DEFAULT 'free'
);
