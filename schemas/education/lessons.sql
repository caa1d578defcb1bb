-- Lessons: the ordered units of a course; the body is a content.content_items row.
CREATE TABLE education.lessons (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    course_id           uuid NOT NULL REFERENCES education.courses (id) ON DELETE CASCADE,
    content_item_id     uuid REFERENCES content.content_items (id) ON DELETE SET NULL,
    slug                core.slug NOT NULL,
    title               varchar(255) NOT NULL,
    description         text,
    content_type        text NOT NULL
                        CHECK (content_type IN ('video', 'audio', 'text', 'interactive', 'mixed')),
    duration_minutes    integer CHECK (duration_minutes > 0),
    sort_order          integer NOT NULL,
    is_published        boolean NOT NULL DEFAULT false,
    metadata            jsonb NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lessons_course_slug_key UNIQUE (course_id, slug),
    -- Deferred so lessons can be re-ordered by swapping sort_order inside one transaction.
    CONSTRAINT lessons_course_sort_order_key UNIQUE (course_id, sort_order) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX lessons_content_item_idx ON education.lessons (content_item_id);

CREATE TRIGGER lessons_set_updated_at
    BEFORE UPDATE ON education.lessons
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON COLUMN education.lessons.sort_order IS 'Position inside the course; unique per course (deferrable).';
