-- Order lifecycle.
CREATE TYPE common.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
