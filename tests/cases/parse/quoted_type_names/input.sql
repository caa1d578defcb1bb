-- A quoted type name keeps its case and names the user type exactly as written.
CREATE TYPE "UserStatus" AS ENUM ('active', 'inactive');
CREATE DOMAIN "PositiveInt" AS int CHECK (VALUE > 0);
CREATE TABLE users (
  id "PositiveInt",
  status "UserStatus",
  history "UserStatus"[],
  -- A quoted lower-case built-in name is still the built-in type.
  n "int4"
);
-- Folded to userstatus, which no file defines.
CREATE TABLE wrong (status UserStatus);
