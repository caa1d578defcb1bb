-- Content registry: one row per authored piece of content (lesson body, article, video, ...).
CREATE TABLE content.content_items (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_type        text NOT NULL
                        CHECK (content_type IN ('lesson', 'article', 'video', 'audio', 'document', 'interactive')),
    title               varchar(500) NOT NULL,
    slug                core.slug NOT NULL,
    description         text,
    author_id           uuid REFERENCES core.users (id) ON DELETE SET NULL,
    reviewer_id         uuid REFERENCES core.users (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'draft',
    git_commit_hash     char(40),
    file_path           text,
    metadata            jsonb NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    published_at        timestamptz,
    CONSTRAINT content_items_type_slug_key UNIQUE (content_type, slug),
    CONSTRAINT content_items_status_check
        CHECK (status IN ('draft', 'review', 'approved', 'published', 'archived')),
    CONSTRAINT content_items_published_at_check
        CHECK (status <> 'published' OR published_at IS NOT NULL),
    CHECK (git_commit_hash ~ '^[0-9a-f]{40}$')
);

CREATE INDEX content_items_author_idx ON content.content_items (author_id);
CREATE INDEX content_items_status_idx ON content.content_items (status, updated_at DESC);

CREATE TRIGGER content_items_set_updated_at
    BEFORE UPDATE ON content.content_items
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON TABLE content.content_items IS 'Registry of authored content; source files are versioned in Git.';
