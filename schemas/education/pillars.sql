-- The five education pillars (game calls, hunt strategy, stealth & scouting, tracking & recovery, gear & marksmanship).
CREATE TABLE education.pillars (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug            core.slug NOT NULL UNIQUE,
    name            varchar(255) NOT NULL,
    description     text,
    icon_url        text,
    color_hex       char(7) CHECK (color_hex ~ '^#[0-9A-Fa-f]{6}$'),
    sort_order      integer NOT NULL DEFAULT 0,
    is_published    boolean NOT NULL DEFAULT false,
    metadata        jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER pillars_set_updated_at
    BEFORE UPDATE ON education.pillars
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE education.pillars IS 'Top level of the curriculum; each course belongs to exactly one pillar.';
