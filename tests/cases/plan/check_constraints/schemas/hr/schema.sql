-- Human resources.
CREATE SCHEMA hr;
