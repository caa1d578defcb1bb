-- Schema for the monitoring domain: read-only reporting views across all other domains.
CREATE SCHEMA monitoring;

COMMENT ON SCHEMA monitoring IS 'Reporting views, one materialized view and helper functions; owns no base tables.';

GRANT USAGE ON SCHEMA monitoring TO PUBLIC;
