-- The table comes first in the file: the collation it uses is created before it anyway.
CREATE TABLE t (
  a text,
  b text COLLATE numeric,
  c text COLLATE numeric
);
CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
