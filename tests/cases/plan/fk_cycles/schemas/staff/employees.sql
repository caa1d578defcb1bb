-- Employees; the department reference closes a cycle with org.departments.head_id.
CREATE SCHEMA staff;

CREATE TABLE staff.employees (
    id              integer PRIMARY KEY,
    name            text NOT NULL,
    department_id   integer NOT NULL REFERENCES org.departments (id),
    manager_id      integer REFERENCES staff.employees
);
