-- In-app notifications and per-user delivery preferences.
CREATE TABLE social.notifications (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_id        uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    actor_id            uuid REFERENCES core.users (id) ON DELETE SET NULL,
    notification_type   varchar(50) NOT NULL,
    title               varchar(255),
    message             text,
    data                jsonb NOT NULL DEFAULT '{}',
    read_at             timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notifications_recipient_idx ON social.notifications (recipient_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON social.notifications (recipient_id) WHERE read_at IS NULL;

COMMENT ON COLUMN social.notifications.read_at IS 'NULL while unread.';

CREATE TABLE social.notification_preferences (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
    channel             text NOT NULL CHECK (channel IN ('email', 'push', 'in_app')),
    notification_type   varchar(50) NOT NULL,
    enabled             boolean NOT NULL DEFAULT true,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, channel, notification_type)
);

CREATE TRIGGER notification_preferences_set_updated_at
    BEFORE UPDATE ON social.notification_preferences
    FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();
