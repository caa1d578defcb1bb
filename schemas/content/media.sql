-- Media library (images, video, audio) and the links between media and content items.
CREATE TABLE content.media_assets (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    filename            varchar(500) NOT NULL,
    original_name       varchar(500),
    mime_type           varchar(100) NOT NULL,
    file_size_bytes     bigint CHECK (file_size_bytes >= 0),
    storage_path        text NOT NULL UNIQUE,
    cdn_url             text,
    thumbnail_url       text,
    checksum_sha256     char(64),
    dimensions          content.media_dimensions,
    license             content.license_kind NOT NULL DEFAULT 'all_rights_reserved',
    optimization_status text NOT NULL DEFAULT 'pending'
                        CHECK (optimization_status IN ('pending', 'processing', 'optimized', 'failed')),
    usage_count         integer NOT NULL DEFAULT 0,
    metadata            jsonb NOT NULL DEFAULT '{}',
    created_by          uuid REFERENCES core.users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT media_assets_usage_count_check CHECK (usage_count >= 0)
);

CREATE INDEX media_assets_mime_type_idx ON content.media_assets (mime_type);
CREATE INDEX media_assets_pending_idx ON content.media_assets (created_at)
    WHERE optimization_status IN ('pending', 'failed');

CREATE TRIGGER media_assets_set_updated_at
    BEFORE UPDATE ON content.media_assets
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE content.content_item_media (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_item_id     uuid NOT NULL REFERENCES content.content_items (id) ON DELETE CASCADE,
    media_asset_id      uuid NOT NULL REFERENCES content.media_assets (id) ON DELETE CASCADE,
    usage_role          text NOT NULL DEFAULT 'inline'
                        CHECK (usage_role IN ('cover', 'inline', 'attachment', 'thumbnail')),
    sort_order          integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (content_item_id, media_asset_id, usage_role)
);

CREATE INDEX content_item_media_asset_idx ON content.content_item_media (media_asset_id);

COMMENT ON TABLE content.media_assets IS 'Media library; binary data lives in S3 under storage_path.';
COMMENT ON COLUMN content.media_assets.dimensions IS 'Width/height in pixels and running time, as reported by the transcoder.';
