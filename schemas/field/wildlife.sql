-- Wildlife: species catalogue and geolocated sightings.
CREATE TABLE field.species (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    common_name         varchar(255) NOT NULL,
    scientific_name     varchar(255) NOT NULL UNIQUE,
    category            text NOT NULL
                        CHECK (category IN ('big_game', 'small_game', 'waterfowl', 'upland_bird', 'predator', 'protected')),
    is_game_species     boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE field.sightings (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    species_id          uuid NOT NULL REFERENCES field.species (id),
    hunting_area_id     uuid REFERENCES field.hunting_areas (id) ON DELETE SET NULL,
    animal_count        integer NOT NULL DEFAULT 1,
    location            geography(Point, 4326) NOT NULL,
    accuracy_meters     numeric(8, 2),
    observed_at         timestamptz NOT NULL,
    behavior_notes      text,
    media_asset_ids     uuid[] NOT NULL DEFAULT '{}',
    weather_data        jsonb,
    moon_phase          numeric(3, 2),
    confidence          text CHECK (confidence IN ('certain', 'likely', 'possible')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sightings_animal_count_check CHECK (animal_count > 0),
    CONSTRAINT sightings_moon_phase_check CHECK (moon_phase BETWEEN 0 AND 1),
    CHECK (accuracy_meters >= 0)
);

CREATE INDEX sightings_location_gist ON field.sightings USING gist (location);
CREATE INDEX sightings_species_time_idx ON field.sightings (species_id, observed_at DESC);
CREATE INDEX sightings_user_idx ON field.sightings (user_id, observed_at DESC);

COMMENT ON TABLE field.sightings IS 'Wildlife observations reported from the mobile app.';
COMMENT ON COLUMN field.sightings.moon_phase IS '0 = new moon, 0.5 = full moon, 1 = next new moon.';
