-- Schema for the content domain: authored content items, media library, revisions and translations.
CREATE SCHEMA content;

COMMENT ON SCHEMA content IS 'Content management metadata; the files themselves live in Git/S3.';
