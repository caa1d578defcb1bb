CREATE TABLE tasks (id bigint PRIMARY KEY, owner text NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE INDEX tasks_owner_idx ON tasks (owner);
CREATE INDEX tasks_obsolete_idx ON tasks (done);
