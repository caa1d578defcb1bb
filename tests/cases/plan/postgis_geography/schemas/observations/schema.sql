-- Field observations.
CREATE SCHEMA observations;
