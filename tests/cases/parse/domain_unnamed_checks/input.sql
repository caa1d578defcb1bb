-- PostgreSQL numbers unnamed domain CHECKs: <domain>_check, <domain>_check1, ...,
-- skipping names an earlier CHECK of the domain already has.
CREATE DOMAIN valid_score AS integer
  CHECK (VALUE >= 0)
  CHECK (VALUE <= 100)
  CHECK (VALUE <> 5);
CREATE DOMAIN d2 AS integer CONSTRAINT d2_check CHECK (VALUE > 0) CHECK (VALUE < 10);
CREATE DOMAIN d3 AS integer CHECK (VALUE > 0) CONSTRAINT d3_check1 CHECK (VALUE < 10) CHECK (VALUE <> 3);
