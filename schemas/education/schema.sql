-- Schema for the education domain: pillars, courses, lessons and learner progress.
CREATE SCHEMA education;

COMMENT ON SCHEMA education IS 'Curriculum structure (pillars > courses > lessons) and learner progress.';
