-- Content history: numbered revisions and per-language translations of content items.
CREATE TABLE content.revisions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_item_id     uuid NOT NULL REFERENCES content.content_items (id) ON DELETE CASCADE,
    revision_number     bigint NOT NULL DEFAULT nextval('content.revision_number_seq'),
    semantic_version    varchar(20) NOT NULL DEFAULT '1.0.0',
    change_type         text NOT NULL CHECK (change_type IN ('major', 'minor', 'patch', 'hotfix')),
    change_summary      text,
    changed_by          uuid REFERENCES core.users (id) ON DELETE SET NULL,
    git_commit_hash     char(40),
    diff_stats          jsonb NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT revisions_item_number_key UNIQUE (content_item_id, revision_number),
    CONSTRAINT revisions_item_version_key UNIQUE (content_item_id, semantic_version)
);

COMMENT ON TABLE content.revisions IS 'One row per published change of a content item.';
COMMENT ON COLUMN content.revisions.diff_stats IS '{"additions": n, "deletions": n, "modifications": n}';

CREATE TABLE content.translations (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_item_id     uuid NOT NULL REFERENCES content.content_items (id) ON DELETE CASCADE,
    language_code       varchar(10) NOT NULL CHECK (language_code ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    title               varchar(500),
    description         text,
    content_path        text,
    translator_id       uuid REFERENCES core.users (id) ON DELETE SET NULL,
    reviewer_id         uuid REFERENCES core.users (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'in_progress', 'review', 'approved', 'published')),
    quality_score       numeric(3, 2) CHECK (quality_score BETWEEN 0 AND 1),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (content_item_id, language_code)
);

CREATE TRIGGER translations_set_updated_at
    BEFORE UPDATE ON content.translations
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();
