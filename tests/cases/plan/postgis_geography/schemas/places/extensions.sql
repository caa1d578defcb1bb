-- PostGIS provides the geography type used across domains.
CREATE EXTENSION IF NOT EXISTS postgis;
