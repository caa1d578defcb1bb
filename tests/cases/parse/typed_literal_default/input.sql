-- `type 'string'` is a typed literal for any type name in PostgreSQL, also for types
-- sqlparser has no word for (money) and for user types.
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE m (
  id integer,
  price money DEFAULT money '1.00',
  feeling mood DEFAULT mood 'happy',
  since date DEFAULT date '2020-01-01',
  note text DEFAULT 'plain'
);
ALTER TABLE m ALTER COLUMN price SET DEFAULT money '2.50';
-- Not a typed literal: still a syntax error.
CREATE TABLE broken (price money DEFAULT money money '1.00');
