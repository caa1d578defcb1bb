-- Hunt planning (plans, participants) and the offline mobile sync queue.
CREATE TABLE field.hunt_plans (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                 uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    hunting_area_id         uuid REFERENCES field.hunting_areas (id) ON DELETE SET NULL,
    target_species_id       uuid REFERENCES field.species (id),
    name                    varchar(255) NOT NULL,
    description             text,
    planned_date            date,
    location                geography(Point, 4326),
    boundaries              geography(Polygon, 4326),
    weather_conditions      jsonb,
    strategy_notes          text,
    success_probability     numeric(3, 2) CHECK (success_probability BETWEEN 0 AND 1),
    status                  text NOT NULL DEFAULT 'draft',
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hunt_plans_status_check CHECK (status IN ('draft', 'active', 'completed', 'cancelled'))
);

CREATE INDEX hunt_plans_location_gist ON field.hunt_plans USING gist (location);
CREATE INDEX hunt_plans_boundaries_gist ON field.hunt_plans USING gist (boundaries);
CREATE INDEX hunt_plans_user_date_idx ON field.hunt_plans (user_id, planned_date);

CREATE TRIGGER hunt_plans_set_updated_at
    BEFORE UPDATE ON field.hunt_plans
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE field.hunt_plan_participants (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    hunt_plan_id    uuid NOT NULL REFERENCES field.hunt_plans (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    role            text NOT NULL DEFAULT 'hunter' CHECK (role IN ('organizer', 'hunter', 'guide', 'observer')),
    rsvp            text NOT NULL DEFAULT 'invited' CHECK (rsvp IN ('invited', 'accepted', 'declined')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hunt_plan_participants_plan_user_key UNIQUE (hunt_plan_id, user_id)
);

CREATE TABLE field.sync_queue (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    device_id       varchar(255) NOT NULL,
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    operation       text NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
    entity_type     varchar(100) NOT NULL,
    entity_id       uuid,
    payload         jsonb,
    sync_status     text NOT NULL DEFAULT 'pending'
                    CHECK (sync_status IN ('pending', 'processing', 'completed', 'failed')),
    retry_count     integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    processed_at    timestamptz
);

CREATE INDEX sync_queue_pending_idx ON field.sync_queue (created_at)
    WHERE sync_status IN ('pending', 'failed');

COMMENT ON TABLE field.sync_queue IS 'Changes queued by offline mobile clients, drained by the sync worker.';
