-- Wildlife sightings, located as geography points; sites live in the places domain.
CREATE TABLE observations.sightings (
    id          bigint PRIMARY KEY,
    site_id     integer NOT NULL REFERENCES places.sites (id),
    species     text NOT NULL,
    seen_at     timestamptz NOT NULL DEFAULT now(),
    location    geography(Point, 4326) NOT NULL
);

CREATE INDEX sightings_location_gist ON observations.sightings USING gist (location);
CREATE INDEX sightings_seen_at_idx ON observations.sightings (seen_at);
