-- SQL-standard array syntax: `integer ARRAY` and `integer ARRAY[4]` are `integer[]`.
CREATE TABLE users (
  c_array integer array,
  c_sized text ARRAY[4] NOT NULL,
  c_bracket integer[]
);
