-- Departments have a head (staff) and a parent department; staff belong to a department.
CREATE SCHEMA org;

CREATE TABLE org.departments (
    id              integer PRIMARY KEY,
    name            text NOT NULL,
    parent_id       integer REFERENCES org.departments (id),
    head_id         integer REFERENCES staff.employees (id)
);
