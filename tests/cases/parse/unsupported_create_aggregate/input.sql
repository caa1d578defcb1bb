CREATE FUNCTION array_cat_agg_step(acc anyarray, item anyarray) RETURNS anyarray
LANGUAGE sql IMMUTABLE
AS $$ SELECT acc || item $$;

CREATE AGGREGATE array_cat_agg(anyarray) (
    SFUNC = array_cat_agg_step,
    STYPE = anyarray,
    INITCOND = '{}'
);
