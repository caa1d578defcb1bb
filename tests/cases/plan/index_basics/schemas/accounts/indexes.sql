-- Indexes on users, written before the table: unique, partial, expression, multi-column.
CREATE UNIQUE INDEX users_email_lower_key ON accounts.users (lower(email));
CREATE INDEX users_active_last_seen_idx ON accounts.users (last_seen_at) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_handle_active_key ON accounts.users (handle) WHERE deleted_at IS NULL;
CREATE INDEX users_name_idx ON accounts.users (last_name, first_name);
CREATE INDEX ON accounts.users (created_at);
