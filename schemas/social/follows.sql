-- Social graph: who follows whom.
CREATE TABLE social.follows (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    follower_id     uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    following_id    uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (follower_id, following_id),
    CONSTRAINT follows_no_self_follow CHECK (follower_id <> following_id)
);

CREATE INDEX follows_following_idx ON social.follows (following_id);

COMMENT ON TABLE social.follows IS 'Directed follow edges; a user cannot follow themselves.';
