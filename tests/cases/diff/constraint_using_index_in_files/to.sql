-- pg_dump-style files adopt an index as a constraint; the index becomes the constraint.
CREATE TABLE accounts (id integer NOT NULL, email text);
CREATE UNIQUE INDEX accounts_id_idx ON accounts USING btree (id);
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_id_idx;
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
ALTER TABLE accounts ADD UNIQUE USING INDEX accounts_email_key DEFERRABLE;
