-- Read access for everyone: schema usage, table and sequence privileges, function execution.
GRANT USAGE ON SCHEMA reference TO PUBLIC;
GRANT SELECT ON TABLE reference.countries TO PUBLIC;
GRANT SELECT, REFERENCES ON reference.currencies TO PUBLIC;
GRANT USAGE, SELECT ON SEQUENCE reference.countries_id_seq TO PUBLIC;
GRANT EXECUTE ON FUNCTION reference.country_name(char) TO PUBLIC;
GRANT SELECT (code, name) ON reference.regions TO PUBLIC;
