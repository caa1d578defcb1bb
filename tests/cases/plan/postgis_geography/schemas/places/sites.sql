-- Survey sites: a boundary polygon and a centre point.
CREATE SCHEMA places;

CREATE TABLE places.sites (
    id          integer PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    boundary    geography(Polygon, 4326),
    centre      geography(Point, 4326) NOT NULL
);

CREATE INDEX sites_boundary_gist ON places.sites USING gist (boundary);
