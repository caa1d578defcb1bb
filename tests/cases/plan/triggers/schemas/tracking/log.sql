-- The audit log (tracking domain) and its trigger function, used by triggers in the shop domain.
CREATE SCHEMA audit;

CREATE TABLE audit.log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name  text NOT NULL,
    operation   text NOT NULL,
    logged_at   timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit.log_statement() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO audit.log (table_name, operation) VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP);
    RETURN NULL;
END;
$$;
