-- Learner progress: enrolments, per-lesson progress and the monthly-partitioned activity log.
CREATE TABLE education.enrollments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    course_id       uuid NOT NULL REFERENCES education.courses (id) ON DELETE CASCADE,
    status          text NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'completed', 'dropped')),
    enrolled_at     timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    CONSTRAINT enrollments_user_course_key UNIQUE (user_id, course_id),
    CONSTRAINT enrollments_completed_at_check CHECK (status <> 'completed' OR completed_at IS NOT NULL)
);

CREATE INDEX enrollments_course_status_idx ON education.enrollments (course_id, status);

CREATE TABLE education.user_progress (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                 uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    course_id               uuid NOT NULL REFERENCES education.courses (id) ON DELETE CASCADE,
    lesson_id               uuid NOT NULL REFERENCES education.lessons (id) ON DELETE CASCADE,
    status                  text NOT NULL DEFAULT 'not_started'
                            CHECK (status IN ('not_started', 'in_progress', 'completed', 'skipped')),
    completion_percentage   numeric(5, 2) NOT NULL DEFAULT 0
                            CHECK (completion_percentage BETWEEN 0 AND 100),
    time_spent_seconds      integer NOT NULL DEFAULT 0 CHECK (time_spent_seconds >= 0),
    last_accessed_at        timestamptz,
    completed_at            timestamptz,
    metadata                jsonb NOT NULL DEFAULT '{}',
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, lesson_id)
);

CREATE INDEX user_progress_course_idx ON education.user_progress (course_id, last_accessed_at DESC);

CREATE TRIGGER user_progress_set_updated_at
    BEFORE UPDATE ON education.user_progress
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

-- High-volume event stream; partitioned by month, so the primary key must include created_at.
CREATE TABLE education.activity_log (
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    action          varchar(100) NOT NULL,
    entity_type     varchar(50),
    entity_id       uuid,
    metadata        jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activity_log_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

CREATE TABLE education.activity_log_2025_01 PARTITION OF education.activity_log
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');

CREATE TABLE education.activity_log_2025_02 PARTITION OF education.activity_log
    FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');

CREATE TABLE education.activity_log_2025_03 PARTITION OF education.activity_log
    FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');

CREATE TABLE education.activity_log_default PARTITION OF education.activity_log DEFAULT;

CREATE INDEX activity_log_user_created_idx ON education.activity_log (user_id, created_at DESC);
CREATE INDEX activity_log_entity_idx ON education.activity_log (entity_type, entity_id);

COMMENT ON TABLE education.activity_log IS 'Learner activity events, range-partitioned by month on created_at.';
COMMENT ON TABLE education.activity_log_default IS 'Catch-all partition; rows here mean a monthly partition is missing.';
