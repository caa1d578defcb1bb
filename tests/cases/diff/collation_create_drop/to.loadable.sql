CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
CREATE TABLE t (
  a text,
  b text COLLATE numeric,
  c text COLLATE numeric
);
