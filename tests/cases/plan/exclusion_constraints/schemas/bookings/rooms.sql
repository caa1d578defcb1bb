-- No double bookings (btree_gist for the equality part) and no overlapping floor areas (PostGIS).
CREATE SCHEMA bookings;

CREATE TABLE bookings.reservations (
    id          bigint PRIMARY KEY,
    room_id     integer NOT NULL,
    during      tstzrange NOT NULL,
    cancelled   boolean NOT NULL DEFAULT false,
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled)
);

CREATE TABLE bookings.floor_areas (
    id          integer PRIMARY KEY,
    area        geometry(Polygon, 3857) NOT NULL,
    EXCLUDE USING gist (area WITH &&)
);
