CREATE TABLE base (id int PRIMARY KEY, active boolean NOT NULL);
CREATE VIEW active_base WITH (security_barrier) AS SELECT id FROM base WHERE active;
CREATE OR REPLACE VIEW checked AS SELECT id, active FROM base WHERE active WITH CHECK OPTION;
CREATE VIEW local_checked AS SELECT id, active FROM base WITH LOCAL CHECK OPTION;
