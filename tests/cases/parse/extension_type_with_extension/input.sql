CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE stores (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    location geography(Point, 4326) NOT NULL
);

CREATE INDEX stores_location_idx ON stores USING gist (location);
