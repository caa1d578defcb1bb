-- Places: hunting areas (polygons) and user waypoints (points).
CREATE TABLE field.hunting_areas (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            varchar(255) NOT NULL,
    area_type       text NOT NULL
                    CHECK (area_type IN ('public_land', 'private_lease', 'wma', 'refuge', 'other')),
    boundary        geography(Polygon, 4326) NOT NULL,
    center          geography(Point, 4326),
    region_code     varchar(10),
    owner_id        uuid REFERENCES core.users (id) ON DELETE SET NULL,
    regulations     jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hunting_areas_name_region_key UNIQUE (name, region_code)
);

CREATE INDEX hunting_areas_boundary_gist ON field.hunting_areas USING gist (boundary);

CREATE TRIGGER hunting_areas_set_updated_at
    BEFORE UPDATE ON field.hunting_areas
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE field.waypoints (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    hunting_area_id     uuid REFERENCES field.hunting_areas (id) ON DELETE SET NULL,
    name                varchar(255) NOT NULL,
    kind                text NOT NULL DEFAULT 'other'
                        CHECK (kind IN ('stand', 'blind', 'camera', 'camp', 'parking', 'water', 'other')),
    location            geography(Point, 4326) NOT NULL,
    elevation_m         numeric(7, 2),
    notes               text,
    is_private          boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX waypoints_location_gist ON field.waypoints USING gist (location);
CREATE INDEX waypoints_user_idx ON field.waypoints (user_id);

COMMENT ON TABLE field.waypoints IS 'Private or shared points of interest (stands, cameras, parking).';
