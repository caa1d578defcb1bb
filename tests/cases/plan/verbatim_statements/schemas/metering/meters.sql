-- Statements schemadiff keeps as written: sequence ownership and a comment on an overloaded function.
ALTER SEQUENCE metering.reading_seq OWNED BY metering.readings.id;
COMMENT ON FUNCTION pricing.unit_price(integer) IS 'Price per unit for a tier number.';
COMMENT ON FUNCTION pricing.unit_price(text) IS 'Price per unit for a tier name.';

CREATE SCHEMA metering;

CREATE SEQUENCE metering.reading_seq;

CREATE TABLE metering.readings (
    id          bigint PRIMARY KEY DEFAULT nextval('metering.reading_seq'),
    tier        integer NOT NULL,
    units       numeric NOT NULL
);
