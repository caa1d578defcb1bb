-- Unit prices, overloaded by tier number and tier name.
CREATE SCHEMA pricing;

CREATE FUNCTION pricing.unit_price(tier integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN tier > 2 THEN 0.08 ELSE 0.12 END $$;

CREATE FUNCTION pricing.unit_price(tier_name text) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN tier_name = 'bulk' THEN 0.08 ELSE 0.12 END $$;
