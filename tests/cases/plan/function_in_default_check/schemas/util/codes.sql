-- Helpers for ticket codes.
CREATE SCHEMA util;

CREATE FUNCTION util.new_ticket_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT 'T-' || lpad((floor(random() * 1000000))::int::text, 6, '0') $$;

CREATE FUNCTION util.is_ticket_code(candidate text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT candidate ~ '^T-[0-9]{6}$' $$;
