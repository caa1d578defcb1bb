-- Schema for the social domain: follow graph, posts, reactions and notifications.
CREATE SCHEMA social;

COMMENT ON SCHEMA social IS 'Community features: follows, user posts, comments, reactions and notifications.';
