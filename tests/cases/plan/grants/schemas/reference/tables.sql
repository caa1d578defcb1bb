-- Reference data.
CREATE SCHEMA reference;

CREATE TABLE reference.countries (
    id          serial PRIMARY KEY,
    code        char(2) NOT NULL UNIQUE,
    name        text NOT NULL
);

CREATE TABLE reference.currencies (
    code        char(3) PRIMARY KEY,
    name        text NOT NULL
);

CREATE TABLE reference.regions (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    internal    text
);

CREATE FUNCTION reference.country_name(p_code char) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT name FROM reference.countries WHERE code = p_code $$;
