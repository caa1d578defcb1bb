CREATE TABLE stores (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    location geography(Point, 4326) NOT NULL
);
