CREATE SCHEMA core;

CREATE TABLE core.users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL UNIQUE,
    role ENUM('member', 'admin') NOT NULL DEFAULT 'member',
    created_at timestamptz NOT NULL DEFAULT now()
);
