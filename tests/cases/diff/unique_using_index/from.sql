CREATE TABLE members (id bigint NOT NULL, email text NOT NULL);
INSERT INTO members VALUES (1, 'a@example.com');
