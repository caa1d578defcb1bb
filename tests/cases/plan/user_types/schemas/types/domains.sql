-- Constrained scalar types.
CREATE DOMAIN common.currency_code AS char(3) DEFAULT 'EUR' CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE DOMAIN common.positive_qty AS integer CONSTRAINT positive_qty_check CHECK (VALUE > 0);
