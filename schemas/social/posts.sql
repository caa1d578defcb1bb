-- User-generated posts with comments and reactions.
CREATE TABLE social.posts (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    post_type           text NOT NULL DEFAULT 'text'
                        CHECK (post_type IN ('text', 'photo', 'video', 'achievement', 'hunt_log')),
    body                text,
    media_urls          text[] NOT NULL DEFAULT '{}',
    location            geography(Point, 4326),
    sighting_id         uuid REFERENCES field.sightings (id) ON DELETE SET NULL,
    privacy             text NOT NULL DEFAULT 'followers',
    tags                text[] NOT NULL DEFAULT '{}',
    like_count          integer NOT NULL DEFAULT 0,
    comment_count       integer NOT NULL DEFAULT 0,
    share_count         integer NOT NULL DEFAULT 0,
    is_edited           boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT posts_privacy_check CHECK (privacy IN ('public', 'followers', 'private')),
    CONSTRAINT posts_counters_check CHECK (like_count >= 0 AND comment_count >= 0 AND share_count >= 0)
);

CREATE INDEX posts_user_created_idx ON social.posts (user_id, created_at DESC);
CREATE INDEX posts_tags_idx ON social.posts USING gin (tags);
CREATE INDEX posts_public_feed_idx ON social.posts (created_at DESC) WHERE privacy = 'public';

CREATE TRIGGER posts_set_updated_at
    BEFORE UPDATE ON social.posts
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

COMMENT ON COLUMN social.posts.sighting_id IS 'Optional link to the field sighting this post shares.';

CREATE TABLE social.post_comments (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id             uuid NOT NULL REFERENCES social.posts (id) ON DELETE CASCADE,
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    parent_comment_id   uuid REFERENCES social.post_comments (id) ON DELETE CASCADE,
    body                text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at          timestamptz NOT NULL DEFAULT now(),
    edited_at           timestamptz
);

CREATE INDEX post_comments_post_idx ON social.post_comments (post_id, created_at);

CREATE TABLE social.post_reactions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id         uuid NOT NULL REFERENCES social.posts (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    reaction        text NOT NULL DEFAULT 'like' CHECK (reaction IN ('like', 'respect', 'helpful', 'wow')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT post_reactions_post_user_key UNIQUE (post_id, user_id)
);
