CREATE TABLE members (id bigint NOT NULL, email text NOT NULL, CONSTRAINT members_pkey PRIMARY KEY (id), CONSTRAINT members_email_key UNIQUE (email));
