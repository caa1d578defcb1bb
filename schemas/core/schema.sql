-- Schema for the core domain: identity, profiles, authentication and auditing.
CREATE SCHEMA core;

COMMENT ON SCHEMA core IS 'Identity, profiles, sessions, API tokens and the audit trail shared by every other domain.';
