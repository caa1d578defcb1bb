-- Courses within a pillar, and the prerequisite graph between courses.
CREATE TABLE education.courses (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    pillar_id           uuid NOT NULL REFERENCES education.pillars (id),
    slug                core.slug NOT NULL,
    title               varchar(255) NOT NULL,
    description         text,
    thumbnail_url       text,
    instructor_id       uuid REFERENCES core.users (id) ON DELETE SET NULL,
    difficulty_level    text NOT NULL DEFAULT 'beginner',
    estimated_hours     numeric(5, 2) CHECK (estimated_hours >= 0),
    tags                text[] NOT NULL DEFAULT '{}',
    is_published        boolean NOT NULL DEFAULT false,
    metadata            jsonb NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT courses_pillar_slug_key UNIQUE (pillar_id, slug),
    CONSTRAINT courses_difficulty_level_check
        CHECK (difficulty_level IN ('beginner', 'intermediate', 'advanced', 'expert'))
);

CREATE INDEX courses_instructor_idx ON education.courses (instructor_id);
CREATE INDEX courses_tags_idx ON education.courses USING gin (tags);
CREATE INDEX courses_published_idx ON education.courses (pillar_id) WHERE is_published;

CREATE TRIGGER courses_set_updated_at
    BEFORE UPDATE ON education.courses
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE education.courses IS 'A course is an ordered set of lessons inside one pillar.';

CREATE TABLE education.course_prerequisites (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    course_id               uuid NOT NULL REFERENCES education.courses (id) ON DELETE CASCADE,
    prerequisite_course_id  uuid NOT NULL REFERENCES education.courses (id) ON DELETE CASCADE,
    is_mandatory            boolean NOT NULL DEFAULT true,
    created_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, prerequisite_course_id),
    CONSTRAINT course_prerequisites_not_self CHECK (course_id <> prerequisite_course_id)
);

CREATE INDEX course_prerequisites_prereq_idx ON education.course_prerequisites (prerequisite_course_id);
