CREATE FUNCTION add_vat(amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE
AS $$ SELECT amount * 1.2 $$;

COMMENT ON FUNCTION add_vat(numeric) IS 'Adds 20% VAT to a net amount.';
