-- Column-level and table-level CHECK constraints, named and unnamed.
CREATE TABLE hr.employees (
    id              integer PRIMARY KEY,
    salary          numeric(10, 2) NOT NULL CHECK (salary > 0),
    bonus           numeric(10, 2) CONSTRAINT employees_bonus_nonnegative CHECK (bonus >= 0),
    hired_on        date NOT NULL,
    left_on         date,
    grade           text NOT NULL CHECK (grade IN ('junior', 'senior', 'principal')),
    CHECK (left_on IS NULL OR left_on >= hired_on),
    CONSTRAINT employees_bonus_below_salary CHECK (bonus IS NULL OR bonus < salary)
);
