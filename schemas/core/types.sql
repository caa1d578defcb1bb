-- Domain types shared across the whole database (e-mail addresses, URL slugs).
CREATE DOMAIN core.email_address AS text
    CONSTRAINT email_address_format CHECK (VALUE ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(VALUE) <= 254);

COMMENT ON DOMAIN core.email_address IS 'An e-mail address; format-checked, case preserved (compare with lower()).';

CREATE DOMAIN core.slug AS text
    CONSTRAINT slug_format CHECK (VALUE ~ '^[a-z0-9]+(?:[-_][a-z0-9]+)*$' AND length(VALUE) <= 100);

COMMENT ON DOMAIN core.slug IS 'Lower-case URL slug: letters, digits, single dashes or underscores between words.';
